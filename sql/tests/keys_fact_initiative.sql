-- Every initiative and lineage row has a unique, non-null key, and its required columns are filled.
select 'fact_initiative' as table_name, initiative_id as key, 'null or duplicate key' as problem
from fact_initiative
group by initiative_id
having initiative_id is null or count(*) > 1
union all
select 'fact_initiative', initiative_id, 'null ' || case when document_id is null then 'document_id' when department_id is null then 'department_id' else 'text' end
from fact_initiative
where document_id is null or department_id is null or text is null or trim(text) = ''
union all
select 'bridge_initiative_lineage', initiative_id, 'null or duplicate key'
from bridge_initiative_lineage
group by initiative_id
having initiative_id is null or count(*) > 1
order by 1, 2
