--liquibase formatted sql

--changeset test:sample-1
CREATE TABLE SAMPLE_ITEM (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(40) NOT NULL);
