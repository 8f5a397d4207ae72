-- v_function_year: one row per municipality, document family, budget function (款 of 目的別歳出, dim_function) and
-- fiscal year loaded for that series: initiatives, new programmes, relisted items and money, each with the prior
-- loaded year's value, the delta and the % change (v_theme_year's figures, by 款 instead of theme). Every 款 has a row
-- in every loaded year of the series (zeros when absent), so a 款 that disappears still shows its drop.
-- v_money_by_function: the money of the budget documents per municipality, fiscal year and 款, with the change on the
-- prior loaded year: the same figure for every municipality, whatever its policy titles.
-- requires: dim_function
create or replace view v_function_year as
with

documents as (
    select document_id, municipality, family, fiscal_year from dim_document
),

functions as (
    select function_id, code, name from dim_function
),

initiatives as (
    select initiative_id, document_id, fiscal_year, function_id, kind, is_new_program, is_relisted from fact_initiative
),

series_years as (
    -- every fiscal year a document or an initiative of the series refers to (a progress report carries several)
    select distinct d.municipality, d.family, y.fiscal_year
    from documents as d
    inner join (
        select document_id, fiscal_year from documents
        union select document_id, fiscal_year from initiatives
    ) as y on y.document_id = d.document_id
),

grid as (
    select s.municipality, s.family, s.fiscal_year, f.function_id, f.code, f.name
    from series_years as s
    cross join functions as f
),

items as (
    select
        d.municipality,
        d.family,
        i.fiscal_year,
        i.function_id,
        count(*) filter (where not i.is_relisted) as initiatives,
        count(*) filter (where i.is_new_program and not i.is_relisted) as new_programs,
        count(*) filter (where i.is_relisted) as relisted
    from initiatives as i
    inner join documents as d on d.document_id = i.document_id
    where i.kind = 'item'
    group by all
),

money as (
    -- role 'value' only: components (うち…), totals and benchmarks restate other amounts; 再掲 items left out
    select
        d.municipality,
        d.family,
        m.fiscal_year,
        m.function_id,
        cast(sum(m.amount_yen) as bigint) as amount_yen,
        count(*) as amounts
    from fact_measure as m
    inner join documents as d on d.document_id = m.document_id
    left join initiatives as i on i.initiative_id = m.initiative_id
    where m.unit = 'JPY' and m.role = 'value' and m.amount_yen is not null and not coalesce(i.is_relisted, false)
    group by all
),

joined as (
    select
        g.municipality,
        g.family,
        g.fiscal_year,
        g.function_id,
        g.code as function_code,
        g.name as function_name,
        cast(coalesce(it.initiatives, 0) as bigint) as initiatives,
        cast(coalesce(it.new_programs, 0) as bigint) as new_programs,
        cast(coalesce(it.relisted, 0) as bigint) as relisted,
        cast(coalesce(mo.amount_yen, 0) as bigint) as amount_yen,
        cast(coalesce(mo.amounts, 0) as bigint) as amounts
    from grid as g
    left join items as it
        on it.municipality is not distinct from g.municipality and it.family = g.family
        and it.fiscal_year = g.fiscal_year and it.function_id = g.function_id
    left join money as mo
        on mo.municipality is not distinct from g.municipality and mo.family = g.family
        and mo.fiscal_year = g.fiscal_year and mo.function_id = g.function_id
),

with_prior as (
    select
        *,
        lag(fiscal_year) over series as prior_fiscal_year,
        lag(initiatives) over series as initiatives_prior,
        lag(new_programs) over series as new_programs_prior,
        lag(relisted) over series as relisted_prior,
        lag(amount_yen) over series as amount_yen_prior
    from joined
    window series as (partition by municipality, family, function_id order by fiscal_year)
),

