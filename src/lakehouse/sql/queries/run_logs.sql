-- Log lines of one run.
SELECT strftime(logged_at, '%H:%M:%S') AS time, level, step, message FROM meta.logs WHERE run_id = ? ORDER BY logged_at
