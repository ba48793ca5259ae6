import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderCannedResponse } from '@tandem/core';
import type { Agent, CannedResponse, InboxRow } from '@tandem/protocol';
import { useSession } from '../session/session-context.tsx';
import type { ActiveToken } from './composer-token.ts';

export interface Suggestion {
  key: string;
  label: string;
  detail: string;
  insert: string;
}

/** Canned responses for `/word`, agents for `@word`. */
export function useSuggestions(token: ActiveToken | null, row: InboxRow, agents: readonly Agent[], locale: string): Suggestion[] {
  const { http, session } = useSession();
  const [canned, setCanned] = useState<CannedResponse[]>([]);
  const query = token?.trigger === '/' ? token.query : null;

  useEffect(() => {
    if (query === null) return;
    let current = true;
    const timer = setTimeout(() => {
      http.get<{ items: CannedResponse[] }>('/canned-responses', { q: query, locale }).then(
        (result) => current && setCanned(result.items),
        () => current && setCanned([]),
      );
    }, 80);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, locale, http]);

  if (!token) return [];
  if (token.trigger === '@') {
    const q = token.query.toLowerCase();
    return agents
      .filter((a) => a.id !== session.agent.id && (a.handle.startsWith(q) || a.name.toLowerCase().includes(q)))
      .slice(0, 6)
      .map((a) => ({ key: a.id, label: `@${a.handle}`, detail: a.name, insert: `@${a.handle} ` }));
  }
  const name = row.customer.name;
  const values = {
    'customer.name': name,
    'customer.firstName': givenName(name, locale),
    'customer.email': row.customer.email,
    'agent.name': session.agent.name,
    'workspace.name': session.workspace.name,
  };
  return canned.slice(0, 8).map((c) => ({ key: c.id, label: `/${c.shortcut}`, detail: c.title, insert: renderCannedResponse(c.body, values) }));
}

export function TokenSuggestions(props: { items: Suggestion[]; active: number; onPick: (s: Suggestion) => void }) {
  const { t } = useTranslation();
  if (props.items.length === 0) return null;
  return (
    <ul className="suggestions" role="listbox" aria-label={t('composer.suggestions')} data-testid="suggestions">
      {props.items.map((s, i) => (
        <li
          key={s.key}
          id={`suggestion-${i}`}
          role="option"
          aria-selected={i === props.active}
          className={i === props.active ? 'suggestions__item suggestions__item--active' : 'suggestions__item'}
          onMouseDown={(e) => {
            e.preventDefault();
            props.onPick(s);
          }}
        >
          <strong>{s.label}</strong> <span dir="auto">{s.detail}</span>
        </li>
      ))}
    </ul>
  );
}

/** Vietnamese names put the given name last ("Trần Văn Minh" → Minh); English and Persian first. */
function givenName(name: string | null, locale: string): string | null {
  const words = name?.trim().split(/\s+/) ?? [];
  return (locale === 'vi' ? words.at(-1) : words[0]) ?? null;
}
