-- The grain runtime: one row of state per grain, secondary-key indexes, durable timers, the outbox.

CREATE TABLE grain_state (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    state       jsonb,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (grain_type, grain_key)
);

CREATE TABLE grain_index (
    grain_type  text NOT NULL,
    index_name  text NOT NULL,
    index_value text NOT NULL,
    grain_key   text NOT NULL,
    PRIMARY KEY (grain_type, index_name, index_value)
);
CREATE INDEX grain_index_by_key ON grain_index (grain_type, grain_key, index_name);

CREATE TABLE grain_timers (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    timer_name  text        NOT NULL,
    due_at      timestamptz NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (grain_type, grain_key, timer_name)
);
CREATE INDEX grain_timers_due ON grain_timers (due_at);

CREATE TABLE outbox (
    id              bigserial   PRIMARY KEY,
    kind            text        NOT NULL,
    partition_key   text        NOT NULL,
    payload         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    leased_until    timestamptz,
    leased_by       text,
    last_error      text
);
CREATE INDEX outbox_partition ON outbox (partition_key, id);

CREATE TABLE outbox_dead (
    id            bigint      PRIMARY KEY,
    kind          text        NOT NULL,
    partition_key text        NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    failed_at     timestamptz NOT NULL,
    attempts      integer     NOT NULL,
    last_error    text
);
