import { formatNextOpen } from '../i18n/formatters.ts';
import { useWidget } from './widget-context.ts';
import type { RefObject } from 'preact';
import { CloseIcon, ShieldIcon } from './widget-icons.tsx';

export type PrivacyToggle = { isOpen: boolean; viewId: string; onToggle: () => void; buttonRef: RefObject<HTMLButtonElement | null> };

export function PanelHeader(props: { titleId: string; onClose: () => void; privacy: PrivacyToggle }) {
  const { state, t, locale } = useWidget();
  const config = state.config;
  if (!config) return null;
  const { open, nextOpenAt } = config.availability;
  // A greeting in another language reads worse than our own default in the customer's.
  const greeting = config.appearance.greeting[locale] ?? t('header.greeting');
  let availability = t('header.open');
  if (!open) availability = nextOpenAt ? t('header.awayUntil', { time: formatNextOpen(nextOpenAt, locale) }) : t('header.away');
  return (
    <header class="header">
      <div class="header-text">
        <h2 id={props.titleId} class="title">
          {config.name}
        </h2>
        <p class="greeting">{greeting}</p>
        <p class="availability">
          <span class={open ? 'dot' : 'dot away'} aria-hidden="true" />
          {availability}
        </p>
      </div>
      <button
        ref={props.privacy.buttonRef}
        type="button"
        class="close"
        aria-label={t('privacy.open')}
        title={t('privacy.open')}
        aria-expanded={props.privacy.isOpen}
        aria-controls={props.privacy.isOpen ? props.privacy.viewId : undefined}
        data-testid="tandem-privacy-open"
        onClick={props.privacy.onToggle}
      >
        <ShieldIcon />
      </button>
      <button type="button" class="close" aria-label={t('header.close')} onClick={props.onClose}>
        <CloseIcon />
      </button>
    </header>
  );
}
