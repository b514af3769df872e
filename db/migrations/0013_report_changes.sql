-- What changed between two reconciliation runs (issue 13), and where the previous report was written.
--
-- Result rows are versioned (0003): the state as of run R is valid_from_run <= R AND (valid_to_run IS NULL OR
-- valid_to_run > R). Between runs A < B only the rows valid at A and closed by B ("before") and the rows opened
-- after A and still valid at B ("after") can differ; everything else is the same row in both. Rows are matched by
-- what they are about, not by id (a changed row is a new row with a new id):
--   incidents  by incident_key; a "gone" and a "new" incident that share a claim are one incident that changed
--              (its key, the outcome and its earliest claim id, changes when that claim leaves it);
--   totals     by perpetrator side, outcome, victims, victim side, place and period; only totals whose low, best
--              or high moved are listed as changed;
--   flags      by outcome, kind, incident key, place and the sources involved; a flag whose wording or claims
--              changed but whose identity stands is neither raised nor cleared.
-- The functions run with their owner's rights (like the views), so casualties_reader may call them.

-- The run an incident's current version was written in ("most recently changed" in the reports).
CREATE VIEW v_incident_runs AS
SELECT i.incident_id, i.valid_from_run AS changed_in_run
FROM incidents i
WHERE i.valid_to_run IS NULL;

