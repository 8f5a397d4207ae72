-- Question: what opens, completes or starts in the fiscal year after the document's year (開設, 完成, 供用開始,
-- 分譲開始 …), in date order? Grain: one row per milestone falling in the next fiscal year.
-- requires: v_milestone_calendar
select
    municipality,
    document_fiscal_year,
    event_fiscal_year,
    start_date,
    precision,
    event,
    is_planned,
    initiative_text,
    file_name,
    source_line
from v_milestone_calendar
where event_fiscal_year = document_fiscal_year + 1
order by municipality, document_fiscal_year, start_date, source_line, milestone_id;
