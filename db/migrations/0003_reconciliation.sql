-- Reconciliation results (issue 8): incidents, their members and figures, per-side totals, conflict flags,
-- the users' grouping overrides, and the reporting views over the latest run.
--
-- Versioning: every result row carries valid_from_run and valid_to_run (NULL while current). A run closes the
-- rows whose content changed (valid_to_run = run) and inserts their new versions; unchanged rows stay as they
-- are, keeping their ids. So an incremental run writes only what it changed, a full run that finds nothing new
-- writes nothing, and the state as of any past run R is the rows with valid_from_run <= R and
-- (valid_to_run IS NULL OR valid_to_run > R). Rows are compared by a fingerprint of their whole content.
-- Results are computed per partition (one outcome in one country; partition_country '' for claims with no
-- place): nothing in a partition depends on another, so a run recomputes only the partitions whose claims
-- changed (new claim ids above the last run's watermark, and the rows reconcile_changes logs: claims updated
-- or deleted, dataset rows retired, overrides edited). Changed reference data (places, source reliability,
-- victim groups) needs `casualties reconcile --full`.

CREATE TABLE reconciliation_runs (
    run_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz,
    mode              text NOT NULL CHECK (mode IN ('full', 'incremental')),
    claims            integer NOT NULL DEFAULT 0,
    incidents         integer NOT NULL DEFAULT 0,
    flags             integer NOT NULL DEFAULT 0,
    partitions        integer NOT NULL DEFAULT 0,
    claims_read       integer NOT NULL DEFAULT 0,
    changed_rows      integer NOT NULL DEFAULT 0,
    claim_watermark   bigint NOT NULL DEFAULT 0,
    change_watermark  bigint NOT NULL DEFAULT 0
);

-- A user's correction of the grouping: pin a claim to an incident key (claims pinned to one key are one
-- incident; a key equal to an existing incident's pulls that incident in), or split it into an incident of its own.
CREATE TABLE incident_overrides (
    claim_id     bigint PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    action       text NOT NULL CHECK (action IN ('pin', 'split')),
    incident_key text CHECK (action = 'split' OR incident_key IS NOT NULL),
    note         text,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- Which (outcome, place) pairs changed other than by new claims: read by the next incremental run.
CREATE TABLE reconcile_changes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outcome    text NOT NULL,
    place_id   bigint,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION log_claim_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reconcile_changes (outcome, place_id) SELECT DISTINCT outcome, place_id FROM old_rows;
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO reconcile_changes (outcome, place_id) SELECT DISTINCT outcome, place_id FROM new_rows;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER claims_updated AFTER UPDATE ON claims REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_claim_changes();
CREATE TRIGGER claims_deleted AFTER DELETE ON claims REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_claim_changes();

CREATE FUNCTION log_retirements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reconcile_changes (outcome, place_id)
    SELECT DISTINCT c.outcome, c.place_id
    FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN claims c ON c.record_id = n.id
    WHERE o.retired_at IS DISTINCT FROM n.retired_at;
    RETURN NULL;
END $$;
CREATE TRIGGER feed_records_retired AFTER UPDATE ON feed_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_retirements();

CREATE FUNCTION log_override_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO reconcile_changes (outcome, place_id)
        SELECT DISTINCT c.outcome, c.place_id FROM old_rows o JOIN claims c ON c.id = o.claim_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO reconcile_changes (outcome, place_id)
        SELECT DISTINCT c.outcome, c.place_id FROM new_rows n JOIN claims c ON c.id = n.claim_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER incident_overrides_inserted AFTER INSERT ON incident_overrides REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_override_changes();
CREATE TRIGGER incident_overrides_updated AFTER UPDATE ON incident_overrides REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_override_changes();
CREATE TRIGGER incident_overrides_deleted AFTER DELETE ON incident_overrides REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_override_changes();

CREATE INDEX claims_ingest_run_idx ON claims (ingest_run_id);

-- Ids are allocated by the reconciler in blocks (setval under its advisory lock), so binary COPY can write
-- incidents with their members and figures in one pass.
CREATE SEQUENCE incident_ids;

CREATE TABLE incidents (
    incident_id       bigint PRIMARY KEY,
    incident_key      text NOT NULL,
    valid_from_run    bigint NOT NULL REFERENCES reconciliation_runs (run_id),
    valid_to_run      bigint REFERENCES reconciliation_runs (run_id),
    fingerprint       bigint NOT NULL,
    partition_country text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('event', 'tally')),
    outcome           text NOT NULL,
    place_key         text,
    start_date        date,
    start_precision   text,
    end_date          date,
    end_precision     text,
    perpetrator_side  text,
    victims           text NOT NULL,
    low               integer NOT NULL,
    best              integer NOT NULL,
    high              integer NOT NULL,
    has_consensus     boolean NOT NULL,
    consensus_low     integer,
    consensus_high    integer,
    source_count      integer NOT NULL,
    claim_count       integer NOT NULL,
    contained_in_key  text,
    CHECK (low <= best AND best <= high)
);
CREATE UNIQUE INDEX incidents_current_key ON incidents (incident_key) WHERE valid_to_run IS NULL;
CREATE INDEX incidents_current_partition ON incidents (outcome, partition_country) WHERE valid_to_run IS NULL;
CREATE INDEX incidents_contained_in ON incidents (contained_in_key) WHERE valid_to_run IS NULL;

