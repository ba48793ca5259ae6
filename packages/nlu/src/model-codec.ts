import type { ThresholdChoice } from './calibration.ts';
import type { FeatureOptions } from './features.ts';
import type { IntentModel } from './intent-classifier.ts';

const FORMAT = 1;

interface Header {
  format: number;
  intents: string[];
  options: FeatureOptions;
  words: string[];
  chars: string[];
  temperature: number;
  threshold: number;
  calibration: ThresholdChoice | null;
}

function ordered(index: ReadonlyMap<string, number>): string[] {
  return [...index.entries()].sort((a, b) => a[1] - b[1]).map(([feature]) => feature);
}

/** A model as bytes, to store beside the workspace: a JSON header, then the IDF and weight floats. */
export function encodeModel(model: IntentModel): Uint8Array {
  const header: Header = {
    format: FORMAT,
    intents: [...model.intents],
    options: model.vocabulary.options,
    words: ordered(model.vocabulary.words),
    chars: ordered(model.vocabulary.chars),
    temperature: model.temperature,
    threshold: model.threshold,
    calibration: model.calibration,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = Math.ceil((json.length + 4) / 4) * 4;
  const floats = model.vocabulary.idf.length + model.linear.weights.length;
  const bytes = new Uint8Array(headerBytes + floats * 4);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  const body = new Float32Array(bytes.buffer, headerBytes, floats);
  body.set(model.vocabulary.idf, 0);
  body.set(model.linear.weights, model.vocabulary.idf.length);
  return bytes;
}

export function decodeModel(bytes: Uint8Array): IntentModel {
  const copy = bytes.slice(); // aligned, and independent of the caller's buffer
  const length = new DataView(copy.buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(copy.subarray(4, 4 + length))) as Header;
  if (header.format !== FORMAT) throw new Error(`unsupported model format ${header.format}`);
  const headerBytes = Math.ceil((length + 4) / 4) * 4;
  const size = header.words.length + header.chars.length;
  const idf = new Float32Array(copy.buffer, headerBytes, size);
  const weights = new Float32Array(copy.buffer, headerBytes + size * 4, header.intents.length * (size + 1));
  const words = new Map(header.words.map((feature, i) => [feature, i]));
  const chars = new Map(header.chars.map((feature, i) => [feature, header.words.length + i]));
  return {
    intents: header.intents,
    vocabulary: { options: header.options, words, chars, idf, size },
    linear: { dimensions: size, classes: header.intents.length, weights },
    temperature: header.temperature,
    threshold: header.threshold,
    calibration: header.calibration,
  };
}
