import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { Field } from '../admin/field.tsx';
import { FieldErrors } from '../admin/field-errors.tsx';
import { LoadAlert } from '../admin/form-alert.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import { localizedText } from '../admin/localized-text.ts';
import type { Segment } from '../admin/segment.ts';
import { AUDIENCE_KINDS, linesOf, type BroadcastDraft } from './broadcast-draft.ts';

type Audience = Pick<BroadcastDraft, 'audience' | 'segment' | 'externalIds'>;

/** Who receives it: one segment, every customer, or the host system's account ids pasted one a line. */
export function BroadcastAudienceFields(props: { value: Audience; onChange: (change: Partial<Audience>) => void; problem: FormProblem | null }) {
  const { t, i18n } = useTranslation();
  const { value, problem } = props;
  const segments = useResource<{ items: Segment[] }>('/segments');
  return (
    <fieldset>
      <legend>{t('broadcast.audience')}</legend>
      <div className="broadcast-choices">
        {AUDIENCE_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input type="radio" name="audience" value={kind} checked={value.audience === kind} onChange={() => props.onChange({ audience: kind })} />
            {t(`broadcastAudience.${kind}`)}
          </label>
        ))}
      </div>
      <FieldErrors problem={problem} path="audience" exact />
      <FieldErrors problem={problem} path="audience.kind" />
      {value.audience === 'segment' && (
        <>
          <LoadAlert error={segments.error} />
          <Field label={t('broadcast.segment')} path="audience.segment" problem={problem}>
            {(c) => (
              <select {...c} value={value.segment} onChange={(e) => props.onChange({ segment: e.target.value })} required>
                <option value="" disabled>{t('broadcast.chooseSegment')}</option>
                {segments.data?.items.map((s) => <option key={s.key} value={s.key}>{localizedText(s.name, i18n.language)}</option>)}
              </select>
            )}
          </Field>
        </>
      )}
      {value.audience === 'customers' && (
        <Field label={t('broadcast.accountIds')} path="audience.externalIds" problem={problem} hint={t('broadcast.accountIdsHint', { count: linesOf(value.externalIds).length })}>
          {(c) => <textarea {...c} value={value.externalIds} onChange={(e) => props.onChange({ externalIds: e.target.value })} required rows={6} dir="ltr" spellCheck={false} />}
        </Field>
      )}
    </fieldset>
  );
}
