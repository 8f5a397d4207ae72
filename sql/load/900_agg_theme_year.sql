-- agg_theme_year (read by v_theme_year): initiatives, new programmes, relisted items and money per municipality,
-- family, theme and loaded fiscal year, with the prior loaded year's values. Every figure stays within one series
-- (a municipality's documents of one family), so only the series whose documents changed since the rows were
-- computed are recomputed: a document added or removed, or one whose bytes, file name or manifest row changed,
-- compared through the fingerprints in agg_theme_year_series. (A change of the loader, its SQL or the reference data
-- makes the loader build a fresh database, which has no fingerprints: every series is computed there.)
-- requires: agg_theme_year, agg_theme_year_series, fact_measure
create or replace temporary table theme_year_series as
select
    coalesce(municipality, '') as municipality_key,
    max(municipality) as municipality,
    family,
    cast(count(*) as integer) as document_count,
    md5(string_agg(concat_ws('/', document_id, file_name, fiscal_year, coalesce(title, '')), ',' order by document_id)) as documents_fingerprint
from dim_document
group by coalesce(municipality, ''), family;

create or replace temporary table theme_year_pending as
select s.municipality_key, s.family
from theme_year_series as s
left join agg_theme_year_series as a
    on coalesce(a.municipality, '') = s.municipality_key and a.family = s.family
where a.documents_fingerprint is distinct from s.documents_fingerprint
union
select coalesce(a.municipality, ''), a.family
from agg_theme_year_series as a
left join theme_year_series as s
    on s.municipality_key = coalesce(a.municipality, '') and s.family = a.family
where s.family is null;

delete from agg_theme_year as a
using theme_year_pending as p
where coalesce(a.municipality, '') = p.municipality_key and a.family = p.family;

delete from agg_theme_year_series as a
using theme_year_pending as p
where coalesce(a.municipality, '') = p.municipality_key and a.family = p.family;

insert into agg_theme_year by name
with documents as (
    -- the documents of the series to recompute
    select d.document_id, p.municipality_key, d.municipality, d.family, d.fiscal_year
    from dim_document as d
    inner join theme_year_pending as p on p.municipality_key = coalesce(d.municipality, '') and p.family = d.family
),

policies as (
    select p.policy_id, p.theme
    from dim_policy as p
    where p.document_id in (select document_id from documents)
),

initiatives as (
    select i.initiative_id, i.document_id, i.fiscal_year, i.policy_id, i.kind, i.is_new_program, i.is_relisted
    from fact_initiative as i
    where i.document_id in (select document_id from documents)
),

measures as (
    select m.document_id, m.fiscal_year, m.policy_id, m.initiative_id, m.amount_yen
    from fact_measure as m
    where m.document_id in (select document_id from documents) and m.unit = 'JPY' and m.role = 'value'
),

series_years as (
    -- every fiscal year a document, an initiative or an amount of the series refers to (a progress report
    -- carries several reporting years)
    select distinct d.municipality_key, d.municipality, d.family, y.fiscal_year
    from documents as d
    inner join (
        select document_id, fiscal_year from documents
        union select document_id, fiscal_year from initiatives
        union select document_id, fiscal_year from fact_measure where document_id in (select document_id from documents)
    ) as y on y.document_id = d.document_id
),

items as (
    select
        d.municipality_key,
        d.family,
        i.fiscal_year,
        coalesce(p.theme, '(未分類)') as theme,
        i.is_new_program,
        i.is_relisted
    from initiatives as i
    inner join documents as d on d.document_id = i.document_id
    left join policies as p on p.policy_id = i.policy_id
    where i.kind = 'item'
),

money as (
    select
        d.municipality_key,
        d.family,
        m.fiscal_year,
        coalesce(p.theme, '(未分類)') as theme,
        cast(sum(m.amount_yen) as bigint) as amount_yen
    from measures as m
    inner join documents as d on d.document_id = m.document_id
    left join policies as p on p.policy_id = m.policy_id
    left join initiatives as i on i.initiative_id = m.initiative_id
    where not coalesce(i.is_relisted, false)
    group by all
),

counts as (
    select
        municipality_key,
        family,
        fiscal_year,
        theme,
        count(*) filter (where not is_relisted) as initiatives,
        count(*) filter (where is_new_program and not is_relisted) as new_programs,
        count(*) filter (where is_relisted) as relisted
    from items
    group by all
),

themes as (
    select municipality_key, family, theme from counts
    union
    select municipality_key, family, theme from money
),

spine as (
    select y.municipality_key, y.municipality, y.family, y.fiscal_year, t.theme,
        lag(y.fiscal_year) over (partition by y.municipality_key, y.family, t.theme order by y.fiscal_year) as prior_fiscal_year
    from series_years as y
    inner join themes as t on t.municipality_key = y.municipality_key and t.family = y.family
),

filled as (
    select
        s.municipality,
        s.family,
        s.theme,
        s.fiscal_year,
        s.prior_fiscal_year,
        coalesce(c.initiatives, 0) as initiatives,
        coalesce(c.new_programs, 0) as new_programs,
        coalesce(c.relisted, 0) as relisted,
        coalesce(m.amount_yen, 0) as amount_yen,
        s.municipality_key
    from spine as s
    left join counts as c using (municipality_key, family, fiscal_year, theme)
    left join money as m using (municipality_key, family, fiscal_year, theme)
),

final as (
    select
        cur.municipality,
        cur.family,
        cur.theme,
        cur.fiscal_year,
        cur.prior_fiscal_year,
        cur.initiatives,
        prev.initiatives as initiatives_prior,
        cur.initiatives - prev.initiatives as initiatives_delta,
        round(100.0 * (cur.initiatives - prev.initiatives) / nullif(prev.initiatives, 0), 1) as initiatives_pct_change,
        cur.new_programs,
        prev.new_programs as new_programs_prior,
        cur.new_programs - prev.new_programs as new_programs_delta,
        round(100.0 * (cur.new_programs - prev.new_programs) / nullif(prev.new_programs, 0), 1) as new_programs_pct_change,
        cur.relisted,
        prev.relisted as relisted_prior,
        cur.relisted - prev.relisted as relisted_delta,
        round(100.0 * (cur.relisted - prev.relisted) / nullif(prev.relisted, 0), 1) as relisted_pct_change,
        cur.amount_yen,
        prev.amount_yen as amount_yen_prior,
        cur.amount_yen - prev.amount_yen as amount_yen_delta,
        round(100.0 * (cur.amount_yen - prev.amount_yen) / nullif(prev.amount_yen, 0), 1) as amount_yen_pct_change
    from filled as cur
    left join filled as prev
        on prev.municipality_key = cur.municipality_key
        and prev.family = cur.family
        and prev.theme = cur.theme
        and prev.fiscal_year = cur.prior_fiscal_year
)

select * from final;

insert into agg_theme_year_series by name
select s.municipality, s.family, s.document_count, s.documents_fingerprint
from theme_year_series as s
inner join theme_year_pending as p using (municipality_key, family);

drop table theme_year_pending;
drop table theme_year_series;
