--liquibase formatted sql

--property name:json_type value:CLOB dbms:derby
--property name:json_type value:TEXT dbms:postgresql

--changeset garrison:policies-1
--comment: Policies. IN_FORCE repeats STATE for ACTIVE and OUT_OF_OFFICE policies and is NULL for inactive ones, so the unique constraint allows one policy of each of these states per group and application (NULLs never clash). DOCUMENT holds settings, locks and profiles as JSON with a schema version; PROBLEMS what a check against the plugin's settings schema found.
CREATE TABLE POLICIES_POLICY (
    ID CHAR(36) NOT NULL PRIMARY KEY,
    APPLICATION VARCHAR(100) NOT NULL,
    GROUP_ID CHAR(36) NOT NULL,
    NAME VARCHAR(255) NOT NULL,
    NAME_KEY VARCHAR(600) NOT NULL,
    DESCRIPTION VARCHAR(2000),
    STATE VARCHAR(20) NOT NULL,
    IN_FORCE VARCHAR(20),
    INHERIT BOOLEAN NOT NULL,
    FORCE_INHERIT BOOLEAN NOT NULL,
    DOCUMENT ${json_type} NOT NULL,
    REVISION INTEGER NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    CREATED_BY_KIND VARCHAR(20) NOT NULL,
    CREATED_BY_ID VARCHAR(255) NOT NULL,
    CREATED_BY_NAME VARCHAR(255) NOT NULL,
    UPDATED_AT TIMESTAMP NOT NULL,
    UPDATED_BY_KIND VARCHAR(20) NOT NULL,
    UPDATED_BY_ID VARCHAR(255) NOT NULL,
    UPDATED_BY_NAME VARCHAR(255) NOT NULL,
    PROBLEMS ${json_type},
    INVALID BOOLEAN NOT NULL,
    CHECKED_AGAINST VARCHAR(100),
    CONSTRAINT POLICIES_POLICY_IN_FORCE UNIQUE (GROUP_ID, APPLICATION, IN_FORCE)
);
CREATE INDEX POLICIES_POLICY_NAME ON POLICIES_POLICY (NAME_KEY, ID);
CREATE INDEX POLICIES_POLICY_APPLICATION ON POLICIES_POLICY (APPLICATION, GROUP_ID);

--changeset garrison:policies-2
--comment: Counts every change to policies. Each change bumps it first in its own transaction, which also queues concurrent changes (on every server node) one after the other; readers compare it with the count their cached policies were read at.
CREATE TABLE POLICIES_GENERATION (
    ID SMALLINT NOT NULL PRIMARY KEY,
    GENERATION BIGINT NOT NULL
);
INSERT INTO POLICIES_GENERATION (ID, GENERATION) VALUES (1, 0);
