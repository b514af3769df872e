-- When was the data last reconciled, how long did it take and what did each run produce? Newest first.
WITH params AS (SELECT 10 AS last_runs)
SELECT r.run_id, r.mode, r.started_at, r.finished_at, r.finished_at - r.started_at AS took,
       r.claims, r.incidents, r.flags
FROM v_reconciliation_runs r
ORDER BY r.run_id DESC
LIMIT (SELECT last_runs FROM params);
