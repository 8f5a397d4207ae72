-- Question: which stated amounts of money make up the pillar totals, and where is each printed?
-- (Table under the "money by pillar" chart of `bw report`, each row with its source lines.)
-- Grain: one row per money measure (unit 'JPY') of any role, largest first, so that components and
-- totals can be read next to the values they belong to.
with final as (
    select
        m.measure_id,
        m.fiscal_year,
        coalesce(p.pillar_title, '(方針外)') as pillar_title,
        m.label,
        m.role,
        m.amount_yen,
        m.is_approximate,
        m.raw_text,
        d.file_name,
        m.source_page,
        m.source_line,
        p.path as policy_path,
        coalesce(i.parent_initiative_id, i.initiative_id) as item_id
    from fact_measure as m
    inner join dim_document as d on d.document_id = m.document_id
    left join dim_policy as p on p.policy_id = m.policy_id
    left join fact_initiative as i on i.initiative_id = m.initiative_id
    where m.unit = 'JPY'
)

select * from final
order by fiscal_year, amount_yen desc nulls last, file_name, source_line;
