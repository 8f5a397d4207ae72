-- Question: which items are listed again (再掲) under another policy, and where is the original listing?
-- The original is the item of the same document with the same text once the 再掲 mark is removed (match =
-- exact); failing that, the most similar item (Jaro-Winkler ≥ 0.8, match = similar: a relisting that merges
-- or widens items). Grain: one row per relisted item.
-- requires: v_initiative
with relisted as (
    select
        *,
        trim(regexp_replace(text, '\s*(〔再掲〕|\[再掲\]|\(再掲\)|【再掲】)\s*$', '')) as unmarked
    from v_initiative
    where is_relisted
),

originals as (
    select initiative_id, document_id, text, policy_path, source_line_start
    from v_initiative
    where not is_relisted and kind = 'item'
),

scored as (
    select
        r.initiative_id,
        o.policy_path,
        o.source_line_start,
        case when o.text = r.unmarked then 'exact' else 'similar' end as match,
        case when o.text = r.unmarked then 1.0 else jaro_winkler_similarity(o.text, r.unmarked) end as score
    from relisted as r
    inner join originals as o on o.document_id = r.document_id
),

best as (
    select * from scored
    where score >= 0.8
    qualify row_number() over (partition by initiative_id order by score desc, source_line_start) = 1
)

select
    r.fiscal_year,
    r.text,
    r.policy_path as relisted_under,
    r.source_line_start as relisted_line,
    b.policy_path as original_under,
    b.source_line_start as original_line,
    b.match
from relisted as r
left join best as b on b.initiative_id = r.initiative_id
order by r.fiscal_year, r.source_line_start;
