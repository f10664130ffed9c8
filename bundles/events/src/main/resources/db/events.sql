--liquibase formatted sql

--property name:json_type value:CLOB dbms:derby
--property name:json_type value:TEXT dbms:postgresql

--changeset garrison:events-1
-- One row per event. Ingest writes thousands of rows per call, so every index costs ingest speed; the table has
-- exactly three:
--  * the primary key on ID: needed for GET /events/{id}, and it is what makes a producer-supplied id idempotent
--    (a chunk is inserted as it is and this key refuses it if it repeats a stored id; only then are the stored
--    ids looked up, with one IN query per few hundred ids);
--  * (OCCURRED_AT, ID): the listing order (newest first, keyset paging on both columns, scanned backwards), the
--    time-range filters, and retention, which deletes from the old end of the same index;
--  * (DEVICE_ID, OCCURRED_AT): a device's own events (the device page) without scanning everybody's.
-- There is deliberately no (GROUP_ID, OCCURRED_AT) index: a group filter means a whole subtree, i.e. an IN list of
-- groups, which such an index cannot return in time order without sorting every match; walking the time index
-- newest first and filtering stops after one page for any subtree holding a fair share of the devices, and the
-- table is bounded by retention (400,000 rows by default).
CREATE TABLE EVENT_LOG (
    ID CHAR(36) NOT NULL,
    OCCURRED_AT TIMESTAMP NOT NULL,
    RECEIVED_AT TIMESTAMP NOT NULL,
    DEVICE_ID CHAR(36),
    GROUP_ID CHAR(36),
    SOURCE VARCHAR(100) NOT NULL,
    EVENT_TYPE VARCHAR(100) NOT NULL,
    SEVERITY SMALLINT NOT NULL,
    DESCRIPTION VARCHAR(2000) NOT NULL,
    PAYLOAD ${json_type},
    CONSTRAINT EVENT_LOG_PK PRIMARY KEY (ID)
);
CREATE INDEX EVENT_LOG_TIME ON EVENT_LOG (OCCURRED_AT, ID);
CREATE INDEX EVENT_LOG_DEVICE ON EVENT_LOG (DEVICE_ID, OCCURRED_AT);
--rollback DROP TABLE EVENT_LOG;
