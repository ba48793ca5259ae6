import type { RefObject } from 'preact';
import { useId } from 'preact/hooks';
import { localeDirection } from '../i18n/widget-i18n.ts';
import { guard } from '../report-error.ts';
import { EXTERNAL } from './message-extras.tsx';
import { safeHref } from './safe-url.ts';
import { useWidget } from './widget-context.ts';
import { CloseIcon } from './widget-icons.tsx';

/**
 * A proactive rule's message, next to the launcher. It never takes focus or opens the panel:
 * everything it does starts with the visitor's click, and one click turns them all off.
 */
export function ProactivePrompt(props: { launcherRef: RefObject<HTMLButtonElement | null> }) {
  const { controller, state, t, locale } = useWidget();
  const textId = useId();
  const prompt = state.proactive;
  if (!prompt || state.isOpen) return null;
  const { action } = prompt;
  const actions = controller.proactive;
  // Closing removes the focused control with the card: the launcher is where the visitor was.
  const closeWith = (act: () => void) =>
    guard('proactive', () => {
      act();
      props.launcherRef.current?.focus();
    });
  const dismiss = closeWith(actions.dismiss);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    dismiss();
  };
  return (
    <div
      class="proactive"
      role="dialog"
      aria-label={t('proactive.label', { name: state.config?.name ?? '' })}
      aria-describedby={textId}
      dir={localeDirection(locale)}
      lang={locale}
      data-testid="tandem-proactive"
      data-kind={action.kind}
      onKeyDown={onKeyDown}
    >
      <button type="button" class="close" aria-label={t('proactive.close')} data-testid="tandem-proactive-close" onClick={dismiss}>
        <CloseIcon />
      </button>
      <p id={textId} class="proactive-text">
        {action.text}
      </p>
      {action.kind === 'bot_message' && action.quickReplies.length > 0 ? (
        <div class="quick-replies" role="group" aria-label={t('conversation.suggestedReplies')}>
          {action.quickReplies.map((reply, index) => (
            <button key={index} type="button" class="chip" onClick={guard('proactive reply', () => actions.reply(reply))}>
              {reply}
            </button>
          ))}
        </div>
      ) : null}
      {action.kind === 'suggest_articles' ? <ArticleLinks articles={action.articles} onOpen={actions.openArticle} /> : null}
      {action.kind === 'open_guide' && action.guideKey ? (
        <button type="button" class="button" onClick={guard('proactive guide', actions.openGuide)}>
          {t('proactive.openGuide')}
        </button>
      ) : null}
      {action.kind === 'offer_person' ? (
        <button type="button" class="button" onClick={guard('proactive handoff', actions.talkToPerson)}>
          {t('handoff.button')}
        </button>
      ) : null}
      <button type="button" class="link-button" data-testid="tandem-proactive-dnd" onClick={closeWith(actions.doNotDisturb)}>
        {t('proactive.doNotDisturb')}
      </button>
    </div>
  );
}

function ArticleLinks(props: { articles: readonly { id: string; title: string; url: string }[]; onOpen: () => void }) {
  const { controller, t } = useWidget();
  return (
    <ul class="proactive-articles" aria-label={t('proactive.articles')}>
      {props.articles.map((article) => {
        // Help-center links are paths on the Tandem server; only http(s) ever becomes clickable.
        const href = safeHref(article.url, controller.apiOrigin);
        return href ? (
          <li key={article.id}>
            <a href={href} {...EXTERNAL} onClick={guard('proactive article', props.onOpen)}>
              {article.title}
            </a>
          </li>
        ) : null;
      })}
    </ul>
  );
}
