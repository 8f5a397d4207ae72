create table dim_department (
    department_id varchar not null primary key,
    name          varchar not null,
    bureau        varchar,
    kind          varchar not null,
    municipality  varchar,
    valid_from_fy integer,
    valid_to_fy   integer,
    is_current    boolean not null,
    source        varchar not null,
    parent        varchar,
    evidence      varchar
);
comment on table dim_department is 'One row per organisational unit per validity range (slowly changing, type 2), plus one ''unknown'' member.';
comment on column dim_department.department_id is 'Key; ''unknown'' for the member used when no department could be assigned.';
comment on column dim_department.name is 'Unit name, e.g. 文化政策課.';
comment on column dim_department.bureau is 'Bureau (局/部) the unit belongs to; for a bureau itself, its own name.';
comment on column dim_department.kind is 'Kind of unit: 局 部 課 室 センター 本部 …, or unknown.';
comment on column dim_department.municipality is 'Municipality of the unit.';
comment on column dim_department.valid_from_fy is 'First fiscal year the row is valid (null = since before the data).';
comment on column dim_department.valid_to_fy is 'Last fiscal year the row is valid (null = still valid).';
comment on column dim_department.is_current is 'True for the row valid in the latest fiscal year loaded.';
comment on column dim_department.source is 'Where the row came from: reference (directory file), document (a reorganisation stated in a document), or system.';
comment on column dim_department.parent is 'Immediate parent unit (局, 部 or 課) as the directory or the document gives it; null for top-level units.';
comment on column dim_department.evidence is 'Directory file and line with the analyst''s note, or the document sentence (file:line) that created or ended the row.';
