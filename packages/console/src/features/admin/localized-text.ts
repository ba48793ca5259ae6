/** The text in the agent's language, else English, else any language there is. */
export function localizedText(texts: Readonly<Record<string, string | undefined>>, locale: string): string {
  return texts[locale] ?? texts.en ?? Object.values(texts).find(Boolean) ?? '';
}
