import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ProactiveRule } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { FormAlert, LoadAlert } from '../admin/form-alert.tsx';
import { useSubmit } from '../admin/use-submit.ts';
import { useFormats } from '../analytics/use-formats.ts';
import { useSession } from '../session/session-context.tsx';
import { triggerSummary } from './trigger-summary.ts';

/** Every rule with what fires it and what it does; a rule is switched on or off right here. */
export function RulesList() {
  const { t } = useTranslation();
  const { http } = useSession();
  const formats = useFormats();
  const rules = useResource<{ items: ProactiveRule[] }>('/proactive/rules');
  const change = useSubmit();
  const toggle = (rule: ProactiveRule, enabled: boolean) => {
    void change.submit(() => http.send('PATCH', `/proactive/rules/${rule.id}`, { enabled })).then(rules.reload);
  };
  const remove = (rule: ProactiveRule) => {
    if (!window.confirm(t('admin.confirmDelete', { name: rule.name }))) return;
    void change.submit(() => http.send('DELETE', `/proactive/rules/${rule.id}`)).then((ok) => ok && rules.reload());
  };
  return (
    <section className="proactive-section" aria-labelledby="proactive-rules">
      <div className="proactive-heading">
        <h2 id="proactive-rules">{t('proactive.rules')}</h2>
        <Link href="/proactive/new" className="button button--primary">{t('proactive.newRule')}</Link>
      </div>
      <p className="proactive-muted">{t('proactive.rulesHint')}</p>
      <LoadAlert error={rules.error} />
      <FormAlert problem={change.problem} paths={[]} />
      {rules.data?.items.length === 0 && <p className="proactive-muted">{t('proactive.noRules')}</p>}
      {rules.data && rules.data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('admin.name')}</th><th>{t('proactive.trigger')}</th><th>{t('proactive.action')}</th><th>{t('admin.enabled')}</th><th>{t('proactive.holdout')}</th>
              <th><span className="visually-hidden">{t('admin.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rules.data.items.map((rule) => (
              <tr key={rule.id}>
                <td dir="auto"><Link href={`/proactive/${rule.id}`} aria-label={t('proactive.reportNamed', { name: rule.name })}>{rule.name}</Link></td>
                <td><bdi>{triggerSummary(rule.trigger, t)}</bdi></td>
                <td>{t(`proactiveAction.${rule.action.kind}`)}</td>
                <td>
                  <input type="checkbox" checked={rule.enabled} disabled={change.saving} aria-label={t('proactive.enabledNamed', { name: rule.name })} onChange={(e) => toggle(rule, e.target.checked)} />
                </td>
                <td>{formats.percent(rule.holdoutPercent / 100)}</td>
                <td className="proactive-actions">
                  <Link href={`/proactive/${rule.id}/edit`} className="button button--quiet" aria-label={t('admin.editNamed', { name: rule.name })}>{t('admin.edit')}</Link>
                  <button type="button" className="button button--quiet" disabled={change.saving} aria-label={t('admin.deleteNamed', { name: rule.name })} onClick={() => remove(rule)}>{t('admin.delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
