import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { formatTime } from '../../i18n/formatters.ts';
import { Field } from '../admin/field.tsx';
import { FormActions } from '../admin/form-actions.tsx';
import { FormAlert, LoadAlert } from '../admin/form-alert.tsx';
import { readForm } from '../admin/read-form.ts';
import { useSubmit } from '../admin/use-submit.ts';
import { useSession } from '../session/session-context.tsx';
import { SecretText } from './secret-text.tsx';

const PATHS = ['name', 'scopes'];

/** The agent's own live API tokens: create one (optionally read-only), see its secret once, revoke. */
export function ApiTokensSection() {
  const { t, i18n } = useTranslation();
  const { http, session } = useSession();
  const tokens = useResource<{ items: ApiToken[] }>('/api-tokens');
  const { saving, problem, submit } = useSubmit();
  const [created, setCreated] = useState<string | null>(null);
  const headingId = useId();
  // Admins are sent everyone's tokens; this screen is about your own.
  const mine = tokens.data?.items.filter((token) => token.agentId === session.agent.id && token.revokedAt === null) ?? [];

  const create = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const { form: fields, text } = readForm(event);
    const scopes = fields.get('readOnly') ? ['read'] : ['read', 'write'];
    void submit(async () => {
      const result = await http.send<{ token: string }>('POST', '/api-tokens', { name: text('name'), scopes });
      setCreated(result.token);
      form.reset();
      tokens.reload();
    });
  };
  const revoke = (id: string) => void submit(() => http.send('DELETE', `/api-tokens/${id}`)).then((ok) => ok && tokens.reload());

  return (
    <section className="admin-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.apiTokens')}</h2>
      <p>{t('account.apiTokensIntro')}</p>
      <LoadAlert error={tokens.error} />
      {mine.length > 0 && (
        <table className="table">
          <thead><tr><th>{t('account.tokenName')}</th><th>{t('account.access')}</th><th>{t('account.lastUsed')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
          <tbody>
            {mine.map((token) => (
              <tr key={token.id}>
                <td dir="auto">{token.name}</td>
                <td>{t(token.scopes.includes('write') ? 'account.scopeReadWrite' : 'account.scopeRead')}</td>
                <td>{token.lastUsedAt ? formatTime(token.lastUsedAt, i18n.language) : t('account.never')}</td>
                <td><button type="button" className="button button--quiet" aria-label={t('account.revokeNamed', { name: token.name })} onClick={() => revoke(token.id)}>{t('account.revoke')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {created && (
        <div className="notice" role="status">
          <p>{t('account.newToken')}</p>
          <SecretText label={t('account.token')} copyLabel={t('account.copyToken')} value={created} />
        </div>
      )}
      <form className="form-grid" aria-label={t('account.createToken')} onSubmit={create}>
        <Field label={t('account.tokenName')} path="name" problem={problem}>{(c) => <input {...c} name="name" required maxLength={120} dir="auto" autoComplete="off" />}</Field>
        <label className="check"><input type="checkbox" name="readOnly" />{t('account.readOnly')}</label>
        <FormAlert problem={problem} paths={PATHS} />
        <FormActions saving={saving} label={t('account.createToken')} />
      </form>
    </section>
  );
}
