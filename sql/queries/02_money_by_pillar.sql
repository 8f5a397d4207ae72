-- Question: how much money does each pillar (基本方針) of the budget priorities state, per fiscal year?
-- Money = quantities in yen with role value (components, うち…, are parts of a value); relisted items (再掲)
-- left out, so nothing counts twice.
-- Grain: one row per municipality, fiscal year and pillar.
-- requires: v_measure
select
    municipality,
    fiscal_year,
    coalesce(pillar_title, '(文書全体)') as pillar_title,
    count(*) as amounts,
    cast(sum(amount_yen) as bigint) as amount_yen,
    round(sum(amount_yen) / 1e8, 1) as amount_oku_yen
from v_measure
where unit = 'JPY' and role = 'value' and not is_relisted
group by all
order by municipality, fiscal_year, amount_yen desc, pillar_title;
