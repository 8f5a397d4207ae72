-- Measures: unit and role hold their documented values; money has amount_yen (unless parse_error says why not), and only money does.
-- requires: fact_measure
select measure_id, 'unit' as column_name, unit as value from fact_measure where unit is null or unit not in ('JPY', 'percent', 'count')
union all
select measure_id, 'role', role from fact_measure
where role is null or role not in ('value', 'threshold', 'benchmark', 'component', 'cumulative', 'total', 'prior_year', 'change', 'per_capita', 'commitment')
union all
select measure_id, 'amount_yen', coalesce(cast(amount_yen as varchar), '(null)') from fact_measure
where (unit = 'JPY' and parse_error is null) <> (amount_yen is not null)
order by 1, 2
