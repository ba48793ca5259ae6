import type { ServerFrame } from '@tandem/protocol';

type ViewingFrame = Extract<ServerFrame, { type: 'viewing' }>;
type TypingFrame = Extract<ServerFrame, { type: 'typing' }>;

export interface Presence {
  agentId: string;
  name: string;
  at: number;
}

/** Ephemeral signals about conversations: who else is looking, who is typing. Never stored. */
export interface SignalsState {
  viewers: ReadonlyMap<string, readonly Presence[]>;
  customerTyping: ReadonlyMap<string, number>;
  agentsTyping: ReadonlyMap<string, readonly Presence[]>;
}

export const emptySignals: SignalsState = { viewers: new Map(), customerTyping: new Map(), agentsTyping: new Map() };

/** A viewer who has not said so again for this long is gone (a closed laptop sends no goodbye). */
export const VIEWING_TTL_MS = 45_000;
export const TYPING_TTL_MS = 6_000;

function withPresence(map: ReadonlyMap<string, readonly Presence[]>, conversationId: string, presence: Presence, on: boolean) {
  const others = (map.get(conversationId) ?? []).filter((p) => p.agentId !== presence.agentId);
  const next = new Map(map);
  const list = on ? [...others, presence] : others;
  if (list.length === 0) next.delete(conversationId);
  else next.set(conversationId, list);
  return next;
}

export function applyViewing(state: SignalsState, frame: ViewingFrame, selfId: string, now: number): SignalsState {
  if (frame.agentId === selfId) return state;
  return { ...state, viewers: withPresence(state.viewers, frame.conversationId, { agentId: frame.agentId, name: frame.name, at: now }, frame.viewing) };
}

export function applyTyping(state: SignalsState, frame: TypingFrame, selfName: string, now: number): SignalsState {
  if (frame.author === 'customer') {
    const customerTyping = new Map(state.customerTyping);
    if (frame.typing) customerTyping.set(frame.conversationId, now);
    else customerTyping.delete(frame.conversationId);
    return { ...state, customerTyping };
  }
  const name = frame.name ?? '';
  if (name === selfName) return state;
  return { ...state, agentsTyping: withPresence(state.agentsTyping, frame.conversationId, { agentId: name, name, at: now }, frame.typing) };
}

/** Drops what has not been refreshed in time. Returns the same object when nothing expired. */
export function expireSignals(state: SignalsState, now: number): SignalsState {
  const fresh = (map: ReadonlyMap<string, readonly Presence[]>, ttl: number) => {
    let changed = false;
    const next = new Map<string, readonly Presence[]>();
    for (const [id, list] of map) {
      const kept = list.filter((p) => now - p.at < ttl);
      if (kept.length !== list.length) changed = true;
      if (kept.length > 0) next.set(id, kept);
    }
    return changed ? next : map;
  };
  const viewers = fresh(state.viewers, VIEWING_TTL_MS);
  const agentsTyping = fresh(state.agentsTyping, TYPING_TTL_MS);
  const stillTyping = [...state.customerTyping].filter(([, at]) => now - at < TYPING_TTL_MS);
  const customerTyping = stillTyping.length === state.customerTyping.size ? state.customerTyping : new Map(stillTyping);
  if (viewers === state.viewers && agentsTyping === state.agentsTyping && customerTyping === state.customerTyping) return state;
  return { viewers, agentsTyping, customerTyping };
}
