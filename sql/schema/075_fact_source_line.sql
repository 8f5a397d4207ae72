create table fact_source_line (
    document_id   varchar not null,
    fiscal_year   integer not null,
    source_page   integer,
    source_line   integer not null,
    text          varchar,
    role          varchar not null,
    policy_id     varchar,
    initiative_id varchar
);
comment on table fact_source_line is 'One row per non-blank line of each loaded document, as printed, with what the parser made of it. Nothing read is thrown away, and nothing is stored twice: a line that is the whole raw text of its initiative leaves its text and policy to fact_initiative. Read the lines through v_source_line, which joins them back; find a fact''s neighbouring lines by document_id and source_line.';
comment on column fact_source_line.document_id is 'Document (dim_document).';
comment on column fact_source_line.fiscal_year is 'The document''s fiscal year (the lake partition).';
comment on column fact_source_line.source_page is 'Page the line is printed on (PDF); null for text documents without pages.';
comment on column fact_source_line.source_line is '1-based physical line number in the file; unique within the document.';
comment on column fact_source_line.text is 'The line as printed (trimmed of surrounding white space, not normalised); null when the line is the whole of its initiative''s raw_text (fact_initiative), where it is stored: v_source_line.text is never null.';
comment on column fact_source_line.role is 'heading (outline heading or document title), item (a bullet or project line), detail (a line under an item), table_row (table header, unit note, overview row), prose (narrative), chrome (page numbers, running headers, site navigation, table of contents), unrecognised (no rule understood it).';
comment on column fact_source_line.policy_id is 'Policy node (dim_policy) the line belongs to, if any; null on a line of an initiative that is in the initiative''s policy (v_source_line.policy_id takes it from fact_initiative).';
comment on column fact_source_line.initiative_id is 'Initiative (fact_initiative) the line belongs to, if any.';
