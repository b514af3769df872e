-- Ingestion (issue 5): what a structured feed row keeps beside its claims, quarantine that is not
-- duplicated by a rerun, and the ordering of feed record versions.

-- Dataset-specific fields kept as published (UCDP where_prec/date_prec, ACLED's listed sources, ...),
-- flags raised on the row as published (e.g. 'best_outside_low_high'), and the record whose claim this
-- record's claim is a subset of (own feed format's parent_record; same dataset).
ALTER TABLE feed_records
    ADD COLUMN details    jsonb,
    ADD COLUMN flags      text[] NOT NULL DEFAULT '{}',
    ADD COLUMN parent_key text;
CREATE INDEX feed_records_event_key_idx ON feed_records (event_key) WHERE event_key IS NOT NULL;
CREATE INDEX feed_records_retired_idx ON feed_records (retired_at) WHERE retired_at IS NOT NULL;

-- A quarantined CSV row keeps its file's header so `quarantine retry` can read the row alone.
-- The fingerprint (origin, line, raw, reason) keeps a rerun of the same input from quarantining it twice.
ALTER TABLE quarantine
    ADD COLUMN header      text,
    ADD COLUMN fingerprint text;
CREATE UNIQUE INDEX quarantine_open_fingerprint_key ON quarantine (fingerprint)
    WHERE resolved_at IS NULL AND fingerprint IS NOT NULL;

ALTER TABLE ingest_runs
    ADD COLUMN retired  integer NOT NULL DEFAULT 0,
    ADD COLUMN warnings integer NOT NULL DEFAULT 0;

-- Feed record versions compare as numbers when both are digits (ACLED timestamps), else as text
-- (ISO dates, release names). Compare the keys with COLLATE "C".
CREATE FUNCTION feed_version_key(version text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT CASE WHEN version ~ '^[0-9]{1,30}$' THEN lpad(version, 30, '0') ELSE version END $$;

-- Each claim with the claim it is a subset of: inside one document or record (parent_ordinal),
-- or across records of one dataset (feed_records.parent_key, the parent record's first claim).
CREATE VIEW claim_parents AS
SELECT c.id AS claim_id, p.id AS parent_claim_id
FROM claims c
JOIN claims p ON p.document_id = c.document_id AND p.ordinal = c.parent_ordinal
WHERE c.document_id IS NOT NULL AND c.parent_ordinal IS NOT NULL
UNION ALL
SELECT c.id, p.id
FROM claims c
JOIN claims p ON p.record_id = c.record_id AND p.ordinal = c.parent_ordinal
WHERE c.record_id IS NOT NULL AND c.parent_ordinal IS NOT NULL
UNION ALL
SELECT c.id, p.id
FROM claims c
JOIN feed_records r ON r.id = c.record_id AND r.parent_key IS NOT NULL
JOIN feed_records pr ON pr.dataset = r.dataset AND pr.record_key = r.parent_key
JOIN claims p ON p.record_id = pr.id AND p.ordinal = 0
WHERE c.parent_ordinal IS NULL;
