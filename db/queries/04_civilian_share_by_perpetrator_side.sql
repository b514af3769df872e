-- What share of the people killed were civilians, by perpetrator side? Compares, per incident, the civilians'
-- figure (or, lacking one, none) with the people figure, summed over incidents that report both.
-- Incidents whose headline group is civilians count as all-civilian; events inside a tally are counted by the tally.
WITH params AS (SELECT 'killed'::text AS outcome),
per_incident AS (
    SELECT i.incident_id, i.perpetrator_side,
           max(f.best) FILTER (WHERE f.victims = 'people')    AS people,
           max(f.best) FILTER (WHERE f.victims = 'civilians') AS civilians
    FROM v_incidents i
    JOIN params ON i.outcome = params.outcome
    JOIN v_incident_figures f ON f.incident_id = i.incident_id
    WHERE i.contained_in IS NULL
    GROUP BY i.incident_id, i.perpetrator_side
)
SELECT coalesce(perpetrator_side, 'unknown') AS perpetrator_side,
       count(*) AS incidents,
       sum(coalesce(people, civilians)) AS killed_best,
       sum(coalesce(civilians, 0)) AS civilians_best,
       round(sum(coalesce(civilians, 0))::numeric / nullif(sum(coalesce(people, civilians)), 0), 3) AS civilian_share
FROM per_incident
GROUP BY perpetrator_side
ORDER BY perpetrator_side NULLS LAST;
