-- An earlier incident version whose member claims have since been deleted (issue 12). A feed record's new version
-- replaces its claims (the old rows are deleted, the new ones get new ids; db/ingest/apply_records.sql), and a
-- revised document is stored anew with its older version deleted with its claims; but the incident versions of
-- earlier runs keep naming the deleted claims in incident_members. incident_versions (0013, 0024) joined those
-- members to claims with a LEFT JOIN, so an earlier version gave a source row of NULLs for each deleted claim, and
-- the report of changes (`report --since`) failed on it.
--
-- What a run stores is its results: an incident version's figures (incident_figures: low, best, high, consensus,
-- source count per victim group) and its members (incident_members: claim id, victim group, rule, superseded). The
-- claims themselves are current data, not versioned: nothing keeps a deleted claim's source, number or quote. So an
-- earlier version shows the figures stored for its run, as they were, and as its sources the members whose claims are
-- still stored, exactly as v_incident_sources (db/views/) shows the latest run's (an inner join to claims). A figure
-- whose every claim was deleted is still listed, with no sources. The rest of the function is 0024's, unchanged (same
-- columns, same order); CREATE OR REPLACE keeps casualties_reader's EXECUTE.
CREATE OR REPLACE FUNCTION incident_versions(ids bigint[], as_of bigint)
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
           c.quote, coalesce(d.name, feed_record_name(fr.dataset, fr.record_key)), m.rule, c.best
    FROM chosen i
    LEFT JOIN places p ON p.key = i.place_key
    LEFT JOIN places country ON country.key = nullif(i.partition_country, '')
    LEFT JOIN incident_figures f ON f.incident_id = i.incident_id
    LEFT JOIN (incident_members m JOIN claims c ON c.id = m.claim_id)
           ON m.incident_id = f.incident_id AND m.victims = f.victims AND m.victim_side IS NOT DISTINCT FROM f.victim_side
    LEFT JOIN sources s ON s.id = c.source_id
    LEFT JOIN documents d ON d.id = c.document_id
    LEFT JOIN feed_records fr ON fr.id = c.record_id
    ORDER BY i.incident_id, f.headline DESC, f.victims, f.victim_side NULLS FIRST,
             m.superseded, coalesce(s.name, c.source_name) NULLS LAST, c.reported, m.claim_id
$$;
