-- Subscriptions: the log of subscription fetches, the newest 50 per user, written in batches.
-- (A user's devices are the state of its user-devices grain, in grain_state.)

CREATE TABLE subscription_fetches (
    id         bigserial   PRIMARY KEY,
    user_id    text        NOT NULL,
    fetched_at timestamptz NOT NULL,
    user_agent text,
    hwid       text,
    address    text,
    decision   text        NOT NULL
);
CREATE INDEX subscription_fetches_by_user ON subscription_fetches (user_id, fetched_at DESC, id DESC);
