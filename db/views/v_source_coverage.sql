-- Reporting view (docs/reports.md): who reports what, how often, and how far from the rest. A source's "figures" are
-- its latest words in the latest reconciliation (superseded earlier words left out); the point of a figure is
-- point_value's (the same rule as FigurePoint.Of in Casualties.Domain).
-- within_consensus_share: share of those points inside the incident figure's consensus, or inside its reported
-- range when the sources have no consensus. median_log_ratio: median of ln(point / incident best) over points
-- and bests above zero (0 = typically on the best, positive = typically above it).
-- Claims with no known source are left out; retired dataset rows are not counted.
CREATE VIEW v_source_coverage AS
WITH claim_stats AS (
    SELECT source,
           count(*)                                          AS claims,
           min(reported)                                     AS first_reported,
           max(reported)                                     AS last_reported,
           array_agg(DISTINCT outcome ORDER BY outcome)      AS outcomes,
           count(DISTINCT coalesce(place_key, place))        AS places
    FROM v_claims
    WHERE source IS NOT NULL AND NOT retired
    GROUP BY source
),
source_points AS (
    SELECT s.source, s.incident_id,
           point_value(s.qualifier, s.value, s.low, s.high, s.best)::double precision AS point,
           f.has_consensus, f.consensus_low, f.consensus_high, f.low AS range_low, f.high AS range_high, f.best
    FROM v_incident_sources s
    JOIN v_incident_figures f
      ON f.incident_id = s.incident_id AND f.victims = s.victims AND f.victim_side IS NOT DISTINCT FROM s.victim_side
    WHERE NOT s.superseded AND s.source IS NOT NULL
),
incident_stats AS (
    SELECT source,
           count(DISTINCT incident_id) AS incidents,
           avg(CASE WHEN has_consensus
                    THEN (point >= consensus_low AND (consensus_high IS NULL OR point <= consensus_high))::int
                    ELSE (point >= range_low AND point <= range_high)::int
               END)::double precision AS within_consensus_share,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ln(point / best))
               FILTER (WHERE point > 0 AND best > 0) AS median_log_ratio
    FROM source_points
    GROUP BY source
)
SELECT cs.source,
       src.kind,
       src.reliability,
       cs.claims,
       coalesce(i.incidents, 0)::bigint AS incidents,
       cs.first_reported,
       cs.last_reported,
       cs.outcomes,
       cs.places,
       i.within_consensus_share,
       i.median_log_ratio
FROM claim_stats cs
LEFT JOIN sources src ON src.name = cs.source
LEFT JOIN incident_stats i ON i.source = cs.source;
