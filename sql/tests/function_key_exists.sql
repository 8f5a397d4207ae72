-- Every initiative and measure points at a dim_function row, states how its function was found, and gives evidence;
-- a measure carries its initiative's function.
select 'fact_initiative' as table_name, f.initiative_id as key, f.function_id, f.function_method
from fact_initiative as f
left join dim_function as d on d.function_id = f.function_id
where d.function_id is null
   or f.function_method not in ('explicit', 'rule', 'none')
   or (f.function_method = 'none') <> (f.function_id = 'unknown')
   or coalesce(f.function_evidence, '') = ''
union all
select 'fact_measure', m.measure_id, m.function_id, m.function_method
from fact_measure as m
inner join fact_initiative as i on i.initiative_id = m.initiative_id
where m.function_id <> i.function_id or m.function_method <> i.function_method
order by 1, 2
