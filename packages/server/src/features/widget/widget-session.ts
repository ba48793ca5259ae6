import type { AuthService } from '../auth/auth.service.ts';
import type { CustomerService } from '../customers/customer.service.ts';
import type { CustomerRecord } from '../../domain/records.ts';

export interface WidgetSessionResult {
  token: string;
  customerId: string;
  visitorId: string;
}

/** A new widget token for a customer; `visitorId` is their first web identity. */
export async function issueWidgetSession(
  deps: { auth: AuthService; customers: CustomerService },
  workspaceId: string,
  customerId: string,
): Promise<WidgetSessionResult> {
  const customer = await deps.customers.get(workspaceId, customerId);
  const { token } = await deps.auth.issue('widget', workspaceId, { customerId });
  return { token, customerId, visitorId: visitorIdOf(customer) };
}

export const visitorIdOf = (customer: CustomerRecord): string => customer.identities.find((i) => i.kind === 'web')?.value ?? customer.id;
