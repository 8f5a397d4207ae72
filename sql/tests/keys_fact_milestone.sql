-- Every milestone has a unique, non-null key and a start date.
-- requires: fact_milestone
select milestone_id, 'null or duplicate key' as problem from fact_milestone group by milestone_id having milestone_id is null or count(*) > 1
union all
select milestone_id, 'no start_date' from fact_milestone where start_date is null
union all
select milestone_id, 'end_date before start_date' from fact_milestone where end_date < start_date
order by 1
