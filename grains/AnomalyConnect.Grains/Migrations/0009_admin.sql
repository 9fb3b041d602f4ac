-- Admin: accounts and sessions of the admin UI, bulk job results, and users' traffic per day.

-- Passwords are PBKDF2-SHA256 hashes; a TOTP secret (base32) when the second factor is on.
CREATE TABLE admin_accounts (
    login               text        PRIMARY KEY,
    password_hash       text        NOT NULL,
    totp_secret         text,
    totp_pending_secret text,
    totp_last_step      bigint,
    failed_logins       integer     NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    created_at          timestamptz NOT NULL,
    password_changed_at timestamptz NOT NULL,
    last_login_at       timestamptz
);

-- The browser holds a random token; only its SHA-256 is stored. Each session has its own CSRF token.
CREATE TABLE admin_sessions (
    token_hash bytea       PRIMARY KEY,
    login      text        NOT NULL REFERENCES admin_accounts (login) ON DELETE CASCADE,
    csrf_token text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    address    text,
    user_agent text
);
CREATE INDEX admin_sessions_by_login ON admin_sessions (login);
CREATE INDEX admin_sessions_expiry ON admin_sessions (expires_at);

-- One row per user a bulk job applied, written in the job grain's turn: a repeated report counts nothing.
CREATE TABLE bulk_job_items (
    job_id  text        NOT NULL,
    user_id text        NOT NULL,
    outcome text        NOT NULL,
    at      timestamptz NOT NULL,
    PRIMARY KEY (job_id, user_id)
);

-- Traffic per user and UTC day, for the admin UI's usage chart, "traffic today" and "online now". Filled by a
-- statement-level trigger on user_traffic: every batch of counted traffic (one UPDATE per node turn) adds its
-- deltas here in one INSERT, in the same transaction, so it is counted exactly once like the totals. Resets
-- (counters going to zero) add nothing; deleting a user's traffic row deletes its days.
CREATE TABLE user_daily_usage (
    user_id        text        NOT NULL,
    day            date        NOT NULL,
    upload_bytes   bigint      NOT NULL DEFAULT 0,
    download_bytes bigint      NOT NULL DEFAULT 0,
    last_at        timestamptz NOT NULL,
    PRIMARY KEY (user_id, day)
);
CREATE INDEX user_daily_usage_by_day ON user_daily_usage (day, last_at);

CREATE FUNCTION user_daily_usage_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO user_daily_usage AS d (user_id, day, upload_bytes, download_bytes, last_at)
    SELECT n.user_id, (n.updated_at AT TIME ZONE 'UTC')::date,
           greatest(n.upload_bytes - o.upload_bytes, 0), greatest(n.download_bytes - o.download_bytes, 0), n.updated_at
    FROM new_rows n JOIN old_rows o ON o.user_id = n.user_id
    WHERE n.upload_bytes > o.upload_bytes OR n.download_bytes > o.download_bytes
    ORDER BY n.user_id
    ON CONFLICT (user_id, day) DO UPDATE
    SET upload_bytes = d.upload_bytes + EXCLUDED.upload_bytes,
        download_bytes = d.download_bytes + EXCLUDED.download_bytes,
        last_at = greatest(d.last_at, EXCLUDED.last_at);
    RETURN NULL;
END
$$;
CREATE TRIGGER user_traffic_daily_usage AFTER UPDATE ON user_traffic
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION user_daily_usage_add();

CREATE FUNCTION user_daily_usage_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM user_daily_usage WHERE user_id IN (SELECT user_id FROM old_rows);
    RETURN NULL;
END
$$;
CREATE TRIGGER user_traffic_daily_usage_forget AFTER DELETE ON user_traffic
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION user_daily_usage_forget();
