--liquibase formatted sql

--changeset garrison:sessions-1
--comment: Console sessions. Only the SHA-256 of the session id is stored; the CSRF token is useless without the id.
CREATE TABLE SESSIONS_SESSION (
    ID CHAR(36) NOT NULL PRIMARY KEY,
    ID_HASH VARCHAR(64) NOT NULL,
    ACCOUNT_ID CHAR(36) NOT NULL,
    CSRF_TOKEN VARCHAR(64) NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    LAST_SEEN_AT TIMESTAMP NOT NULL,
    EXPIRES_AT TIMESTAMP NOT NULL,
    REMOTE_ADDRESS VARCHAR(64),
    USER_AGENT VARCHAR(255),
    CONSTRAINT SESSIONS_SESSION_HASH UNIQUE (ID_HASH)
);
CREATE INDEX SESSIONS_SESSION_ACCOUNT ON SESSIONS_SESSION (ACCOUNT_ID);

--changeset garrison:sessions-2
--comment: Personal API tokens. Only the SHA-256 of the secret is stored; ROLE_IDS is the comma-separated role subset.
CREATE TABLE SESSIONS_TOKEN (
    ID CHAR(36) NOT NULL PRIMARY KEY,
    SECRET_HASH VARCHAR(64) NOT NULL,
    ACCOUNT_ID CHAR(36) NOT NULL,
    NAME VARCHAR(100) NOT NULL,
    PREFIX VARCHAR(16) NOT NULL,
    ROLE_IDS VARCHAR(3800) NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    EXPIRES_AT TIMESTAMP NOT NULL,
    LAST_USED_AT TIMESTAMP,
    CONSTRAINT SESSIONS_TOKEN_HASH UNIQUE (SECRET_HASH)
);
CREATE INDEX SESSIONS_TOKEN_ACCOUNT ON SESSIONS_TOKEN (ACCOUNT_ID);

--changeset garrison:sessions-3
--comment: Failed sign-ins per account (SUBJECT 'account:' + keyed hash of the lower-cased login) and per source address (SUBJECT 'address:' + address). A series of failures ends when its last failure is older than the configured window.
CREATE TABLE SESSIONS_FAILURE (
    SUBJECT VARCHAR(120) NOT NULL PRIMARY KEY,
    FAILURES INTEGER NOT NULL,
    LAST_FAILURE_AT TIMESTAMP NOT NULL
);
