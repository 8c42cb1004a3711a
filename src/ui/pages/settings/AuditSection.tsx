// The audit log on /settings: every change a person made, newest first (meta.audit_log).
import { For, Show } from 'solid-js';
import { useLive } from '../../../app/live/use-live';
import { auditLog } from '../../../app/reads/settings';

export function AuditSection() {
  const entries = useLive(auditLog);
  return (
    <>
      <h2>Audit log</h2>
      <div class="card">
        <Show when={entries()?.length} fallback={<p>No changes recorded yet. Imports, ratings, rule edits, deletions, restores and settings appear here.</p>}>
          <div style={{ overflow: 'auto', 'max-height': '24rem' }} tabIndex={0} role="region" aria-label="Audit log (scrolls)">
            <table class="plain" aria-label="Audit log">
              <thead><tr><th scope="col">time</th><th scope="col">action</th><th scope="col">details</th><th scope="col">by</th></tr></thead>
              <tbody>
                <For each={entries()}>
                  {(e) => (
                    <tr>
                      <td><time datetime={new Date(e.at_ms).toISOString()}>{new Date(e.at_ms).toLocaleString()}</time></td>
                      <td>{e.action}</td>
                      <td>{e.details}</td>
                      <td>{e.actor}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </div>
    </>
  );
}
