import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ProactiveRule } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { LoadAlert } from '../admin/form-alert.tsx';
import { RuleForm } from './rule-form.tsx';

/** /proactive/new and /proactive/<id>/edit: the rule's form; saving or cancelling returns to the list. */
export function RuleEditor(props: { id?: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const rule = useResource<ProactiveRule>(props.id ? `/proactive/rules/${props.id}` : null);
  const back = () => navigate('/proactive');
  if (props.id && !rule.data) return rule.error ? <LoadAlert error={rule.error} /> : <p role="status">{t('app.loading')}</p>;
  return <RuleForm key={props.id ?? 'new'} rule={rule.data} onSaved={back} onCancel={back} />;
}
