// Data quality: the latest run's rule results (failing first, with a sample of failing rows),
// anomalies with their evidence, and the rules themselves, editable.
import { For, Show } from 'solid-js';
import { useLive } from '../../../app/live/use-live';
import { anomalies as anomaliesRead, checkResults } from '../../../app/reads/quality';
import { RowsTable } from '../../components/RowsTable';
import { RulesTable } from './RulesTable';

/** The stored sample, or nothing when a results row predates valid samples. */
function parseSample(text: unknown): Record<string, unknown>[] | null {
  if (typeof text !== 'string' || !text) return null;
  try {
    return JSON.parse(text) as Record<string, unknown>[];
  } catch {
    return null;
  }
}

const STATUS_STATE: Record<string, string> = { passed: 'succeeded', failed: 'failed', error: 'failed', skipped: 'idle' };

export default function QualityPage() {
  const results = useLive(checkResults);
  const anomalies = useLive(anomaliesRead);
  const counts = () => {
    const rows = results()?.rows ?? [];
    return { total: rows.length, failed: rows.filter((r) => r.status === 'failed').length, blocking: rows.filter((r) => r.status === 'failed' && r.severity === 'error').length };
  };
  return (
    <section>
      <h1>Quality</h1>
      <Show when={results()?.runId} fallback={<p class="muted">No checks have run yet. They run with every pipeline run: choose a music folder in the Library.</p>}>
        <h2>{`Checks of run ${results()!.runId}`}</h2>
        <p data-testid="dq-summary">{`${counts().total} rules checked: ${counts().total - counts().failed} passed, ${counts().failed} failed (${counts().blocking} blocking).`}</p>
        <table class="plain" aria-label="Data-quality results">
          <thead><tr><th>Status</th><th>Rule</th><th>Layer</th><th>Severity</th><th class="num">Failing rows</th><th class="num">Rows</th><th>Message</th><th>Sample of failing rows</th></tr></thead>
          <tbody>
            <For each={results()!.rows}>
              {(r) => (
                <tr>
                  <td><span class="status" data-state={STATUS_STATE[String(r.status)] ?? 'idle'}><span class="status-dot" aria-hidden="true" />{String(r.status)}</span></td>
                  <td>{String(r.rule_id)}</td><td>{String(r.layer)}</td><td>{String(r.severity)}</td>
                  <td class="num">{String(r.failing_rows ?? '')}</td><td class="num">{String(r.total_rows ?? '')}</td><td>{String(r.message ?? '')}</td>
                  <td>
                    <Show when={parseSample(r.sample)}>
                      {(rows) => (
                        <details><summary>{`${rows().length} rows`}</summary>
                          <RowsTable rows={rows()} label={`Failing rows of ${String(r.rule_id)}`} />
                        </details>
                      )}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <h2>Anomalies</h2>
      <Show when={(anomalies()?.length ?? 0) > 0} fallback={<p class="muted">No anomalies found: ingest volumes, listening and features look ordinary.</p>}>
        <RowsTable rows={anomalies() ?? []} label="Anomalies" />
      </Show>
      <RulesTable />
    </section>
  );
}
