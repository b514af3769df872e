-- The parent links of a bulk load without a scan of feed_records per statement (issue 18). 0017 reads the new records
-- for cross-record parents only "when some feed record names a parent at all", asked as
-- EXISTS (SELECT FROM feed_records x WHERE x.parent_key IS NOT NULL). The planner answers that EXISTS by a sequential
-- scan whenever it believes most records name a parent: always on a table not yet analysed (a fresh database, a
-- feed_records grown by the ingest now running, before autovacuum analyses it), where it assumes 0.5% nulls. A dataset
-- without parent keys (UCDP GED, ACLED) has none to stop the scan at the first, so every COPY of claims (one per chunk
-- of 4,096 records) read the whole of feed_records: a cost that grows with the table, 18% of the server's CPU at
-- 200,000 ACLED rows. Asked as the first key of the partial index feed_records_parent_key_idx in its order, the answer
-- is an index-only probe whatever the statistics say (a sequential scan would have to read every row to sort them).
-- The links are the same as 0017's.
CREATE OR REPLACE FUNCTION link_claim_parents() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    WITH new_records AS MATERIALIZED (
        SELECT n.id, n.ordinal, n.parent_id, r.dataset, r.record_key, r.parent_key
        FROM new_rows n JOIN feed_records r ON r.id = n.record_id
        WHERE n.record_id IS NOT NULL AND n.parent_ordinal IS NULL
          -- Some record names a parent: the first entry of feed_records_parent_key_idx (an index-only probe).
          AND (SELECT x.parent_key FROM feed_records x WHERE x.parent_key IS NOT NULL
               ORDER BY x.dataset, x.parent_key LIMIT 1) IS NOT NULL
    ), links AS (
        SELECT n.id AS claim_id, p.id AS parent_id
        FROM new_rows n JOIN claims p ON p.document_id = n.document_id AND p.ordinal = n.parent_ordinal
        WHERE n.document_id IS NOT NULL AND n.parent_ordinal IS NOT NULL AND n.parent_id IS NULL
        UNION ALL
        SELECT n.id, p.id
        FROM new_rows n JOIN claims p ON p.record_id = n.record_id AND p.ordinal = n.parent_ordinal
        WHERE n.record_id IS NOT NULL AND n.parent_ordinal IS NOT NULL AND n.parent_id IS NULL
        UNION ALL
        SELECT n.id, p.id
        FROM new_records n
        JOIN feed_records pr ON pr.dataset = n.dataset AND pr.record_key = n.parent_key
        JOIN claims p ON p.record_id = pr.id AND p.ordinal = 0
        WHERE n.parent_key IS NOT NULL AND n.parent_id IS NULL
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
