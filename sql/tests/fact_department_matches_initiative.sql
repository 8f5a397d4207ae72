-- Measures and milestones carry the department of their initiative.
select 'fact_measure' as fact, m.measure_id as id
from fact_measure as m
inner join fact_initiative as f on f.initiative_id = m.initiative_id
where m.department_id <> f.department_id
union all
select 'fact_milestone', m.milestone_id
from fact_milestone as m
inner join fact_initiative as f on f.initiative_id = m.initiative_id
where m.department_id <> f.department_id;
