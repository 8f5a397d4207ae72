-- Every milestone points at a line that exists in its document.
-- requires: fact_milestone
select m.milestone_id, m.source_line as line, d.line_count
from fact_milestone as m inner join dim_document as d using (document_id)
where m.source_line is null or m.source_line not between 1 and d.line_count
order by 1
