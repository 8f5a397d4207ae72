-- Milestones: precision holds its documented values.
-- requires: fact_milestone
select milestone_id, 'precision' as column_name, precision as value
from fact_milestone
where precision is null or precision not in ('day', 'month', 'season', 'fiscal_year', 'year')
order by 1
