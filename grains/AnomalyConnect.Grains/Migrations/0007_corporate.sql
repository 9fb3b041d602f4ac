-- Corporate access: the HR webhook events received, so that a replayed event_id changes nothing. A row is written in
-- the same transaction as the employee grain's turn that applies the event. (Employees, their registry entries and
-- config requests are grain state in grain_state; their history is the audit log.)

CREATE TABLE hr_events (
    event_id    text        PRIMARY KEY,
    employee_id text        NOT NULL,
    type        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    outcome     text        NOT NULL
);
CREATE INDEX hr_events_by_employee ON hr_events (employee_id, occurred_at DESC);
