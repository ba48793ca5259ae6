import type { Locale } from '../vocabulary.ts';

/** Text in some of the workspace's languages. */
export type LocalizedText = Partial<Record<Locale, string>>;

export type GuideEnd =
  | { kind: 'article'; article: string }
  | { kind: 'resolved'; message: LocalizedText }
  | { kind: 'handoff'; message: LocalizedText };

export interface GuideStep {
  id: string;
  text: LocalizedText;
  choices?: ReadonlyArray<{ label: LocalizedText; next: string }>;
  end?: GuideEnd;
}

/** An interactive guide: a decision tree of steps, from `start` to ends. Defined once, run on every channel. */
export interface GuideDefinition {
  key: string;
  title: LocalizedText;
  start: string;
  steps: readonly GuideStep[];
}

export type GuideProblem = { step: string | null; reason: string };

/**
 * What is wrong with a guide, if anything: unknown or duplicate steps, a step that is neither a
 * choice nor an end, choices leading to missing steps, loops (a walkthrough must always end),
 * and steps nobody can reach. `articleExists` checks the articles ends point to.
 */
export function validateGuide(guide: GuideDefinition, articleExists: (key: string) => boolean): GuideProblem[] {
  const problems: GuideProblem[] = [];
  const steps = new Map<string, GuideStep>();
  for (const step of guide.steps) {
    if (steps.has(step.id)) problems.push({ step: step.id, reason: 'duplicate step id' });
    steps.set(step.id, step);
  }
  if (!steps.has(guide.start)) problems.push({ step: null, reason: `start step "${guide.start}" does not exist` });
  for (const step of guide.steps) {
    const hasChoices = (step.choices?.length ?? 0) > 0;
    if (hasChoices === (step.end !== undefined)) problems.push({ step: step.id, reason: 'a step has either choices or an end' });
    for (const choice of step.choices ?? []) {
      if (!steps.has(choice.next)) problems.push({ step: step.id, reason: `choice leads to missing step "${choice.next}"` });
    }
    if (step.end?.kind === 'article' && !articleExists(step.end.article)) problems.push({ step: step.id, reason: `no article "${step.end.article}"` });
  }
  if (problems.length > 0) return problems;
  return [...findLoops(guide, steps), ...findUnreachable(guide, steps)];
}

function findLoops(guide: GuideDefinition, steps: ReadonlyMap<string, GuideStep>): GuideProblem[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: GuideProblem[] = [];
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.push({ step: id, reason: `loop: ${[...path.slice(path.indexOf(id)), id].join(' → ')}` });
      return;
    }
    state.set(id, 'visiting');
    for (const choice of steps.get(id)?.choices ?? []) visit(choice.next, [...path, id]);
    state.set(id, 'done');
  };
  visit(guide.start, []);
  return problems;
}

function findUnreachable(guide: GuideDefinition, steps: ReadonlyMap<string, GuideStep>): GuideProblem[] {
  const reached = new Set<string>();
  const queue = [guide.start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const choice of steps.get(id)?.choices ?? []) queue.push(choice.next);
  }
  return [...steps.keys()].filter((id) => !reached.has(id)).map((id) => ({ step: id, reason: 'no choice leads here' }));
}
