-- Governance: the audit log of every change a person makes (imports, ratings, rule edits,
-- deletions, restores, settings, rebuilds). Pipeline bookkeeping lives in meta.runs; this table
-- answers "who changed what, when" in the person's own words.
CREATE TABLE meta.audit_log (
  audit_id BIGINT NOT NULL,           -- increasing; max + 1 (no sequence: backups restore it as a plain table)
  "at" TIMESTAMP NOT NULL,            -- UTC
  action VARCHAR NOT NULL,            -- e.g. 'ingest', 'rating', 'rule-edit', 'restore-backup'
  details VARCHAR NOT NULL,           -- one line a person can read
  actor VARCHAR NOT NULL DEFAULT 'you'
);

INSERT INTO meta.descriptions (schema_name, table_name, column_name, description) VALUES
  ('meta', 'audit_log', '', 'Every change a person made (imports, ratings, rule edits, deletions, restores, settings), with time and details');
