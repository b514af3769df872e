-- One definition each for two rules that were written several times (issue 12).

-- A figure's point value: the single number it stands for. The same rule as FigurePoint.Of in
-- Casualties.Domain (Model/FigurePoint.cs), which reconciliation and the report's chart use; a test holds the two
-- equal for every qualifier and every lexicon word. A dataset's own best estimate when it gives one; the value of
-- an exact figure; the middle of a range, "about" or "nearly" (rounded up); the high of "up to" and "fewer than";
-- else the low (at least, more than, vague words: the conservative reading). Always inside the bounds.
CREATE FUNCTION point_value(qualifier text, value integer, low integer, high integer, best integer)
    RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE WHEN point < low THEN low WHEN high IS NOT NULL AND point > high THEN high ELSE point END
    FROM (SELECT coalesce(best, CASE
              WHEN qualifier = 'exact' THEN coalesce(value, low)
              WHEN qualifier IN ('range', 'about', 'nearly') AND high IS NOT NULL
                  THEN ((low::bigint + high + 1) / 2)::integer
              WHEN qualifier IN ('at_most', 'less_than') THEN coalesce(high, low)
              ELSE low
          END) AS point) AS stated
    $$;

-- v_incident_sources gains each claim's best (a dataset's own best estimate), so a reader can compute its point.
CREATE OR REPLACE VIEW v_incident_sources AS
SELECT m.incident_id, m.victims, m.victim_side, coalesce(f.headline, false) AS headline,
       coalesce(s.name, c.source_name) AS source, c.qualifier, c.value, c.low, c.high, c.reported, m.superseded,
       m.claim_id, c.quote, coalesce(d.name, fr.dataset || ':' || fr.record_key) AS document, m.rule, c.best
FROM incident_members m
JOIN incidents i ON i.incident_id = m.incident_id AND i.valid_to_run IS NULL
JOIN claims c ON c.id = m.claim_id
LEFT JOIN incident_figures f
       ON f.incident_id = m.incident_id AND f.victims = m.victims AND f.victim_side IS NOT DISTINCT FROM m.victim_side
LEFT JOIN sources s ON s.id = c.source_id
LEFT JOIN documents d ON d.id = c.document_id
LEFT JOIN feed_records fr ON fr.id = c.record_id;

-- v_source_coverage as in 0004, with the point of a figure from point_value.
CREATE OR REPLACE VIEW v_source_coverage AS
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

-- A claim's parent (the claim it is a subset of) is resolved once, when claims are stored, into claims.parent_id:
-- inside one document or record by parent_ordinal, or across records of one dataset by the feed record's
-- parent_key (our own feed format's parent_record: the parent record's first claim). A record stored before the
-- record it names finds it when that record's claims are stored. claim_parents, the reconciler's loader and every
-- other reader read parent_id. No foreign key: a parent's claims are deleted only when its record is replaced, and
-- the replacement's first claim takes the children back in the same transaction; documents lose all their claims
-- at once.
ALTER TABLE claims ADD COLUMN parent_id bigint;
CREATE INDEX feed_records_parent_key_idx ON feed_records (dataset, parent_key) WHERE parent_key IS NOT NULL;

-- Index probes only (as in 0008): a hash join would read the whole claims or feed_records table for every batch.
CREATE FUNCTION link_claim_parents() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    WITH new_records AS MATERIALIZED (
        SELECT n.id, n.ordinal, r.dataset, r.record_key, r.parent_key
        FROM new_rows n JOIN feed_records r ON r.id = n.record_id
        WHERE n.record_id IS NOT NULL AND n.parent_ordinal IS NULL
    ), links AS (
        SELECT n.id AS claim_id, p.id AS parent_id
        FROM new_rows n JOIN claims p ON p.document_id = n.document_id AND p.ordinal = n.parent_ordinal
        WHERE n.document_id IS NOT NULL AND n.parent_ordinal IS NOT NULL
        UNION ALL
        SELECT n.id, p.id
        FROM new_rows n JOIN claims p ON p.record_id = n.record_id AND p.ordinal = n.parent_ordinal
        WHERE n.record_id IS NOT NULL AND n.parent_ordinal IS NOT NULL
        UNION ALL
        SELECT n.id, p.id
        FROM new_records n
        JOIN feed_records pr ON pr.dataset = n.dataset AND pr.record_key = n.parent_key
        JOIN claims p ON p.record_id = pr.id AND p.ordinal = 0
        WHERE n.parent_key IS NOT NULL
        UNION ALL
        SELECT c.id, n.id
        FROM new_records n
        JOIN feed_records r ON r.dataset = n.dataset AND r.parent_key = n.record_key
        JOIN claims c ON c.record_id = r.id AND c.parent_ordinal IS NULL
        WHERE n.ordinal = 0
    )
    UPDATE claims c SET parent_id = l.parent_id
    FROM links l
    WHERE c.id = l.claim_id AND l.parent_id <> l.claim_id AND c.parent_id IS DISTINCT FROM l.parent_id;
    RETURN NULL;
END $$;
CREATE TRIGGER claims_parents_linked AFTER INSERT ON claims REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION link_claim_parents();

UPDATE claims c SET parent_id = cp.parent_claim_id
FROM claim_parents cp
WHERE cp.claim_id = c.id AND cp.parent_claim_id <> c.id;

CREATE OR REPLACE VIEW claim_parents AS
SELECT id AS claim_id, parent_id AS parent_claim_id FROM claims WHERE parent_id IS NOT NULL;
