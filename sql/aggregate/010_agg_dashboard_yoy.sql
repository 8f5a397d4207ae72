-- agg_dashboard_yoy (read by the year-over-year page of bw dashboard): the rows of v_initiative_yoy with the labels,
-- department, budget function and source of the later item (or, when dropped, the earlier one), recomputed whole after
-- the lineage and the views of every load.
-- requires: agg_dashboard_yoy, v_initiative_yoy, dim_function
delete from agg_dashboard_yoy;

insert into agg_dashboard_yoy by name
with pairs as (
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
    from v_initiative_yoy as y
    left join fact_initiative as i on i.initiative_id = coalesce(y.initiative_id, y.prior_initiative_id)
    left join dim_document as d on d.document_id = i.document_id
    left join dim_department as dd on dd.department_id = i.department_id
    left join dim_function as f on f.function_id = i.function_id
)

select * from pairs
order by fiscal_year, municipality, status, source_file, source_line, source_initiative_id;
