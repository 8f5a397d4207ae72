-- Question: which initiatives have no responsible department, and under which pillar — where to improve the
-- department rules? Relisted items are left out. Grain: one row per municipality, fiscal year and pillar.
-- requires: v_initiative
select
    municipality,
    fiscal_year,
    pillar_title,
    count(*) as items_without_department,
    count(*) filter (where department_method = 'none') as with_no_evidence,
    min(source_line_start) as first_line
from v_initiative
where department_id = 'unknown' and kind = 'item' and not is_relisted
group by all
order by municipality, fiscal_year, first_line;
