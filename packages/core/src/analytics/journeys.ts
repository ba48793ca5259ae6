export interface SankeyNode {
  /** `<step>:<label>`, step counted from 1, so a touchpoint revisited later is a new node. */
  id: string;
  label: string;
}

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
}

export interface Sankey {
  nodes: SankeyNode[];
  links: SankeyLink[];
}

export const FUNNEL_STAGES = ['entry', 'search', 'article', 'guide', 'bot', 'handoff', 'resolved'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const DEFAULT_JOURNEY_STEPS = 4;

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Customer journeys as a Sankey diagram. Each journey's repeats in a row collapse
 * (`bot, bot, person` → `bot, person`), then it is cut to its first `maxSteps` touchpoints. Node
 * ids carry the step (`1:help_center`), so the graph has no cycles even when a journey returns
 * to a touchpoint (Sankey layouts need a DAG). A link's value is the number of journeys that
 * made that move. Only nodes on some link are listed: a journey with a single touchpoint moves
 * nowhere and adds nothing. Nodes are ordered by step then label, links by source then target.
 */
export function journeySankey(paths: readonly (readonly string[])[], options: { maxSteps?: number } = {}): Sankey {
  const maxSteps = options.maxSteps ?? DEFAULT_JOURNEY_STEPS;
  const links = new Map<string, SankeyLink>();
  const nodes = new Map<string, SankeyNode>();
  for (const path of paths) {
    const steps = path.filter((label, i) => i === 0 || label !== path[i - 1]).slice(0, maxSteps);
    for (let i = 1; i < steps.length; i++) {
      const source = { id: `${i}:${steps[i - 1]}`, label: steps[i - 1]! };
      const target = { id: `${i + 1}:${steps[i]}`, label: steps[i]! };
      nodes.set(source.id, source).set(target.id, target);
      const key = JSON.stringify([source.id, target.id]);
      const link = links.get(key) ?? { source: source.id, target: target.id, value: 0 };
      link.value++;
      links.set(key, link);
    }
  }
  const stepOf = (id: string) => Number(id.slice(0, id.indexOf(':')));
  const order = (a: string, b: string) => stepOf(a) - stepOf(b) || byKey(a, b);
  return {
    nodes: [...nodes.values()].sort((a, b) => order(a.id, b.id)),
    links: [...links.values()].sort((a, b) => order(a.source, b.source) || order(a.target, b.target)),
  };
}

/** How many sessions reached each stage, in `FUNNEL_STAGES` order. A stage is not implied by a later one. */
export function leaveFunnel(sessions: ReadonlyArray<{ stages: ReadonlySet<FunnelStage> }>): Array<{ stage: FunnelStage; sessions: number }> {
  return FUNNEL_STAGES.map((stage) => ({ stage, sessions: sessions.filter((s) => s.stages.has(stage)).length }));
}

/** How often each item occurs, most frequent first, ties in code-point order of the key, at most `limit`. */
export function topCounts(items: readonly string[], limit: number): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || byKey(a.key, b.key))
    .slice(0, Math.max(0, limit));
}
