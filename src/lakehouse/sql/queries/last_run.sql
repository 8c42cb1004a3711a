-- The latest run, for the status shown after a reload.
SELECT run_id, kind, state, error FROM meta.runs ORDER BY run_id DESC LIMIT 1
