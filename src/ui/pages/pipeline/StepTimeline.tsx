// A Gantt-style timeline of one run: each step's bar starts at its offset from the run's start
// and is as long as it took. Axis in seconds; hover a bar for its numbers.
import { For } from 'solid-js';
import type { TimelineStep } from '../../../lakehouse/runs/run-views';
import { STATE_COLOUR } from './StepGraph';

const LABEL = 120;
const ROW = 22;
const WIDTH = 640;

export function StepTimeline(props: { steps: TimelineStep[] }) {
  const total = () => Math.max(0.001, ...props.steps.map((s) => s.offset_s + s.seconds));
  const x = (s: number) => LABEL + (s / total()) * (WIDTH - LABEL - 10);
  const ticks = () => [0, 0.25, 0.5, 0.75, 1].map((f) => f * total());
  const height = () => props.steps.length * ROW + 40;
  return (
    <figure style={{ margin: 0, overflow: 'auto' }} tabIndex={0} aria-label="Step timeline (scrolls sideways)">
      <figcaption class="muted">{`Timeline of the run's steps (seconds from the start; total ${total().toFixed(2)} s)`}</figcaption>
      <svg width={WIDTH} height={height()} role="img" aria-label={`Timeline: ${props.steps.map((s) => `${s.step} ${s.seconds} s`).join(', ')}`}>
        <For each={ticks()}>
          {(t) => (
            <g>
              <line x1={x(t)} x2={x(t)} y1="4" y2={height() - 22} stroke="var(--border)" />
              <text x={x(t)} y={height() - 8} font-size="11" text-anchor="middle" fill="var(--text-muted)">{`${t.toFixed(2)} s`}</text>
            </g>
          )}
        </For>
        <For each={props.steps}>
          {(s, i) => (
            <g>
              <title>{`${s.step}: ${s.state}, started at +${s.offset_s} s, took ${s.seconds} s`}</title>
              <text x={LABEL - 6} y={i() * ROW + 20} font-size="12" text-anchor="end" fill="var(--text)">{s.step}</text>
              <rect x={x(s.offset_s)} y={i() * ROW + 8} width={Math.max(2, x(s.offset_s + s.seconds) - x(s.offset_s))} height={ROW - 8} rx="3"
                fill={STATE_COLOUR[s.state] ?? 'var(--text-muted)'} />
            </g>
          )}
        </For>
      </svg>
    </figure>
  );
}
