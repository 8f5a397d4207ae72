-- Question: how much money (yen) does each budget function (款 of 目的別歳出: 民生費, 土木費, 教育費 …) get in each
-- municipality and fiscal year, and how did it change from the year before? The 款 are the same for every
-- municipality, so this compares municipalities whose policy titles differ.
-- Grain: one row per municipality, fiscal year of its budget documents and 款 (every 款, 0 when none; 'unknown' for
-- money of items no 款 was found for). Money is fact_measure role 'value' in yen, relisted items (再掲) left out.
-- The figures are v_money_by_function's; this query names them for the notebook.
-- requires: v_money_by_function
with final as (
    select
        municipality,
        fiscal_year,
        function_code,
        function_name,
        initiatives,
        amount_yen,
        prior_fiscal_year,
        amount_yen_prior as prior_amount_yen,
        amount_yen_delta,
        amount_yen_pct_change as amount_change_pct
    from v_money_by_function
)

select * from final
order by municipality, fiscal_year, function_code nulls last;
