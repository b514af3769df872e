-- Staged claims into claims: a document's (document_id set while staging) or the claims of the feed
-- records inserted or replaced in this batch. Source and place resolve through their canonical name and
-- key (resolved from names and aliases while reading); the names as written stay in source_name/place_name.
INSERT INTO claims (document_id, record_id, ordinal, outcome, victims, victim_side, qualifier, value, low, high,
                    best, phrase, parent_ordinal, source_id, source_name, perpetrator, perpetrator_side,
                    place_id, place_name, place_parent_id, latitude, longitude, start_date, start_precision, end_date,
                    end_precision, cumulative, reported, quote, span_start, span_end, confidence, place_scope, ingest_run_id)
SELECT s.document_id, w.existing_id, s.ordinal, s.outcome, s.victims, s.victim_side, s.qualifier, s.value,
       s.low, s.high, s.best, s.phrase, s.parent_ordinal, src.id, s.source_name, s.perpetrator,
       s.perpetrator_side, pl.id, s.place_name, parent.id, s.latitude, s.longitude, s.start_date, s.start_precision,
       s.end_date, s.end_precision, s.cumulative, s.reported, s.quote, s.span_start, s.span_end,
       s.confidence, s.place_scope, @RunId
FROM ingest_stage s
LEFT JOIN ingest_winner w ON s.document_id IS NULL AND w.item = s.item
LEFT JOIN sources src ON src.name = s.source_canonical
LEFT JOIN places pl ON pl.key = s.place_key
LEFT JOIN places parent ON parent.key = s.place_parent_key
WHERE s.ordinal IS NOT NULL
  AND (s.document_id IS NOT NULL OR (w.action IN ('insert', 'replace') AND w.existing_id IS NOT NULL))