CREATE FUNCTION incident_changes(from_run bigint, to_run bigint)
RETURNS TABLE (incident_key text, status text, before_id bigint, after_id bigint, outcome text, place_key text,
               perpetrator_side text, before_low integer, before_best integer, before_high integer,
               after_low integer, after_best integer, after_high integer, before_sources integer, after_sources integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH b AS (
        SELECT * FROM incidents
        WHERE from_run < to_run AND valid_from_run <= from_run AND valid_to_run > from_run AND valid_to_run <= to_run
    ), a AS (
        SELECT * FROM incidents
        WHERE from_run < to_run AND valid_from_run > from_run AND valid_from_run <= to_run
          AND (valid_to_run IS NULL OR valid_to_run > to_run)
    ), by_key AS (
        SELECT b.incident_id AS before_id, a.incident_id AS after_id
        FROM b JOIN a ON a.incident_key = b.incident_key
    ), lone_b AS (
        SELECT incident_id FROM b WHERE incident_id NOT IN (SELECT before_id FROM by_key)
    ), lone_a AS (
        SELECT incident_id FROM a WHERE incident_id NOT IN (SELECT after_id FROM by_key)
    ), by_claims AS (
        SELECT DISTINCT ON (lb.incident_id) lb.incident_id AS before_id, la.incident_id AS after_id
        FROM lone_b lb
        JOIN incident_members mb ON mb.incident_id = lb.incident_id
        JOIN incident_members ma ON ma.claim_id = mb.claim_id
        JOIN lone_a la ON la.incident_id = ma.incident_id
        GROUP BY lb.incident_id, la.incident_id
        ORDER BY lb.incident_id, count(*) DESC, la.incident_id
    ), pairs AS (
        SELECT before_id, after_id FROM by_key
        UNION ALL SELECT before_id, after_id FROM by_claims
        UNION ALL SELECT incident_id, NULL FROM lone_b WHERE incident_id NOT IN (SELECT before_id FROM by_claims)
        UNION ALL SELECT NULL, incident_id FROM lone_a WHERE incident_id NOT IN (SELECT after_id FROM by_claims)
    )
    SELECT coalesce(a.incident_key, b.incident_key),
           CASE WHEN b.incident_id IS NULL THEN 'new' WHEN a.incident_id IS NULL THEN 'gone' ELSE 'changed' END,
           b.incident_id, a.incident_id,
           coalesce(a.outcome, b.outcome), coalesce(a.place_key, b.place_key), coalesce(a.perpetrator_side, b.perpetrator_side),
           b.low, b.best, b.high, a.low, a.best, a.high, b.source_count, a.source_count
    FROM pairs p
    LEFT JOIN b ON b.incident_id = p.before_id
    LEFT JOIN a ON a.incident_id = p.after_id
$$;

CREATE FUNCTION total_changes(from_run bigint, to_run bigint)
RETURNS TABLE (status text, perpetrator_side text, outcome text, victims text, victim_side text, place_key text,
               period text, period_start date, period_end date,
               before_low bigint, before_best bigint, before_high bigint, before_method text, before_incidents integer,
               after_low bigint, after_best bigint, after_high bigint, after_method text, after_incidents integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH b AS (
        SELECT *, concat_ws('|', perpetrator_side, outcome, victims, victim_side, place_key, period, period_start) AS identity
        FROM side_totals
        WHERE from_run < to_run AND valid_from_run <= from_run AND valid_to_run > from_run AND valid_to_run <= to_run
    ), a AS (
        SELECT *, concat_ws('|', perpetrator_side, outcome, victims, victim_side, place_key, period, period_start) AS identity
        FROM side_totals
        WHERE from_run < to_run AND valid_from_run > from_run AND valid_from_run <= to_run
          AND (valid_to_run IS NULL OR valid_to_run > to_run)
    )
    SELECT CASE WHEN b.total_id IS NULL THEN 'new' WHEN a.total_id IS NULL THEN 'gone' ELSE 'changed' END,
           coalesce(a.perpetrator_side, b.perpetrator_side), coalesce(a.outcome, b.outcome), coalesce(a.victims, b.victims),
           coalesce(a.victim_side, b.victim_side), coalesce(a.place_key, b.place_key), coalesce(a.period, b.period),
           coalesce(a.period_start, b.period_start), coalesce(a.period_end, b.period_end),
           b.low, b.best, b.high, b.method, b.incident_count, a.low, a.best, a.high, a.method, a.incident_count
    FROM b FULL JOIN a ON a.identity = b.identity
    WHERE b.total_id IS NULL OR a.total_id IS NULL
       OR (a.low, a.best, a.high) IS DISTINCT FROM (b.low, b.best, b.high)
$$;

CREATE FUNCTION flag_changes(from_run bigint, to_run bigint)
RETURNS TABLE (status text, flag_id bigint, kind text, severity text, outcome text, incident_key text, incident_id bigint,
               place_key text, claim_ids bigint[], sources text[], explanation text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH b AS (
        SELECT *, concat_ws('|', outcome, kind, incident_key, place_key, array_to_string(sources, chr(1))) AS identity
        FROM flags
        WHERE from_run < to_run AND valid_from_run <= from_run AND valid_to_run > from_run AND valid_to_run <= to_run
    ), a AS (
        SELECT *, concat_ws('|', outcome, kind, incident_key, place_key, array_to_string(sources, chr(1))) AS identity
        FROM flags
        WHERE from_run < to_run AND valid_from_run > from_run AND valid_from_run <= to_run
          AND (valid_to_run IS NULL OR valid_to_run > to_run)
    ), changed AS (
        SELECT 'cleared' AS status, b.*, from_run AS as_of FROM b WHERE b.identity NOT IN (SELECT identity FROM a)
        UNION ALL
        SELECT 'raised', a.*, to_run FROM a WHERE a.identity NOT IN (SELECT identity FROM b)
    )
    SELECT c.status, c.flag_id, c.kind, c.severity, c.outcome, c.incident_key, i.incident_id, c.place_key,
           c.claim_ids, c.sources, c.explanation
    FROM changed c
    LEFT JOIN incidents i
           ON i.incident_key = c.incident_key AND i.valid_from_run <= c.as_of AND (i.valid_to_run IS NULL OR i.valid_to_run > c.as_of)
$$;

-- Everything that changed between two runs in one table: item 'incident', 'total' or 'flag'; status new, changed
-- or gone (incidents, totals), raised or cleared (flags); low/best/high before and after (flags: none).
CREATE FUNCTION changes(from_run bigint, to_run bigint)
RETURNS TABLE (item text, status text, outcome text, place text, place_key text, perpetrator_side text, what text,
               before_id bigint, after_id bigint, before_low bigint, before_best bigint, before_high bigint,
               after_low bigint, after_best bigint, after_high bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT 'incident', c.status, c.outcome, p.name, c.place_key, c.perpetrator_side, c.incident_key,
           c.before_id, c.after_id, c.before_low, c.before_best, c.before_high, c.after_low, c.after_best, c.after_high
    FROM incident_changes(from_run, to_run) c LEFT JOIN places p ON p.key = c.place_key
    UNION ALL
    SELECT 'total', t.status, t.outcome, p.name, t.place_key, t.perpetrator_side,
           concat_ws(' ', t.victims, t.victim_side, t.period, t.period_start),
           NULL, NULL, t.before_low, t.before_best, t.before_high, t.after_low, t.after_best, t.after_high
    FROM total_changes(from_run, to_run) t LEFT JOIN places p ON p.key = t.place_key
    UNION ALL
    SELECT 'flag', f.status, f.outcome, p.name, f.place_key, NULL, f.severity || ' ' || f.kind || ': ' || f.explanation,
           CASE f.status WHEN 'cleared' THEN f.incident_id END, CASE f.status WHEN 'raised' THEN f.incident_id END,
           NULL, NULL, NULL, NULL, NULL, NULL
    FROM flag_changes(from_run, to_run) f LEFT JOIN places p ON p.key = f.place_key
$$;

-- One incident version (any run's) with its figures and sources, in the columns the report's incident stream
-- reads: incident, figure, source. contained_in, contains and flag_count are as of run as_of.
CREATE FUNCTION incident_versions(ids bigint[], as_of bigint)
RETURNS TABLE (incident_id bigint, kind text, outcome text, place text, place_key text, country text,
               start_date date, start_precision text, end_date date, end_precision text, perpetrator_side text, victims text,
               low integer, best integer, high integer, has_consensus boolean, consensus_low integer, consensus_high integer,
               source_count integer, claim_count integer, flag_count integer, contained_in bigint, contains bigint[],
               figure_victims text, figure_victim_side text, headline boolean, figure_low integer, figure_best integer,
               figure_high integer, figure_has_consensus boolean, figure_consensus_low integer, figure_consensus_high integer,
               figure_source_count integer,
               claim_id bigint, source text, qualifier text, value integer, source_low integer, source_high integer,
               reported date, superseded boolean, quote text, document text, rule text, source_best integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH then_current AS (
        SELECT incident_id, incident_key, contained_in_key FROM incidents
        WHERE valid_from_run <= as_of AND (valid_to_run IS NULL OR valid_to_run > as_of)
    ), chosen AS (
        SELECT * FROM incidents WHERE incidents.incident_id = ANY(ids)
    )
    SELECT i.incident_id, i.kind, i.outcome, coalesce(p.name, i.place_name), i.place_key, country.name,
           i.start_date, i.start_precision, i.end_date, i.end_precision, i.perpetrator_side, i.victims,
           i.low, i.best, i.high, i.has_consensus, i.consensus_low, i.consensus_high, i.source_count, i.claim_count,
           (SELECT count(*)::integer FROM flags fl WHERE fl.incident_key = i.incident_key
              AND fl.valid_from_run <= as_of AND (fl.valid_to_run IS NULL OR fl.valid_to_run > as_of)),
           (SELECT o.incident_id FROM then_current o WHERE o.incident_key = i.contained_in_key LIMIT 1),
           coalesce((SELECT array_agg(o.incident_id ORDER BY o.incident_id) FROM then_current o WHERE o.contained_in_key = i.incident_key), '{}'),
           f.victims, f.victim_side, f.headline, f.low, f.best, f.high, f.has_consensus, f.consensus_low, f.consensus_high,
           f.source_count,
           m.claim_id, coalesce(s.name, c.source_name), c.qualifier, c.value, c.low, c.high, c.reported, m.superseded,
           c.quote, coalesce(d.name, fr.dataset || ':' || fr.record_key), m.rule, c.best
    FROM chosen i
    LEFT JOIN places p ON p.key = i.place_key
    LEFT JOIN places country ON country.key = nullif(i.partition_country, '')
    LEFT JOIN incident_figures f ON f.incident_id = i.incident_id
    LEFT JOIN incident_members m
           ON m.incident_id = f.incident_id AND m.victims = f.victims AND m.victim_side IS NOT DISTINCT FROM f.victim_side
    LEFT JOIN claims c ON c.id = m.claim_id
    LEFT JOIN sources s ON s.id = c.source_id
    LEFT JOIN documents d ON d.id = c.document_id
    LEFT JOIN feed_records fr ON fr.id = c.record_id
    ORDER BY i.incident_id, f.headline DESC, f.victims, f.victim_side NULLS FIRST,
             m.superseded, coalesce(s.name, c.source_name) NULLS LAST, c.reported, m.claim_id
$$;

-- What changed between the latest run and the one before it (everything is new after the first run).
CREATE VIEW v_changes AS
WITH latest AS (
    SELECT coalesce(max(run_id), 0) AS to_run FROM reconciliation_runs
), runs AS (
    SELECT coalesce((SELECT max(r.run_id) FROM reconciliation_runs r WHERE r.run_id < latest.to_run), 0) AS from_run, latest.to_run
    FROM latest
)
SELECT runs.from_run, runs.to_run, c.*
FROM runs CROSS JOIN LATERAL changes(runs.from_run, runs.to_run) c;

-- Where each report was last written and which run it showed: `report --since last-report` reads it.
-- place is the report's full path (a file, or the folder of a folder report).
CREATE TABLE report_marks (
    place      text PRIMARY KEY,
    run_id     bigint NOT NULL,
    format     text NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
);

-- The run of the last report written to a place, or NULL (readable by casualties_reader, which may not read the table).
CREATE FUNCTION last_report_run(report_place text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT run_id FROM report_marks WHERE place = report_place
$$;

GRANT SELECT ON v_incident_runs, v_changes TO casualties_reader;
DO $$
DECLARE
    fn text;
BEGIN
    FOREACH fn IN ARRAY ARRAY['incident_changes(bigint, bigint)', 'total_changes(bigint, bigint)', 'flag_changes(bigint, bigint)',
                              'changes(bigint, bigint)', 'incident_versions(bigint[], bigint)', 'last_report_run(text)']
    LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO casualties_reader', fn);
    END LOOP;
END $$;
