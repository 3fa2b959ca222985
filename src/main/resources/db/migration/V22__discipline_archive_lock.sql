-- One row that every append to discipline_archive locks first (SELECT … FOR UPDATE, held until commit), so that
-- appends from concurrent requests, job threads and cluster nodes take turns: each reads the chain's last entry
-- only once the previous append has committed. Without it two transactions read the same last entry and the
-- second fails on the unique seq (a 500 for two case intakes at the same moment; found by the crash test).
CREATE TABLE discipline_archive_lock (
  id  INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO discipline_archive_lock (id) VALUES (1);
