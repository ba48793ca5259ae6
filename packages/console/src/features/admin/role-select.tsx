import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENT_ROLES, type AgentRole } from '@tandem/core';

export const ROLE_LABELS = { owner: 'admin.roleOwner', admin: 'admin.roleAdmin', agent: 'admin.roleAgent' } as const satisfies Record<AgentRole, string>;

export function RoleSelect(props: ComponentProps<'select'>) {
  const { t } = useTranslation();
  return <select {...props}>{AGENT_ROLES.map((role) => <option key={role} value={role}>{t(ROLE_LABELS[role])}</option>)}</select>;
}
