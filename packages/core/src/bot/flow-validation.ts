import type { LocalizedText } from '../guide/guide.ts';
import type { FlowDefinition, FlowStep } from './flow.ts';
import { TEMPLATE_ROOTS, templatePaths } from './flow-text.ts';
import { isSlotKind } from './slot-validators.ts';

export type FlowProblem = { step: string | null; reason: string };

// An action's `resultSlot: 'order'` fills every `order.<key>`: recorded as the prefix "order.".
type Edge = { to: string; label: string; fills: string[] };

/**
 * What is wrong with a flow, if anything: duplicate ids, a missing start, steps leading to
 * missing steps, unknown slot kinds, choices with no options, webhooks `webhookExists` does not
 * know, unknown `{{templates}}`, slots read before any path can have filled them, and steps
 * nobody can reach. Loops are allowed. `knownSlots` are those the caller passes to `startFlow`.
 */
export function validateFlow(flow: FlowDefinition, webhookExists: (name: string) => boolean, knownSlots: readonly string[] = []): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const steps = new Map<string, FlowStep>();
  for (const step of flow.steps) {
    if (steps.has(step.id)) problems.push({ step: step.id, reason: 'duplicate step id' });
    else steps.set(step.id, step);
  }
  if (!steps.has(flow.start)) problems.push({ step: null, reason: `start step "${flow.start}" does not exist` });
  for (const step of flow.steps) {
    problems.push(...checkStep(step, webhookExists).map((reason) => ({ step: step.id, reason })));
    for (const edge of edgesOf(step)) {
      if (!steps.has(edge.to)) problems.push({ step: step.id, reason: `${edge.label} leads to missing step "${edge.to}"` });
    }
  }
  if (!steps.has(flow.start)) return problems;
  const filledBefore = slotsFilledBefore(flow, steps, knownSlots);
  const unreachable = [...steps.keys()].filter((id) => !filledBefore.has(id)).map((id) => ({ step: id, reason: 'no step leads here' }));
  return [...problems, ...findUnfilledReads(steps, filledBefore), ...unreachable];
}

function checkStep(step: FlowStep, webhookExists: (name: string) => boolean): string[] {
  const reasons = templatesOf(step)
    .flatMap(templatePaths)
    .filter((path) => !(TEMPLATE_ROOTS as readonly string[]).includes(path.split('.')[0]!) || !path.includes('.'))
    .map((path) => `unknown template {{${path}}} (use slots., customer., attributes. or result.)`);
  switch (step.kind) {
    case 'question':
      if (!isSlotKind(step.slotKind)) reasons.push(`unknown slot kind "${step.slotKind}"`);
      break;
    case 'choice':
      if (step.choices.length === 0) reasons.push('a choice needs at least one option');
      break;
    case 'action':
      if (!webhookExists(step.webhook)) reasons.push(`no webhook "${step.webhook}"`);
      break;
    case 'condition':
      for (const { when } of step.branches) {
        if (when.op !== 'exists' && when.source !== 'segment' && when.value === undefined) reasons.push(`condition "${when.op}" on "${when.name}" needs a value`);
      }
      break;
  }
  if ((step.kind === 'question' || step.kind === 'choice') && step.maxAttempts !== undefined && !(Number.isInteger(step.maxAttempts) && step.maxAttempts >= 1)) {
    reasons.push('maxAttempts is a whole number, at least 1');
  }
  return reasons;
}

function edgesOf(step: FlowStep): Edge[] {
  switch (step.kind) {
    case 'message':
      return step.next === undefined ? [] : [{ to: step.next, label: 'next', fills: [] }];
    case 'question':
      return [{ to: step.next, label: 'next', fills: [step.slot] }];
    case 'choice':
      return step.choices.map((choice) => ({ to: choice.next, label: `choice "${choice.value}"`, fills: step.slot ? [step.slot] : [] }));
    case 'condition':
      return [...step.branches.map((branch, i) => ({ to: branch.next, label: `branch ${i + 1}`, fills: [] })), { to: step.otherwise, label: 'otherwise', fills: [] }];
    case 'action':
      return [{ to: step.next, label: 'next', fills: step.resultSlot ? [`${step.resultSlot}.`] : [] }, { to: step.onError, label: 'onError', fills: [] }];
    default:
      return [];
  }
}

/**
 * For each reachable step, the slots some path from the start may have filled on arrival (a
 * "may" analysis: a slot filled on only one branch counts). Iterated to a fixed point, so loops
 * are fine. Steps missing from the result are unreachable.
 */
function slotsFilledBefore(flow: FlowDefinition, steps: ReadonlyMap<string, FlowStep>, knownSlots: readonly string[]): Map<string, Set<string>> {
  const before = new Map<string, Set<string>>([[flow.start, new Set(knownSlots)]]);
  const queue = [flow.start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    const here = before.get(id)!;
    for (const edge of edgesOf(steps.get(id)!)) {
      if (!steps.has(edge.to)) continue;
      const target = before.get(edge.to) ?? new Set<string>();
      const size = before.has(edge.to) ? target.size : -1;
      for (const slot of [...here, ...edge.fills]) target.add(slot);
      if (target.size > size) {
        before.set(edge.to, target);
        queue.push(edge.to);
      }
    }
  }
  return before;
}

function findUnfilledReads(steps: ReadonlyMap<string, FlowStep>, filledBefore: ReadonlyMap<string, Set<string>>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const [id, filled] of filledBefore) {
    const step = steps.get(id)!;
    const reads = templatesOf(step).flatMap(templatePaths).filter((path) => path.startsWith('slots.')).map((path) => path.slice('slots.'.length));
    if (step.kind === 'condition') reads.push(...step.branches.filter((b) => b.when.source === 'slot').map((b) => b.when.name));
    for (const slot of new Set(reads)) {
      const isFilled = filled.has(slot) || [...filled].some((entry) => entry.endsWith('.') && slot.startsWith(entry));
      if (!isFilled) problems.push({ step: id, reason: `reads slot "${slot}", which no earlier step fills` });
    }
  }
  return problems;
}

function templatesOf(step: FlowStep): string[] {
  const texts = (text: LocalizedText | undefined) => Object.values(text ?? {}).filter((value) => value !== undefined);
  switch (step.kind) {
    case 'message':
    case 'handoff':
    case 'end':
      return texts(step.text);
    case 'question':
      return [...texts(step.text), ...texts(step.retryText)];
    case 'choice':
      return [...texts(step.text), ...texts(step.retryText), ...step.choices.flatMap((choice) => texts(choice.label))];
    case 'action':
      return Object.values(step.input);
    default:
      return [];
  }
}
