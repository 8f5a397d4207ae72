-- agg_dashboard_yoy (read by the year-over-year page of bw dashboard): the rows of v_initiative_yoy with the labels,
-- department, budget function and source of the later item (or, when dropped, the earlier one). Every row stays
-- within one series (a municipality's documents of one family), so only the series whose lineage this load
-- recomputed are computed again: lineage_pending, which the lineage step fills (every series in a fresh database,
-- the series of the documents added, changed or removed in a copy of the previous snapshot) and which is dropped
-- after this file. The pairs are v_initiative_yoy's (the same statements, tests/Dashboard compares them), computed
-- for an eighth of those series at a time: a part's full outer join of the lineage fits in the load's DuckDB memory
-- limit at national scale, and the parts that have no series cost nothing.
-- requires: agg_dashboard_yoy, bridge_initiative_lineage, dim_function, lineage_pending
create or replace temporary table dashboard_yoy_pending as
select
    municipality_key,
    family,
    cast((row_number() over (order by municipality_key, family) - 1) * 8 // count(*) over () as integer) as part
from lineage_pending;

delete from agg_dashboard_yoy as a
using dashboard_yoy_pending as p
where p.municipality_key = case when a.municipality = '(不明)' then '' else a.municipality end and p.family = a.family;

create or replace temporary table dashboard_yoy_documents as
select d.document_id, s.part
from dim_document as d
inner join dashboard_yoy_pending as s on s.municipality_key = coalesce(d.municipality, '') and s.family = d.family;

create or replace temporary macro dashboard_yoy_part(f_part) as table
    with items as (
        -- the items of the part's documents: the scans filter on them first (a refresh reads a few documents' rows)
        select
            i.initiative_id, i.text, i.action, i.is_new_program, i.policy_id, i.document_id, i.department_id, i.function_id,
            i.source_page, i.source_line_start
        from fact_initiative as i
        where i.document_id in (select document_id from dashboard_yoy_documents where part = f_part)
    ),

    policies as (
        select p.policy_id, p.theme
        from dim_policy as p
        where p.document_id in (select document_id from dashboard_yoy_documents where part = f_part)
    ),

    lineage as (
        select
            b.initiative_id,
            b.lineage_id,
            coalesce(b.municipality, '') as municipality_key,
            b.municipality,
            b.family,
            b.fiscal_year,
            b.similarity,
            b.link_rule,
            i.text,
            i.action,
            i.is_new_program,
            p.theme
        from bridge_initiative_lineage as b
        inner join dashboard_yoy_pending as s
            on s.municipality_key = coalesce(b.municipality, '') and s.family = b.family and s.part = f_part
        inner join items as i on i.initiative_id = b.initiative_id
        left join policies as p on p.policy_id = i.policy_id
    ),

years as (
        select
            municipality_key,
            municipality,
            family,
            fiscal_year,
            lag(fiscal_year) over (partition by municipality_key, family order by fiscal_year) as prior_fiscal_year
        -- the years the lineage compared: the documents' fiscal years
        from (
            select distinct coalesce(b.municipality, '') as municipality_key, b.municipality, b.family, b.fiscal_year
            from bridge_initiative_lineage as b
            inner join dashboard_yoy_pending as s
                on s.municipality_key = coalesce(b.municipality, '') and s.family = b.family and s.part = f_part
        )
    ),

pairs as (
        select * from years where prior_fiscal_year is not null
    ),

current_year as (
        select y.fiscal_year as pair_year, l.*
        from pairs as y
        inner join lineage as l on l.municipality_key = y.municipality_key and l.family = y.family and l.fiscal_year = y.fiscal_year
    ),

prior_year as (
        select y.fiscal_year as pair_year, l.*
        from pairs as y
        inner join lineage as l on l.municipality_key = y.municipality_key and l.family = y.family and l.fiscal_year = y.prior_fiscal_year
    ),

yoy as (
        select
            y.municipality,
            y.family,
            y.fiscal_year,
            y.prior_fiscal_year,
            coalesce(c.lineage_id, p.lineage_id) as lineage_id,
            case when p.lineage_id is null then 'new' when c.lineage_id is null then 'dropped' else 'continued' end as status,
            c.initiative_id,
            p.initiative_id as prior_initiative_id,
            c.text,
            p.text as prior_text,
            coalesce(c.theme, p.theme) as theme,
            c.action,
            p.action as prior_action,
            coalesce(c.is_new_program, false) as is_new_program,
            case when c.lineage_id is not null and p.lineage_id is not null then c.similarity end as similarity,
            case when c.lineage_id is not null and p.lineage_id is not null then c.link_rule end as link_rule
        from current_year as c
        full outer join prior_year as p
            on p.lineage_id = c.lineage_id
            and p.pair_year = c.pair_year
            and p.municipality_key = c.municipality_key
            and p.family = c.family
        inner join pairs as y
            on y.fiscal_year = coalesce(c.pair_year, p.pair_year)
            and y.municipality_key = coalesce(c.municipality_key, p.municipality_key)
            and y.family = coalesce(c.family, p.family)
    )

select
    coalesce(y.municipality, '(不明)') as municipality,
    y.family,
    y.fiscal_year,
    y.prior_fiscal_year,
    y.lineage_id,
    y.status,
    y.initiative_id,
    y.prior_initiative_id,
    i.initiative_id as source_initiative_id,
    coalesce(y.theme, '(テーマなし)') as theme,
    coalesce(dd.name, '(未割当)') as department,
    coalesce(f.name, '(未割当)') as function_name,
    y.text,
    y.prior_text,
    y.similarity,
    y.link_rule,
    d.file_name || coalesce(' p.' || i.source_page, '') || ' l.' || i.source_line_start as source,
    d.file_name as source_file,
    i.source_line_start as source_line
from yoy as y
left join items as i on i.initiative_id = coalesce(y.initiative_id, y.prior_initiative_id)
left join dim_document as d on d.document_id = i.document_id
left join dim_department as dd on dd.department_id = i.department_id
left join dim_function as f on f.function_id = i.function_id;

insert into agg_dashboard_yoy by name select * from dashboard_yoy_part(0);
insert into agg_dashboard_yoy by name select * from dashboard_yoy_part(1);
insert into agg_dashboard_yoy by name select * from dashboard_yoy_part(2);
insert into agg_dashboard_yoy by name select * from dashboard_yoy_part(3);
insert into agg_dashboard_yoy by name select * from dashboard_yoy_part(4);
insert into agg_dashboard_yoy by name select * from dashboard_yoy_part(5);
insert into agg_dashboard_yoy by name select * from dashboard_yoy_part(6);
insert into agg_dashboard_yoy by name select * from dashboard_yoy_part(7);

drop macro table dashboard_yoy_part;
drop table dashboard_yoy_documents;
drop table dashboard_yoy_pending;
