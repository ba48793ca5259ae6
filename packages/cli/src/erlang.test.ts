// The queueing formulas the routing bench compares its simulation with (bench/erlang.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { erlangA, erlangAAnswering, erlangB, erlangC, erlangCAverageSpeedOfAnswer, erlangCServiceLevel } from '../bench/erlang.ts';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

// The textbook closed form with factorials, written independently of the recursion under test.
function erlangCBySums(c: number, a: number): number {
  const queued = (a ** c / factorial(c)) * (c / (c - a));
  let idle = 0;
  for (let k = 0; k < c; k++) idle += a ** k / factorial(k);
  return queued / (idle + queued);
}

describe('Erlang C', () => {
  it('with one agent, the chance of waiting is the utilisation', () => {
    for (const rho of [0.1, 0.5, 0.85, 0.99]) close(erlangC(1, rho), rho, 1e-12);
  });

  it('with two agents and one erlang, one arrival in three waits', () => {
    close(erlangC(2, 1), 1 / 3, 1e-12);
  });

  it('agrees with the factorial form, e.g. 10 agents at 8.5 erlangs wait 53%', () => {
    for (const [c, a] of [[10, 8.5], [14, 10], [11, 10], [50, 45]] as const) close(erlangC(c, a), erlangCBySums(c, a), 1e-10);
    close(erlangC(10, 8.5), 0.52986, 1e-5);
  });

  it('an unstable queue always waits', () => {
    assert.equal(erlangC(5, 5), 1);
    assert.equal(erlangCServiceLevel({ agents: 5, erlangs: 6, ahtSeconds: 60 }, 20), 0);
  });

  it('one agent gives the M/M/1 waiting time ρ·AHT/(1 − ρ) and service level 1 − ρ·e^{−(1−ρ)t/AHT}', () => {
    const model = { agents: 1, erlangs: 0.8, ahtSeconds: 100 };
    close(erlangCAverageSpeedOfAnswer(model), (0.8 * 100) / 0.2, 1e-9);
    close(erlangCServiceLevel(model, 30), 1 - 0.8 * Math.exp((-0.2 * 30) / 100), 1e-12);
    close(erlangCServiceLevel(model, 0), 0.2, 1e-12);
  });
});

describe('Erlang B', () => {
  it('with one agent, blocks A/(1 + A)', () => {
    close(erlangB(1, 3), 3 / 4, 1e-12);
  });
});

describe('Erlang A', () => {
  const model = { agents: 10, erlangs: 8.5, ahtSeconds: 180 };

  it('with patience far longer than any wait, it is Erlang C', () => {
    const patient = erlangA(model, 1e9);
    close(patient.waitProbability, erlangC(10, 8.5), 1e-5);
    assert.ok(patient.abandonProbability < 1e-5);
    const answering = erlangAAnswering(model, 1e9, [20, 60]);
    close(answering.serviceLevel[20]!, erlangCServiceLevel(model, 20), 1e-4);
    close(answering.serviceLevel[60]!, erlangCServiceLevel(model, 60), 1e-4);
    close(answering.averageSpeedOfAnswer, erlangCAverageSpeedOfAnswer(model), 0.05);
  });

  it('when nobody waits at all, those who find every agent busy are lost as in Erlang B', () => {
    close(erlangA(model, 1e-9).abandonProbability, erlangB(10, 8.5), 1e-9);
  });

  it('the answered side and the abandoning side add up to every arrival', () => {
    const answering = erlangAAnswering(model, 120, [20, 60]);
    close(answering.abandonProbability, erlangA(model, 120).abandonProbability, 1e-6);
    assert.ok(answering.serviceLevel[20]! < answering.serviceLevel[60]!);
  });

  it('impatience shortens the queue: fewer wait, and those answered wait less, than under Erlang C', () => {
    const impatient = erlangA(model, 120);
    assert.ok(impatient.waitProbability < erlangC(10, 8.5));
    assert.ok(erlangAAnswering(model, 120, [20]).averageSpeedOfAnswer < erlangCAverageSpeedOfAnswer(model));
  });
});
