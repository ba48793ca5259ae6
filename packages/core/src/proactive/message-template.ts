/**
 * Fills `{{name}}` placeholders from an event's data (`{{order.id}}` walks into objects).
 * A missing value leaves nothing, so a host that forgets a field never sends "{{eta}}".
 */
export function fillTemplate(text: string, data: Readonly<Record<string, unknown>>): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, path: string) => {
    const value = path.split('.').reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), data);
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  });
}
