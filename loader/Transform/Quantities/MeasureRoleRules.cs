using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>What the figures read so far in an item's group let a new figure refer to.</summary>
internal sealed class RoleContext
{
    /// <summary>The item's last amount stated as a value or total outside parentheses.</summary>
    public int? LastMoneyValue { get; private set; }

    /// <summary>The amount an open breakdown (うち lines) splits, and how much of it is not yet accounted for.</summary>
    public int? BreakdownParent { get; private set; }

    public long BreakdownLeft { get; private set; }

    // Only amounts on their own lines open or continue a breakdown.
    public void Track(QuantityMention m, string role, int? parent, List<ExtractedMeasure> measures, bool inParen)
    {
        if (m.Kind != QuantityKind.Money || inParen)
        {
            return;
        }

        if (role == MeasureRoles.Component && parent is { } p && measures[p].Mention.AmountYen is { } whole)
        {
            if (BreakdownParent != p)
            {
                BreakdownParent = p;
                BreakdownLeft = whole;
            }

            BreakdownLeft -= m.AmountYen ?? 0;
        }
        else if (role is MeasureRoles.Value or MeasureRoles.Total)
        {
            BreakdownParent = null;
        }

        if (role is MeasureRoles.Value or MeasureRoles.Total)
        {
            LastMoneyValue = measures.Count;
        }
    }
}

/// <summary>Decides the role of one figure from the words before and after it and the figures before it.</summary>
internal static class MeasureRoleRules
{
    private static readonly string[] TotalWords = ["総額", "合計", "総計"];

    private static readonly string[] PerCapitaWords = ["当たり", "あたり"];

    public static (string Role, int? Parent, QuantityMention Mention) Decide(
        QuantityMention m, RowShape row, List<ExtractedMeasure> measures, RoleContext context)
    {
        var clause = row.Clause(m, measures);
        var owner = row.Owner(m, measures);
        if (row.Columns is { } columns && row.Seen < columns.Count && m.Kind != QuantityKind.Count)
        {
            return Column(columns[row.Seen], m, row, measures);
        }

        if (IsCommitment(m, row, measures, clause))
        {
            return (MeasureRoles.Commitment, null, m);
        }

        if (clause.Contains("うち", StringComparison.Ordinal))
        {
            return (MeasureRoles.Component, owner ?? (m.Kind == QuantityKind.Money ? context.LastMoneyValue : LastOfKind(measures, row.SegmentStart, m.Kind)), m);
        }

        if (clause.Contains("累計", StringComparison.Ordinal))
        {
            return (MeasureRoles.Cumulative, null, m);
        }

        if (TotalWords.Any(w => clause.Contains(w, StringComparison.Ordinal)) || (row.InTableCell(m) && row.FirstCell is "合計" or "総計" or "計"))
        {
            return (MeasureRoles.Total, null, m);
        }

        if (m.Kind != QuantityKind.Count && ChangeWords.Direction(row.Text, m, clause) is { } direction)
        {
            return (MeasureRoles.Change, owner, ChangeWords.Signed(m, direction));
        }

        if (PerCapitaWords.Any(w => clause.Contains(w, StringComparison.Ordinal)))
        {
            return (MeasureRoles.PerCapita, owner, m);
        }

        return Referring(m, row, measures, context, owner);
    }

    // (債務負担4億円), and (同約6億円) right after such a note: a commitment of later years, not the budget.
    private static bool IsCommitment(QuantityMention m, RowShape row, List<ExtractedMeasure> measures, string clause)
    {
        if (m.Kind != QuantityKind.Money || Clauses.OuterOpenParenthesis(row.Text, m.Start) is not (>= 0 and var open))
        {
            return false;
        }

        var inside = row.Text.AsSpan(open + 1, m.Start - open - 1).TrimStart();
        return inside.StartsWith("債務負担", StringComparison.Ordinal) || clause.Contains("債務負担", StringComparison.Ordinal)
            || (inside.StartsWith("同", StringComparison.Ordinal) && measures.Count > row.SegmentStart && measures[^1].Role == MeasureRoles.Commitment);
    }

    // Figures that qualify the one before them: a prior-year amount, a threshold, a benchmark, a breakdown part.
    private static (string, int?, QuantityMention) Referring(
        QuantityMention m, RowShape row, List<ExtractedMeasure> measures, RoleContext context, int? owner)
    {
        if (m.Kind == QuantityKind.Money && row.IsParenthesisLine(m) && LastOfKind(measures, row.SegmentStart, QuantityKind.Money) is { } current)
        {
            return (MeasureRoles.PriorYear, current, m);
        }

        if (owner is { } o && m.Bound is not null)
        {
            return (MeasureRoles.Threshold, o, m);
        }

        if (owner is { } o2 && measures[o2].Mention.Kind == m.Kind && measures[o2].Role == MeasureRoles.Value)
        {
            return (MeasureRoles.Benchmark, o2, m);
        }

        var inParen = Clauses.OuterOpenParenthesis(row.Text, m.Start) >= 0;
        if (!inParen && m.Kind == QuantityKind.Money && context.BreakdownParent is { } bp && m.AmountYen is { } part
            && part > 0 && part <= context.BreakdownLeft)
        {
            return (MeasureRoles.Component, bp, m);
        }

        return (MeasureRoles.Value, null, m);
    }

    // A table row whose header named its columns: 会計 令和7年度 令和6年度 増減率.
    private static (string, int?, QuantityMention) Column(string column, QuantityMention m, RowShape row, List<ExtractedMeasure> measures)
    {
        var value = LastOfKind(measures, row.SegmentStart, QuantityKind.Money);
        return column switch
        {
            MeasureRoles.PriorYear => (column, value, m),
            MeasureRoles.Change => (column, value, m),
            _ => (MeasureRoles.Value, null, m),
        };
    }

    private static int? LastOfKind(List<ExtractedMeasure> measures, int from, QuantityKind kind)
    {
        for (var k = measures.Count - 1; k >= from; k--)
        {
            if (measures[k].Mention.Kind == kind && measures[k].Role == MeasureRoles.Value)
            {
                return k;
            }
        }

        return null;
    }
}
