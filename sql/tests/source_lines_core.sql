-- Every policy heading and initiative points at lines that exist in its document (1 … dim_document.line_count).
select 'dim_policy' as table_name, p.policy_id as key, p.source_line as line, d.line_count
from dim_policy as p inner join dim_document as d using (document_id)
where p.source_line not between 1 and d.line_count
union all
select 'fact_initiative', i.initiative_id, i.source_line_start, d.line_count
from fact_initiative as i inner join dim_document as d using (document_id)
where i.source_line_start not between 1 and d.line_count
    or i.source_line_end not between i.source_line_start and d.line_count
order by 1, 2
