import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Locale } from '@tandem/core';
import type { Agent } from '@tandem/protocol';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { sessionWrapper } from '../../test-support/session.tsx';
import { AgentAccessActions } from './agent-access-actions.tsx';

const minh: Agent = { id: 'ag1', email: 'minh@example.com', handle: 'minh', name: 'Minh', role: 'agent', skills: [], createdAt: '2026-05-04T10:00:00.000Z' };

function api(options: { refuse?: ProblemError } = {}) {
  const sent: string[] = [];
  const http: HttpClient = {
    async get<T>() {
      return {} as T;
    },
    async send<T>(method: string, path: string) {
      sent.push(`${method} ${path}`);
      if (options.refuse) throw options.refuse;
      return minh as T;
    },
    async upload<T>() {
      return {} as T;
    },
  };
  return { http, sent };
}

const show = (http: HttpClient, locale: Locale = 'en') => render(sessionWrapper({ http, locale })(<AgentAccessActions agent={minh} />));

afterEach(cleanup);

describe('sign-in help for a colleague', () => {
  test('lifts a lockout and says so', async () => {
    const { http, sent } = api();
    show(http);
    fireEvent.click(screen.getByRole('button', { name: 'Lift sign-in lockout' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/can sign in now/);
    expect(sent).toEqual(['POST /agents/ag1/unlock']);
  });

  test('turning off two-factor for an owner, as an admin, shows the refusal', async () => {
    const { http, sent } = api({ refuse: new ProblemError(403, 'agent.role_not_allowed', 'Only owners help owners.') });
    show(http);
    fireEvent.click(screen.getByRole('button', { name: 'Turn off two-factor' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Only owners help owners/);
    expect(sent).toEqual(['POST /agents/ag1/two-factor/reset']);
    expect(screen.queryByRole('status')).toBeNull();
  });

  test('in Persian', () => {
    show(api().http, 'fa');
    expect(screen.getByRole('button', { name: 'رفع قفل ورود' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'کمک برای ورود' })).toBeTruthy();
  });
});
