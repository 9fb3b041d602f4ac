-- Users and nodes: the parts of their grains' state that are counted in bulk or queried across grains.

-- Used traffic of a user grain, written by its own turns and by node turns that count traffic.
CREATE TABLE user_traffic (
    user_id        text PRIMARY KEY,
    upload_bytes   bigint      NOT NULL DEFAULT 0,
    download_bytes bigint      NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL
);

CREATE TABLE user_node_traffic (
    user_id        text   NOT NULL,
    node_id        text   NOT NULL,
    upload_bytes   bigint NOT NULL DEFAULT 0,
    download_bytes bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, node_id)
);

-- Which node a user is on, per protocol; "active" mirrors whether the user belongs on nodes now.
CREATE TABLE user_placements (
    user_id  text    NOT NULL,
    protocol text    NOT NULL,
    node_id  text    NOT NULL,
    active   boolean NOT NULL,
    PRIMARY KEY (user_id, protocol)
);
CREATE INDEX user_placements_by_node ON user_placements (node_id, protocol) INCLUDE (user_id, active);

-- A node grain's last-seen counters per user: read without reset, so a lost reply or a crash loses nothing.
CREATE TABLE node_counters (
    node_id  text   NOT NULL,
    protocol text   NOT NULL,
    user_id  text   NOT NULL,
    upload   bigint NOT NULL,
    download bigint NOT NULL,
    PRIMARY KEY (node_id, protocol, user_id)
);

-- What we last told a node it has (user and credential), so that a resync knows what to remove.
CREATE TABLE node_members (
    node_id    text NOT NULL,
    protocol   text NOT NULL,
    user_id    text NOT NULL,
    credential text NOT NULL,
    PRIMARY KEY (node_id, protocol, user_id)
);

CREATE INDEX grain_state_user_status ON grain_state ((state->>'status')) WHERE grain_type = 'user';
CREATE INDEX grain_state_user_created ON grain_state (((state->>'created_at'))) WHERE grain_type = 'user';
