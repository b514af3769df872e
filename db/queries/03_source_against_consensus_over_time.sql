-- How do one source's figures compare with the reconciled figures over time? For each incident the source
-- reported on: its own figure, the incident's range and best, and the ratio of its figure to the best.
WITH params AS (SELECT 'Syrian Observatory for Human Rights'::text AS source)
SELECT s.reported, s.incident_id, i.place, i.outcome, s.victims, s.qualifier, s.value, s.low AS source_low,
       s.high AS source_high, f.low, f.best, f.high, f.has_consensus, f.consensus_low, f.consensus_high,
       round(s.low::numeric / nullif(f.best, 0), 2) AS ratio_to_best, s.superseded
FROM v_incident_sources s
JOIN params ON s.source = params.source
JOIN v_incident_figures f
  ON f.incident_id = s.incident_id AND f.victims = s.victims AND f.victim_side IS NOT DISTINCT FROM s.victim_side
JOIN v_incidents i ON i.incident_id = s.incident_id
ORDER BY s.reported, s.incident_id, s.victims, s.claim_id;
