-- Reporting view (docs/reports.md): each claim with its source, place, document and quote. The document is a
-- document's name, else its feed record's (feed_record_name). Retired dataset rows stay visible with retired = true;
-- record_flags are the flags a dataset row carries as published (issue 5: UCDP rows that break low <= best <= high
-- are stored as published and flagged 'best_outside_low_high'), so readers, who may not read feed_records, see them.
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
       coalesce(d.name, feed_record_name(fr.dataset, fr.record_key)) AS document,
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
       c.ingest_run_id,
       coalesce(fr.flags, '{}')                      AS record_flags
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
