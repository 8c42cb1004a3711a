// Determinate progress for long work: done / total, rate, time left, and a Cancel button.
import { Show, type JSX } from 'solid-js';
import { formatCount, formatEta, formatRate } from '../../domain/format-number';
import type { Progress } from '../../pipeline/progress';

export function ProgressBar(props: { progress: Progress; unit: string; onCancel?: () => void; children?: JSX.Element }) {
  const p = () => props.progress;
  return (
    <div class="progress card" aria-label={`${p().phase} progress`}>
      <div class="toolbar" style={{ margin: 0 }}>
        <strong>{p().phase}</strong>
        <span>{`${formatCount(p().done)} / ${formatCount(p().total)} ${props.unit}`}</span>
        <Show when={p().perSecond > 0}>
          <span class="muted">{formatRate(p().perSecond, props.unit)}</span>
        </Show>
        <Show when={p().detail}>
          <span class="muted">{p().detail}</span>
        </Show>
        <span class="muted">{formatEta(p().etaSeconds)}</span>
        <span style={{ flex: 1 }} />
        {props.children}
        <Show when={props.onCancel}>
          <button onClick={() => props.onCancel?.()}>Cancel</button>
        </Show>
      </div>
      <progress max={Math.max(1, p().total)} value={p().done} aria-label={`${p().phase}: ${p().done} of ${p().total} ${props.unit}`} />
    </div>
  );
}
