// The bot's scripted dialogues. A flow is data; the runner is pure: it takes the stored state and
// what just happened, and returns what to say, the next state and one effect for the caller to do.
import type { LocalizedText } from '../guide/guide.ts';
import type { Locale } from '../vocabulary.ts';
import { matchChoice } from './flow-choice.ts';
import { conditionHolds } from './flow-condition.ts';
import { flattenData, localize, renderTemplate } from './flow-text.ts';
import { isSlotKind, validateSlot, type SlotKind } from './slot-validators.ts';

export { validateFlow, type FlowProblem } from './flow-validation.ts';

/** A scripted dialogue: steps from `start`. Unlike guides, flows may loop ("ask again"). */
export interface FlowDefinition {
  key: string;
  title: LocalizedText;
  start: string;
  steps: readonly FlowStep[];
}

/** `maxAttempts` (default 2) counts wrong answers before the customer is handed to a person. */
export type FlowStep =
  | { id: string; kind: 'message'; text: LocalizedText; next?: string } // no next: the flow ends after it
  | { id: string; kind: 'question'; slot: string; slotKind: SlotKind; text: LocalizedText; retryText?: LocalizedText; maxAttempts?: number; next: string }
  | { id: string; kind: 'choice'; text: LocalizedText; slot?: string; retryText?: LocalizedText; maxAttempts?: number; choices: ReadonlyArray<FlowChoice> }
  | { id: string; kind: 'condition'; branches: ReadonlyArray<{ when: FlowCondition; next: string }>; otherwise: string }
  | { id: string; kind: 'action'; webhook: string; input: Record<string, string>; resultSlot?: string; next: string; onError: string }
  | { id: string; kind: 'handoff'; text?: LocalizedText; reason?: string; /** A team to hand to, not just the queue. */ teamId?: string }
  | { id: string; kind: 'end'; text?: LocalizedText };

export interface FlowChoice { value: string; label: LocalizedText; next: string }

/** See `conditionHolds` for what each op means per source. */
export type FlowCondition = {
  source: 'slot' | 'attribute' | 'segment';
  name: string;
  op: 'equals' | 'not_equals' | 'exists' | 'in' | 'contains';
  value?: string | readonly string[];
};

/** Where a running flow stands; plain JSON, stored between turns. */
export interface FlowState {
  flow: string;
  step: string;
  slots: Record<string, string>;
  attempts: number;
  awaiting: 'input' | 'action';
  startedAt: string;
}

/** `customer` holds the customer's own fields (`{{customer.name}}`), `attributes` their custom ones. */
export interface FlowContext {
  locale: Locale;
  now: Date;
  attributes: Record<string, unknown>;
  segments: readonly string[];
  customer?: Record<string, unknown>;
}

export interface FlowSay { text: string; choices?: Array<{ value: string; label: string }> }

export type FlowEffect =
  | { kind: 'none' }
  | { kind: 'await_input' }
  | { kind: 'call_webhook'; webhook: string; payload: Record<string, string> }
  | { kind: 'handoff'; reason: string; teamId?: string }
  | { kind: 'done' };

/** Messages to send in order (localized, templated), the state to store (null: finished), one effect. */
export interface FlowTurn { say: FlowSay[]; state: FlowState | null; effect: FlowEffect }

export type FlowActionOutcome = { ok: true; data: Record<string, unknown> } | { ok: false; error: string };

// Automatic steps (messages, conditions) walked in one turn before a flow counts as looping.
const MAX_AUTOMATIC_STEPS = 50;
const DEFAULT_MAX_ATTEMPTS = 2;

interface Run {
  flow: FlowDefinition;
  ctx: FlowContext;
  slots: Record<string, string>;
  startedAt: string;
  say: FlowSay[];
  result?: Record<string, string>;
}

type AskStep = Extract<FlowStep, { kind: 'question' | 'choice' }>;

/** Runs a flow from its start until it needs the customer or a webhook, or ends. */
export function startFlow(flow: FlowDefinition, ctx: FlowContext, slots: Record<string, string> = {}): FlowTurn {
  return walk({ flow, ctx, slots: { ...slots }, startedAt: ctx.now.toISOString(), say: [] }, flow.start);
}

/** The customer's reply to the question or choice the flow waits on. Input while a webhook runs is ignored. */
export function continueFlow(flow: FlowDefinition, state: FlowState, input: string, ctx: FlowContext): FlowTurn {
  if (state.awaiting !== 'input') return { say: [], state, effect: { kind: 'none' } };
  const run = resume(flow, state, ctx);
  const step = stepOf(flow, state);
  if (step?.kind === 'question' && isSlotKind(step.slotKind)) {
    const answer = validateSlot(step.slotKind, input, ctx.now);
    if (!answer.ok) return askAgain(run, step, state.attempts);
    run.slots[step.slot] = answer.value;
    return walk(run, step.next);
  }
  if (step?.kind === 'choice') {
    const choice = matchChoice(step.choices, input);
    if (!choice) return askAgain(run, step, state.attempts);
    if (step.slot) run.slots[step.slot] = choice.value;
    return walk(run, choice.next);
  }
  return finish(run, { kind: 'handoff', reason: 'flow_broken' });
}

