-- Reporting view (docs/reports.md): the gazetteer with its hierarchy, so readers can select "everything inside a
-- place" without the raw table. path reads from the country down ("Syria > Aleppo Governorate > Aleppo"); depth 0 is
-- a country.
CREATE VIEW v_places AS
WITH RECURSIVE tree AS (
    SELECT id, key, name, kind, aliases, latitude, longitude, NULL::text AS parent_key,
           name AS country, 0 AS depth, name AS path
    FROM places WHERE parent_id IS NULL
    UNION ALL
    SELECT child.id, child.key, child.name, child.kind, child.aliases, child.latitude, child.longitude, tree.key,
           tree.country, tree.depth + 1, tree.path || ' > ' || child.name
    FROM places child JOIN tree ON child.parent_id = tree.id
)
SELECT key AS place_key, name, kind, parent_key, country, depth, path, aliases, latitude, longitude
FROM tree;
