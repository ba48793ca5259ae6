import { reportError } from '../report-error.ts';
import type { ProactivePrompt } from '../state/widget-state.ts';
import type { WidgetStore } from '../state/widget.store.ts';
import type { WidgetApi } from '../transport/widget-api.ts';
import type { ExposureEngagement } from '../transport/wire-types.ts';
import type { ComposerActions } from './composer-actions.ts';
import type { HandoffRequest } from './handoff-request.ts';

export type ProactiveActions = ReturnType<typeof createProactiveActions>;

/**
 * What the visitor can do with a proactive prompt. Each one is a click of theirs: the panel
 * opens and a message goes out only then, never on the prompt's own initiative.
 */
export function createProactiveActions(deps: {
  store: WidgetStore;
  api: Pick<WidgetApi, 'engageExposure' | 'setDoNotDisturb'>;
  composer: ComposerActions;
  handoff: HandoffRequest;
  open: () => void;
  stopRunner: () => void;
}) {
  const { store, api, composer } = deps;

  /** Hides the prompt and records what the visitor did with it (once: the prompt is gone after). */
  const take = (engagement: ExposureEngagement): ProactivePrompt | null => {
    const prompt = store.getState().proactive;
    if (!prompt) return null;
    store.dispatch({ type: 'proactive.cleared' });
    api.engageExposure(prompt.exposureId, engagement).catch((error: unknown) => reportError('proactive engagement', error));
    return prompt;
  };

  return {
    /** A quick reply: opens the panel and sends the text as the visitor's message. */
    async reply(text: string): Promise<void> {
      if (!take('clicked')) return;
      deps.open();
      // Sending clears the composer: a draft the visitor had written must survive the click.
      const draft = store.getState().draft;
      await composer.send(text);
      if (draft.trim()) composer.setDraft(draft);
    },
    openGuide(): void {
      const key = take('clicked')?.action.guideKey;
      if (!key) return;
      store.dispatch({ type: 'guide.requested', key });
      deps.open();
    },
    /** The same request as the panel's "Talk to a person" button. */
    async talkToPerson(): Promise<void> {
      if (!take('clicked')) return;
      deps.open();
      await deps.handoff.request();
    },
    /** The link itself opens the article in a new tab. */
    openArticle: () => void take('clicked'),
    dismiss: () => void take('dismissed'),
    /** "Don't show me these": remembered by the server for this customer, on every device. */
    doNotDisturb(): void {
      take('dismissed');
      deps.stopRunner();
      api.setDoNotDisturb(true).catch((error: unknown) => reportError('do not disturb', error));
    },
  };
}
