-- Change notifications for the per-process read model that serves subscriptions from memory
-- (Users/SubscriptionReadModel.cs). Every committed change of a user's state or usage sends the user id on the
-- channel 'anomaly_users_changed'; PostgreSQL delivers a notification only when its transaction commits, so a
-- listener that drops its copy on receipt can never keep a change that was rolled back or miss one that committed
-- while it listened. Payloads are comma-separated items, kept under NOTIFY's 8,000-byte limit: a user id when the
-- user's state changed, "id:upload:download" when only its usage did, so that listeners can apply new usage to
-- their copy instead of reading the user again.

-- A user grain's row: one notification per changed user, only for grain type 'user' (the WHEN clause is checked
-- without entering PL/pgSQL, so other grains pay nothing).
CREATE FUNCTION user_state_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('anomaly_users_changed', OLD.grain_key);
    RETURN NULL;
END
$$;
CREATE TRIGGER grain_state_user_changed AFTER UPDATE OR DELETE ON grain_state
    FOR EACH ROW WHEN (OLD.grain_type = 'user')
    EXECUTE FUNCTION user_state_changed_notify();

-- Usage: a node turn updates thousands of rows in one statement, so the items go out in a few large payloads.
CREATE FUNCTION user_traffic_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    chunk text;
BEGIN
    FOR chunk IN
        SELECT string_agg(item, ',')
        FROM (
            SELECT item, sum(length(item) + 1) OVER (ORDER BY item) / 7000 AS part
            FROM (SELECT user_id || ':' || upload_bytes || ':' || download_bytes AS item FROM changed_rows) items
        ) c
        GROUP BY part
    LOOP
        PERFORM pg_notify('anomaly_users_changed', chunk);
    END LOOP;
    RETURN NULL;
END
$$;
CREATE TRIGGER user_traffic_changed AFTER UPDATE ON user_traffic
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION user_traffic_changed_notify();
