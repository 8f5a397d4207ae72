-- Each document is assigned against the directory plus its own stated reorganisations; another document
-- may state a reorganisation that splits or ends a unit. Here every fact points at the row of its unit
-- that is valid in the fact's fiscal year, or falls back to 'unknown' with the reason.
create or replace temporary table department_fix as
with

facts as (
    select f.initiative_id, f.fiscal_year, d.name, d.municipality, d.valid_from_fy, d.valid_to_fy
    from fact_initiative as f
    inner join dim_department as d on d.department_id = f.department_id
    where f.department_id <> 'unknown'
        and not (coalesce(d.valid_from_fy, -1) <= f.fiscal_year and f.fiscal_year <= coalesce(d.valid_to_fy, 99999))
),

valid_rows as (
    select department_id, name, municipality, valid_from_fy, valid_to_fy
    from dim_department
    where department_id <> 'unknown'
),

final as (
    select
        f.initiative_id,
        v.department_id as new_department_id,
        f.name,
        f.fiscal_year
    from facts as f
    left join valid_rows as v
        on v.name = f.name
        and v.municipality is not distinct from f.municipality
        and coalesce(v.valid_from_fy, -1) <= f.fiscal_year
        and f.fiscal_year <= coalesce(v.valid_to_fy, 99999)
)

select * from final;

update fact_initiative as f
set
    department_id = coalesce(x.new_department_id, 'unknown'),
    department_method = case when x.new_department_id is null then 'none' else f.department_method end,
    department_evidence = f.department_evidence || case
        when x.new_department_id is null
            then ' — but another document ends ' || x.name || ' before FY' || cast(x.fiscal_year as varchar) || ' (see dim_department.evidence)'
        else ' — re-keyed to the ' || x.name || ' row valid in FY' || cast(x.fiscal_year as varchar) || ' after a reorganisation stated in another document'
    end
from department_fix as x
where x.initiative_id = f.initiative_id;

-- Facts derived from an initiative (measures, milestones) carry the initiative's department: the loader gives them
-- the initiative's key when it builds them, so only the initiatives re-keyed here need their facts following.
update fact_measure as m
set department_id = f.department_id
from fact_initiative as f
inner join department_fix as x on x.initiative_id = f.initiative_id
where m.initiative_id = f.initiative_id and m.department_id <> f.department_id;

update fact_milestone as m
set department_id = f.department_id
from fact_initiative as f
inner join department_fix as x on x.initiative_id = f.initiative_id
where m.initiative_id = f.initiative_id and m.department_id <> f.department_id;

drop table department_fix;
