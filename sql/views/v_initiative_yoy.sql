-- v_initiative_yoy: one row per undertaking (lineage) per pair of consecutive loaded fiscal years of the same
-- municipality and document family: new (only in the later year), continued (in both) or dropped (only in
-- the earlier year), with both years' texts side by side.
-- requires: bridge_initiative_lineage
create or replace view v_initiative_yoy as
with lineage as (
    select
        b.initiative_id,
        b.lineage_id,
        coalesce(b.municipality, '') as municipality_key,
        b.municipality,
        b.family,
        b.fiscal_year,
        b.similarity,
        b.link_rule,
        i.text,
        i.action,
        i.is_new_program,
        p.theme
    from bridge_initiative_lineage as b
    inner join fact_initiative as i on i.initiative_id = b.initiative_id
    left join dim_policy as p on p.policy_id = i.policy_id
),

years as (
    select
        municipality_key,
        municipality,
        family,
        fiscal_year,
        lag(fiscal_year) over (partition by municipality_key, family order by fiscal_year) as prior_fiscal_year
    -- the years the lineage compared: the documents' fiscal years
    from (select distinct coalesce(municipality, '') as municipality_key, municipality, family, fiscal_year from bridge_initiative_lineage)
),

pairs as (
    select * from years where prior_fiscal_year is not null
),

current_year as (
    select y.fiscal_year as pair_year, l.*
    from pairs as y
    inner join lineage as l on l.municipality_key = y.municipality_key and l.family = y.family and l.fiscal_year = y.fiscal_year
),

prior_year as (
    select y.fiscal_year as pair_year, l.*
    from pairs as y
    inner join lineage as l on l.municipality_key = y.municipality_key and l.family = y.family and l.fiscal_year = y.prior_fiscal_year
),

final as (
    select
        y.municipality,
        y.family,
        y.fiscal_year,
        y.prior_fiscal_year,
        coalesce(c.lineage_id, p.lineage_id) as lineage_id,
        case when p.lineage_id is null then 'new' when c.lineage_id is null then 'dropped' else 'continued' end as status,
        c.initiative_id,
        p.initiative_id as prior_initiative_id,
        c.text,
        p.text as prior_text,
        coalesce(c.theme, p.theme) as theme,
        c.action,
        p.action as prior_action,
        coalesce(c.is_new_program, false) as is_new_program,
        case when c.lineage_id is not null and p.lineage_id is not null then c.similarity end as similarity,
        case when c.lineage_id is not null and p.lineage_id is not null then c.link_rule end as link_rule
    from current_year as c
    full outer join prior_year as p
        on p.lineage_id = c.lineage_id
        and p.pair_year = c.pair_year
        and p.municipality_key = c.municipality_key
        and p.family = c.family
    inner join pairs as y
        on y.fiscal_year = coalesce(c.pair_year, p.pair_year)
        and y.municipality_key = coalesce(c.municipality_key, p.municipality_key)
        and y.family = coalesce(c.family, p.family)
)

select * from final;

comment on view v_initiative_yoy is 'One row per undertaking (lineage) per pair of consecutive loaded fiscal years of a municipality and family: new, continued or dropped.';
comment on column v_initiative_yoy.fiscal_year is 'The later year of the pair.';
comment on column v_initiative_yoy.prior_fiscal_year is 'The earlier year of the pair (the previous loaded year; a gap year is skipped).';
comment on column v_initiative_yoy.status is 'new (only in fiscal_year), continued (in both years) or dropped (only in prior_fiscal_year).';
comment on column v_initiative_yoy.initiative_id is 'The initiative in fiscal_year; null when dropped.';
comment on column v_initiative_yoy.prior_initiative_id is 'The initiative in prior_fiscal_year; null when new.';
comment on column v_initiative_yoy.similarity is 'Dice similarity of the two core texts when continued.';
comment on column v_initiative_yoy.link_rule is 'dice or containment when continued.';
