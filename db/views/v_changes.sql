-- Reporting view (docs/reports.md): what changed between the latest run and the one before it (everything is new
-- after the first run); changes() is migration 0013's.
CREATE VIEW v_changes AS
WITH latest AS (
    SELECT coalesce(max(run_id), 0) AS to_run FROM reconciliation_runs
), runs AS (
    SELECT coalesce((SELECT max(r.run_id) FROM reconciliation_runs r WHERE r.run_id < latest.to_run), 0) AS from_run, latest.to_run
    FROM latest
)
SELECT runs.from_run, runs.to_run, c.*
FROM runs CROSS JOIN LATERAL changes(runs.from_run, runs.to_run) c;
