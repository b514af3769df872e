-- Reporting: the analysts' views over claims and sources, the gazetteer as a view, and the read-only role.
-- Column names and meaning follow shared briefs/views.md; docs/reports.md documents every column.
-- The views of reconciliation results (v_incidents, v_incident_sources, v_incident_figures, v_side_totals,
-- v_flags, v_reconciliation_runs) come from 0003.

-- Each claim with its source, place, document and quote. Retired dataset rows stay visible with retired = true.
CREATE VIEW v_claims AS
WITH RECURSIVE place_roots AS (
    SELECT id, id AS root_id FROM places WHERE parent_id IS NULL
    UNION ALL
    SELECT child.id, pr.root_id FROM places child JOIN place_roots pr ON child.parent_id = pr.id
)
SELECT c.id                                          AS claim_id,
       c.document_id,
       c.record_id,
       fr.dataset,
       coalesce(d.name, fr.dataset || ':' || fr.record_key) AS document,
       coalesce(d.origin, fr.origin)                 AS origin,
       c.reported,
       c.outcome,
       c.victims,
       c.victim_side,
       c.qualifier,
       c.value,
       c.low,
       c.high,
       c.best,
       c.phrase,
       coalesce(parent_in_document.id, parent_in_record.id) AS parent_claim_id,
       coalesce(s.name, c.source_name)               AS source,
       s.kind                                        AS source_kind,
       c.perpetrator,
       c.perpetrator_side,
       coalesce(p.name, c.place_name)                AS place,
       p.key                                         AS place_key,
       country.name                                  AS country,
       c.start_date,
       c.start_precision,
       c.end_date,
       c.end_precision,
       c.cumulative,
       c.quote,
       c.span_start,
       c.span_end,
       c.confidence,
       fr.retired_at IS NOT NULL                     AS retired,
       c.ingest_run_id
FROM claims c
LEFT JOIN documents d ON d.id = c.document_id
LEFT JOIN feed_records fr ON fr.id = c.record_id
LEFT JOIN claims parent_in_document
       ON parent_in_document.document_id = c.document_id AND parent_in_document.ordinal = c.parent_ordinal
LEFT JOIN claims parent_in_record
       ON parent_in_record.record_id = c.record_id AND parent_in_record.ordinal = c.parent_ordinal
LEFT JOIN sources s ON s.id = c.source_id
LEFT JOIN places p ON p.id = c.place_id
LEFT JOIN place_roots pr ON pr.id = c.place_id
LEFT JOIN places country ON country.id = pr.root_id;

-- The gazetteer with its hierarchy, so readers can select "everything inside a place" without the raw table.
-- path reads from the country down ("Syria > Aleppo Governorate > Aleppo"); depth 0 is a country.
CREATE VIEW v_places AS
WITH RECURSIVE tree AS (
    SELECT id, key, name, kind, aliases, latitude, longitude, NULL::text AS parent_key,
           name AS country, 0 AS depth, name AS path
    FROM places WHERE parent_id IS NULL
    UNION ALL
    SELECT child.id, child.key, child.name, child.kind, child.aliases, child.latitude, child.longitude, tree.key,
           tree.country, tree.depth + 1, tree.path || ' > ' || child.name
    FROM places child JOIN tree ON child.parent_id = tree.id
)
SELECT key AS place_key, name, kind, parent_key, country, depth, path, aliases, latitude, longitude
FROM tree;

-- Who reports what, how often, and how far from the rest. A source's "figures" are its latest words in the
-- latest reconciliation (superseded earlier words left out); the point of a figure is its value when the value
-- lies inside its bounds, else its low when open-ended, else the middle of its bounds.
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
           CASE WHEN s.value IS NOT NULL AND s.value >= s.low AND (s.high IS NULL OR s.value <= s.high) THEN s.value
                WHEN s.high IS NULL THEN s.low
                ELSE (s.low + s.high) / 2.0
           END::double precision AS point,
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

-- The read-only role. Roles are cluster-wide while this migration runs once per database, possibly in
-- several databases at once: create it only when missing, and tolerate losing the race to another database.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'casualties_reader') THEN
        BEGIN
            CREATE ROLE casualties_reader NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- created meanwhile by the same migration in another database of the cluster
        END;
    END IF;
END $$;

-- It may read the reporting views and nothing else: no raw table, no quarantine, no writes.
-- Views run with their owner's rights, so SELECT on a view does not open the tables under it.
DO $$
DECLARE
    view_name text;
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO casualties_reader', current_schema());
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM casualties_reader', current_schema());
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM casualties_reader', current_schema());
    FOR view_name IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm') AND c.relname LIKE 'v\_%'
        ORDER BY c.relname
    LOOP
        EXECUTE format('GRANT SELECT ON %I.%I TO casualties_reader', current_schema(), view_name);
    END LOOP;
END $$;

-- FUTURE VIEWS: ALTER DEFAULT PRIVILEGES cannot grant on views alone (it would cover every new table too), so a
-- migration that adds a reporting view must end with
--     GRANT SELECT ON v_new_view TO casualties_reader;
-- and one that drops and re-creates a view must grant again (CREATE OR REPLACE VIEW keeps the grant).
-- The reporting tests check that the reader can select every v_* view and no table.
