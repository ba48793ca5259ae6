// The conversation: search results, notices, bubbles, composer.
export const conversationStyles = `
.search { border-block-end: 1px solid var(--border); }
.search .input { width: 100%; }
.revealed-email { padding-block-start: 0; }
.results { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 6px; max-height: 220px; overflow-y: auto; }
.card {
  display: block; padding-block: 10px; padding-inline: 12px; border: 1px solid var(--border);
  border-radius: 12px; background: #ffffff; color: var(--text); text-decoration: none;
}
.card:hover { border-color: var(--accent); }
.card-title { font-weight: 600; }
.card-summary { margin-block: 2px 0; color: var(--muted); font-size: 13px; }

.notice {
  display: flex; align-items: flex-start; gap: 8px; margin-block: 0 8px; margin-inline: 16px;
  padding-block: 8px; padding-inline: 12px; border-radius: 10px; font-size: 13px;
}
.notice p { flex: 1; margin: 0; }
.notice.error { background: #fef3f2; color: var(--danger); border: 1px solid #fecdca; }
.notice.info { background: #ecfdf3; color: #05603a; border: 1px solid #abefc6; }
.notice.offline { background: #fffaeb; color: #93370d; border: 1px solid #fedf89; }
.notice .close { width: 24px; height: 24px; }

.log { flex: 1; display: flex; flex-direction: column; gap: 12px; padding-block: 14px; padding-inline: 16px; }
.empty { margin: auto; color: var(--muted); text-align: center; }
.divider { display: flex; align-items: center; gap: 8px; color: var(--muted); font-size: 12px; }
.divider::before, .divider::after { content: ""; flex: 1; border-block-start: 1px solid var(--border); }
.group { display: flex; flex-direction: column; align-items: flex-start; gap: 3px; }
.group.own { align-items: flex-end; }
.group.system { align-items: center; }
.author { padding-inline: 4px; font-size: 12px; color: var(--muted); }
.bubble {
  max-width: 82%; padding-block: 8px; padding-inline: 12px; border-radius: 16px;
  background: var(--bubble); white-space: pre-wrap; overflow-wrap: anywhere; text-align: start;
}
.group:not(.own) .bubble { border-end-start-radius: 6px; }
.own .bubble { background: var(--accent); color: var(--on-accent); border-end-end-radius: 6px; }
.own .bubble[data-status="queued"] { opacity: 0.75; }
.own .bubble[data-status="failed"] { background: #fef3f2; color: var(--danger); border: 1px solid #fecdca; }
.system .bubble { background: none; color: var(--muted); font-size: 12.5px; text-align: center; }
.bubble a { color: inherit; text-decoration: underline; text-underline-offset: 2px; }
.bubble img { display: block; max-width: 100%; max-height: 240px; margin-block: 4px; border-radius: 10px; }
.file { display: inline-flex; align-items: center; gap: 6px; }
.meta { display: flex; align-items: center; gap: 8px; padding-inline: 4px; font-size: 11.5px; color: var(--muted); }
.meta .failed { color: var(--danger); font-weight: 600; }
.meta button { padding: 0; border: none; background: none; color: var(--focus); font-size: 11.5px; text-decoration: underline; }
.cards { display: grid; gap: 6px; width: 82%; }
.rating { display: flex; gap: 4px; padding-inline: 4px; }
.rating button { padding-block: 2px; padding-inline: 6px; border: 1px solid transparent; border-radius: 999px; background: none; font-size: 13px; opacity: 0.6; }
.rating button:hover, .rating button[aria-pressed="true"] { opacity: 1; }
.rating button[aria-pressed="true"] { border-color: var(--border); background: var(--bubble); }
.quick-replies { display: flex; flex-wrap: wrap; gap: 6px; margin-block-start: 4px; }
.chip {
  padding-block: 6px; padding-inline: 12px; border-radius: 999px; border: 1.5px solid var(--accent);
  background: #ffffff; color: var(--text); font-size: 13px;
}
.chip:hover { background: var(--bubble); }
.chip[aria-pressed="true"] { background: var(--accent); color: var(--on-accent); }
.prechat { display: grid; gap: 10px; }
.choices { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.choices-label { flex-basis: 100%; margin: 0; color: var(--muted); font-size: 12.5px; }
.guides { display: flex; flex-wrap: wrap; gap: 6px; }
.guide { display: grid; gap: 8px; }
.guide p { margin: 0; }
.typing, .waiting { color: var(--muted); font-size: 12.5px; }
.typing { margin: 0; animation: tandem-pulse 1.6s ease-in-out infinite; }
@keyframes tandem-pulse { 50% { opacity: 0.55; } }
.waiting { align-self: center; padding-block: 4px; padding-inline: 10px; border-radius: 999px; background: var(--bubble); }

.actions {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px;
  padding-block: 8px; padding-inline: 16px; border-block-start: 1px solid var(--border);
}
.actions .button { height: 34px; padding-inline: 12px; font-size: 13px; }
.composer { display: flex; align-items: flex-end; gap: 6px; padding-block: 10px; padding-inline: 10px; border-block-start: 1px solid var(--border); }
.composer textarea {
  flex: 1; min-width: 0; min-height: 40px; max-height: 120px; resize: none; padding-block: 9px; padding-inline: 12px;
  border: 1px solid var(--border); border-radius: 12px; background: #ffffff; line-height: 1.4;
}
.icon-button {
  flex: none; width: 40px; height: 40px; border: none; border-radius: 50%;
  display: grid; place-items: center; background: transparent; color: var(--muted);
}
.icon-button:hover { background: var(--bubble); }
.icon-button.send { background: var(--accent); color: var(--on-accent); }
.icon-button[disabled] { opacity: 0.5; cursor: default; }
.pending-file {
  display: flex; align-items: center; gap: 6px; margin-block-start: 8px; margin-inline: 12px;
  padding-block: 4px; padding-inline: 10px; border-radius: 8px; background: var(--bubble); font-size: 12.5px;
}
.pending-file span { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
`;
