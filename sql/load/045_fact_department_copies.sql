-- Facts derived from an initiative carry the initiative's department (after 040 has settled it).
update fact_measure as m
set department_id = f.department_id
from fact_initiative as f
where f.initiative_id = m.initiative_id and m.department_id <> f.department_id;

update fact_milestone as m
set department_id = f.department_id
from fact_initiative as f
where f.initiative_id = m.initiative_id and m.department_id <> f.department_id;
