-- For one municipality and name, validity ranges never overlap.
with

ranges as (
    select
        department_id,
        municipality,
        name,
        coalesce(valid_from_fy, -1) as from_fy,
        coalesce(valid_to_fy, 99999) as to_fy
    from dim_department
    where department_id <> 'unknown'
)

select a.name, a.municipality, a.department_id, b.department_id as overlaps_with
from ranges as a
inner join ranges as b
    on a.name = b.name
    and a.municipality is not distinct from b.municipality
    and a.department_id < b.department_id
    and a.from_fy <= b.to_fy
    and b.from_fy <= a.to_fy;
