import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { classify, evaluate, trainIntentModel, type LabelledText } from '@tandem/nlu';
import type { CliIo } from '../program.ts';

export class CsvInputError extends Error {}

/** Rows of a CSV file with a header row: the first column is the text, the second (if any) the label. */
export async function readRows(path: string): Promise<Array<{ text: string; label: string | undefined }>> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    throw new CsvInputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let records: string[][];
  try {
    records = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw new CsvInputError(`${path} is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length < 2) throw new CsvInputError(`${path} has no rows after its header`);
  return records.slice(1).map((record) => ({ text: record[0] ?? '', label: record[1]?.trim() || undefined }));
}

export async function readLabelled(path: string): Promise<LabelledText[]> {
  const rows = await readRows(path);
  const missing = rows.findIndex((row) => !row.label || !row.text.trim());
  if (missing >= 0) throw new CsvInputError(`${path} row ${missing + 2}: a labelled file needs text in the first column and a label in the second`);
  return rows.map((row) => ({ text: row.text, intent: row.label! }));
}

function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threshold = Number(value);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new CsvInputError(`--threshold must be a number between 0 and 1, not "${value}"`);
  return threshold;
}

const pct = (value: number) => `${(value * 100).toFixed(2)}%`;

export async function runNluEval(io: CliIo, options: { train: string; test: string; threshold?: string; json?: boolean }): Promise<void> {
  const threshold = parseThreshold(options.threshold);
  const [train, test] = await Promise.all([readLabelled(options.train), readLabelled(options.test)]);
  const { model: _model, ...result } = evaluate(train, test, () => performance.now(), threshold === undefined ? {} : { threshold });
  if (options.json) {
    io.out(JSON.stringify(result, null, 2));
    return;
  }
  io.out(`examples            train ${result.trainExamples}, test ${result.testExamples}, intents ${result.intents}`);
  io.out(`accuracy            ${pct(result.accuracy)}`);
  io.out(`macro-F1            ${pct(result.macroF1)}`);
  io.out(`training time       ${(result.trainingMs / 1000).toFixed(2)} s`);
  io.out(`prediction time     p50 ${result.predictP50Ms.toFixed(3)} ms, p99 ${result.predictP99Ms.toFixed(3)} ms`);
  io.out(`at threshold ${result.threshold.toFixed(2)}   accuracy ${pct(result.accuracyAtThreshold)} on answered inputs, abstains on ${pct(result.abstention)}`);
}

export async function runNluPredict(io: CliIo, options: { train: string; input: string; output: string; threshold?: string }): Promise<void> {
  const threshold = parseThreshold(options.threshold);
  const [train, rows] = await Promise.all([readLabelled(options.train), readRows(options.input)]);
  const model = trainIntentModel(train, threshold === undefined ? {} : { threshold });
  const records = rows.map((row) => {
    const result = classify(model, row.text);
    return [row.text, result.intent ?? '', result.confidence.toFixed(4)];
  });
  await writeFile(options.output, stringify([['text', 'label', 'confidence'], ...records]));
  const abstained = records.filter((record) => record[1] === '').length;
  io.out(`Wrote ${records.length} prediction(s) to ${options.output}; abstained on ${abstained} (threshold ${model.threshold.toFixed(2)}).`);
}
