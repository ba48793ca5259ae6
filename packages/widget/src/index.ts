import { createHostEvents } from './app/host-events.ts';
import { createWidgetController, type WidgetController } from './app/widget-controller.ts';
import { createHostApi, installHostApi } from './host-api.ts';
import { detectLocale } from './i18n/widget-i18n.ts';
import { guard, reportError } from './report-error.ts';
import { createSafeStorage } from './state/safe-storage.ts';
import { mountWidget } from './ui/mount-widget.tsx';

type BootSettings = { workspaceId: string; apiOrigin: string; localeAttribute: string | null };

const INSTALLED = Symbol.for('tandem.widget-installed');

// currentScript only exists while this file first runs, so the tag is read now, not on idle.
function readSettings(): BootSettings | null {
  const current = document.currentScript;
  const script =
    current instanceof HTMLScriptElement && current.dataset.workspace !== undefined
      ? current
      : document.querySelector<HTMLScriptElement>('script[data-workspace]');
  const workspaceId = script?.dataset.workspace?.trim();
  if (!script || !workspaceId) {
    reportError('boot', 'add data-workspace="<workspace id>" to the widget <script> tag; the widget stays off without it');
    return null;
  }
  const origin = script.dataset.api ?? (script.src || location.href);
  return { workspaceId, apiOrigin: new URL(origin, location.href).origin, localeAttribute: script.dataset.locale ?? null };
}

/** Runs `task` once the page is parsed and the browser is idle, so the host page never waits for us. */
function whenIdle(task: () => void): void {
  const schedule = () => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: 3_000 });
    else setTimeout(task, 1);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', schedule, { once: true });
  else schedule();
}

async function boot(settings: BootSettings, events: ReturnType<typeof createHostEvents>): Promise<WidgetController | null> {
  const controller = createWidgetController({
    workspaceId: settings.workspaceId,
    apiOrigin: settings.apiOrigin,
    locale: detectLocale(settings.localeAttribute, navigator.languages ?? [navigator.language]),
    storage: createSafeStorage(() => window.localStorage),
    events,
  });
  if (!(await controller.loadConfig())) return null;
  mountWidget(controller);
  controller.run().catch((error: unknown) => reportError('run', error));
  return controller;
}

function main(): void {
  const flags = window as unknown as Record<symbol, boolean>;
  if (flags[INSTALLED]) return reportError('boot', 'the widget script is on this page twice; ignoring the second copy');
  const settings = readSettings();
  if (!settings) return;
  flags[INSTALLED] = true;
  const events = createHostEvents();
  let resolveReady: (controller: WidgetController | null) => void = () => undefined;
  const ready = new Promise<WidgetController | null>((resolve) => {
    resolveReady = resolve;
  });
  installHostApi(window as Window & { Tandem?: unknown }, createHostApi(ready, events));
  whenIdle(guard('boot', async () => {
    try {
      resolveReady(await boot(settings, events));
    } catch (error) {
      resolveReady(null);
      throw error;
    }
  }));
}

guard('boot', main)();
