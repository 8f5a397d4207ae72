-- Question: how much money (yen) is stated under each budget function (款 of 目的別歳出) in each fiscal year, and
-- how many initiatives? (Chart "money by function" of `bw report`: one bar per row.)
-- Grain: one row per fiscal year and 款 that has money or an initiative in the budget documents, summed over the
-- municipalities (v_money_by_function keeps them apart, with the change on the prior year). Money is fact_measure
-- role 'value' in yen, relisted items (再掲) left out.
with by_function as (
    select fiscal_year, function_code, function_name, initiatives, amount_yen
    from v_money_by_function
),

final as (
    select
        fiscal_year,
        function_code,
        function_name,
        cast(sum(initiatives) as bigint) as initiatives,
        cast(sum(amount_yen) as bigint) as amount_yen
    from by_function
    group by all
    having sum(initiatives) > 0 or sum(amount_yen) <> 0
)

select * from final
order by function_code nulls last, fiscal_year;
