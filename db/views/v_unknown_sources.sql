-- Reporting view (docs/reports.md): the sources claims name that the reference data does not know (source_id NULL, a
-- source_name given), for a curator to add to seeds/sources.csv (with aliases) or to leave as they are. Names are
-- grouped as written, ignoring case and surrounding spaces.
CREATE VIEW v_unknown_sources AS
SELECT min(btrim(c.source_name))                      AS name,
       count(*)                                       AS claims,
       min(c.reported)                                AS first_reported,
       max(c.reported)                                AS last_reported,
       count(DISTINCT coalesce(c.document_id::text, 'record:' || c.record_id::text)) AS documents
FROM claims c
WHERE c.source_id IS NULL AND c.source_name IS NOT NULL AND btrim(c.source_name) <> ''
GROUP BY lower(btrim(c.source_name));
