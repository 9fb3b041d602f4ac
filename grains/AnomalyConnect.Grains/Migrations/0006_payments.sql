-- Payments, tariffs and promo codes are grains (grain_state types 'payment', 'tariff', 'promo-code').
-- Here: who holds a promo code's uses, and the indexes that payment lists and revenue read by.

-- A promo code's uses: one row per payment (or standalone use), written only in the code's own turns.
CREATE TABLE promo_redemptions (
    code          text        NOT NULL,
    redemption_id text        NOT NULL,
    user_id       text        NOT NULL,
    redeemed_at   timestamptz NOT NULL,
    released_at   timestamptz,
    PRIMARY KEY (code, redemption_id)
);
CREATE INDEX promo_redemptions_held_by_user ON promo_redemptions (code, user_id) WHERE released_at IS NULL;

CREATE INDEX grain_state_payment_created ON grain_state ((state->>'created_at') DESC) WHERE grain_type = 'payment';
CREATE INDEX grain_state_payment_user ON grain_state ((state->>'user_id'), (state->>'created_at') DESC) WHERE grain_type = 'payment';
CREATE INDEX grain_state_payment_paid ON grain_state ((state->>'paid_at')) WHERE grain_type = 'payment' AND state ? 'paid_at';
