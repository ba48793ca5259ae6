import { render } from 'preact';
import type { WidgetController } from '../app/widget-controller.ts';
import { conversationStyles } from './conversation.styles.ts';
import { frameStyles } from './frame.styles.ts';
import { privacyStyles } from './privacy.styles.ts';
import { proactiveStyles } from './proactive.styles.ts';
import { WidgetApp } from './widget-app.tsx';

/**
 * Renders the widget in an open shadow root on its own element, so neither the page's CSS
 * nor ours crosses over. A custom element name dodges page rules aimed at `body > div`.
 */
export function mountWidget(controller: WidgetController, doc: Document = document): () => void {
  const host = doc.createElement('tandem-widget');
  // Inline, so a page stylesheet cannot hide or shift the host (only !important could).
  host.setAttribute('style', 'all: initial; position: static; display: block;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = frameStyles + conversationStyles + proactiveStyles + privacyStyles;
  const container = doc.createElement('div');
  shadow.append(style, container);
  doc.body.append(host);
  render(<WidgetApp controller={controller} />, container);
  return () => {
    render(null, container);
    host.remove();
  };
}
