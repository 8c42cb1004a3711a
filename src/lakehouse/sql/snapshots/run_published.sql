-- What a run did about gold, for saying why it has no kept snapshot: its state, whether any of
-- its publish steps (publish, tags_publish, ...) succeeded, and the step it failed at.
SELECT
  r.state,
  r.kind,
  EXISTS (SELECT 1 FROM meta.run_steps s WHERE s.run_id = r.run_id AND s.state = 'succeeded' AND (s.step = 'publish' OR s.step LIKE '%\_publish' ESCAPE '\')) AS published,
  (SELECT any_value(s.step) FROM meta.run_steps s WHERE s.run_id = r.run_id AND s.state = 'failed') AS failed_step
FROM meta.runs r
WHERE r.run_id = ?
