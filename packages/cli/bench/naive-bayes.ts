import { normalizeText, tokenize } from '@tandem/core';
import type { LabelledText } from '@tandem/nlu';

/**
 * The floor the dataset README measures: multinomial Naive Bayes over words and word pairs
 * (add-one smoothing). Run beside our classifier in the same process, as the baseline.
 */
export function trainNaiveBayes(examples: readonly LabelledText[]): (text: string) => string {
  const features = (text: string) => {
    const words = tokenize(normalizeText(text));
    return [...words, ...words.slice(1).map((word, i) => `${words[i]} ${word}`)];
  };
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const priors = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const { text, intent } of examples) {
    priors.set(intent, (priors.get(intent) ?? 0) + 1);
    const row = counts.get(intent) ?? new Map<string, number>();
    counts.set(intent, row);
    for (const feature of features(text)) {
      row.set(feature, (row.get(feature) ?? 0) + 1);
      totals.set(intent, (totals.get(intent) ?? 0) + 1);
      vocabulary.add(feature);
    }
  }
  return (text) => {
    const seen = features(text);
    let best = '';
    let bestScore = -Infinity;
    for (const [intent, prior] of priors) {
      const row = counts.get(intent)!;
      const denominator = Math.log((totals.get(intent) ?? 0) + vocabulary.size);
      let score = Math.log(prior / examples.length);
      for (const feature of seen) score += Math.log((row.get(feature) ?? 0) + 1) - denominator;
      if (score > bestScore) [best, bestScore] = [intent, score];
    }
    return best;
  };
}
