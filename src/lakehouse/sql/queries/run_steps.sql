-- The steps of one run, in order.
SELECT step, state, round(epoch(coalesce(ended_at, now()::TIMESTAMP) - started_at), 3) AS seconds, rows_in, rows_out, error
FROM meta.run_steps WHERE run_id = ? ORDER BY ordinal
