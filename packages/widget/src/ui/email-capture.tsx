import type { RefObject } from 'preact';
import { useId, useState } from 'preact/hooks';
import { guard } from '../report-error.ts';
import { useWidget } from './widget-context.ts';

// Deliberately loose: the server validates; this only catches obvious typos before a round trip.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Asks for an email and sends a magic link: replies reach the customer there, and it reopens this conversation anywhere. */
export function EmailCapture(props: { inputRef?: RefObject<HTMLInputElement | null> }) {
  const { controller, t } = useWidget();
  const id = useId();
  const [email, setEmail] = useState('');
  const [phase, setPhase] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [isInvalid, setIsInvalid] = useState(false);

  const submit = guard('magic link', async (event: Event) => {
    event.preventDefault();
    const value = email.trim();
    setIsInvalid(!EMAIL_SHAPE.test(value));
    if (!EMAIL_SHAPE.test(value)) return;
    setPhase('sending');
    const isSent = await controller.requestMagicLink(value).catch((error: unknown) => {
      setPhase('idle');
      throw error;
    });
    setPhase(isSent ? 'sent' : 'idle');
  });

  if (phase === 'sent') {
    return (
      <p class="hint" role="status">
        {t('email.sent', { email: email.trim() })}
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <label class="hint" for={`${id}-email`}>
        {t('email.label')}
      </label>
      <div class="field">
        <input
          ref={props.inputRef}
          id={`${id}-email`}
          type="email"
          class="input"
          autoComplete="email"
          inputMode="email"
          dir="ltr"
          placeholder={t('email.placeholder')}
          value={email}
          aria-invalid={isInvalid}
          aria-describedby={isInvalid ? `${id}-error` : undefined}
          data-testid="tandem-email"
          onInput={(event) => setEmail((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="button" disabled={phase === 'sending'}>
          {phase === 'sending' ? t('email.sending') : t('email.submit')}
        </button>
      </div>
      {isInvalid ? (
        <p class="hint" id={`${id}-error`} role="alert">
          {t('email.invalid')}
        </p>
      ) : null}
    </form>
  );
}
