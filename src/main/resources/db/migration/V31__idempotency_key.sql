-- Idempotency-Key of the creating POSTs (issue 16; IETF httpapi draft "The Idempotency-Key HTTP Header Field"):
-- the first response to a key, kept 24 hours, written in the transaction that creates the application or case,
-- so that a retried request after a lost answer or a crash gets that response instead of a second case.
-- Portable between H2 (MODE=LEGACY) and PostgreSQL 17.
CREATE TABLE idempotency_key (
    key_id          VARCHAR(64)   NOT NULL PRIMARY KEY, -- SHA-256 (hex) of endpoint, caller and the key: not the key
    request_hash    VARCHAR(64)   NOT NULL,             -- SHA-256 (hex) of the request body as the endpoint reads it
    status          INTEGER       NOT NULL,
    location        VARCHAR(300),
    response_sealed VARCHAR(4000) NOT NULL,             -- AES-GCM under a key derived from the Idempotency-Key
    created_at      TIMESTAMP     NOT NULL
);
CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at);
