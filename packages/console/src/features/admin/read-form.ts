import type { FormEvent } from 'react';

/** Stops the page from posting the form and reads its fields: `text` is a field trimmed, '' when absent. */
export function readForm(event: FormEvent<HTMLFormElement>): { form: FormData; text: (name: string) => string } {
  event.preventDefault();
  const form = new FormData(event.currentTarget);
  return { form, text: (name) => String(form.get(name) ?? '').trim() };
}
