-- agg_theme_year is not stale: its figures equal those counted from the facts now, its prior-year columns repeat
-- the row of prior_fiscal_year, and agg_theme_year_series has one row per series of dim_document with its document
-- count.
-- requires: agg_theme_year, agg_theme_year_series, fact_measure
with documents as (
    select document_id, coalesce(municipality, '') as municipality_key, family
    from dim_document
),

items as (
    select
        d.municipality_key,
        d.family,
        coalesce(p.theme, '(未分類)') as theme,
        i.fiscal_year,
        count(*) filter (where not i.is_relisted) as initiatives,
        count(*) filter (where i.is_new_program and not i.is_relisted) as new_programs,
        count(*) filter (where i.is_relisted) as relisted
    from fact_initiative as i
    inner join documents as d on d.document_id = i.document_id
    left join dim_policy as p on p.policy_id = i.policy_id
    where i.kind = 'item'
    group by all
),

money as (
    select
        d.municipality_key,
        d.family,
        coalesce(p.theme, '(未分類)') as theme,
        m.fiscal_year,
        cast(sum(m.amount_yen) as bigint) as amount_yen
    from fact_measure as m
    inner join documents as d on d.document_id = m.document_id
    left join dim_policy as p on p.policy_id = m.policy_id
    left join fact_initiative as i on i.initiative_id = m.initiative_id
    where m.unit = 'JPY' and m.role = 'value' and not coalesce(i.is_relisted, false)
    group by all
),

expected as (
    select
        municipality_key, family, theme, fiscal_year,
        coalesce(i.initiatives, 0) as initiatives,
        coalesce(i.new_programs, 0) as new_programs,
        coalesce(i.relisted, 0) as relisted,
        coalesce(m.amount_yen, 0) as amount_yen
    from items as i
    full outer join money as m using (municipality_key, family, theme, fiscal_year)
),

stored as (
    select coalesce(municipality, '') as municipality_key, *
    from agg_theme_year
),

series as (
    select municipality_key, family, count(*) as document_count
    from documents
    group by all
)

select e.municipality_key || ' ' || e.family || ' ' || e.theme || ' ' || e.fiscal_year as key, 'figures differ from the facts' as problem,
    format('facts {} {} {} {}, stored {} {} {} {}', e.initiatives, e.new_programs, e.relisted, e.amount_yen,
        s.initiatives, s.new_programs, s.relisted, s.amount_yen) as detail
from expected as e
left join stored as s using (municipality_key, family, theme, fiscal_year)
where s.initiatives is distinct from e.initiatives or s.new_programs is distinct from e.new_programs
    or s.relisted is distinct from e.relisted or s.amount_yen is distinct from e.amount_yen
union all
select s.municipality_key || ' ' || s.family || ' ' || s.theme || ' ' || s.fiscal_year, 'stored figures without facts',
    format('stored {} {} {} {}', s.initiatives, s.new_programs, s.relisted, s.amount_yen)
from stored as s
left join expected as e using (municipality_key, family, theme, fiscal_year)
where e.family is null and (s.initiatives <> 0 or s.new_programs <> 0 or s.relisted <> 0 or s.amount_yen <> 0)
union all
select cur.municipality_key || ' ' || cur.family || ' ' || cur.theme || ' ' || cur.fiscal_year, 'prior-year columns differ from the prior row',
    format('prior {} {} {} {}, row of {}: {} {} {} {}', cur.initiatives_prior, cur.new_programs_prior, cur.relisted_prior, cur.amount_yen_prior,
        cur.prior_fiscal_year, prev.initiatives, prev.new_programs, prev.relisted, prev.amount_yen)
from stored as cur
left join stored as prev
    on prev.municipality_key = cur.municipality_key and prev.family = cur.family and prev.theme = cur.theme
    and prev.fiscal_year = cur.prior_fiscal_year
where cur.initiatives_prior is distinct from prev.initiatives or cur.new_programs_prior is distinct from prev.new_programs
    or cur.relisted_prior is distinct from prev.relisted or cur.amount_yen_prior is distinct from prev.amount_yen
union all
select coalesce(s.municipality_key, coalesce(a.municipality, '')) || ' ' || coalesce(s.family, a.family), 'series bookkeeping differs from dim_document',
    format('documents {}, recorded {}', s.document_count, a.document_count)
from series as s
full outer join agg_theme_year_series as a on coalesce(a.municipality, '') = s.municipality_key and a.family = s.family
where s.document_count is distinct from a.document_count
order by 1, 2
