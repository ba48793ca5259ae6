import { useEffect, useErrorBoundary, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { WidgetController } from '../app/widget-controller.ts';
import { localeDirection } from '../i18n/widget-i18n.ts';
import { reportError } from '../report-error.ts';
import { ChatPanel } from './chat-panel.tsx';
import { readableTextColor } from './contrast.ts';
import { LauncherButton } from './launcher-button.tsx';
import { ProactivePrompt } from './proactive-prompt.tsx';
import { WidgetContext } from './widget-context.ts';

/** The widget, behind an error boundary: a rendering bug hides it, never breaks the host page. */
export function WidgetApp(props: { controller: WidgetController }) {
  const [renderError] = useErrorBoundary((error: unknown) => reportError('render', error));
  return renderError ? null : <WidgetView controller={props.controller} />;
}

function WidgetView(props: { controller: WidgetController }) {
  const { controller } = props;
  const [state, setState] = useState(controller.store.getState());
  const launcherRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => controller.store.subscribe((next) => setState(next)), [controller]);

  const wasOpen = useRef(state.isOpen);
  useEffect(() => {
    // Closing removes the focused control with the panel: hand focus to the launcher, unless
    // the host page holds it (Tandem.close() called from the page must not steal it).
    const root = rootRef.current?.getRootNode();
    const pageFocus = rootRef.current?.ownerDocument.activeElement;
    const isFocusOurs = !pageFocus || pageFocus === pageFocus.ownerDocument.body || (root instanceof ShadowRoot && pageFocus === root.host);
    if (wasOpen.current && !state.isOpen && isFocusOurs) launcherRef.current?.focus();
    wasOpen.current = state.isOpen;
  }, [state.isOpen]);

  const t = useMemo(() => controller.translate(), [controller, state.locale]);
  if (!state.config) return null;
  const accent = state.config.appearance.color;
  const style = { '--accent': accent, '--on-accent': readableTextColor(accent) };
  return (
    <WidgetContext.Provider value={{ controller, state, t, locale: state.locale }}>
      <div
        ref={rootRef}
        class="root"
        dir={localeDirection(state.locale)}
        lang={state.locale}
        data-side={state.config.appearance.position === 'left' ? 'start' : 'end'}
        data-open={String(state.isOpen)}
        style={style}
      >
        <LauncherButton buttonRef={launcherRef} panelId={panelId} />
        <ProactivePrompt launcherRef={launcherRef} />
        {state.isOpen ? <ChatPanel id={panelId} onClose={() => controller.close()} /> : null}
      </div>
    </WidgetContext.Provider>
  );
}
