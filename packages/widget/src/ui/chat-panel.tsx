import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { guard } from '../report-error.ts';
import { localeDirection } from '../i18n/widget-i18n.ts';
import { ComposerForm } from './composer-form.tsx';
import { EmailCapture } from './email-capture.tsx';
import { GuideRunner } from './guide-runner.tsx';
import { HelpSearch } from './help-search.tsx';
import { MessageList } from './message-list.tsx';
import { NoticeBar } from './notice-bar.tsx';
import { PanelHeader } from './panel-header.tsx';
import { PrivacyChoices } from './privacy-choices.tsx';
import { useWidget } from './widget-context.ts';

/** Header, away card, help search, conversation, "Talk to a person", email link, composer; or the privacy view. */
export function ChatPanel(props: { id: string; onClose: () => void }) {
  const { controller, state, t, locale } = useWidget();
  const titleId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const config = state.config;
  const isAway = config?.availability.open === false;
  const [isEmailRevealed, setIsEmailRevealed] = useState(state.error?.key === 'error.magicLinkInvalid');
  const showsEmail = isAway || isEmailRevealed;
  // The privacy view only hides the conversation, so a draft or a search survives a visit to it.
  const privacyId = useId();
  const privacyButtonRef = useRef<HTMLButtonElement>(null);
  const [isPrivacyOpen, setIsPrivacyOpen] = useState(false);
  const closePrivacy = () => {
    setIsPrivacyOpen(false);
    privacyButtonRef.current?.focus();
  };

  useEffect(() => {
    (config?.helpSearch ? searchRef : composerRef).current?.focus();
    // Focus once, on opening: later renders must not pull focus away from where the customer is.
  }, []);

  useEffect(() => {
    if (isEmailRevealed) emailRef.current?.focus();
  }, [isEmailRevealed]);

  const onKeyDown = guard('keydown', (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    props.onClose();
  });

  // With no conversation yet the person arrives with the first message: invite it.
  const onHandoff = guard('handoff', async () => {
    const hasConversation = controller.store.getState().activeConversationId !== null;
    if (!hasConversation) composerRef.current?.focus();
    await controller.handoff();
  });

  return (
    <div
      id={props.id}
      class="panel"
      role="dialog"
      aria-labelledby={titleId}
      dir={localeDirection(locale)}
      lang={locale}
      data-testid="tandem-panel"
      data-view={isPrivacyOpen ? 'privacy' : 'chat'}
      onKeyDown={onKeyDown}
    >
      <PanelHeader
        titleId={titleId}
        onClose={props.onClose}
        privacy={{ isOpen: isPrivacyOpen, viewId: privacyId, onToggle: () => setIsPrivacyOpen(!isPrivacyOpen), buttonRef: privacyButtonRef }}
      />
      {isPrivacyOpen ? <PrivacyChoices id={privacyId} onBack={closePrivacy} /> : null}
      {isAway ? (
        <div class="section away-card">
          <EmailCapture inputRef={emailRef} />
        </div>
      ) : null}
      {/* Outside the scrolling log, so searching stays one glance away however long the conversation. */}
      {config?.helpSearch ? <HelpSearch inputRef={searchRef} /> : null}
      {config?.helpSearch || state.requestedGuide ? <GuideRunner /> : null}
      <div class="body">
        <MessageList />
      </div>
      {/* Next to the composer, where the customer is looking when something needs saying. */}
      <NoticeBar />
      <div class="actions">
        <button type="button" class="button secondary" data-testid="tandem-handoff" onClick={onHandoff}>
          {t('handoff.button')}
        </button>
        {showsEmail ? null : (
          <button type="button" class="link-button" aria-expanded={false} onClick={() => setIsEmailRevealed(true)}>
            {t('email.continueElsewhere')}
          </button>
        )}
      </div>
      {showsEmail && !isAway ? (
        <div class="section revealed-email">
          <EmailCapture inputRef={emailRef} />
        </div>
      ) : null}
      <ComposerForm textareaRef={composerRef} />
    </div>
  );
}
