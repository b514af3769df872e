-- Per (dataset, record_key) of the batch, the newest version (the later line on a tie), and its action
-- against what is stored: insert (new key), replace (newer version, or an unversioned row whose content
-- changed), retire (a newer deletion), duplicate (anything else).
INSERT INTO ingest_winner (item, dataset, record_key, version, content_hash, origin, line, event_key,
                           parent_key, details, flags, retire_at, existing_id, action)
SELECT s.item, s.dataset, s.record_key, s.version, s.content_hash, s.origin, s.line, s.event_key,
       s.parent_key, s.details, coalesce(s.flags, '{}'), s.retire_at, f.id,
       CASE
           WHEN f.id IS NULL THEN 'insert'
           WHEN feed_version_key(s.version) COLLATE "C" > feed_version_key(f.version) COLLATE "C"
               THEN CASE WHEN s.retire_at IS NULL THEN 'replace' ELSE 'retire' END
           WHEN s.version = '' AND f.version = '' AND s.content_hash <> f.content_hash
               THEN CASE WHEN s.retire_at IS NULL THEN 'replace' ELSE 'retire' END
           ELSE 'duplicate'
       END
FROM (
    SELECT DISTINCT ON (dataset, record_key) *
    FROM ingest_stage
    WHERE document_id IS NULL
    ORDER BY dataset, record_key, feed_version_key(version) COLLATE "C" DESC, item DESC
) s
LEFT JOIN feed_records f ON f.dataset = s.dataset AND f.record_key = s.record_key
