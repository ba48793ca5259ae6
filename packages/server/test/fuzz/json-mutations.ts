// Mutated valid bodies: random JSON rarely gets past the first field check, so most fuzz inputs
// start from a body the route accepts and break one to three things in it.
import fc from 'fast-check';
import { anyJson, AWKWARD_CHARACTERS, nastyString } from './fuzz-settings.ts';

type Json = unknown;
type Path = Array<string | number>;

const KINDS = ['delete', 'replace', 'text', 'inject', 'number', 'add-key', 'wrap', 'repeat'] as const;
interface Mutation {
  at: number;
  kind: (typeof KINDS)[number];
  value: Json;
  text: string;
  number: number;
  /** Where to apply it; otherwise `at` picks a path. */
  path?: Path;
}

const INJECTED = AWKWARD_CHARACTERS;
const EDGE_NUMBERS = [-1, 0, 1.5, -0, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 1e-7];

function pathsOf(value: Json, prefix: Path = []): Path[] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pathsOf(v, [...prefix, i])));
  if (value && typeof value === 'object') return here.concat(Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k])));
  return here;
}

function get(root: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], root);
}

function set(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value;
  const parent = get(root, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else parent[key] = value;
  return root;
}

function apply(root: Json, m: Mutation): Json {
  const paths = pathsOf(root);
  const path = m.path ?? paths[m.at % paths.length]!;
  const node = get(root, path);
  switch (m.kind) {
    case 'delete':
      return set(root, path, undefined);
    case 'replace':
      return set(root, path, m.value);
    case 'text':
      return set(root, path, m.text);
    case 'inject': {
      if (typeof node !== 'string') return set(root, path, INJECTED[m.at % INJECTED.length]);
      const at = m.number < 0 ? 0 : Math.min(node.length, Math.floor(node.length / 2) + m.number);
      return set(root, path, node.slice(0, at) + INJECTED[m.at % INJECTED.length] + node.slice(at));
    }
    case 'number':
      return set(root, path, EDGE_NUMBERS[m.at % EDGE_NUMBERS.length]! * (m.number || 1));
    case 'add-key':
      if (node && typeof node === 'object' && !Array.isArray(node)) (node as Record<string, Json>)[m.text || 'extra'] = m.value;
      return root;
    case 'wrap':
      return set(root, path, [node]);
    case 'repeat':
      // Long arrays and long strings find missing upper bounds.
      return set(root, path, Array.isArray(node) ? Array.from({ length: 300 }, () => node[0] ?? m.value) : typeof node === 'string' ? node.repeat(200) : node);
  }
}

/** A body derived from `valid` with one to three random changes. */
export function mutatedFrom(valid: Json): fc.Arbitrary<Json> {
  const mutation = fc.record({ at: fc.nat(), kind: fc.constantFrom(...KINDS), value: anyJson(), text: nastyString(), number: fc.integer({ min: -3, max: 3 }) });
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce<Json>((body, m) => apply(body, m), structuredClone(valid)));
}

/** `valid` with one awkward character slipped into one of its strings: the subtlest damage. */
export function injectedInto(valid: Json): fc.Arbitrary<Json> {
  const strings = pathsOf(valid).filter((path) => typeof get(valid, path) === 'string');
  if (strings.length === 0) return fc.constant(valid);
  return fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -1, max: 3 })).map(([which, at, number]) =>
    apply(structuredClone(valid), { at: which % INJECTED.length, kind: 'inject', value: null, text: '', number, path: strings[at % strings.length] }));
}

/** Mostly mutated valid bodies; some anything at all, some valid as they are. */
export function bodyFor(valid: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return valid.chain((body) =>
    fc.oneof({ weight: 3, arbitrary: mutatedFrom(body) }, { weight: 1, arbitrary: injectedInto(body) }, { weight: 1, arbitrary: anyJson() }, { weight: 1, arbitrary: fc.constant(body) }));
}
