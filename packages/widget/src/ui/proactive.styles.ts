// The proactive prompt beside the launcher. Logical properties only, so it mirrors in RTL.
export const proactiveStyles = `
.proactive {
  position: absolute; inset-block-end: 72px; width: 300px; max-width: calc(100vw - 40px);
  padding-block: 14px 12px; padding-inline: 16px 40px; display: grid; gap: 10px;
  background: var(--surface); border: 1px solid var(--border); border-radius: 14px;
  box-shadow: 0 12px 32px rgba(15, 23, 42, 0.16), 0 2px 6px rgba(15, 23, 42, 0.08);
  animation: tandem-rise 0.18s ease-out;
}
.root[data-side="end"] .proactive { inset-inline-end: 0; }
.root[data-side="start"] .proactive { inset-inline-start: 0; }
.proactive .close { position: absolute; inset-block-start: 6px; inset-inline-end: 6px; width: 28px; height: 28px; color: var(--muted); }
.proactive-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.proactive .quick-replies { margin: 0; }
.proactive .button { justify-self: start; height: 34px; padding-inline: 12px; font-size: 13px; }
.proactive-articles { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.proactive-articles a { color: var(--focus); text-underline-offset: 2px; overflow-wrap: anywhere; }
.proactive .link-button { justify-self: start; font-size: 12px; }
@media (max-width: 480px) {
  .proactive { width: calc(100vw - 40px); }
}
`;
