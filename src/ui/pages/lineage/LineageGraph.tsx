// The model graph: one column per layer (raw/meta sources, bronze, silver, gold), a node per
// table with its rows after the run, edges from each model's declared inputs.
import { For } from 'solid-js';
import { formatCount } from '../../../domain/format-number';
import type { LineageGraph as Graph, LineageNode } from '../../../lakehouse/models/lineage';

const COLS: LineageNode['layer'][][] = [['raw', 'meta', 'other'], ['bronze'], ['silver'], ['gold']];
const NODE_W = 190;
const NODE_H = 40;
const COL_GAP = 90;
const ROW_GAP = 14;
const LAYER_COLOUR: Record<string, string> = { raw: 'var(--text-muted)', meta: 'var(--text-muted)', other: 'var(--text-muted)', bronze: 'var(--warn)', silver: 'var(--band-mid)', gold: 'var(--ok)' };

export function LineageGraph(props: { graph: Graph }) {
  const layout = () => {
    const pos = new Map<string, { x: number; y: number; node: LineageNode }>();
    let height = 0;
    COLS.forEach((layers, c) => {
      const nodes = props.graph.nodes.filter((n) => layers.includes(n.layer));
      nodes.forEach((node, r) => pos.set(node.name, { x: c * (NODE_W + COL_GAP) + 4, y: r * (NODE_H + ROW_GAP) + 28, node }));
      height = Math.max(height, nodes.length * (NODE_H + ROW_GAP) + 40);
    });
    return { pos, height, width: COLS.length * (NODE_W + COL_GAP) };
  };
  const edge = (from: string, to: string) => {
    const a = layout().pos.get(from);
    const b = layout().pos.get(to);
    if (!a || !b) return '';
    const [x1, y1, x2, y2] = [a.x + NODE_W, a.y + NODE_H / 2, b.x, b.y + NODE_H / 2];
    // Same-column edges (silver -> silver) bend out to the right so they stay visible.
    if (x2 <= x1 - NODE_W) return `M ${x1} ${y1} C ${x1 + 40} ${y1}, ${x1 + 40} ${y2}, ${x1} ${y2}`;
    return `M ${x1} ${y1} C ${x1 + COL_GAP / 2} ${y1}, ${x2 - COL_GAP / 2} ${y2}, ${x2} ${y2}`;
  };
  return (
    <div style={{ overflow: 'auto' }} tabIndex={0} role="region" aria-label="Model graph (scrolls sideways)">
      <svg width={layout().width} height={layout().height} role="img"
        aria-label={`Model graph of run ${props.graph.runId ?? '–'}: ${props.graph.nodes.filter((n) => n.isModel).map((n) => `${n.name} ${n.rows ?? 0} rows`).join(', ')}`}>
        <defs>
          <marker id="lineage-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--text-muted)" />
          </marker>
        </defs>
        <For each={['sources', 'bronze', 'silver', 'gold']}>
          {(label, c) => <text x={c() * (NODE_W + COL_GAP) + 4} y="16" font-size="13" font-weight="600" fill="var(--text)">{label}</text>}
        </For>
        <For each={props.graph.edges}>
          {(e) => <path d={edge(e.from, e.to)} fill="none" stroke="var(--text-muted)" stroke-opacity="0.7" marker-end="url(#lineage-arrow)"><title>{`${e.from} → ${e.to}`}</title></path>}
        </For>
        <For each={[...layout().pos.values()]}>
          {(p) => (
            <g transform={`translate(${p.x}, ${p.y})`} data-table={p.node.name}>
              <title>{`${p.node.name}: ${p.node.rows === null ? 'not built' : `${p.node.rows} rows`}${p.node.mode ? `, ${p.node.mode} build, ${p.node.rowsIn ?? 0} rows in, ${(p.node.seconds ?? 0).toFixed(3)} s` : ''}`}</title>
              <rect width={NODE_W} height={NODE_H} rx="6" fill="var(--surface)" stroke={LAYER_COLOUR[p.node.layer]} stroke-width={p.node.isModel ? 2.5 : 1} />
              <text x="8" y="16" font-size="12" fill="var(--text)">{p.node.name}</text>
              <text x="8" y="32" font-size="11" fill="var(--text-muted)">{p.node.rows === null ? 'not built' : `${formatCount(p.node.rows)} rows${p.node.mode ? ` · ${p.node.mode}` : ''}`}</text>
            </g>
          )}
        </For>
      </svg>
    </div>
  );
}
