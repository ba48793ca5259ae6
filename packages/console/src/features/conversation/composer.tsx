import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '@tandem/core';
import type { Agent, AttachmentMeta, InboxRow } from '@tandem/protocol';
import { ProblemError } from '../../api/http-client.ts';
import { formatBytes } from '../../i18n/formatters.ts';
import { useSession } from '../session/session-context.tsx';
import { activeToken, replaceToken, type ActiveToken } from './composer-token.ts';
import type { DraftMode } from './drafts.ts';
import { EmojiPicker } from './emoji-picker.tsx';
import { TokenSuggestions, useSuggestions, type Suggestion } from './token-suggestions.tsx';
import { useTypingSignal } from './use-typing-signal.ts';

export interface ComposerHandle {
  insert(text: string, card?: { title: string; url: string }): void;
}

/** Reply or private note, with channel choice, canned responses (/), mentions (@), emoji and files. */
export function Composer(props: { row: InboxRow; agents: readonly Agent[]; mode: DraftMode; onMode: (mode: DraftMode) => void; ref?: Ref<ComposerHandle> }) {
  const { t, i18n } = useTranslation();
  const { live, drafts, http, session } = useSession();
  const c = props.row.conversation;
  const input = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(() => drafts.get(c.id, props.mode));
  const [channel, setChannel] = useState<ChannelKind | ''>(c.lastChannel ?? '');
  const [files, setFiles] = useState<AttachmentMeta[]>([]);
  const [cards, setCards] = useState<{ title: string; url: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [token, setToken] = useState<ActiveToken | null>(null);
  const [active, setActive] = useState(0);
  const typing = useTypingSignal(c.id);
  const suggestions = useSuggestions(token, props.row, props.agents, c.language ?? i18n.language);
  const tooLong = text.length > session.limits.messageMaxChars;

  useEffect(() => {
    setText(drafts.get(c.id, props.mode));
  }, [c.id, props.mode, drafts]);

  function change(next: string, caret: number) {
    setText(next);
    drafts.set(c.id, props.mode, next);
    setToken(activeToken(next, caret));
    setActive(0);
    setError(null);
    if (props.mode === 'reply') typing(next.length > 0);
  }

  function insertAtCaret(insert: string) {
    const el = input.current;
    const at = el?.selectionStart ?? text.length;
    change(text.slice(0, at) + insert + text.slice(at), at + insert.length);
    el?.focus();
  }
  useImperativeHandle(props.ref, () => ({
    insert(value, card) {
      const at = input.current?.selectionStart ?? text.length;
      // An article goes in as its own paragraph, not glued to the last word.
      insertAtCaret(at > 0 && !/\s$/.test(text.slice(0, at)) ? `\n\n${value}` : value);
      if (card) setCards((list) => (list.some((x) => x.url === card.url) ? list : [...list, card]));
    },
  }));

  function pick(s: Suggestion) {
    if (!token) return;
    const next = replaceToken(text, token, s.insert);
    change(next.text, next.caret);
    setToken(null);
    requestAnimationFrame(() => input.current?.setSelectionRange(next.caret, next.caret));
  }

  function send() {
    const body = text.trim();
    if (!body || tooLong) return;
    live.send({
      conversationId: c.id,
      body,
      private: props.mode === 'note',
      ...(props.mode === 'reply' && channel ? { channel } : {}),
      content: { ...(files.length ? { attachments: files } : {}), ...(cards.length && props.mode === 'reply' ? { articleCards: cards } : {}) },
    });
    typing(false);
    setFiles([]);
    setCards([]);
    change('', 0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (suggestions.length > 0 && ['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(event.key)) {
      event.preventDefault();
      if (event.key === 'ArrowDown') setActive((active + 1) % suggestions.length);
      else if (event.key === 'ArrowUp') setActive((active - 1 + suggestions.length) % suggestions.length);
      else if (event.key === 'Escape') setToken(null);
      else pick(suggestions[active]!);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  async function attach(file: File) {
    if (file.size > session.limits.uploadMaxBytes) {
      setError(t('composer.fileTooBig', { name: file.name, limit: formatBytes(session.limits.uploadMaxBytes, i18n.language) }));
      return;
    }
    try {
      setFiles([...files, await http.upload<AttachmentMeta>('/uploads', file)]);
    } catch (failure) {
      setError(failure instanceof ProblemError ? failure.message : t('composer.uploadFailed'));
    }
  }

  const channels = [...new Set([...(c.lastChannel ? [c.lastChannel] : []), ...c.channels])];
  return (
    <form className={`composer composer--${props.mode}`} onSubmit={(e) => { e.preventDefault(); send(); }} data-testid="composer">
      <div className="composer__modes">
        <div role="tablist" aria-label={t('composer.mode')}>
          {(['reply', 'note'] as const).map((mode) => (
            <button key={mode} type="button" role="tab" aria-selected={props.mode === mode} data-testid={`mode-${mode}`} onClick={() => props.onMode(mode)}>
              {t(`composer.${mode}`)}
            </button>
          ))}
        </div>
        {props.mode === 'reply' && channels.length > 0 && (
          <label className="composer__channel">
            {t('composer.via')}
            <select value={channel} onChange={(e) => setChannel(e.target.value as ChannelKind)} data-testid="reply-channel">
              {channels.map((ch) => <option key={ch} value={ch}>{t(`channel.${ch}`)}</option>)}
            </select>
          </label>
        )}
      </div>
      <TokenSuggestions items={suggestions} active={active} onPick={pick} />
      <textarea
        id="composer-input"
        ref={input}
        dir="auto"
        rows={4}
        value={text}
        aria-label={t(props.mode === 'note' ? 'composer.notePlaceholder' : 'composer.replyPlaceholder')}
        aria-invalid={tooLong || undefined}
        aria-describedby="composer-hint"
        placeholder={t(props.mode === 'note' ? 'composer.notePlaceholder' : 'composer.replyPlaceholder')}
        onChange={(e) => change(e.target.value, e.target.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => typing(false)}
      />
      {(files.length > 0 || cards.length > 0) && (
        <ul className="composer__attachments">
          {files.map((f) => <li key={f.url} className="chip">{f.name} <button type="button" aria-label={t('common.remove')} onClick={() => setFiles(files.filter((x) => x !== f))}>×</button></li>)}
          {cards.map((card) => <li key={card.url} className="chip">{card.title} <button type="button" aria-label={t('common.remove')} onClick={() => setCards(cards.filter((x) => x !== card))}>×</button></li>)}
        </ul>
      )}
      {tooLong && <p className="field-error" role="alert">{t('composer.tooLong', { max: session.limits.messageMaxChars, count: text.length })}</p>}
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="composer__tools">
        <EmojiPicker onPick={insertAtCaret} />
        <label className="button button--quiet">
          {t('composer.attach')}
          <input type="file" className="visually-hidden" data-testid="attach" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void attach(f); }} />
        </label>
        <span id="composer-hint" className="composer__hint">{t(props.mode === 'note' ? 'composer.noteHint' : 'composer.replyHint')}</span>
        <button type="submit" className="button button--primary" disabled={!text.trim() || tooLong} data-testid="send">
          {t(props.mode === 'note' ? 'composer.addNote' : 'composer.send')}
        </button>
      </div>
    </form>
  );
}
