--liquibase formatted sql

--changeset hello-app:1
-- The last greeting report of each device. Every table and index name starts with HELLO_APP_ (the plugin id);
-- the SQL is what both Derby and PostgreSQL accept.
CREATE TABLE HELLO_APP_GREETING (
    DEVICE_ID CHAR(36) NOT NULL,
    LAST_GREETING VARCHAR(100) NOT NULL,
    GREETING_COUNT BIGINT NOT NULL,
    REPORTED_AT TIMESTAMP NOT NULL,
    CONSTRAINT HELLO_APP_GREETING_PK PRIMARY KEY (DEVICE_ID)
);
CREATE INDEX HELLO_APP_GREETING_TIME ON HELLO_APP_GREETING (REPORTED_AT DESC, DEVICE_ID);
