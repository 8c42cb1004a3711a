// The library page's account of the files its folders' latest scans did not read: formats Wolfie
// cannot read first (a person may convert those), then hidden and non-audio files, noted apart.
import { createMemo, For, Show } from 'solid-js';
import { useLive } from '../../../app/live/use-live';
import { skippedFiles, skippedSummary } from '../../../app/reads/library';
import { countOf, formatBytes, formatCount } from '../../../domain/format-number';
import { summariseSkipped } from '../../../domain/skipped';

const SHOWN = 1_000;

export function SkippedFiles() {
  const groups = useLive(skippedSummary);
  const files = useLive(skippedFiles, () => SHOWN);
  const said = createMemo(() => summariseSkipped(groups() ?? []));
  const headline = () => said().unsupported ?? said().others ?? '';
  return (
    <Show when={said().total > 0}>
      <section class="card" aria-label="Files not read" style={{ 'margin-top': 'var(--space-4)' }}>
        <details>
          <summary>{headline()}</summary>
          <Show when={said().unsupported}>
            <p>Wolfie cannot read these formats. To add the files, convert them (to FLAC, which keeps every bit, or to MP3), then rescan.</p>
          </Show>
          <table class="plain" aria-label="Skipped files">
            <thead><tr><th>File</th><th>Why it was not read</th><th>Size</th></tr></thead>
            <tbody>
              <For each={files() ?? []}>
                {(f) => <tr><td>{f.path}</td><td>{f.reason}</td><td>{f.size_bytes === null ? '' : formatBytes(f.size_bytes)}</td></tr>}
              </For>
            </tbody>
          </table>
          <Show when={said().total > (files()?.length ?? 0)}>
            <p class="muted">{`Showing the first ${formatCount(files()?.length ?? 0)} of ${countOf(said().total, 'skipped file')}; /sql lists them all (raw.skipped_files).`}</p>
          </Show>
        </details>
        <Show when={said().unsupported && said().others}>
          <p class="muted">{said().others}</p>
        </Show>
      </section>
    </Show>
  );
}
