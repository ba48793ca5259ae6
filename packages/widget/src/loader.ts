// What the site's <script src=".../widget.js" async> tag loads: a few hundred bytes that fetch
// the widget itself only after the page's load event, when the browser is idle. The page's
// load never waits for the widget, and the widget bundle can be cached for a year under its
// content hash while this tag's URL stays the same.

declare const WIDGET_MAIN_FILE: string;

function loadWidget(tag: HTMLScriptElement): void {
  const main = document.createElement('script');
  main.src = new URL(`widget/${WIDGET_MAIN_FILE}`, tag.src).href;
  main.async = true;
  // The widget reads its settings (data-workspace, data-locale, data-api) from its own tag.
  for (const attribute of Array.from(tag.attributes)) {
    if (attribute.name.startsWith('data-')) main.setAttribute(attribute.name, attribute.value);
  }
  document.head.appendChild(main);
}

function whenLoadedAndIdle(task: () => void): void {
  const idle = () => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(task, { timeout: 2_000 }) : setTimeout(task, 1));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

const tag = document.currentScript;
if (tag instanceof HTMLScriptElement && tag.src) whenLoadedAndIdle(() => loadWidget(tag));
