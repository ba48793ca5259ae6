import { Sankey, Tooltip, type SankeyNodeProps } from 'recharts';
import { SERIES_COLOURS } from './chart-theme.ts';

export interface FlowNode {
  id: string;
  label: string;
}
export interface FlowLink {
  source: string;
  target: string;
  value: number;
}

/** Recharts links nodes by index; the API by id. Links to unknown nodes are dropped. */
export function sankeyData(nodes: readonly FlowNode[], links: readonly FlowLink[]) {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  return {
    nodes: nodes.map((n) => ({ name: n.label })),
    links: links.flatMap((l) => {
      const source = index.get(l.source);
      const target = index.get(l.target);
      return source === undefined || target === undefined || l.value <= 0 ? [] : [{ source, target, value: l.value }];
    }),
  };
}

/** Where customers went, step by step, from the first page to a resolution or a person. */
export function SankeyView(props: { nodes: readonly FlowNode[]; links: readonly FlowLink[]; format: (value: number) => string }) {
  const data = sankeyData(props.nodes, props.links);
  const height = Math.max(260, props.nodes.length * 26);
  const node = (p: SankeyNodeProps) => {
    // Labels sit after their node, except in the last column, where they go before it. Recharts
    // calls a node's outgoing links `targetLinks` and its incoming ones `sourceLinks`.
    const last = p.payload.targetLinks.length === 0 && p.payload.sourceLinks.length > 0;
    return (
      <g>
        <rect x={p.x} y={p.y} width={p.width} height={p.height} fill={SERIES_COLOURS[0]} />
        <text x={last ? p.x - 6 : p.x + p.width + 6} y={p.y + p.height / 2} textAnchor={last ? 'end' : 'start'} dominantBaseline="middle" fontSize={12}>
          {`${p.payload.name} (${props.format(p.payload.value)})`}
        </text>
      </g>
    );
  };
  return (
    <Sankey
      width="100%"
      height={height}
      data={data}
      node={node}
      link={{ stroke: SERIES_COLOURS[0], strokeOpacity: 0.25 }}
      nodePadding={18}
      margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
    >
      <Tooltip formatter={(value) => props.format(Number(value))} />
    </Sankey>
  );
}
