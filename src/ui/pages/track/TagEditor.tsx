// "Edit tags" on a track's page: artist, title, album, genre, label and year, corrected in Wolfie
// (the file is never written). A corrected field offers "Revert to tag", staged until Save; an
// emptied field is saved as cleared. Checked as the person types, with the command's own words.
import { createSignal, For, onMount, Show } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { checkValue, CORRECTABLE_FIELDS, FIELD_LABELS, type CorrectableField, type TagEdits } from '../../../domain/tag-corrections';
import type { TagCorrection } from '../../../domain/track-lineage';
import './tag-editor.css';

export interface TagEditorProps {
  trackId: string;
  /** The values shown now (gold.track_facts), by field. */
  current: Record<CorrectableField, unknown>;
  corrections: readonly TagCorrection[];
  /** The track in words, for the audit line. */
  what: string;
  onDone: () => void;
}

const text = (v: unknown) => (v == null ? '' : String(v));

export function TagEditor(props: TagEditorProps) {
  const [state, actions] = useLakehouse();
  const initial = Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, text(props.current[f])])) as Record<CorrectableField, string>;
  const [values, setValues] = createSignal({ ...initial });
  const [reverting, setReverting] = createSignal<ReadonlySet<CorrectableField>>(new Set());
  const [errors, setErrors] = createSignal<Partial<Record<CorrectableField, string>>>({});
  const correction = (f: CorrectableField) => props.corrections.find((c) => c.field === f);
  const id = (f: CorrectableField) => `tag-edit-${f}`;
  let first!: HTMLInputElement;
  onMount(() => first.focus());

  const setValue = (f: CorrectableField, value: string) => {
    setValues((v) => ({ ...v, [f]: value }));
    setReverting((r) => new Set([...r].filter((x) => x !== f))); // typing again makes it a correction
    const checked = checkValue(f, value);
    setErrors((e) => ({ ...e, [f]: 'error' in checked ? checked.error : undefined }));
  };
  const revert = (f: CorrectableField) => {
    setValues((v) => ({ ...v, [f]: correction(f)?.tag_value ?? '' }));
    setReverting((r) => new Set([...r, f]));
    setErrors((e) => ({ ...e, [f]: undefined }));
  };

  const edits = (): TagEdits => {
    const out: TagEdits = {};
    for (const f of CORRECTABLE_FIELDS) {
      if (reverting().has(f)) out[f] = 'revert';
      else if (values()[f].trim() !== initial[f].trim()) out[f] = { set: values()[f] };
    }
    return out;
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const result = await actions.correctTracks({ trackIds: [props.trackId] }, edits(), props.what);
    if (result.state === 'invalid') setErrors(result.errors);
    else if (result.state !== 'busy') props.onDone();
  };

  return (
    <form class="card tag-editor" aria-labelledby="tag-editor-heading" onSubmit={(e) => void save(e)} onKeyDown={(e) => e.key === 'Escape' && props.onDone()}>
      <h2 id="tag-editor-heading">Edit tags</h2>
      <p class="muted">Your corrections are kept in Wolfie beside the file's own tags; the file is not changed. An empty field is saved as cleared.</p>
      <For each={[...CORRECTABLE_FIELDS]}>
        {(f, i) => (
          <div class="tag-field">
            <label for={id(f)}>{FIELD_LABELS[f]}</label>
            <div class="tag-field-row">
              <input
                ref={(el) => i() === 0 && (first = el)}
                id={id(f)}
                name={f}
                type="text"
                inputmode={f === 'year' ? 'numeric' : undefined}
                autocomplete="off"
                value={values()[f]}
                onInput={(e) => setValue(f, e.currentTarget.value)}
                aria-invalid={errors()[f] ? 'true' : undefined}
                aria-describedby={`${id(f)}-note`}
              />
              <Show when={correction(f) && !reverting().has(f)}>
                <button type="button" aria-label={`Revert to tag (${FIELD_LABELS[f]})`} onClick={() => revert(f)}>Revert to tag</button>
              </Show>
            </div>
            <small id={`${id(f)}-note`} classList={{ muted: !errors()[f], 'error-text': !!errors()[f] }}>
              {errors()[f] ?? note(correction(f), reverting().has(f))}
            </small>
          </div>
        )}
      </For>
      <div class="toolbar">
        <button type="submit" class="primary" disabled={state.pipeline === 'running' || Object.values(errors()).some(Boolean)}>
          {state.pipeline === 'running' ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={() => props.onDone()}>Cancel</button>
      </div>
    </form>
  );
}

function note(c: TagCorrection | undefined, reverting: boolean): string {
  if (!c) return '';
  const tag = c.tag_value == null ? 'The tag has none' : `The tag says "${c.tag_value}"`;
  return reverting ? `${tag}: it returns when you save.` : `Your correction, ${c.corrected_at.slice(0, 16)}. ${tag}.`;
}
