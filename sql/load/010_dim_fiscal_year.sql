-- Fill dim_fiscal_year with every fiscal year a document or fact refers to.
insert into dim_fiscal_year
with years as (
    select fiscal_year from dim_document
    union select fiscal_year from dim_policy
    union select fiscal_year from fact_initiative
    union select fiscal_year from fact_measure
    union select fiscal_year from fact_milestone
    union select target_fiscal_year from fact_milestone
    union select case when month(end_date) >= 4 then year(end_date) else year(end_date) - 1 end from fact_milestone
    union select fiscal_year from fact_plan_achievement
),

final as (
    select
        fiscal_year,
        case when fiscal_year >= 2019 then '令和' when fiscal_year >= 1989 then '平成' else '昭和' end as era_name,
        case when fiscal_year >= 2019 then fiscal_year - 2018 when fiscal_year >= 1989 then fiscal_year - 1988 else fiscal_year - 1925 end as era_year,
        make_date(fiscal_year, 4, 1) as start_date,
        make_date(fiscal_year + 1, 3, 31) as end_date
    from years
    where fiscal_year is not null
)

select
    fiscal_year,
    era_name,
    era_year,
    era_name || case when era_year = 1 then '元' else cast(era_year as varchar) end || '年度' as label,
    start_date,
    end_date
from final
where fiscal_year not in (select fiscal_year from dim_fiscal_year)
order by fiscal_year;
