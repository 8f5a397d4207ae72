-- Every lineage row has a unique initiative, and every link points at an initiative of the previous loaded year of
-- the same series that is itself in the lineage.
-- requires: bridge_initiative_lineage
select initiative_id as key, 'duplicate initiative' as problem
from bridge_initiative_lineage
group by initiative_id
having count(*) > 1
union all
select b.initiative_id, 'prior initiative not in the lineage of the same series and an earlier year'
from bridge_initiative_lineage as b
left join bridge_initiative_lineage as p on p.initiative_id = b.prior_initiative_id
where b.prior_initiative_id is not null
    and (p.initiative_id is null or p.family <> b.family or p.municipality is distinct from b.municipality
        or p.fiscal_year <> b.prior_fiscal_year or p.fiscal_year >= b.fiscal_year or p.lineage_id <> b.lineage_id)
order by 1