/**
 * A webhook's answer. Success stores the data flattened as `<resultSlot>.<key>` slots (replacing
 * the previous call's) and lets the next steps of this turn read it as `{{result.<key>}}`;
 * failure goes to `onError`. The error text is never shown to the customer.
 */
export function resumeAfterAction(flow: FlowDefinition, state: FlowState, outcome: FlowActionOutcome, ctx: FlowContext): FlowTurn {
  if (state.awaiting !== 'action') return { say: [], state, effect: { kind: 'none' } };
  const run = resume(flow, state, ctx);
  const step = stepOf(flow, state);
  if (step?.kind !== 'action') return finish(run, { kind: 'handoff', reason: 'flow_broken' });
  if (!outcome.ok) return walk(run, step.onError);
  run.result = flattenData(outcome.data);
  if (step.resultSlot) {
    const prefix = `${step.resultSlot}.`;
    for (const key of Object.keys(run.slots)) if (key.startsWith(prefix)) delete run.slots[key];
    for (const [key, value] of Object.entries(run.result)) run.slots[prefix + key] = value;
  }
  return walk(run, step.next);
}

// A step that is missing (a flow stored before validation, or edited under a running state)
// hands the customer to a person rather than throwing.
function walk(run: Run, from: string): FlowTurn {
  let id = from;
  for (let count = 0; count < MAX_AUTOMATIC_STEPS; count++) {
    const step = run.flow.steps.find((candidate) => candidate.id === id);
    switch (step?.kind) {
      case 'message':
        say(run, step.text);
        if (step.next === undefined) return finish(run, { kind: 'done' });
        id = step.next;
        break;
      case 'condition':
        id = step.branches.find((branch) => conditionHolds(branch.when, { ...run.ctx, slots: run.slots }))?.next ?? step.otherwise;
        break;
      case 'question':
      case 'choice':
        return ask(run, step, 0, step.text);
      case 'action': {
        const payload = Object.fromEntries(Object.entries(step.input).map(([key, template]) => [key, render(run, template)]));
        return { say: run.say, state: stateAt(run, step.id, 'action', 0), effect: { kind: 'call_webhook', webhook: step.webhook, payload } };
      }
      case 'handoff':
        say(run, step.text);
        return finish(run, { kind: 'handoff', reason: step.reason ?? 'flow_handoff', ...(step.teamId ? { teamId: step.teamId } : {}) });
      case 'end':
        say(run, step.text);
        return finish(run, { kind: 'done' });
      default:
        return finish(run, { kind: 'handoff', reason: 'flow_broken' });
    }
  }
  // What a looping flow said this turn is dropped: it could be dozens of repeated messages.
  return { say: [], state: null, effect: { kind: 'handoff', reason: 'flow_loop' } };
}

function ask(run: Run, step: AskStep, attempts: number, text: LocalizedText): FlowTurn {
  const line: FlowSay = { text: render(run, localize(text, run.ctx.locale)) };
  if (step.kind === 'choice') line.choices = step.choices.map((choice) => ({ value: choice.value, label: render(run, localize(choice.label, run.ctx.locale)) }));
  return { say: [...run.say, line], state: stateAt(run, step.id, 'input', attempts), effect: { kind: 'await_input' } };
}

function askAgain(run: Run, step: AskStep, failedBefore: number): FlowTurn {
  const attempts = failedBefore + 1;
  if (attempts >= (step.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) return finish(run, { kind: 'handoff', reason: 'flow_slot_invalid' });
  return ask(run, step, attempts, step.retryText ?? step.text);
}

function say(run: Run, text: LocalizedText | undefined): void {
  const line = render(run, localize(text, run.ctx.locale));
  if (line.trim() !== '') run.say.push({ text: line });
}

function render(run: Run, template: string): string {
  const scope = { slots: run.slots, customer: run.ctx.customer ?? {}, attributes: run.ctx.attributes, result: run.result };
  return renderTemplate(template, scope);
}

function resume(flow: FlowDefinition, state: FlowState, ctx: FlowContext): Run {
  return { flow, ctx, slots: { ...state.slots }, startedAt: state.startedAt, say: [] };
}

function stepOf(flow: FlowDefinition, state: FlowState): FlowStep | undefined {
  return state.flow === flow.key ? flow.steps.find((step) => step.id === state.step) : undefined;
}

function stateAt(run: Run, step: string, awaiting: FlowState['awaiting'], attempts: number): FlowState {
  return { flow: run.flow.key, step, slots: { ...run.slots }, attempts, awaiting, startedAt: run.startedAt };
}

function finish(run: Run, effect: FlowEffect): FlowTurn {
  return { say: run.say, state: null, effect };
}
