-- Every policy node points at an existing document, fiscal year and parent node of the same document.
select p.policy_id, 'document_id' as column_name, p.document_id as missing_key
from dim_policy as p where p.document_id not in (select document_id from dim_document)
union all
select p.policy_id, 'fiscal_year', cast(p.fiscal_year as varchar)
from dim_policy as p where p.fiscal_year not in (select fiscal_year from dim_fiscal_year)
union all
select p.policy_id, 'parent_policy_id', p.parent_policy_id
from dim_policy as p
where p.parent_policy_id is not null
    and p.parent_policy_id not in (select policy_id from dim_policy as q where q.document_id = p.document_id)
union all
select d.document_id, 'dim_document.fiscal_year', cast(d.fiscal_year as varchar)
from dim_document as d where d.fiscal_year not in (select fiscal_year from dim_fiscal_year)
order by 1, 2
