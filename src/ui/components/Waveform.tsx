// A zoomable waveform coloured by frequency band, as DJ software draws it: each column's height
// is its min/max amplitude and its colour mixes low (red), mid (green) and high (blue) energy.
// Zoomed in past the overview's resolution it switches to the detail level. Click or use the
// arrow keys to move the playhead; +/- zoom.
import { createEffect, createMemo, createSignal, onCleanup, onMount } from 'solid-js';
import { formatDuration } from '../../domain/format-number';
import type { UnpackedWaveform, WaveformLevel } from '../../domain/waveform-codec';

const BAND_RGB = [
  [230, 80, 40], // low
  [60, 190, 80], // mid
  [50, 120, 235], // high
] as const;

export function Waveform(props: { waveform: UnpackedWaveform; positionS?: number; onSeek?: (seconds: number) => void; label: string }) {
  let canvas!: HTMLCanvasElement;
  const [zoom, setZoom] = createSignal(1); // 1 = whole track
  const [startS, setStartS] = createSignal(0);
  const [width, setWidth] = createSignal(800);
  const duration = () => props.waveform.durationS || 1;
  const span = () => duration() / zoom();
  const level = createMemo<WaveformLevel>(() => {
    const w = props.waveform;
    // The overview is enough while each of its columns covers at most ~2 pixels.
    return w.overview.columns / zoom() >= width() / 2 || w.detail.columns === 0 ? w.overview : w.detail;
  });

  const draw = () => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const w = width();
    const h = canvas.clientHeight || 140;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const lv = level();
    const colS = duration() / Math.max(1, lv.columns);
    const mid = h / 2;
    for (let x = 0; x < w; x++) {
      const t = startS() + (x / w) * span();
      const c = Math.min(lv.columns - 1, Math.floor(t / colS));
      if (c < 0) continue;
      const o = c * 5;
      const min = (lv.data[o]! - 128) / 128, max = (lv.data[o + 1]! - 128) / 127;
      const bands = [lv.data[o + 2]!, lv.data[o + 3]!, lv.data[o + 4]!];
      const total = bands[0]! + bands[1]! + bands[2]! || 1;
      const rgb = [0, 1, 2].map((ch) => Math.round(bands.reduce((acc, b, i) => acc + (b / total) * BAND_RGB[i]![ch]!, 0)));
      ctx.fillStyle = `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;
      ctx.fillRect(x, mid - max * mid, 1, Math.max(1, (max - min) * mid));
    }
    const pos = props.positionS;
    if (pos != null && pos >= startS() && pos <= startS() + span()) {
      const x = ((pos - startS()) / span()) * w;
      ctx.fillStyle = getComputedStyle(canvas).getPropertyValue('--text') || '#000';
      ctx.fillRect(Math.round(x), 0, 2, h);
    }
  };

  onMount(() => {
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(100, Math.floor(entry!.contentRect.width))));
    observer.observe(canvas);
    onCleanup(() => observer.disconnect());
  });
  createEffect(draw);
  // Follow the playhead when it leaves the visible window.
  createEffect(() => {
    const pos = props.positionS;
    if (pos != null && (pos < startS() || pos > startS() + span())) setStartS(clampStart(pos - span() * 0.1));
  });

  const clampStart = (s: number) => Math.max(0, Math.min(duration() - span(), s));
  const zoomBy = (factor: number) => {
    const centre = props.positionS ?? startS() + span() / 2;
    setZoom((z) => Math.max(1, Math.min(512, z * factor)));
    setStartS(clampStart(centre - span() / 2));
  };
  const seekTo = (s: number) => props.onSeek?.(Math.max(0, Math.min(duration(), s)));

  return (
    <figure class="waveform" style={{ margin: 0 }}>
      <canvas
        ref={canvas}
        tabIndex={0}
        role="slider"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={Math.round(duration())}
        aria-valuenow={Math.round(props.positionS ?? 0)}
        aria-valuetext={`${formatDuration(props.positionS ?? 0)} of ${formatDuration(duration())}`}
        style={{ width: '100%', height: '140px', display: 'block', cursor: props.onSeek ? 'pointer' : 'default' }}
        onClick={(e) => seekTo(startS() + (e.offsetX / width()) * span())}
        onWheel={(e) => {
          e.preventDefault();
          zoomBy(e.deltaY < 0 ? 1.5 : 1 / 1.5);
        }}
        onKeyDown={(e) => {
          const pos = props.positionS ?? 0;
          if (e.key === 'ArrowRight') seekTo(pos + span() / 20);
          else if (e.key === 'ArrowLeft') seekTo(pos - span() / 20);
          else if (e.key === '+' || e.key === '=') zoomBy(2);
          else if (e.key === '-') zoomBy(0.5);
          else return;
          e.preventDefault();
        }}
      />
      <figcaption class="toolbar" style={{ 'margin-top': 'var(--space-2)' }}>
        <button onClick={() => zoomBy(0.5)} disabled={zoom() <= 1} aria-label="Zoom out">−</button>
        <button onClick={() => zoomBy(2)} aria-label="Zoom in">+</button>
        <span class="muted">{`${formatDuration(startS())} – ${formatDuration(startS() + span())} · ${zoom() > 1 ? `${zoom().toFixed(1)}× zoom` : 'whole track'} · colour: low red, mid green, high blue`}</span>
      </figcaption>
    </figure>
  );
}
