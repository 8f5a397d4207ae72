-- Enumerated columns of the documents, policies and initiatives hold only their documented values.
select 'dim_document.family' as column_name, document_id as key, family as value
from dim_document where family not in ('budget_priorities', 'plan_progress')
union all
select 'dim_document.fiscal_year_source', document_id, fiscal_year_source
from dim_document where fiscal_year_source not in ('manifest', 'inferred')
union all
select 'dim_document.family_source', document_id, family_source
from dim_document where family_source not in ('manifest', 'inferred')
union all
select 'dim_policy.level', policy_id, cast(level as varchar)
from dim_policy where level not between 1 and 6
union all
select 'fact_initiative.kind', initiative_id, kind
from fact_initiative where kind not in ('item', 'detail', 'summary')
union all
select 'fact_initiative.department_method', initiative_id, department_method
from fact_initiative where department_method not in ('explicit', 'rule', 'none')
union all
select 'fact_initiative.kind/parent', initiative_id, kind
from fact_initiative where (kind = 'detail') <> (parent_initiative_id is not null)
union all
select 'fact_source_line.role', document_id || ':' || source_line, role
from fact_source_line where role not in ('heading', 'item', 'detail', 'table_row', 'prose', 'chrome', 'unrecognised')
union all
select 'bridge_initiative_lineage.link_rule', initiative_id, link_rule
from bridge_initiative_lineage where link_rule not in ('first', 'dice', 'containment')
order by 1, 2
