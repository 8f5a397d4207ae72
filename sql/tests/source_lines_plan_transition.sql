-- Every plan-transition row points at a line that exists in its document.
-- requires: fact_plan_transition
select t.transition_id, t.source_line as line, d.line_count
from fact_plan_transition as t inner join dim_document as d using (document_id)
where t.source_line is null or t.source_line not between 1 and d.line_count
order by 1
