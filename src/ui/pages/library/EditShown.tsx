// "Edit shown…": one field's correction (or its revert) applied to every track a search shows.
// A small dialog takes the field and value, then the confirmation names the count before
// anything is written. The files are never written; each track's page can revert it.
import { createSignal, For, Show } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { countOf } from '../../../domain/format-number';
import { checkValue, CORRECTABLE_FIELDS, FIELD_LABELS, type CorrectableField, type FieldEdit } from '../../../domain/tag-corrections';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export interface EditShownProps {
  trackIds: () => readonly string[];
  /** The tracks in words, for the question and the audit line: the search that shows them. */
  what: () => string;
}

export function EditShownButton(props: EditShownProps) {
  const [state, actions] = useLakehouse();
  let dialog!: HTMLDialogElement;
  let opener!: HTMLButtonElement;
  const [field, setField] = createSignal<CorrectableField>('genre');
  const [value, setValue] = createSignal('');
  const [revert, setRevert] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [asking, setAsking] = createSignal(false);
  const tracks = () => countOf(props.trackIds().length, 'track');
  const label = () => FIELD_LABELS[field()];
  const edit = (): FieldEdit => (revert() ? 'revert' : { set: value() });

  const open = () => {
    setError(null);
    dialog.showModal();
  };
  const close = () => {
    dialog.close();
    opener.focus();
  };
  const next = (e: Event) => {
    e.preventDefault();
    const checked = revert() ? null : checkValue(field(), value());
    if (checked && 'error' in checked) return setError(checked.error);
    dialog.close();
    setAsking(true);
  };
  const question = () => {
    const on = props.what().replace(/^\p{Lu}/u, (c) => c.toLowerCase()); // "The 3 tracks matching …" mid-sentence
    if (revert()) return `${label()} goes back to each file's own tag on ${on}.`;
    const v = value().trim();
    return v ? `${label()} becomes "${v}" on ${on}.` : `${label()} is cleared on ${on}.`;
  };
  const apply = async () => {
    const result = await actions.correctTracks({ trackIds: [...props.trackIds()] }, { [field()]: edit() }, props.what());
    if (result.state === 'invalid') {
      setError(result.errors[field()] ?? 'This value cannot be saved.');
      dialog.showModal();
    } else opener.focus();
  };

  return (
    <Show when={props.trackIds().length > 0}>
      <button ref={opener} onClick={open} disabled={state.pipeline === 'running'}>Edit shown…</button>
      <dialog ref={dialog} class="card confirm-dialog" aria-labelledby="edit-shown-title" onCancel={(e) => { e.preventDefault(); close(); }}>
        <form onSubmit={next} style={{ display: 'grid', gap: 'var(--space-3)' }}>
          <h2 id="edit-shown-title" style={{ margin: 0 }}>{`Edit ${tracks()} shown`}</h2>
          <label style={{ display: 'grid', gap: 'var(--space-1)' }}>
            Field
            <select value={field()} onChange={(e) => { setField(e.currentTarget.value as CorrectableField); setError(null); }}>
              <For each={[...CORRECTABLE_FIELDS]}>{(f) => <option value={f}>{FIELD_LABELS[f]}</option>}</For>
            </select>
          </label>
          <label style={{ display: 'grid', gap: 'var(--space-1)' }}>
            New value
            <input
              type="text"
              inputmode={field() === 'year' ? 'numeric' : undefined}
              autocomplete="off"
              value={value()}
              disabled={revert()}
              onInput={(e) => { setValue(e.currentTarget.value); setError(null); }}
              aria-invalid={error() ? 'true' : undefined}
              aria-describedby="edit-shown-note"
            />
          </label>
          <label><input type="checkbox" checked={revert()} onChange={(e) => { setRevert(e.currentTarget.checked); setError(null); }} /> Revert to each file's tag instead</label>
          <small id="edit-shown-note" classList={{ muted: !error(), 'error-text': !!error() }}>
            {error() ?? 'An empty value clears the field. The files are not changed; each track can be reverted to its tag.'}
          </small>
          <div class="toolbar">
            <button type="button" onClick={close}>Cancel</button>
            <button type="submit" class="primary">{`Apply to ${tracks()}…`}</button>
          </div>
        </form>
      </dialog>
      <ConfirmDialog
        open={asking()}
        title={`Change ${label().toLowerCase()} of ${tracks()}?`}
        confirmLabel={`Change ${tracks()}`}
        onClose={(ok) => {
          setAsking(false);
          if (ok) void apply();
          else opener.focus();
        }}
      >
        <p>{question()}</p>
        <p>The files themselves are not changed, and rescans keep your correction.</p>
      </ConfirmDialog>
    </Show>
  );
}
