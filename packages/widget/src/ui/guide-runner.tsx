import { useEffect, useState } from 'preact/hooks';
import type { GuideStepView } from '@tandem/protocol';
import { guard, reportError } from '../report-error.ts';
import type { GuideSummary } from '../transport/widget-api.ts';
import type { WidgetLocale } from '../state/widget-state.ts';
import { ArticleCardLink } from './message-extras.tsx';
import { useWidget } from './widget-context.ts';

type Text = Partial<Record<WidgetLocale, string>>;
const pick = (text: Text, locale: WidgetLocale) => text[locale] ?? text.en ?? Object.values(text)[0] ?? '';

/**
 * The workspace's guides: step-by-step answers the customer clicks through before (or instead
 * of) writing. A guide requested from outside the panel (a proactive prompt) starts at once.
 */
export function GuideRunner() {
  const { controller, state, t, locale } = useWidget();
  const [guides, setGuides] = useState<GuideSummary[]>([]);
  const [active, setActive] = useState<{ key: string; view: GuideStepView } | null>(null);
  const requested = state.requestedGuide;

  useEffect(() => {
    controller.listGuides().then(setGuides, (error: unknown) => reportError('guides', error));
  }, [controller]);

  const start = guard('guide', async (key: string) => setActive({ key, view: await controller.advanceGuide(key) }));
  const choose = guard('guide', async (next: string) => {
    if (!active) return;
    setActive({ key: active.key, view: await controller.advanceGuide(active.key, { step: next, runId: active.view.runId }) });
  });
  const close = () => {
    setActive(null);
    if (requested) controller.store.dispatch({ type: 'guide.requested', key: null });
  };

  useEffect(() => {
    if (!requested) return;
    controller.advanceGuide(requested).then(
      (view) => setActive({ key: requested, view }),
      (error: unknown) => {
        reportError('guide', error);
        controller.store.dispatch({ type: 'guide.requested', key: null });
      },
    );
  }, [controller, requested]);

  if (!active) {
    // A requested guide is on its way: the list would flash up before it.
    if (guides.length === 0 || requested) return null;
    return (
      <div class="section guides" role="group" aria-label={t('guides.label')} data-testid="tandem-guides">
        {guides.map((guide) => (
          <button key={guide.key} type="button" class="chip" onClick={() => start(guide.key)}>
            {pick(guide.title, locale)}
          </button>
        ))}
      </div>
    );
  }
  const { view } = active;
  return (
    <div class="section guide" role="region" aria-label={t('guides.label')} data-testid="tandem-guide-step">
      <p aria-live="polite">{pick(view.text, locale)}</p>
      <div class="quick-replies">
        {view.choices.map((choice) => (
          <button key={choice.next} type="button" class="chip" onClick={() => choose(choice.next)}>
            {pick(choice.label, locale)}
          </button>
        ))}
      </div>
      {view.end?.kind === 'article' && view.end.article ? <ArticleCardLink card={view.end.article} /> : null}
      {view.end && view.end.kind !== 'article' ? <p role="status">{pick(view.end.message, locale)}</p> : null}
      {view.end?.kind === 'handoff' ? (
        <button type="button" class="button" onClick={guard('handoff', () => controller.handoff())}>
          {t('handoff.button')}
        </button>
      ) : null}
      <button type="button" class="link-button" onClick={close}>
        {t('guides.close')}
      </button>
    </div>
  );
}
