-- Every fact_initiative row points at a dim_department row.
select f.initiative_id, f.department_id
from fact_initiative as f
left join dim_department as d on d.department_id = f.department_id
where d.department_id is null;
