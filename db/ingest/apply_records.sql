-- Apply the actions chosen by ingest_pick_records.sql: replaced records lose their old claims and take the
-- new row's fields; retired records keep their claims and get retired_at; new records are inserted
-- (a key another writer inserted meanwhile becomes a duplicate).
DELETE FROM claims c
USING ingest_winner w
WHERE w.action = 'replace' AND c.record_id = w.existing_id;

UPDATE feed_records f
SET version = w.version, content_hash = w.content_hash, origin = w.origin, line = w.line,
    event_key = w.event_key, parent_key = w.parent_key, details = w.details, flags = w.flags,
    retired_at = NULL, ingest_run_id = @RunId, ingested_at = now()
FROM ingest_winner w
WHERE w.action = 'replace' AND f.id = w.existing_id;

UPDATE feed_records f
SET version = w.version, retired_at = w.retire_at, ingest_run_id = @RunId, ingested_at = now()
FROM ingest_winner w
WHERE w.action = 'retire' AND f.id = w.existing_id;

WITH inserted AS (
    INSERT INTO feed_records (dataset, record_key, version, content_hash, origin, line, event_key,
                              parent_key, details, flags, retired_at, ingest_run_id)
    SELECT dataset, record_key, version, content_hash, origin, line, event_key,
           parent_key, details, flags, retire_at, @RunId
    FROM ingest_winner
    WHERE action = 'insert'
    ORDER BY item
    ON CONFLICT (dataset, record_key) DO NOTHING
    RETURNING id, dataset, record_key
)
UPDATE ingest_winner w
SET existing_id = inserted.id
FROM inserted
WHERE w.action = 'insert' AND w.dataset = inserted.dataset AND w.record_key = inserted.record_key;

UPDATE ingest_winner SET action = 'duplicate' WHERE action = 'insert' AND existing_id IS NULL;
