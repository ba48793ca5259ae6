/** What a canned response may say about the conversation it is inserted into. */
export const CANNED_VARIABLES = ['customer.name', 'customer.firstName', 'customer.email', 'agent.name', 'workspace.name'] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

// Anything between double braces is a placeholder, so `{{ customer.phone }}` or `{{}}` is caught
// when saving instead of reaching a customer as literal braces.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export const isCannedVariable = (name: string): name is CannedVariable => (CANNED_VARIABLES as readonly string[]).includes(name);

/** The `{{ name }}` placeholders in a body, each once, in order of appearance. */
export function cannedVariablesIn(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Fills the known placeholders; one without a value becomes empty, an unknown one stays as written. */
export function renderCannedResponse(body: string, values: Partial<Record<CannedVariable, string | null>>): string {
  return body.replace(PLACEHOLDER, (placeholder, name: string) => (isCannedVariable(name) ? values[name] ?? '' : placeholder));
}
