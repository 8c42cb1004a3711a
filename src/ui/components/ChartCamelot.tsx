// Keys on the Camelot wheel: 12 positions, minor keys (A) on the inner ring and major (B) on the
// outer, each segment shaded by its track count. Hand-drawn SVG (Plot has no polar layout);
// every segment is a focusable button with its count in the accessible name.
import { For, type JSX } from 'solid-js';

export interface CamelotCount {
  camelot: string;
  tracks: number;
}

const CX = 150;
const CY = 150;

function arc(r0: number, r1: number, a0: number, a1: number): string {
  const p = (r: number, a: number) => `${(CX + r * Math.sin(a)).toFixed(1)},${(CY - r * Math.cos(a)).toFixed(1)}`;
  return `M${p(r1, a0)} A${r1},${r1} 0 0 1 ${p(r1, a1)} L${p(r0, a1)} A${r0},${r0} 0 0 0 ${p(r0, a0)} Z`;
}

export function ChartCamelot(props: { counts: CamelotCount[]; title: string; selected?: string | null; onSelect?: (code: string) => void }): JSX.Element {
  const max = () => Math.max(1, ...props.counts.map((c) => c.tracks));
  const count = (code: string) => props.counts.find((c) => c.camelot === code)?.tracks ?? 0;
  const total = () => props.counts.reduce((a, c) => a + c.tracks, 0);
  const segments = Array.from({ length: 12 }, (_, i) => i + 1).flatMap((n) => [
    { code: `${n}A`, r0: 60, r1: 100, n },
    { code: `${n}B`, r0: 100, r1: 140, n },
  ]);
  return (
    <figure class="chart" aria-label={`${props.title}: ${total()} tracks with a key`}>
      <figcaption>
        <strong>{props.title}</strong>
        <span class="muted">Inner ring minor (A), outer ring major (B); darker means more tracks. Select a key to filter.</span>
      </figcaption>
      <svg viewBox="0 0 300 300" width="300" height="300" role="group" aria-label={props.title} class="camelot-wheel">
        <For each={segments}>
          {(s) => {
            const a0 = ((s.n - 1.5) / 12) * 2 * Math.PI;
            const a1 = ((s.n - 0.5) / 12) * 2 * Math.PI;
            const mid = (a0 + a1) / 2;
            const r = (s.r0 + s.r1) / 2;
            const pick = () => props.onSelect?.(s.code);
            return (
              <g
                role="button"
                tabIndex={0}
                aria-pressed={props.selected === s.code ? 'true' : 'false'}
                aria-label={`${s.code}: ${count(s.code)} tracks`}
                onClick={pick}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), pick())}
                class="camelot-segment"
              >
                <title>{`${s.code}: ${count(s.code)} tracks`}</title>
                <path d={arc(s.r0, s.r1, a0, a1)} style={{ 'fill-opacity': String(0.08 + (0.85 * count(s.code)) / max()) }} data-selected={props.selected === s.code ? 'true' : 'false'} />
                <text x={CX + r * Math.sin(mid)} y={CY - r * Math.cos(mid) + 4} text-anchor="middle">{s.code}</text>
              </g>
            );
          }}
        </For>
      </svg>
    </figure>
  );
}
