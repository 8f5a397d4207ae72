-- Cross-year lineage: link each bulleted initiative to the same undertaking in the previous loaded fiscal year
-- of the same municipality and document family, then give every chain of links one lineage_id. The year is the
-- document's: a progress report that lists last year's results and this year's additions is one year of its
-- series, so its items are compared with the previous report's, not with each other.
--
-- Wording drifts from year to year (金沢外環状道路の整備を推進 → 金沢外環状道路海側幹線4期区間の整備を推進), so
-- texts are compared on a core: bracketed annotations ((令和3年春開設予定), 【数値目標】), spaces and punctuation
-- and the closing verb phrase (の整備を推進, に着手, を支援 …) are removed, because those change with the stage
-- of the work, not with the undertaking. Two cores match when
--   * the Dice coefficient of their character-bigram sets is at least 0.6, or
--   * one contains the other and the shorter has at least 5 characters (a project narrowed to its next phase),
-- and the policy themes agree (when both are known). Each initiative keeps only its best match, and only when
-- it is also that match's best (mutual best), so one undertaking never splits or merges.
-- Relisted items (再掲) repeat an item of the same year and are left out. A gap year ends a lineage.
-- Rerunnable: the table is rebuilt from the facts on every load. Numbered to run after every other load
-- script, so that themes or departments derived in SQL are in place first.
delete from bridge_initiative_lineage;

insert into bridge_initiative_lineage
with recursive items as (
    select
        i.initiative_id,
        d.fiscal_year,
        i.seq,
        coalesce(d.municipality, '') as municipality_key,
        d.municipality,
        d.family,
        p.theme,
        regexp_replace(
            regexp_replace(i.text, '\([^)]*\)|【[^】]*】|〔[^〕]*〕|\[[^\]]*\]', '', 'g'),
            '[\s、。,.・:;!?「」『』"''〜~-]', '', 'g') as flat_text
    from fact_initiative as i
    inner join dim_document as d on d.document_id = i.document_id
    left join dim_policy as p on p.policy_id = i.policy_id
    where i.kind = 'item' and not i.is_relisted
),

cored as (
    select
        *,
        regexp_replace(flat_text,
            '((の|を|に|へ|と|で)?(整備|推進|着手|実施|創設|新設|拡充|支援|開催|策定|検討|完了|充実|強化|促進|継続|展開|運営|導入|設置|開設|本格化|確保|取り組み|取組|進める|図る|行う))+$', '') as stripped
    from items
),

-- item_no and series_year are integer stand-ins for the initiative id and the (municipality, family, year):
-- the pair search below groups millions of pairs at national scale, and integer keys keep that hash
-- aggregation a fraction of the size and time of one keyed on strings.
core as (
    select
        * exclude (stripped),
        case when length(stripped) >= 3 then stripped else flat_text end as core_text,
        row_number() over (order by initiative_id) as item_no,
        dense_rank() over (order by municipality_key, family, fiscal_year) as series_year
    from cored
),

grams as (
    select distinct item_no, series_year, substr(core_text, k, 2) as gram
    from (select item_no, series_year, core_text, unnest(range(1, length(core_text))) as k from core)
),

gram_counts as (
    select item_no, count(*) as gram_count from grams group by item_no
),

years as (
    select municipality_key, family, fiscal_year, series_year,
        lag(fiscal_year) over (partition by municipality_key, family order by fiscal_year) as prior_fiscal_year,
        lag(series_year) over (partition by municipality_key, family order by fiscal_year) as prior_series_year
    from (select distinct municipality_key, family, fiscal_year, series_year from core)
),

-- Pairs of an initiative and one of the previous year's that share at least one bigram, with the count shared.
candidates as (
    select
        ga.item_no,
        gb.item_no as prior_item_no,
        count(*) as shared
    from (select g.*, y.prior_series_year from grams as g inner join years as y using (series_year)) as ga
    inner join grams as gb on gb.gram = ga.gram and gb.series_year = ga.prior_series_year
    group by all
),

scored as (
    select
        a.initiative_id,
        b.initiative_id as prior_initiative_id,
        b.fiscal_year as prior_fiscal_year,
        c.shared,
        2.0 * c.shared / (na.gram_count + nb.gram_count) as similarity,
        case
            when 2.0 * c.shared / (na.gram_count + nb.gram_count) >= 0.6 then 'dice'
            when least(length(a.core_text), length(b.core_text)) >= 5
                and (contains(a.core_text, b.core_text) or contains(b.core_text, a.core_text)) then 'containment'
        end as link_rule,
        a.seq,
        b.seq as prior_seq
    from candidates as c
    inner join gram_counts as na on na.item_no = c.item_no
    inner join gram_counts as nb on nb.item_no = c.prior_item_no
    inner join core as a on a.item_no = c.item_no
    inner join core as b on b.item_no = c.prior_item_no
    where a.theme is null or b.theme is null or a.theme = b.theme
),

qualified as (
    select
        *,
        row_number() over (partition by initiative_id order by similarity desc, prior_seq) as rank_for_current,
        row_number() over (partition by prior_initiative_id order by similarity desc, seq) as rank_for_prior
    from scored
    where link_rule is not null
),

links as (
    select initiative_id, prior_initiative_id, prior_fiscal_year, similarity, link_rule
    from qualified
    where rank_for_current = 1 and rank_for_prior = 1
),

chains as (
    select c.initiative_id, c.initiative_id as root_id
    from core as c
    where c.initiative_id not in (select initiative_id from links)
    union all
    select l.initiative_id, ch.root_id
    from links as l
    inner join chains as ch on ch.initiative_id = l.prior_initiative_id
),

final as (
    select
        c.initiative_id,
        'L-' || ch.root_id as lineage_id,
        c.municipality,
        c.family,
        c.fiscal_year,
        l.prior_initiative_id,
        l.prior_fiscal_year,
        l.similarity,
        coalesce(l.link_rule, 'first') as link_rule,
        c.core_text
    from core as c
    inner join chains as ch on ch.initiative_id = c.initiative_id
    left join links as l on l.initiative_id = c.initiative_id
)

select * from final
order by initiative_id;
