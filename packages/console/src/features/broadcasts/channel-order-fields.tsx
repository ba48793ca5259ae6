import { useTranslation } from 'react-i18next';
import { FieldErrors } from '../admin/field-errors.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import type { BroadcastDraft } from './broadcast-draft.ts';

type Channels = BroadcastDraft['channels'];

/** The channels it may go out on, in order of preference: checked to use, moved up or down to rank. */
export function ChannelOrderFields(props: { value: Channels; onChange: (value: Channels) => void; problem: FormProblem | null }) {
  const { t } = useTranslation();
  const { value } = props;
  const move = (from: number, to: number) => {
    const next = [...value];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    props.onChange(next);
  };
  return (
    <fieldset>
      <legend>{t('broadcast.channels')}</legend>
      <p className="field__hint">{t('broadcast.channelsHint')}</p>
      <ol className="broadcast-channels">
        {value.map((item, index) => {
          const name = t(`outreachChannel.${item.channel}`);
          return (
            <li key={item.channel}>
              <label className="check">
                <input type="checkbox" checked={item.on} onChange={(e) => props.onChange(value.map((c) => (c.channel === item.channel ? { ...c, on: e.target.checked } : c)))} />
                {name}
              </label>
              <button type="button" className="button button--quiet" disabled={index === 0} aria-label={t('broadcast.moveUp', { channel: name })} onClick={() => move(index, index - 1)}>↑</button>
              <button type="button" className="button button--quiet" disabled={index === value.length - 1} aria-label={t('broadcast.moveDown', { channel: name })} onClick={() => move(index, index + 1)}>↓</button>
            </li>
          );
        })}
      </ol>
      <FieldErrors problem={props.problem} path="channels" />
    </fieldset>
  );
}
