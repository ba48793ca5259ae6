// The widget's chrome: root, launcher, panel, header, shared controls. Logical properties
// only (inset-inline-*, margin-inline-*, padding-inline, text-align: start) so RTL mirrors.
export const frameStyles = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
.root {
  --surface: #ffffff; --text: #1f2328; --muted: #5e6673; --border: #e3e6ea; --bubble: #f1f3f5;
  --focus: #1a56db; --danger: #b42318;
  position: fixed; inset-block-end: 20px; z-index: 2147483000;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Vazirmatn, Tahoma, sans-serif;
  color: var(--text); text-align: start; -webkit-font-smoothing: antialiased;
}
.root[data-side="end"] { inset-inline-end: 20px; }
.root[data-side="start"] { inset-inline-start: 20px; }
button, input, textarea { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 4px rgba(255, 255, 255, 0.9); }
.sr-only {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
[dir="rtl"] .mirror { transform: scaleX(-1); }

.launcher {
  position: relative; width: 56px; height: 56px; border: none; border-radius: 50%;
  display: grid; place-items: center; background: var(--accent); color: var(--on-accent);
  box-shadow: 0 6px 20px rgba(15, 23, 42, 0.22), 0 1px 3px rgba(15, 23, 42, 0.12);
  transition: transform 0.15s ease, box-shadow 0.15s ease;
}
.launcher:hover { transform: translateY(-1px) scale(1.04); box-shadow: 0 10px 26px rgba(15, 23, 42, 0.26); }
.badge {
  position: absolute; inset-block-start: -4px; inset-inline-end: -4px; min-width: 20px; height: 20px;
  padding-inline: 5px; border-radius: 10px; display: grid; place-items: center;
  background: #d92d20; color: #ffffff; font-size: 12px; font-weight: 600; box-shadow: 0 0 0 2px #ffffff;
}

.panel {
  position: absolute; inset-block-end: 72px; width: 372px; max-width: calc(100vw - 32px);
  height: min(640px, calc(100vh - 112px)); display: flex; flex-direction: column; overflow: hidden;
  background: var(--surface); border-radius: 16px;
  box-shadow: 0 16px 48px rgba(15, 23, 42, 0.18), 0 2px 8px rgba(15, 23, 42, 0.08);
  animation: tandem-rise 0.18s ease-out;
}
.root[data-side="end"] .panel { inset-inline-end: 0; }
.root[data-side="start"] .panel { inset-inline-start: 0; }
@keyframes tandem-rise { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }

.header {
  display: flex; align-items: flex-start; gap: 8px; padding-block: 16px 14px; padding-inline: 18px 10px;
  background: var(--accent); color: var(--on-accent);
}
.header-text { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 16px; font-weight: 650; }
.greeting { margin-block: 4px 0; }
.availability { display: flex; align-items: center; gap: 6px; margin-block: 8px 0; font-size: 12.5px; }
.dot { flex: none; width: 8px; height: 8px; border-radius: 50%; background: #12b76a; box-shadow: 0 0 0 2px rgba(255, 255, 255, 0.7); }
.dot.away { background: #f79009; }
.close {
  flex: none; width: 32px; height: 32px; border: none; border-radius: 8px;
  display: grid; place-items: center; background: transparent; color: inherit;
}
.close:hover { background: rgba(127, 127, 127, 0.18); }

.body { flex: 1; min-height: 0; overflow-y: auto; display: flex; flex-direction: column; }
.section { padding-block: 12px; padding-inline: 16px; }
.away-card { background: #fffaeb; border-block-end: 1px solid #fedf89; }
.field { display: flex; gap: 8px; margin-block-start: 8px; }
.input {
  flex: 1; min-width: 0; height: 38px; padding-inline: 12px; border: 1px solid var(--border);
  border-radius: 10px; background: #ffffff;
}
.button {
  height: 38px; padding-inline: 14px; border-radius: 10px; border: 1px solid transparent;
  background: var(--accent); color: var(--on-accent); font-weight: 600; white-space: nowrap;
}
.button.secondary { background: #ffffff; color: var(--text); border-color: var(--border); }
.button.secondary:hover { background: #f8f9fa; }
.button[disabled] { opacity: 0.6; cursor: default; }
.link-button {
  padding: 0; border: none; background: none; color: var(--muted);
  text-decoration: underline; text-underline-offset: 2px; font-size: 13px;
}
.hint { margin-block: 6px 0; font-size: 12.5px; color: var(--muted); }

@media (max-width: 480px) {
  .root[data-open="true"] { inset: 0; }
  .root[data-open="true"] .launcher { display: none; }
  .panel { position: fixed; inset: 0; width: auto; max-width: none; height: 100%; border-radius: 0; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
}
`;
