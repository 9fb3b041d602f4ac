-- A node's last-seen counters as one row per node (NodeCounterSet's packed layout) instead of one row per user:
-- a poll that moves 10,000 counters rewrites one value instead of upserting 10,000 rows with their index entries.
-- Still written in the node grain's turn, in the same transaction as the deltas it counts, so exactly once.
CREATE TABLE node_counter_sets (
    node_id  text  PRIMARY KEY,
    counters bytea NOT NULL
);
-- Stored out of line but not compressed: pglz spent ~90 ms per write of a 10,000-user set and saved nothing
-- (counters and ids are close to random bytes); uncompressed, the write takes ~11 ms.
ALTER TABLE node_counter_sets ALTER COLUMN counters SET STORAGE EXTERNAL;

INSERT INTO node_counter_sets (node_id, counters)
SELECT node_id,
       '\x01'::bytea || string_agg(
           substring(int2send(octet_length(convert_to(protocol, 'UTF8'))::smallint) FROM 2) || convert_to(protocol, 'UTF8')
           || int2send(octet_length(convert_to(user_id, 'UTF8'))::smallint) || convert_to(user_id, 'UTF8')
           || int8send(upload) || int8send(download),
           ''::bytea ORDER BY protocol, user_id)
FROM node_counters
GROUP BY node_id;

DROP TABLE node_counters;
