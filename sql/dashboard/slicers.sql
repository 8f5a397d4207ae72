-- Slicer choices of `bw dashboard`: every municipality, fiscal year, theme, family and assigned department
-- the snapshot holds (unfiltered, so that a choice never disappears while another slicer is set).
-- Grain: one row per slicer and value.
with documents as (
    select coalesce(municipality, '(不明)') as municipality, family, fiscal_year from dim_document
),

final as (
    select distinct 'municipality' as slicer, municipality as value from documents
    union all
    select distinct 'family', family from documents
    union all
    select distinct 'fiscal_year', cast(fiscal_year as varchar) from documents
    union all
    select distinct 'fiscal_year', cast(fiscal_year as varchar) from fact_initiative
    union all
    select distinct 'fiscal_year', cast(fiscal_year as varchar) from fact_plan_achievement
    union all
    select distinct 'theme', coalesce(theme, '(テーマなし)') from dim_policy
    union all
    select distinct 'department', dd.name
    from fact_initiative as i
    inner join dim_department as dd on dd.department_id = i.department_id
    where i.department_id <> 'unknown'
)

select distinct slicer, value from final where value is not null
order by slicer, value;
