-- Core schema: reference data, documents, feed records, claims, ingest runs, quarantine.
-- Words as in shared/design/domain.md. Low/high bounds are inclusive; high NULL = unbounded above.

CREATE TABLE conflicts (
    key         text PRIMARY KEY CHECK (key = lower(key) AND key <> ''),
    name        text NOT NULL,
    sides       text[] NOT NULL CHECK (cardinality(sides) > 0)
);

CREATE TABLE places (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key         text NOT NULL UNIQUE,
    name        text NOT NULL,
    parent_id   bigint REFERENCES places (id),
    kind        text NOT NULL CHECK (kind IN ('country', 'region', 'city', 'district', 'area')),
    aliases     text[] NOT NULL DEFAULT '{}',
    latitude    double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude   double precision CHECK (longitude BETWEEN -180 AND 180),
    CHECK (parent_id IS DISTINCT FROM id)
);
CREATE INDEX places_parent_idx ON places (parent_id);
CREATE INDEX places_lower_name_idx ON places (lower(name));

CREATE TABLE conflict_countries (
    conflict    text NOT NULL REFERENCES conflicts (key) ON DELETE CASCADE,
    place_id    bigint NOT NULL REFERENCES places (id),
    PRIMARY KEY (conflict, place_id)
);

CREATE TABLE sources (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    kind        text NOT NULL,
    reliability double precision NOT NULL DEFAULT 0.5 CHECK (reliability > 0 AND reliability <= 1),
    country_id  bigint REFERENCES places (id),
    aliases     text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE actors (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    conflict    text NOT NULL REFERENCES conflicts (key),
    side        text NOT NULL,
    kind        text NOT NULL,
    aliases     text[] NOT NULL DEFAULT '{}',
    UNIQUE (name, conflict)
);

-- Victim groups are data: each names its parent (people ⊃ civilians ⊃ children ...).
CREATE TABLE victim_groups (
    name        text PRIMARY KEY CHECK (name = lower(name) AND name <> ''),
    parent      text REFERENCES victim_groups (name)
);

CREATE TABLE victim_terms (
    term        text PRIMARY KEY,
    victims     text NOT NULL REFERENCES victim_groups (name),
    victim_side text
);

CREATE TABLE lexicon (
    phrase      text PRIMARY KEY,
    low         integer NOT NULL CHECK (low >= 0),
    high        integer CHECK (high IS NULL OR high >= low)
);

CREATE TABLE ingest_runs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    trigger     text NOT NULL,
    status      text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
    documents   integer NOT NULL DEFAULT 0,
    records     integer NOT NULL DEFAULT 0,
    claims      integer NOT NULL DEFAULT 0,
    duplicates  integer NOT NULL DEFAULT 0,
    quarantined integer NOT NULL DEFAULT 0,
    error       text
);

-- One ingested text unit: an article, a statement. Identified by the hash of its content.
CREATE TABLE documents (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_hash text NOT NULL UNIQUE,
    origin       text NOT NULL,
    name         text NOT NULL,
    format       text NOT NULL CHECK (format IN ('text', 'html', 'markdown')),
    carrier      text,
    title        text,
    published    date NOT NULL,
    body         text NOT NULL,
    ingest_run_id bigint REFERENCES ingest_runs (id),
    ingested_at  timestamptz NOT NULL DEFAULT now()
);

-- One row of a structured dataset (own CSV/JSONL, UCDP GED, ACLED), identified by dataset and row key.
-- A newer version of the same key replaces the older one's claims; a deletion retires them.
CREATE TABLE feed_records (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset      text NOT NULL,
    record_key   text NOT NULL,
    version      text NOT NULL,
    content_hash text NOT NULL,
    origin       text NOT NULL,
    line         integer,
    event_key    text,
    retired_at   timestamptz,
    ingest_run_id bigint REFERENCES ingest_runs (id),
    ingested_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (dataset, record_key)
);

CREATE TABLE claims (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id     bigint REFERENCES documents (id) ON DELETE CASCADE,
    record_id       bigint REFERENCES feed_records (id) ON DELETE CASCADE,
    ordinal         integer NOT NULL CHECK (ordinal >= 0),
    outcome         text NOT NULL CHECK (outcome IN ('killed', 'injured', 'displaced', 'missing', 'detained')),
    victims         text NOT NULL REFERENCES victim_groups (name),
    victim_side     text,
    qualifier       text NOT NULL CHECK (qualifier IN
                        ('exact', 'at_least', 'more_than', 'at_most', 'less_than', 'nearly', 'about', 'range', 'vague')),
    value           integer CHECK (value >= 0),
    low             integer NOT NULL CHECK (low >= 0),
    high            integer,
    best            integer,
    phrase          text,
    parent_ordinal  integer,
    source_id       bigint REFERENCES sources (id),
    source_name     text,
    perpetrator     text,
    perpetrator_side text,
    place_id        bigint REFERENCES places (id),
    place_name      text,
    latitude        double precision,
    longitude       double precision,
    start_date      date,
    start_precision text CHECK (start_precision IN ('day', 'month', 'year')),
    end_date        date,
    end_precision   text CHECK (end_precision IN ('day', 'month', 'year')),
    cumulative      boolean NOT NULL DEFAULT false,
    reported        date NOT NULL,
    quote           text,
    span_start      integer,
    span_end        integer,
    confidence      real NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1),
    ingest_run_id   bigint REFERENCES ingest_runs (id),
    CHECK (high IS NULL OR high >= low),
    CHECK ((document_id IS NULL) <> (record_id IS NULL)),
    CHECK ((start_date IS NULL) = (start_precision IS NULL)),
    CHECK ((end_date IS NULL) = (end_precision IS NULL)),
    CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date),
    CHECK (span_start IS NULL OR (span_start >= 0 AND span_end >= span_start)),
    CHECK (parent_ordinal IS NULL OR parent_ordinal <> ordinal)
);
CREATE UNIQUE INDEX claims_document_ordinal_key ON claims (document_id, ordinal) WHERE document_id IS NOT NULL;
CREATE UNIQUE INDEX claims_record_ordinal_key ON claims (record_id, ordinal) WHERE record_id IS NOT NULL;
CREATE INDEX claims_outcome_place_idx ON claims (outcome, place_id);
CREATE INDEX claims_source_idx ON claims (source_id);

-- Every rejected input, with where it came from and exactly why.
CREATE TABLE quarantine (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    origin        text NOT NULL,
    line          integer,
    raw           text,
    reason        text NOT NULL,
    format        text,
    ingest_run_id bigint REFERENCES ingest_runs (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    retried_at    timestamptz,
    resolved_at   timestamptz
);
CREATE INDEX quarantine_open_idx ON quarantine (created_at) WHERE resolved_at IS NULL;
