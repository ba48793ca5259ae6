// Shared settings for the property-based fuzz tests: one fixed seed (FUZZ_SEED) so a failure in
// CI replays exactly on a laptop, bounded runs (FUZZ_RUNS scales them for a longer local hunt),
// and a failure message that says how to replay it.
import type { TestContext } from 'node:test';
import fc from 'fast-check';

/** The seed every property starts from; a failure prints it with fast-check's replay path. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_611) | 0;
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);

const scale = Number.isFinite(SCALE) && SCALE > 0 ? SCALE : 1;

/** `n` runs in CI; FUZZ_RUNS=10 gives ten times as many. */
export const runs = (n: number): number => Math.max(1, Math.round(n * scale));

/** A test timeout that grows with FUZZ_RUNS. */
export const fuzzTimeout = (ms = 60_000): number => Math.round(ms * Math.max(1, scale));

/**
 * Checks a property with the fixed seed and reports what it did (runs, time) as a test
 * diagnostic, so docs/reliability.md figures come from the test output itself.
 */
export async function checkProperty<Ts extends [unknown, ...unknown[]]>(
  t: TestContext,
  property: fc.IAsyncPropertyWithHooks<Ts> | fc.IPropertyWithHooks<Ts>,
  numRuns: number,
): Promise<void> {
  const started = performance.now();
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, { seed: FUZZ_SEED, numRuns: runs(numRuns) });
  const ms = Math.round(performance.now() - started);
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${t.name}: property failed (replay with FUZZ_SEED=${FUZZ_SEED}; fast-check path "${details.counterexamplePath ?? ''}")\nCause: ${cause.slice(0, 2000)}\n${fc.defaultReportMessage(details)}`, { cause: details.errorInstance });
  }
  t.diagnostic(`fuzz: ${details.numRuns} runs in ${ms} ms (seed ${FUZZ_SEED})`);
}

/** Characters storage and renderers choke on: NUL, halves of surrogate pairs, direction marks, markup. */
export const AWKWARD_CHARACTERS = ['\u0000', '\uD800', '\uDC00', '\u202E', '\u0007', '\r\n', '<script>', '"', '\\', '%00', '{{', '\uFFFF'];

/** Strings that break naive code: control characters, lone surrogates, RTL marks, markup. */
export const nastyString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.tuple(fc.string({ maxLength: maxLength >> 1 }), fc.constantFrom(...AWKWARD_CHARACTERS), fc.string({ maxLength: maxLength >> 1 })).map((parts) => parts.join('')),
    fc.constantFrom(
      '', ' ', '\u0000', '\uD800', '\uDFFF', '\u202E', '\u200C', '\uFEFF', '𝕏', '../../etc/passwd', '%00', '%', '{{slots.x}}',
      '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', "'; DROP TABLE messages; --",
      'null', 'undefined', '__proto__', 'constructor', 'a'.repeat(5000), '1e999', '-0', 'NaN',
    ),
  );

/** Arbitrary JSON, including objects that a strict parser must refuse (`__proto__` keys). */
export const anyJson = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true }) },
    { weight: 1, arbitrary: fc.dictionary(nastyString(12), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }) },
  );
