-- How did each running tally evolve? Every source's words on every tally, oldest first, marking the ones a
-- later word superseded, with the change from the same source's previous word.
WITH params AS (SELECT 'killed'::text AS outcome)
SELECT i.incident_id, i.place, i.start_date, s.source, s.victims, s.reported, s.qualifier, s.value, s.low, s.high,
       s.superseded,
       s.low - lag(s.low) OVER (PARTITION BY s.incident_id, s.victims, s.source ORDER BY s.reported, s.claim_id) AS change,
       s.document
FROM v_incidents i
JOIN params ON i.outcome = params.outcome
JOIN v_incident_sources s ON s.incident_id = i.incident_id
WHERE i.kind = 'tally'
ORDER BY i.incident_id, s.victims, s.source, s.reported, s.claim_id;
