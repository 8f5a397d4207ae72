-- Every initiative points at an existing document, fiscal year, policy node (of its own document),
-- department and parent item.
with i as (select * from fact_initiative)

select i.initiative_id, 'document_id' as column_name, i.document_id as missing_key
from i where i.document_id not in (select document_id from dim_document)
union all
select i.initiative_id, 'fiscal_year', cast(i.fiscal_year as varchar)
from i where i.fiscal_year not in (select fiscal_year from dim_fiscal_year)
union all
select i.initiative_id, 'policy_id', i.policy_id
from i where i.policy_id is not null
    and i.policy_id not in (select policy_id from dim_policy as p where p.document_id = i.document_id)
union all
select i.initiative_id, 'department_id', i.department_id
from i where i.department_id not in (select department_id from dim_department)
union all
select i.initiative_id, 'parent_initiative_id', i.parent_initiative_id
from i where i.parent_initiative_id is not null
    and i.parent_initiative_id not in (select initiative_id from fact_initiative where kind = 'item')
union all
select b.initiative_id, 'bridge_initiative_lineage.initiative_id', b.initiative_id
from bridge_initiative_lineage as b where b.initiative_id not in (select initiative_id from fact_initiative)
union all
select b.initiative_id, 'bridge_initiative_lineage.prior_initiative_id', b.prior_initiative_id
from bridge_initiative_lineage as b
where b.prior_initiative_id is not null and b.prior_initiative_id not in (select initiative_id from bridge_initiative_lineage)
order by 1, 2
