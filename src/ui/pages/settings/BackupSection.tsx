// Backup and restore on /settings: "Export backup" downloads one .zip (optionally encrypted);
// "Restore backup" checks a chosen file first, then asks before replacing the library (a command
// that holds the lakehouse while it restores: no run starts meanwhile).
import { createSignal, Show } from 'solid-js';
import { checkBackupFile, exportToDownload } from '../../../app/backup-actions';
import { restoreBackup } from '../../../app/commands/settings';
import { useLakehouse } from '../../../app/lakehouse-store';
import type { ValidBackup } from '../../../lakehouse/backup/backup-read';
import { formatBytes } from '../../../domain/format-number';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export function BackupSection() {
  const [state, actions] = useLakehouse();
  const [passphrase, setPassphrase] = createSignal('');
  const [busy, setBusy] = createSignal<string | null>(null);
  const [message, setMessage] = createSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = createSignal<{ backup: ValidBackup; name: string } | null>(null);
  let fileInput!: HTMLInputElement;
  /** `told`: a command already said it in a toast; the section still shows it. */
  const say = (kind: 'ok' | 'error', text: string, told = false) => {
    setMessage({ kind, text });
    if (!told) actions.toast(kind === 'ok' ? 'success' : 'error', text);
  };
  const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

  const doExport = async () => {
    setBusy('Writing the backup…');
    try {
      const s = await exportToDownload(actions.commands, passphrase());
      say('ok', `Backup written: ${s.fileName}, ${formatBytes(s.bytes)}, ${s.tables} tables, ${s.rows} rows in ${s.seconds.toFixed(1)} s${s.encrypted ? ' (encrypted: keep the passphrase, it cannot be recovered)' : ''}.`);
    } catch (e) {
      say('error', `The backup could not be written: ${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const chosen = async (file: File | undefined) => {
    fileInput.value = ''; // choosing the same file again must fire change again
    if (!file) return;
    setBusy(`Checking ${file.name}…`);
    try {
      setPending({ backup: await checkBackupFile(file, passphrase()), name: file.name });
    } catch (e) {
      say('error', `${file.name} was not restored: ${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const confirmed = async (ok: boolean) => {
    const p = pending();
    setPending(null);
    if (!ok || !p) return;
    setBusy('Restoring…');
    try {
      const restored = await restoreBackup(actions.commands, p.backup, p.name);
      if (restored.ok) {
        const r = restored.value;
        say('ok', `Library restored from ${p.name}: ${r.tables} tables, ${r.rows} rows${r.migrationsApplied.length ? `, migrated from schema ${r.fromSchemaVersion}` : ''}.`);
      } else if (restored.reason === 'busy') {
        say('error', `A run is in progress: wait for it to finish (or cancel it), then restore ${p.name}. Nothing was changed.`, true);
      } else {
        say('error', `${p.name} was not restored: ${restored.error}${/Nothing was changed/.test(restored.error) ? '' : ' Nothing was changed.'}`, true);
      }
    } finally {
      setBusy(null);
    }
  };

  const summary = () => {
    const m = pending()?.backup.manifest;
    if (!m) return '';
    const rows = m.tables.reduce((n, t) => n + t.rows, 0);
    return `Backup of ${new Date(m.createdAt).toLocaleString()} (Wolfie ${m.appVersion}, schema ${m.schemaVersion}): ${m.tables.length} tables, ${rows} rows.`;
  };

  return (
    <>
      <h2>Backup and restore</h2>
      <div class="card">
        <p>A backup is one .zip holding every table as Parquet plus a manifest with row counts and checksums. It stays on your machine unless you move it.</p>
        <label class="settings-field">
          Backup passphrase (optional: encrypts the backup with AES-256-GCM)
          <input type="password" autocomplete="new-password" value={passphrase()} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        </label>
        <div class="toolbar">
          <button onClick={() => void doExport()} disabled={!!busy() || state.db !== 'ready'}>Export backup</button>
          <button onClick={() => fileInput.click()} disabled={!!busy() || state.db !== 'ready'}>Restore from a backup file…</button>
          <input ref={fileInput} class="visually-hidden" type="file" tabIndex={-1} accept=".zip,application/zip" aria-label="Restore backup" disabled={!!busy() || state.db !== 'ready'} onChange={(e) => void chosen(e.currentTarget.files?.[0])} />
        </div>
        <Show when={busy()}>{(b) => <p role="status">{b()}</p>}</Show>
        <Show when={message()}>
          {(m) => <p role={m().kind === 'error' ? 'alert' : 'status'} data-testid="backup-message" data-kind={m().kind}>{m().text}</p>}
        </Show>
      </div>
      <ConfirmDialog open={!!pending()} title="Replace your library with this backup?" confirmLabel="Replace library" onClose={(ok) => void confirmed(ok)}>
        <p>{summary()}</p>
        <p>Everything in the library now (tracks, analysis, history, ratings, rules, runs) is replaced by the backup's contents. The audit log keeps both.</p>
      </ConfirmDialog>
    </>
  );
}
