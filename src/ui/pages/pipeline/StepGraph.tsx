// The step graph of one run: a box per step, left to right in run order, coloured by state,
// with arrows for the order the workflow runs them in.
import { For } from 'solid-js';
import type { TimelineStep } from '../../../lakehouse/runs/run-views';

export const STATE_COLOUR: Record<string, string> = {
  succeeded: 'var(--ok)', failed: 'var(--danger)', running: 'var(--accent)', skipped: 'var(--text-muted)',
};

const W = 118;
const H = 44;
const GAP = 26;

export function StepGraph(props: { steps: TimelineStep[] }) {
  const width = () => Math.max(1, props.steps.length) * (W + GAP);
  const summary = () => props.steps.map((s) => `${s.step} ${s.state}`).join(', ');
  return (
    <div style={{ overflow: 'auto' }} tabIndex={0} role="region" aria-label="Step graph (scrolls sideways)">
      <svg width={width()} height={H + 24} role="img" aria-label={`Step graph: ${summary()}`}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--text-muted)" />
          </marker>
        </defs>
        <For each={props.steps}>
          {(s, i) => (
            <g transform={`translate(${i() * (W + GAP) + 2}, 4)`} data-step={s.step} data-state={s.state}>
              <title>{`${s.step}: ${s.state}, ${s.seconds} s, rows in ${s.rows_in ?? '–'}, out ${s.rows_out ?? '–'}${s.error ? `\n${s.error}` : ''}`}</title>
              <rect width={W} height={H} rx="8" fill="var(--surface)" stroke={STATE_COLOUR[s.state] ?? 'var(--border)'} stroke-width="3" />
              <text x={W / 2} y="19" text-anchor="middle" font-size="12" fill="var(--text)">{s.step}</text>
              <text x={W / 2} y="35" text-anchor="middle" font-size="11" fill={STATE_COLOUR[s.state] ?? 'var(--text-muted)'}>{`${s.state} · ${s.seconds} s`}</text>
              {i() < props.steps.length - 1 && <line x1={W} y1={H / 2} x2={W + GAP - 2} y2={H / 2} stroke="var(--text-muted)" stroke-width="1.5" marker-end="url(#arrow)" />}
            </g>
          )}
        </For>
      </svg>
    </div>
  );
}
