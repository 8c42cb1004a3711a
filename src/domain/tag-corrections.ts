// What a person may correct in a track's tags, and the rules a correction must meet before it is
// stored (raw.tag_corrections, migration 0009). Pure, so the form checks as the person types and
// the command checks again with the same words.

export const CORRECTABLE_FIELDS = ['artist', 'title', 'album', 'genre', 'label', 'year'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const FIELD_LABELS: Record<CorrectableField, string> = {
  artist: 'Artist', title: 'Title', album: 'Album', genre: 'Genre', label: 'Label', year: 'Year',
};

/** Longest corrected text, in characters (the table refuses longer). */
export const MAX_TEXT_LENGTH = 500;

/**
 * One field's edit: a new value (`{ set: '' }` clears the field whatever the tag says), or
 * 'revert', which drops the correction so the tag's own value returns.
 */
export type FieldEdit = { set: string | number } | 'revert';
export type TagEdits = Partial<Record<CorrectableField, FieldEdit>>;

/** A checked edit: the value to store (null = cleared), or a revert. */
export type CheckedEdit = { field: CorrectableField; value: string | null } | { field: CorrectableField; revert: true };

export type CheckedEdits = { ok: true; edits: CheckedEdit[] } | { ok: false; errors: Partial<Record<CorrectableField, string>> };

export const isCorrectableField = (f: string): f is CorrectableField => (CORRECTABLE_FIELDS as readonly string[]).includes(f);

/** Checks one field's value; returns what to store (null clears) or the sentence saying what is wrong. */
export function checkValue(field: CorrectableField, raw: string | number): { value: string | null } | { error: string } {
  const text = String(raw).trim();
  if (!text) return { value: null };
  if (field === 'year') {
    const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
    if (!(year >= 1000 && year <= 2999)) return { error: `Year must be a whole number from 1000 to 2999, or empty to clear it ("${text.slice(0, 20)}" is not).` };
    return { value: String(year) };
  }
  const length = [...text].length; // characters, not UTF-16 units
  if (length > MAX_TEXT_LENGTH) return { error: `${FIELD_LABELS[field]} can be at most ${MAX_TEXT_LENGTH} characters (this one has ${length}).` };
  return { value: text };
}

/** Checks every edit; any invalid field refuses the whole change, so nothing is half-applied. */
export function checkEdits(edits: TagEdits): CheckedEdits {
  const out: CheckedEdit[] = [];
  const errors: Partial<Record<CorrectableField, string>> = {};
  for (const [field, edit] of Object.entries(edits) as [string, FieldEdit | undefined][]) {
    if (edit === undefined) continue;
    if (!isCorrectableField(field)) throw new Error(`Not a correctable field: ${field}`);
    if (edit === 'revert') {
      out.push({ field, revert: true });
      continue;
    }
    const checked = checkValue(field, edit.set);
    if ('error' in checked) errors[field] = checked.error;
    else out.push({ field, value: checked.value });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, edits: out };
}

/** The edit in words, for audit lines and toasts: `title to "Blue"`, `genre cleared`, `year back to the tag`. */
export function describeEdit(e: CheckedEdit): string {
  if ('revert' in e) return `${e.field} back to the tag`;
  return e.value == null ? `${e.field} cleared` : `${e.field} to "${e.value.length > 60 ? `${e.value.slice(0, 60)}…` : e.value}"`;
}
