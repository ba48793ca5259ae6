import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../app/consent.ts';
import { reportError } from '../report-error.ts';
import type { WidgetConsent } from '../transport/wire-types.ts';
import { useWidget } from './widget-context.ts';

type Phase = 'loading' | 'ready' | 'saving' | 'saved' | 'failed' | 'unavailable';

const STATUS: Record<Phase, string | null> = {
  loading: 'privacy.loading',
  ready: null,
  saving: 'privacy.saving',
  saved: 'privacy.saved',
  failed: 'privacy.failed',
  unavailable: 'privacy.unavailable',
};

/**
 * One switch per purpose, showing what the server holds. A change is saved at once and the
 * outcome announced; a failed save puts the switch back, so it never shows what is not stored.
 */
export function PrivacyChoices(props: { id: string; onBack: () => void }) {
  const { controller, t } = useWidget();
  const ids = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const latest = useRef(0);
  const [consent, setConsent] = useState<WidgetConsent | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');

  useEffect(() => {
    titleRef.current?.focus();
    controller.consent.load().then(
      (loaded) => {
        setConsent(loaded);
        setPhase('ready');
      },
      (error: unknown) => {
        reportError('consent', error);
        setPhase('unavailable');
      },
    );
  }, [controller]);

  const toggle = (purpose: ConsentPurpose, value: boolean) => {
    // Only the last answer may redraw the switches: an earlier one arriving late is stale.
    const request = (latest.current += 1);
    setConsent((current) => current && { ...current, [purpose]: value });
    setPhase('saving');
    controller.consent.set({ [purpose]: value }).then(
      (saved) => {
        if (request !== latest.current) return;
        setConsent(saved);
        setPhase('saved');
      },
      (error: unknown) => {
        reportError('consent', error);
        setConsent((current) => current && { ...current, [purpose]: !value });
        setPhase('failed');
      },
    );
  };

  const status = STATUS[phase];
  return (
    <section id={props.id} class="section privacy" aria-labelledby={`${ids}-title`} data-testid="tandem-privacy">
      <h3 id={`${ids}-title`} ref={titleRef} tabIndex={-1} class="privacy-title">
        {t('privacy.open')}
      </h3>
      <p class="hint">{t('privacy.intro')}</p>
      {consent ? (
        <ul class="switches">
          {CONSENT_PURPOSES.map((purpose) => (
            <li key={purpose}>
              <button
                type="button"
                role="switch"
                id={`${ids}-${purpose}`}
                class="switch"
                aria-checked={consent[purpose]}
                aria-labelledby={`${ids}-${purpose}-label`}
                aria-describedby={`${ids}-${purpose}-hint`}
                data-testid={`tandem-consent-${purpose}`}
                onClick={() => toggle(purpose, !consent[purpose])}
              >
                <span class="knob" aria-hidden="true" />
              </button>
              <label id={`${ids}-${purpose}-label`} for={`${ids}-${purpose}`}>
                {t(`privacy.${purpose}`)}
              </label>
              <p id={`${ids}-${purpose}-hint`} class="hint">
                {t(`privacy.${purpose}Hint`)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <p class={phase === 'failed' || phase === 'unavailable' ? 'hint error' : 'hint'} role="status" data-testid="tandem-privacy-status">
        {status ? t(status) : ''}
      </p>
      <button type="button" class="button secondary" data-testid="tandem-privacy-back" onClick={props.onBack}>
        {t('privacy.back')}
      </button>
    </section>
  );
}
