-- Bridge until silver.tracks' @changed compares bronze.tracks.corrections_digest: a corrected
-- file's silver row is dropped so the run's incremental silver build derives it again (its
-- @changed takes canonical files silver does not hold). Gold is untouched until the run publishes.
DELETE FROM silver.tracks WHERE path IN (SELECT path FROM correction_paths)
