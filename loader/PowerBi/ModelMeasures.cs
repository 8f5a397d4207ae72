namespace BudgetWarehouse.Loader.PowerBi;

/// <summary>
/// The measures of the semantic model, with the same definitions as the report and dashboard SQL: an initiative
/// is a bulleted item that is not listed again (再掲); money is the 'value' yen amounts outside relisted items;
/// achieved share is achieved over planned on the per-policy rows (the total row restates them); year over year
/// compares with the fiscal year before.
/// </summary>
internal static class ModelMeasures
{
    private const string Initiatives = "Initiatives";
    private const string Money = "Money (yen)";
    private const string YoyFolder = "Year over year";

    public static IEnumerable<ModelMeasure> All()
    {
        (string, string)[] initiativeColumns = [("fact_initiative", "kind"), ("fact_initiative", "is_relisted")];
        yield return new("fact_initiative", Initiatives,
            "CALCULATE(COUNTROWS(fact_initiative), fact_initiative[kind] = \"item\", fact_initiative[is_relisted] = FALSE())",
            "#,0", "Initiatives", "Bulleted items, leaving out items listed again (再掲).", initiativeColumns);
        yield return new("fact_initiative", "New programmes",
            "CALCULATE([Initiatives], fact_initiative[is_new_program] = TRUE())",
            "#,0", "Initiatives", "Initiatives that create a new programme (創設・新設).", [.. initiativeColumns, ("fact_initiative", "is_new_program")]);

        (string, string)[] moneyColumns = [("fact_measure", "amount_yen"), ("fact_measure", "unit"), ("fact_measure", "role"), ("fact_measure", "initiative_id"),
            ("fact_initiative", "initiative_id"), ("fact_initiative", "is_relisted")];
        yield return new("fact_measure", Money,
            "VAR relisted = CALCULATETABLE(VALUES(fact_initiative[initiative_id]), fact_initiative[is_relisted] = TRUE()) " +
            "RETURN CALCULATE(SUM(fact_measure[amount_yen]), fact_measure[unit] = \"JPY\", fact_measure[role] = \"value\", NOT (fact_measure[initiative_id] IN relisted))",
            "#,0", "Money", "Yen amounts stated as values (not components, totals or thresholds), leaving out items listed again (再掲).", moneyColumns);

        (string, string)[] planColumns = [("fact_plan_achievement", "items_planned"), ("fact_plan_achievement", "items_achieved"), ("fact_plan_achievement", "row_kind")];
        yield return new("fact_plan_achievement", "Items planned",
            "CALCULATE(SUM(fact_plan_achievement[items_planned]), fact_plan_achievement[row_kind] = \"policy\")",
            "#,0", "Plan achievement", "Plan items planned, summed over the per-policy rows.", planColumns);
        yield return new("fact_plan_achievement", "Items achieved",
            "CALCULATE(SUM(fact_plan_achievement[items_achieved]), fact_plan_achievement[row_kind] = \"policy\")",
            "#,0", "Plan achievement", "Plan items achieved, summed over the per-policy rows.", planColumns);
        yield return new("fact_plan_achievement", "Achieved share",
            "DIVIDE([Items achieved], [Items planned])",
            "0.0%", "Plan achievement", "Items achieved over items planned (recomputed, not the printed rate).", planColumns);

        foreach (var (table, measure, columns) in new[] { ("fact_initiative", Initiatives, initiativeColumns), ("fact_measure", Money, moneyColumns) })
        {
            (string, string)[] withYear = [.. columns, (SemanticModel.FiscalYearTable, "fiscal_year")];
            var prior = $"CALCULATE({Ref(measure)}, REMOVEFILTERS({SemanticModel.FiscalYearTable}), {SemanticModel.FiscalYearTable}[fiscal_year] = fy - 1)";
            yield return new(table, $"{measure} YoY change",
                $"VAR fy = MAX({SemanticModel.FiscalYearTable}[fiscal_year]) VAR prior = {prior} RETURN IF(NOT ISBLANK(prior), {Ref(measure)} - prior)",
                "+#,0;-#,0;0", YoyFolder, $"{measure} in the fiscal year minus the fiscal year before.", withYear);
            yield return new(table, $"{measure} YoY %",
                $"VAR fy = MAX({SemanticModel.FiscalYearTable}[fiscal_year]) VAR prior = {prior} RETURN DIVIDE({Ref(measure)} - prior, prior)",
                "+0.0%;-0.0%;0.0%", YoyFolder, $"{measure} change over the fiscal year before, as a share of it.", withYear);
        }
    }

    private static string Ref(string measure) => "[" + measure.Replace("]", "]]", StringComparison.Ordinal) + "]";
}