-- Each claim of an incident version, with the rule that put it there and whether a later word superseded it.
CREATE TABLE incident_members (
    incident_id  bigint NOT NULL REFERENCES incidents (incident_id) ON DELETE CASCADE,
    claim_id     bigint NOT NULL,
    victims      text NOT NULL,
    victim_side  text,
    rule         text NOT NULL,
    superseded   boolean NOT NULL,
    PRIMARY KEY (incident_id, claim_id)
);

-- Reconciled figures per incident version and victim group.
CREATE TABLE incident_figures (
    incident_id    bigint NOT NULL REFERENCES incidents (incident_id) ON DELETE CASCADE,
    victims        text NOT NULL,
    victim_side    text,
    headline       boolean NOT NULL,
    low            integer NOT NULL,
    best           integer NOT NULL,
    high           integer NOT NULL,
    has_consensus  boolean NOT NULL,
    consensus_low  integer,
    consensus_high integer,
    source_count   integer NOT NULL
);
CREATE INDEX incident_figures_incident ON incident_figures (incident_id);

CREATE TABLE side_totals (
    total_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    valid_from_run    bigint NOT NULL REFERENCES reconciliation_runs (run_id),
    valid_to_run      bigint REFERENCES reconciliation_runs (run_id),
    fingerprint       bigint NOT NULL,
    partition_country text NOT NULL,
    perpetrator_side  text,
    outcome           text NOT NULL,
    victims           text NOT NULL,
    victim_side       text,
    place_key         text,
    period            text NOT NULL CHECK (period IN ('all', 'year', 'month')),
    period_start      date,
    period_end        date,
    low               bigint NOT NULL,
    best              bigint NOT NULL,
    high              bigint NOT NULL,
    method            text NOT NULL CHECK (method IN ('single', 'sum_of_parts', 'whole')),
    incident_count    integer NOT NULL
);
CREATE INDEX side_totals_current_partition ON side_totals (outcome, partition_country) WHERE valid_to_run IS NULL;

