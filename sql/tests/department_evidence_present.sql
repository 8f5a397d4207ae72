-- Every initiative states how its department was found (or why none was).
select initiative_id, department_method
from fact_initiative
where department_evidence is null or department_evidence = ''
    or department_method not in ('explicit', 'rule', 'none')
    or (department_method = 'none') <> (department_id = 'unknown');
