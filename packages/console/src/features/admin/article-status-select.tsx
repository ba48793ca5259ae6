import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '@tandem/protocol';

type ArticleStatus = Article['status'];

export const STATUS_LABELS = { draft: 'admin.statusDraft', published: 'admin.statusPublished', archived: 'admin.statusArchived' } as const satisfies Record<ArticleStatus, string>;

/** Draft: only admins see it; published: on the help center and in suggestions; archived: kept, hidden. */
export function ArticleStatusSelect(props: ComponentProps<'select'>) {
  const { t } = useTranslation();
  return <select {...props}>{(Object.keys(STATUS_LABELS) as ArticleStatus[]).map((s) => <option key={s} value={s}>{t(STATUS_LABELS[s])}</option>)}</select>;
}
