-- The Telegram bot: the inbox of updates (dedupe by update_id), values generated once (the webhook secret), and
-- broadcasts with one row per recipient. Chats themselves are grains (grain_type 'tg-chat') in grain_state.

-- Every update received, once. The update itself travels to the bot through the outbox (kind telegram.update), in the
-- same transaction that inserts it here; processed_at is set when the bot is done with it.
CREATE TABLE telegram_updates (
    update_id    bigint      PRIMARY KEY,
    chat_id      bigint,
    payload      text        NOT NULL,
    received_at  timestamptz NOT NULL,
    processed_at timestamptz
);
CREATE INDEX telegram_updates_received ON telegram_updates (received_at);

CREATE TABLE bot_settings (
    name       text        PRIMARY KEY,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE bot_broadcasts (
    id                  bigserial   PRIMARY KEY,
    text                text        NOT NULL,
    segment             text,
    requested_by        bigint      NOT NULL,
    state               text        NOT NULL CHECK (state IN ('draft', 'running', 'finished', 'canceled')),
    progress_message_id bigint,
    lease_owner         text,
    lease_until         timestamptz,
    lease_epoch         bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    started_at          timestamptz,
    finished_at         timestamptz
);
CREATE INDEX bot_broadcasts_running ON bot_broadcasts (id) WHERE state = 'running';

-- pending → sending (claimed, committed before the send) → sent | blocked | failed; a 'sending' row left by a process
-- that died becomes in_doubt and is never sent again.
CREATE TABLE bot_broadcast_recipients (
    broadcast_id bigint      NOT NULL REFERENCES bot_broadcasts (id) ON DELETE CASCADE,
    chat_id      bigint      NOT NULL,
    state        text        NOT NULL DEFAULT 'pending'
                             CHECK (state IN ('pending', 'sending', 'sent', 'blocked', 'failed', 'in_doubt')),
    epoch        bigint,
    claimed_at   timestamptz,
    done_at      timestamptz,
    error        text,
    PRIMARY KEY (broadcast_id, chat_id)
);
CREATE INDEX bot_broadcast_recipients_pending ON bot_broadcast_recipients (broadcast_id, chat_id) WHERE state = 'pending';
