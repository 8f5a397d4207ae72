-- Slicer choices of `bw dashboard`: every municipality, fiscal year, theme, family, assigned department and function (款)
-- the snapshot holds (unfiltered, so that a choice never disappears while another slicer is set).
-- Grain: one row per slicer and value.
with documents as (
    select coalesce(municipality, '(不明)') as municipality, family, fiscal_year from dim_document
),

final as (
    select distinct 'municipality' as slicer, municipality as value, null::integer as sort_key from documents
    union all
    select distinct 'family', family, null from documents
    union all
    select distinct 'fiscal_year', cast(fiscal_year as varchar), null from documents
    union all
    select distinct 'fiscal_year', cast(fiscal_year as varchar), null from fact_initiative
    union all
    select distinct 'fiscal_year', cast(fiscal_year as varchar), null from fact_plan_achievement
    union all
    select distinct 'theme', coalesce(theme, '(テーマなし)'), null from dim_policy
    union all
    select distinct 'department', dd.name, null
    from fact_initiative as i
    inner join dim_department as dd on dd.department_id = i.department_id
    where i.department_id <> 'unknown'
    union all
    -- functions in the order of the national classification (議会費, 総務費, 民生費 …)
    select distinct 'function', f.name, f.code
    from dim_function as f
    where f.function_id <> 'unknown' and f.function_id in (select function_id from fact_initiative)
)

select slicer, value from final where value is not null
group by slicer, value
order by slicer, min(sort_key), value;
