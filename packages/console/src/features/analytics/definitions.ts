import { useTranslation } from 'react-i18next';

/** A metric id as a catalog key: i18next reads dots as nesting, so anything but letters and digits becomes `_`. */
export const definitionKey = (id: string) => `metrics.${id.replace(/[^A-Za-z0-9]+/g, '_')}`;

export type Define = (id: string, values?: Record<string, string | number>) => string | null;

/**
 * What a number means, in the reader's language: the console's own text for the ids it knows,
 * else the server's English one (`definitions` in every analytics response), else nothing.
 */
export function useDefine(fromServer: Readonly<Record<string, string>> | undefined): Define {
  const { t, i18n } = useTranslation();
  return (id, values) => {
    const key = definitionKey(id);
    if (i18n.exists(key)) return t(key, values ?? {});
    return fromServer?.[id] ?? null;
  };
}
