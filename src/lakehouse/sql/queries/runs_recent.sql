-- Recent runs with their durations, newest first.
SELECT run_id, kind, source_name, state, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started,
       round(epoch(coalesce(ended_at, now()::TIMESTAMP) - started_at), 2) AS seconds,
       files_seen, files_new, files_changed, files_deleted, files_skipped, files_failed, error
FROM meta.runs ORDER BY run_id DESC LIMIT 50