final as (
    select
        municipality,
        family,
        function_id,
        function_code,
        function_name,
        fiscal_year,
        prior_fiscal_year,
        initiatives,
        initiatives_prior,
        initiatives - initiatives_prior as initiatives_delta,
        round(100.0 * (initiatives - initiatives_prior) / nullif(initiatives_prior, 0), 1) as initiatives_pct_change,
        new_programs,
        new_programs_prior,
        new_programs - new_programs_prior as new_programs_delta,
        round(100.0 * (new_programs - new_programs_prior) / nullif(new_programs_prior, 0), 1) as new_programs_pct_change,
        relisted,
        relisted_prior,
        relisted - relisted_prior as relisted_delta,
        round(100.0 * (relisted - relisted_prior) / nullif(relisted_prior, 0), 1) as relisted_pct_change,
        amounts,
        amount_yen,
        amount_yen_prior,
        amount_yen - amount_yen_prior as amount_yen_delta,
        round(100.0 * (amount_yen - amount_yen_prior) / nullif(amount_yen_prior, 0), 1) as amount_yen_pct_change
    from with_prior
)

select * from final
order by municipality, family, fiscal_year, function_code nulls last;

comment on view v_function_year is 'One row per municipality, family, budget function (款) and loaded fiscal year: initiatives, new programmes, relisted items and money, with the prior loaded year, delta and % change.';
comment on column v_function_year.function_id is 'Budget function (dim_function): F01 議会費 … F14 予備費, unknown for items no 款 was found for.';
comment on column v_function_year.function_code is 'Position of the 款 in the national classification (1 議会費 … 14 予備費); null for unknown.';
comment on column v_function_year.function_name is 'The 款, e.g. 民生費; (不明) for unknown.';
comment on column v_function_year.prior_fiscal_year is 'The previous fiscal year loaded for the same municipality and family; null in the first year.';
comment on column v_function_year.initiatives is 'Bulleted initiatives (kind item) of the 款, relisted ones (再掲) left out.';
comment on column v_function_year.new_programs is 'Initiatives that create a programme (創設/新設), relisted ones left out.';
comment on column v_function_year.relisted is 'Relisted initiatives (再掲).';
comment on column v_function_year.amounts is 'Money measures summed into amount_yen.';
comment on column v_function_year.amount_yen is 'Money stated under the 款 (fact_measure, unit JPY, role value, relisted items left out), in yen; 0 when none.';
comment on column v_function_year.amount_yen_pct_change is 'Change from the prior loaded year in percent, one decimal; null when the prior value is 0 or absent.';

create or replace view v_money_by_function as
with

budget as (
    select * from v_function_year where family = 'budget_priorities'
),

final as (
    select
        municipality,
        fiscal_year,
        function_id,
        function_code,
        function_name,
        initiatives,
        amounts,
        amount_yen,
        prior_fiscal_year,
        amount_yen_prior,
        amount_yen_delta,
        amount_yen_pct_change
    from budget
)

select * from final
order by municipality, fiscal_year, function_code nulls last;

comment on view v_money_by_function is 'One row per municipality, fiscal year of its budget documents (family budget_priorities) and budget function (款, every 款 of dim_function): money stated and its change on the prior loaded year.';
comment on column v_money_by_function.function_id is 'Budget function (dim_function): F01 議会費 … F14 予備費, unknown for money of items no 款 was found for.';
comment on column v_money_by_function.function_name is 'The 款, e.g. 民生費.';
comment on column v_money_by_function.initiatives is 'Bulleted initiatives of the 款, relisted ones left out.';
comment on column v_money_by_function.amounts is 'Money measures summed into amount_yen.';
comment on column v_money_by_function.amount_yen is 'Money stated under the 款 (fact_measure, unit JPY, role value, relisted items left out), in yen; 0 when none.';
comment on column v_money_by_function.prior_fiscal_year is 'The previous fiscal year of the municipality''s budget documents; null in the first year.';
comment on column v_money_by_function.amount_yen_delta is 'amount_yen minus amount_yen_prior.';
comment on column v_money_by_function.amount_yen_pct_change is 'Change from the prior loaded year in percent, one decimal; null when the prior value is 0 or absent.';
