create table dim_policy (
    policy_id        varchar not null, -- unique; checked by bw validate (sql/tests/keys_*.sql), not by an index: see docs/performance.md
    document_id      varchar not null,
    fiscal_year      integer not null,
    level            integer not null,
    code             varchar not null,
    marker           varchar not null,
    title            varchar not null,
    description      varchar,
    parent_policy_id varchar,
    pillar_title     varchar,
    section_title    varchar,
    subsection_title varchar,
    path             varchar not null,
    theme            varchar,
    theme_evidence   varchar,
    source_page      integer,
    source_line      integer not null
);
comment on table dim_policy is 'One row per node of a document''s policy tree (pillar, section, subsection, …).';
comment on column dim_policy.policy_id is 'Stable key: document id and code.';
comment on column dim_policy.document_id is 'Document the node belongs to (dim_document).';
comment on column dim_policy.fiscal_year is 'Fiscal year of the node (dim_fiscal_year).';
comment on column dim_policy.level is 'Depth: 1 = pillar / 基本方針, 2 = section, 3 = subsection, 4 = a further level such as ◇.';
comment on column dim_policy.code is 'Dotted ordinal path within the document: 1, 1.2, 1.2.3; in a plan-progress report, which repeats its policies for each reporting year, prefixed with that year: 2023/1, 2023/1.2.';
comment on column dim_policy.marker is 'Heading marker as printed after normalisation: 1, (1), ①, ◇, IV.';
comment on column dim_policy.title is 'Heading text without its marker.';
comment on column dim_policy.description is 'Narrative paragraph under the heading (a pillar''s introduction), if any.';
comment on column dim_policy.parent_policy_id is 'Parent node; null for pillars.';
comment on column dim_policy.pillar_title is 'Title of the level-1 ancestor (the node itself at level 1).';
comment on column dim_policy.section_title is 'Title of the level-2 ancestor (the node itself at level 2); null above.';
comment on column dim_policy.subsection_title is 'Title of the level-3 ancestor (the node itself at level 3); null above.';
comment on column dim_policy.path is 'Titles from the pillar down to this node, joined with " > ".';
comment on column dim_policy.theme is 'Conformed cross-year theme (seeds/reference/themes.csv).';
comment on column dim_policy.theme_evidence is 'The rule and words that assigned the theme, or that it was inherited from the parent.';
comment on column dim_policy.source_page is '1-based page of the heading in a PDF (file.pdf p.3 l.12 with the line); null for a text document.';
comment on column dim_policy.source_line is 'Line of the heading in the document.';
