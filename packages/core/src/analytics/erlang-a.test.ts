import { test } from 'node:test';
import assert from 'node:assert/strict';
import { erlangA, erlangAAnswering } from './erlang-a.ts';
import { erlangB, erlangC, erlangCServiceLevel } from './erlang.ts';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

test('one agent whose customers are as patient as a conversation is long behaves as M/M/∞, by hand', () => {
  // With c = 1 and θ = μ, n in the system leave at μ + (n − 1)·θ = n·μ: the chain is M/M/∞, so
  // p_n = e^(−A)·A^n/n!. With A = 0.5: P(wait) = 1 − p_0 = 1 − e^(−0.5) = 0.39347;
  // abandon rate = θ·Σ p_n·(n − 1) = μ·(A − 1 + p_0), over λ = A·μ: (0.5 − 1 + 0.60653)/0.5 = 0.21306.
  const result = erlangA({ agents: 1, erlangs: 0.5, ahtSeconds: 100 }, 100);
  close(result.waitProbability, 0.39347, 1e-5);
  close(result.abandonProbability, 0.21306, 1e-5);
});

test('with endless patience it is Erlang C, with none it is Erlang B', () => {
  const model = { agents: 10, erlangs: 8.5, ahtSeconds: 180 };
  close(erlangA(model, 1e9).waitProbability, erlangC(10, 8.5), 1e-5);
  close(erlangAAnswering(model, 1e9, [20]).serviceLevel[20]!, erlangCServiceLevel(model, 20), 1e-4);
  close(erlangA(model, 1e-9).abandonProbability, erlangB(10, 8.5), 1e-9);
});
