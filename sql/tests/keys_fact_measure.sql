-- Every measure has a unique, non-null key.
-- requires: fact_measure
select measure_id, count(*) as row_count
from fact_measure
group by measure_id
having measure_id is null or count(*) > 1
order by measure_id
