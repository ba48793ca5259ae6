/** Share of predictions equal to the truth. */
export function accuracy(truth: readonly string[], predicted: readonly (string | null)[]): number {
  if (truth.length === 0) return 0;
  let correct = 0;
  truth.forEach((label, i) => { if (predicted[i] === label) correct++; });
  return correct / truth.length;
}

/** The unweighted mean of each true label's F1 score (an abstention counts as a miss). */
export function macroF1(truth: readonly string[], predicted: readonly (string | null)[]): number {
  const labels = [...new Set(truth)];
  if (labels.length === 0) return 0;
  let total = 0;
  for (const label of labels) {
    let tp = 0, fp = 0, fn = 0;
    truth.forEach((actual, i) => {
      const guess = predicted[i];
      if (guess === label && actual === label) tp++;
      else if (guess === label) fp++;
      else if (actual === label) fn++;
    });
    total += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return total / labels.length;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
