-- How many people were reported detained or missing, by place? The latest reconciled range per place and
-- outcome, over events and tallies alike, with the sources that counted them.
WITH params AS (SELECT ARRAY['detained', 'missing']::text[] AS outcomes)
SELECT i.place, i.outcome, count(*) AS incidents, sum(i.low) AS low, sum(i.best) AS best, sum(i.high) AS high,
       min(i.start_date) AS first_start, max(coalesce(i.end_date, i.start_date)) AS last_end,
       (SELECT array_agg(DISTINCT s.source ORDER BY s.source)
        FROM v_incident_sources s
        WHERE s.incident_id = ANY(array_agg(i.incident_id)) AND NOT s.superseded) AS sources
FROM v_incidents i
JOIN params ON i.outcome = ANY(params.outcomes)
WHERE i.contained_in IS NULL
GROUP BY i.place, i.outcome
ORDER BY i.outcome, best DESC, i.place;
