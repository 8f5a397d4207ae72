-- is_current: the row is valid in the latest fiscal year any document was loaded for.
update dim_department
set is_current = (valid_from_fy is null or valid_from_fy <= latest.fiscal_year)
    and (valid_to_fy is null or valid_to_fy >= latest.fiscal_year)
from (select max(fiscal_year) as fiscal_year from dim_document) as latest
where department_id <> 'unknown';
