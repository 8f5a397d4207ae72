-- agg_dashboard_yoy: the rows of v_initiative_yoy with what the dashboard's slicers and rows table read about them
-- (labels, department, budget function and source of the later or, when dropped, the earlier item), stored by
-- sql/aggregate/010_agg_dashboard_yoy.sql after the lineage and the views, so that a dashboard request filters one
-- table instead of expanding the view's full outer join of the lineage.
create table agg_dashboard_yoy (
    municipality         varchar not null,
    family               varchar not null,
    fiscal_year          integer not null,
    prior_fiscal_year    integer not null,
    lineage_id           varchar not null,
    status               varchar not null,
    initiative_id        varchar,
    prior_initiative_id  varchar,
    source_initiative_id varchar,
    theme                varchar not null,
    department           varchar not null,
    function_name        varchar not null,
    text                 varchar,
    prior_text           varchar,
    similarity           double,
    link_rule            varchar,
    source               varchar,
    source_file          varchar,
    source_line          integer
);
comment on table agg_dashboard_yoy is 'One row per undertaking (lineage) per pair of consecutive loaded fiscal years of a municipality and family (the rows of v_initiative_yoy), with the department, budget function and source of its item: what the year-over-year page of bw dashboard filters and counts. Recomputed for the series (municipality and family) whose documents a load added, changed or removed.';
comment on column agg_dashboard_yoy.municipality is 'Municipality of the series; (不明) when the documents name none.';
comment on column agg_dashboard_yoy.family is 'Document family: budget_priorities or plan_progress.';
comment on column agg_dashboard_yoy.fiscal_year is 'The later year of the pair (dim_fiscal_year).';
comment on column agg_dashboard_yoy.prior_fiscal_year is 'The earlier year of the pair (the previous loaded year; a gap year is skipped).';
comment on column agg_dashboard_yoy.lineage_id is 'The undertaking (bridge_initiative_lineage).';
comment on column agg_dashboard_yoy.status is 'new (only in fiscal_year), continued (in both years) or dropped (only in prior_fiscal_year).';
comment on column agg_dashboard_yoy.initiative_id is 'The initiative in fiscal_year; null when dropped.';
comment on column agg_dashboard_yoy.prior_initiative_id is 'The initiative in prior_fiscal_year; null when new.';
comment on column agg_dashboard_yoy.source_initiative_id is 'The item the row is shown with: initiative_id, or prior_initiative_id when dropped.';
comment on column agg_dashboard_yoy.theme is 'Conformed theme of the later (else the earlier) item; (テーマなし) when none.';
comment on column agg_dashboard_yoy.department is 'Name of the department version of the source item (dim_department); (未割当) when it has none.';
comment on column agg_dashboard_yoy.function_name is 'Name of the 款 of the source item (dim_function); (未割当) when it has none.';
comment on column agg_dashboard_yoy.text is 'Text of the initiative in fiscal_year.';
comment on column agg_dashboard_yoy.prior_text is 'Text of the initiative in prior_fiscal_year.';
comment on column agg_dashboard_yoy.similarity is 'Dice similarity of the two core texts when continued.';
comment on column agg_dashboard_yoy.link_rule is 'dice or containment when continued.';
comment on column agg_dashboard_yoy.source is 'Where the source item stands: file p.N l.M.';
comment on column agg_dashboard_yoy.source_file is 'File name of the source item''s document.';
comment on column agg_dashboard_yoy.source_line is 'First source line of the source item.';
