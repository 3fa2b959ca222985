-- One row that every append to discipline_archive locks (SELECT ... FOR UPDATE) until its transaction ends, so that
-- appends are serialised: the hash chain needs "the last entry" to stay the last until the new one is committed.
-- Without it two cases opened at the same moment read the same last entry and one of them failed on the primary key
-- (a 500 on POST /api/discipline/cases; a failed job waiting for its retry a minute later).
CREATE TABLE discipline_archive_lock (
  id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO discipline_archive_lock (id) VALUES (1);
