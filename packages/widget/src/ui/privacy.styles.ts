// The privacy view: it takes the panel's place below the header. Logical properties only, so
// the switches mirror in RTL (the knob starts at inline-start and moves to inline-end).
export const privacyStyles = `
.panel[data-view="privacy"] > :not(.header, .privacy) { display: none; }
.privacy { flex: 1; overflow-y: auto; display: grid; align-content: start; gap: 12px; }
.privacy-title { margin: 0; font-size: 15px; font-weight: 650; }
.privacy .hint { margin: 0; }
.privacy .hint.error { color: var(--danger); }
.switches { list-style: none; margin: 0; padding: 0; display: grid; gap: 14px; }
.switches li { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; align-items: center; }
.switches li .hint { grid-column: 2; }
.switches label { cursor: pointer; font-weight: 550; }
.switch {
  position: relative; width: 36px; height: 20px; padding: 0; border: none; border-radius: 10px;
  background: #98a2b3; box-shadow: inset 0 0 0 1px rgba(15, 23, 42, 0.12); transition: background 0.15s ease;
}
.switch[aria-checked="true"] { background: var(--accent); }
.knob {
  position: absolute; inset-block-start: 2px; inset-inline-start: 2px; width: 16px; height: 16px;
  border-radius: 50%; background: #ffffff; box-shadow: 0 1px 2px rgba(15, 23, 42, 0.3); transition: inset-inline-start 0.15s ease;
}
.switch[aria-checked="true"] .knob { inset-inline-start: 18px; }
.privacy .button { justify-self: start; }
`;
