--liquibase formatted sql

--property name:json_type value:CLOB dbms:derby
--property name:json_type value:TEXT dbms:postgresql

--changeset garrison:audit-1
--comment: Revision history of management objects: one row per recorded state, numbered per object without gaps.
CREATE TABLE AUDIT_REVISION (
    ID CHAR(36) NOT NULL PRIMARY KEY,
    OBJECT_TYPE VARCHAR(64) NOT NULL,
    OBJECT_ID CHAR(36) NOT NULL,
    REVISION_NUMBER INTEGER NOT NULL,
    CHANGED_AT TIMESTAMP NOT NULL,
    ACTOR_KIND VARCHAR(16) NOT NULL,
    ACTOR_ID VARCHAR(255) NOT NULL,
    ACTOR_NAME VARCHAR(255) NOT NULL,
    CHANGE_ACTION VARCHAR(64) NOT NULL,
    SNAPSHOT ${json_type} NOT NULL,
    CHANGES ${json_type} NOT NULL,
    CONSTRAINT AUDIT_REVISION_NUMBER UNIQUE (OBJECT_TYPE, OBJECT_ID, REVISION_NUMBER)
);
CREATE INDEX AUDIT_REVISION_RECENT ON AUDIT_REVISION (CHANGED_AT, ID);

--changeset garrison:audit-2
--comment: Registry of deleted management objects, with the snapshot to restore from.
CREATE TABLE AUDIT_DELETED_OBJECT (
    ID CHAR(36) NOT NULL PRIMARY KEY,
    OBJECT_TYPE VARCHAR(64) NOT NULL,
    OBJECT_ID CHAR(36) NOT NULL,
    OBJECT_NAME VARCHAR(255) NOT NULL,
    DELETED_AT TIMESTAMP NOT NULL,
    ACTOR_KIND VARCHAR(16) NOT NULL,
    ACTOR_ID VARCHAR(255) NOT NULL,
    ACTOR_NAME VARCHAR(255) NOT NULL,
    SNAPSHOT ${json_type} NOT NULL
);
CREATE INDEX AUDIT_DELETED_RECENT ON AUDIT_DELETED_OBJECT (DELETED_AT, ID);

--changeset garrison:audit-3
--comment: Audit log: one row per state-changing call or sign-in attempt.
-- Rows arrive in batches from one writer thread and leave in chunks from the old end (retention), so the table
-- keeps few indexes, each descending and ending with the id, in the newest-first order every listing reads (Derby
-- cannot scan an index backwards: ascending indexes made every page of a million-entry log sort the whole table):
-- (LOGGED_AT, ID) for the listing, the time filters and retention; (OBJECT_TYPE, OBJECT_ID, LOGGED_AT, ID) for the
-- history of one object; (ACTOR_ID, LOGGED_AT, ID) for what one account did.
CREATE TABLE AUDIT_LOG (
    ID CHAR(36) NOT NULL PRIMARY KEY,
    LOGGED_AT TIMESTAMP NOT NULL,
    ACTOR_KIND VARCHAR(16) NOT NULL,
    ACTOR_ID VARCHAR(255) NOT NULL,
    ACTOR_NAME VARCHAR(255) NOT NULL,
    CALL_ACTION VARCHAR(255) NOT NULL,
    OBJECT_TYPE VARCHAR(64) NOT NULL,
    OBJECT_ID VARCHAR(255) NOT NULL,
    REMOTE_ADDRESS VARCHAR(255) NOT NULL,
    STATUS SMALLINT NOT NULL,
    OUTCOME VARCHAR(16) NOT NULL
);
CREATE INDEX AUDIT_LOG_RECENT ON AUDIT_LOG (LOGGED_AT DESC, ID DESC);
CREATE INDEX AUDIT_LOG_OBJECT ON AUDIT_LOG (OBJECT_TYPE, OBJECT_ID, LOGGED_AT DESC, ID DESC);
CREATE INDEX AUDIT_LOG_ACTOR ON AUDIT_LOG (ACTOR_ID, LOGGED_AT DESC, ID DESC);
