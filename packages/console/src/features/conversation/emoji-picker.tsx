import { useState } from 'react';
import { useTranslation } from 'react-i18next';

// The few an agent reaches for; the operating system's own picker (Win+. / Ctrl+Cmd+Space) has the rest.
const EMOJI = ['🙂', '😊', '😀', '😉', '🙏', '👍', '👋', '🎉', '❤️', '✅', '⏳', '📦', '🚚', '💳', '🔒', '📧', '☎️', '💬', '🙌', '😔', '🤔', '👀', '⭐', '🍵'] as const;

export function EmojiPicker(props: { onPick: (emoji: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="emoji-picker">
      <button type="button" className="button button--quiet" aria-expanded={open} aria-label={t('composer.emoji')} onClick={() => setOpen(!open)}>🙂</button>
      {open && (
        <div className="emoji-picker__grid" role="group" aria-label={t('composer.emoji')}>
          {EMOJI.map((emoji) => (
            <button key={emoji} type="button" onClick={() => { props.onPick(emoji); setOpen(false); }}>{emoji}</button>
          ))}
        </div>
      )}
    </div>
  );
}
