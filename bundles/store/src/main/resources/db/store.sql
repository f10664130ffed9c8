--liquibase formatted sql

--changeset garrison:store-1
--comment: The installation's identity, created on first start.
CREATE TABLE SERVER_INSTANCE (
    SLOT SMALLINT NOT NULL PRIMARY KEY,
    ID CHAR(36) NOT NULL,
    INSTALLED_AT TIMESTAMP NOT NULL,
    INSTALLED_VERSION VARCHAR(64) NOT NULL,
    CONSTRAINT SERVER_INSTANCE_ONE_ROW CHECK (SLOT = 1)
);
