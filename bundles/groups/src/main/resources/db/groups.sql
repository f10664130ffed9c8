--liquibase formatted sql

--property name:json_type value:CLOB dbms:derby
--property name:json_type value:TEXT dbms:postgresql

--changeset garrison:groups-1
--comment: The administration-group tree. NAME_KEY is the lower-cased name that siblings may not share.
CREATE TABLE GROUPS_GROUP (
    ID CHAR(36) NOT NULL PRIMARY KEY,
    PARENT_ID CHAR(36),
    NAME VARCHAR(255) NOT NULL,
    NAME_KEY VARCHAR(600) NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    MODIFIED_AT TIMESTAMP NOT NULL,
    DEVICE_SETTINGS ${json_type},
    CONSTRAINT GROUPS_GROUP_PARENT FOREIGN KEY (PARENT_ID) REFERENCES GROUPS_GROUP (ID),
    CONSTRAINT GROUPS_GROUP_SIBLING_NAME UNIQUE (PARENT_ID, NAME_KEY)
);

--changeset garrison:groups-2
--comment: The two built-in groups. Their device settings stay NULL (= the built-in defaults) until an admin edits them.
INSERT INTO GROUPS_GROUP (ID, PARENT_ID, NAME, NAME_KEY, CREATED_AT, MODIFIED_AT)
    VALUES ('00000000-0000-0000-0000-000000000001', NULL, 'Managed devices', 'managed devices',
            CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO GROUPS_GROUP (ID, PARENT_ID, NAME, NAME_KEY, CREATED_AT, MODIFIED_AT)
    VALUES ('00000000-0000-0000-0000-000000000002', NULL, 'Unassigned devices', 'unassigned devices',
            CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
