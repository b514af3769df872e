-- Ingestion at the write floor (issue 18). Feed ingestion now reserves claim ids with the record ids and writes a
-- claim's parent inside its own record (parent_ordinal) with the claim, so link_claim_parents has nothing to do for
-- those rows — but it still probed the claims table for each of them, and before that, when the loader left
-- parent_id empty, it rewrote every part's row (an UPDATE of half of a GED file's claims, with its index entries and
-- the update triggers of 0003 and 0006). Here it skips a row that arrives with its parent_id set, and reads the new
-- records (for cross-record parents by parent_key) only when some feed record names a parent at all.
-- The links are the same: a row given its parent keeps it; every other row is resolved as in 0014.
CREATE OR REPLACE FUNCTION link_claim_parents() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    WITH new_records AS MATERIALIZED (
        SELECT n.id, n.ordinal, n.parent_id, r.dataset, r.record_key, r.parent_key
        FROM new_rows n JOIN feed_records r ON r.id = n.record_id
        WHERE n.record_id IS NOT NULL AND n.parent_ordinal IS NULL
          AND EXISTS (SELECT FROM feed_records x WHERE x.parent_key IS NOT NULL)
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
