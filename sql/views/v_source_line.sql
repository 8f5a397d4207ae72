-- v_source_line: every non-blank line of every loaded document as printed (fact_source_line), with the text and
-- policy that a line stores only once, in its initiative (fact_initiative.raw_text and policy_id), joined back.
-- requires: fact_source_line, fact_initiative
create or replace view v_source_line as
select
    l.document_id,
    l.fiscal_year,
    l.source_page,
    l.source_line,
    coalesce(l.text, i.raw_text) as text,
    l.role,
    coalesce(l.policy_id, i.policy_id) as policy_id,
    l.initiative_id
from fact_source_line as l
left join fact_initiative as i on i.initiative_id = l.initiative_id;
