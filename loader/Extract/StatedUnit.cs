namespace BudgetWarehouse.Loader.Extract;

/// <summary>
/// Recognises a document's statement of the unit its bare amounts are in, such as
/// (単位 千円), 単位:百万円, ［単位：円］. Tables in budget documents print bare numbers under such a note.
/// </summary>
internal static class StatedUnit
{
    /// <summary>Yen per printed unit, when <paramref name="normalizedLine"/> states one.</summary>
    public static long? Detect(string normalizedLine)
    {
        var s = normalizedLine.AsSpan();
        var at = s.IndexOf("単位");
        if (at < 0)
        {
            return null;
        }

        var rest = s[(at + 2)..].TrimStart(" :：　=");
        long factor = 1;
        var i = 0;
        if (rest.StartsWith("兆"))
        {
            factor = 1_000_000_000_000;
            i = 1;
        }
        else if (rest.StartsWith("億"))
        {
            factor = 100_000_000;
            i = 1;
        }
        else if (rest.StartsWith("千万"))
        {
            factor = 10_000_000;
            i = 2;
        }
        else if (rest.StartsWith("百万"))
        {
            factor = 1_000_000;
            i = 2;
        }
        else if (rest.StartsWith("万"))
        {
            factor = 10_000;
            i = 1;
        }
        else if (rest.StartsWith("千"))
        {
            factor = 1_000;
            i = 1;
        }

        return i < rest.Length && rest[i] == '円' ? factor : null;
    }
}
