-- Question: which new programmes (創設/新設) does each year's budget create, and under which policy?
-- Relisted items are left out. Grain: one row per new-programme initiative (items and detail lines).
-- requires: v_initiative
select
    fiscal_year,
    kind,
    text,
    policy_path,
    department_name,
    source_line_start
from v_initiative
where is_new_program and not is_relisted
order by fiscal_year, source_line_start;