CREATE TABLE flags (
    flag_id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    valid_from_run    bigint NOT NULL REFERENCES reconciliation_runs (run_id),
    valid_to_run      bigint REFERENCES reconciliation_runs (run_id),
    fingerprint       bigint NOT NULL,
    partition_country text NOT NULL,
    outcome           text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('disjoint_ranges', 'wide_spread', 'subset_exceeds_total',
                          'parts_exceed_whole', 'tally_decreased', 'self_contradiction', 'outlier')),
    severity          text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    incident_key      text,
    place_key         text,
    claim_ids         bigint[] NOT NULL,
    sources           text[] NOT NULL,
    explanation       text NOT NULL
);
CREATE INDEX flags_current_partition ON flags (outcome, partition_country) WHERE valid_to_run IS NULL;
CREATE INDEX flags_current_incident ON flags (incident_key) WHERE valid_to_run IS NULL;

-- The reporting views (briefs/views.md): the latest run's results; run_id is that run.
CREATE VIEW v_reconciliation_runs AS
SELECT run_id, started_at, finished_at, mode, claims, incidents, flags FROM reconciliation_runs;

CREATE VIEW v_incidents AS
SELECT i.incident_id,
       (SELECT max(run_id) FROM reconciliation_runs) AS run_id,
       i.kind, i.outcome, p.name AS place, i.place_key, country.name AS country,
       i.start_date, i.start_precision, i.end_date, i.end_precision, i.perpetrator_side, i.victims,
       i.low, i.best, i.high, i.has_consensus, i.consensus_low, i.consensus_high, i.source_count, i.claim_count,
       (SELECT count(*)::integer FROM flags f WHERE f.valid_to_run IS NULL AND f.incident_key = i.incident_key) AS flag_count,
       (SELECT o.incident_id FROM incidents o WHERE o.valid_to_run IS NULL AND o.incident_key = i.contained_in_key) AS contained_in
FROM incidents i
LEFT JOIN places p ON p.key = i.place_key
LEFT JOIN places country ON country.key = nullif(i.partition_country, '')
WHERE i.valid_to_run IS NULL;

CREATE VIEW v_incident_figures AS
SELECT f.incident_id, f.victims, f.victim_side, f.headline, f.low, f.best, f.high, f.has_consensus,
       f.consensus_low, f.consensus_high, f.source_count
FROM incident_figures f
JOIN incidents i ON i.incident_id = f.incident_id AND i.valid_to_run IS NULL;

CREATE VIEW v_incident_sources AS
SELECT m.incident_id, m.victims, m.victim_side, coalesce(f.headline, false) AS headline,
       coalesce(s.name, c.source_name) AS source, c.qualifier, c.value, c.low, c.high, c.reported, m.superseded,
       m.claim_id, c.quote, coalesce(d.name, fr.dataset || ':' || fr.record_key) AS document, m.rule
FROM incident_members m
JOIN incidents i ON i.incident_id = m.incident_id AND i.valid_to_run IS NULL
JOIN claims c ON c.id = m.claim_id
LEFT JOIN incident_figures f
       ON f.incident_id = m.incident_id AND f.victims = m.victims AND f.victim_side IS NOT DISTINCT FROM m.victim_side
LEFT JOIN sources s ON s.id = c.source_id
LEFT JOIN documents d ON d.id = c.document_id
LEFT JOIN feed_records fr ON fr.id = c.record_id;

CREATE VIEW v_side_totals AS
SELECT (SELECT max(run_id) FROM reconciliation_runs) AS run_id,
       t.perpetrator_side, t.outcome, t.victims, t.victim_side, p.name AS place, t.place_key, t.period,
       t.period_start, t.period_end, t.low, t.best, t.high, t.method, t.incident_count
FROM side_totals t
LEFT JOIN places p ON p.key = t.place_key
WHERE t.valid_to_run IS NULL;

CREATE VIEW v_flags AS
SELECT f.flag_id, (SELECT max(run_id) FROM reconciliation_runs) AS run_id, f.kind, f.severity,
       i.incident_id, p.name AS place, f.claim_ids, f.sources, f.explanation
FROM flags f
LEFT JOIN incidents i ON i.incident_key = f.incident_key AND i.valid_to_run IS NULL
LEFT JOIN places p ON p.key = f.place_key
WHERE f.valid_to_run IS NULL;
