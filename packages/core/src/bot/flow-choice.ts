import { foldedWords } from './phrase-match.ts';
import type { FlowChoice } from './flow.ts';

/** A reply picks a choice by its value, then its label in any language, then its number ("2"). */
export function matchChoice(choices: readonly FlowChoice[], input: string): FlowChoice | undefined {
  const wanted = matchKey(input);
  if (wanted === '') return undefined;
  return (
    choices.find((choice) => matchKey(choice.value) === wanted) ??
    choices.find((choice) => Object.values(choice.label).some((label) => label !== undefined && matchKey(label) === wanted)) ??
    (/^\d+$/.test(wanted) ? choices[Number(wanted) - 1] : undefined)
  );
}

// Case, diacritics, punctuation and Persian digits do not matter: "  CO! " picks the label "Có".
function matchKey(text: string): string {
  return foldedWords(text).join(' ');
}
