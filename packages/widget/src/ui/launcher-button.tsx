import type { RefObject } from 'preact';
import { guard } from '../report-error.ts';
import { unreadCount } from '../state/widget.selectors.ts';
import { useWidget } from './widget-context.ts';
import { ChatIcon, CloseIcon } from './widget-icons.tsx';

export function LauncherButton(props: { buttonRef: RefObject<HTMLButtonElement | null>; panelId: string }) {
  const { controller, state, t, locale } = useWidget();
  const unread = unreadCount(state);
  const label = state.isOpen ? t('launcher.close') : unread > 0 ? t('launcher.openWithUnread', { count: unread }) : t('launcher.open');
  return (
    <button
      ref={props.buttonRef}
      type="button"
      class="launcher"
      aria-label={label}
      aria-expanded={state.isOpen}
      aria-controls={props.panelId}
      data-testid="tandem-launcher"
      onClick={guard('launcher', () => (state.isOpen ? controller.close() : controller.open()))}
    >
      {state.isOpen ? <CloseIcon /> : <ChatIcon />}
      {!state.isOpen && unread > 0 ? (
        <span class="badge" aria-hidden="true" data-testid="tandem-unread">
          {new Intl.NumberFormat(locale).format(Math.min(unread, 99))}
        </span>
      ) : null}
    </button>
  );
}
