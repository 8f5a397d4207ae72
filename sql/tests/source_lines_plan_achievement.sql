-- Every plan-achievement row points at a line that exists in its document.
-- requires: fact_plan_achievement
select a.achievement_id, a.source_line as line, d.line_count
from fact_plan_achievement as a inner join dim_document as d using (document_id)
where a.source_line is null or a.source_line not between 1 and d.line_count
order by 1
