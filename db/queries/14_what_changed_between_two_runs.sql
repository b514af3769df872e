-- What changed between two reconciliation runs: incidents new, changed or gone, flags raised or cleared, per-side
-- totals that moved, with low / best / high before and after. Defaults: the latest run against the one before it
-- (0 = before the first run, so after a single run everything is new). v_changes is the same for those two runs.
WITH params AS (
    SELECT coalesce((SELECT max(run_id) FROM v_reconciliation_runs
                     WHERE run_id < (SELECT max(run_id) FROM v_reconciliation_runs)), 0) AS from_run,
           (SELECT max(run_id) FROM v_reconciliation_runs) AS to_run
)
SELECT c.item, c.status, c.outcome, c.place, c.perpetrator_side, c.what,
       c.before_low, c.before_best, c.before_high, c.after_low, c.after_best, c.after_high,
       c.after_best - c.before_best AS best_moved
FROM params, changes(params.from_run, params.to_run) c
ORDER BY CASE c.item WHEN 'incident' THEN 0 WHEN 'flag' THEN 1 ELSE 2 END, c.status, c.place, c.what;
