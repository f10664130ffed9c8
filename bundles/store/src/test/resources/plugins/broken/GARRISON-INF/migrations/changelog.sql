--liquibase formatted sql

--changeset acme:1
ALTER TABLE ACME_AV_NO_SUCH_TABLE ADD COLUMN X INT;
