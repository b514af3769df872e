-- Which incidents do the sources disagree about most? Ranked by how many times the highest figure is the lowest
-- (high / low of the incident's headline figure), disagreements with no consensus first.
WITH params AS (SELECT 20 AS top)
SELECT i.incident_id, i.kind, i.outcome, i.place, i.start_date, i.end_date, i.perpetrator_side, i.victims,
       i.low, i.best, i.high, i.has_consensus, i.source_count,
       round((i.high::numeric / nullif(i.low, 0)), 2) AS spread_ratio
FROM v_incidents i, params
WHERE i.source_count > 1
ORDER BY i.has_consensus, (i.high::numeric / greatest(i.low, 1)) DESC, i.incident_id
LIMIT (SELECT top FROM params);
