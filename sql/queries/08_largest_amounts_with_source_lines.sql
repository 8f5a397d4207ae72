-- Question: what are the ten largest amounts of money stated in the documents, and on which line of which
-- file is each printed? Grain: one row per amount (a quantity in yen), largest first.
-- requires: v_measure
select
    fiscal_year,
    amount_yen,
    role,
    label,
    raw_text,
    file_name,
    source_line,
    initiative_text
from v_measure
where unit = 'JPY' and amount_yen is not null
order by amount_yen desc, file_name, source_line, measure_id
limit 10;
