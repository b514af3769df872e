-- A version number of the reference data, bumped by every statement that changes it, so a long-running
-- process can keep its parsed reference data (gazetteer, aliases, extractor) and reload only when it changed.

CREATE TABLE reference_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   bigint NOT NULL
);
INSERT INTO reference_version (singleton, version) VALUES (true, 1);

CREATE FUNCTION bump_reference_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reference_version SET version = version + 1;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    reference_table text;
BEGIN
    FOREACH reference_table IN ARRAY ARRAY['conflicts', 'conflict_countries', 'places', 'sources', 'actors',
                                          'victim_groups', 'victim_terms', 'lexicon']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version()',
                       reference_table || '_bump_reference_version', reference_table);
    END LOOP;
END
$$;
