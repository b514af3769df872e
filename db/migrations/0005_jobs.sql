-- The worker service (issue 6): feeds to poll or watch, a job queue with leases, live workers, schedule ticks.
-- "sources" are the bodies that count casualties (0001); the places data comes from are "feeds".

CREATE TABLE feeds (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL UNIQUE CHECK (name <> '' AND name !~ '^@'),
    kind          text NOT NULL CHECK (kind IN ('inbox', 'rss', 'atom', 'csv', 'jsonl', 'ged', 'acled')),
    url           text CHECK (url IS NULL OR url ~* '^https?://'),
    folder        text,
    cron          text,
    time_zone     text NOT NULL DEFAULT 'UTC',
    catch_up      text NOT NULL DEFAULT 'once' CHECK (catch_up IN ('once', 'skip')),
    enabled       boolean NOT NULL DEFAULT true,
    etag          text,
    last_modified text,
    last_run_at   timestamptz,
    last_status   text,
    last_counts   jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    -- An inbox is a folder; every other kind is fetched from a URL.
    CHECK (((kind = 'inbox') = (folder IS NOT NULL)) AND ((kind = 'inbox') = (url IS NULL)))
);

-- The queue. state: queued (waiting), running (leased), failed (an attempt failed; retried at run_after),
-- done, dead (gave up after max_attempts; last_error says why).
-- lease_version is the fencing token: every claim increments it, and a completion must match it.
CREATE TABLE jobs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text NOT NULL,
    payload          jsonb NOT NULL DEFAULT '{}',
    dedupe_key       text,
    state            text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'failed', 'done', 'dead')),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts     integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
    run_after        timestamptz NOT NULL DEFAULT now(),
    lease_owner      text,
    lease_expires_at timestamptz,
    lease_version    bigint NOT NULL DEFAULT 0,
    last_error       text,
    -- Set when a job with this dedupe key was asked for while this one ran: it runs once more on completion.
    rerun            boolean NOT NULL DEFAULT false,
    result           jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    CHECK ((state = 'running') = (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);
-- At most one active job per dedupe key (a later request while it runs sets rerun); finished ones keep theirs.
CREATE UNIQUE INDEX jobs_active_dedupe_key ON jobs (dedupe_key)
    WHERE dedupe_key IS NOT NULL AND state IN ('queued', 'running', 'failed');
CREATE INDEX jobs_dedupe_idx ON jobs (dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX jobs_ready_idx ON jobs (run_after, id) WHERE state IN ('queued', 'failed');
CREATE INDEX jobs_lease_idx ON jobs (lease_expires_at) WHERE state = 'running';
CREATE INDEX jobs_kind_finished_idx ON jobs (kind, finished_at DESC) WHERE state IN ('done', 'dead');

-- One row per worker process; alive while heartbeat_at is recent.
CREATE TABLE workers (
    id           text PRIMARY KEY,
    host         text NOT NULL,
    pid          integer NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL DEFAULT now(),
    stopped_at   timestamptz
);

-- One row per cron occurrence of a schedule (a feed's name, or "@report"): the primary key makes the run of a
-- tick happen once however many workers see it. status: run (a job was enqueued), skipped (missed while all
-- workers were down, with catch_up = skip, or folded into a later catch-up run).
CREATE TABLE schedule_ticks (
    feed       text NOT NULL,
    tick       timestamptz NOT NULL,
    status     text NOT NULL CHECK (status IN ('run', 'skipped')),
    job_id     bigint REFERENCES jobs (id) ON DELETE SET NULL,
    worker     text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (feed, tick)
);

-- The probe job's trace: a diagnostic job kind that writes one row under its lease (fenced), used to check
-- that workers run jobs, and by the worker tests.
CREATE TABLE job_probes (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id        bigint NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    lease_version bigint NOT NULL,
    worker        text NOT NULL,
    label         text,
    written_at    timestamptz NOT NULL DEFAULT now()
);
