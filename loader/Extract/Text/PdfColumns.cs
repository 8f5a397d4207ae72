namespace BudgetWarehouse.Loader.Extract.Text;

/// <summary>
/// Finds a two-column block on a page and reads it column by column. A block is a run of rows that a
/// vertical gutter near the middle of the text crosses nowhere, in which at least <see cref="MinProseRows"/>
/// rows hold one run of prose on each side whose left half ends at the gutter (text filled to its column's
/// edge). A table also has a gutter, but its rows hold several cells or short values, and its labels end
/// at different places: such rows stay whole, one table row per line.
/// </summary>
internal static class PdfColumns
{
    private const int MinProseRows = 3;
    private const int MinProseGlyphs = 8;

    /// <summary>The rows in reading order; <c>NewFlow</c> marks the first row of the right-hand column.</summary>
    public static List<(Row Row, bool NewFlow)> ReadingOrder(List<Row> rows)
    {
        var result = new List<(Row, bool)>(rows.Count);
        if (FindBlock(rows) is not { } block)
        {
            result.AddRange(rows.Select(r => (r, false)));
            return result;
        }

        result.AddRange(rows.Take(block.First).Select(r => (r, false)));
        var right = new List<Row>();
        for (var i = block.First; i <= block.Last; i++)
        {
            var row = rows[i];
            var left = row.Segments.Where(s => s.X1 <= block.Gutter).ToList();
            var rest = row.Segments.Where(s => s.X0 >= block.Gutter).ToList();
            if (left.Count > 0)
            {
                result.Add((row with { Segments = left }, false));
            }

            if (rest.Count > 0)
            {
                right.Add(row with { Segments = rest });
            }
        }

        result.AddRange(right.Select((r, i) => (r, i == 0)));
        result.AddRange(rows.Skip(block.Last + 1).Select(r => (r, false)));
        return result;
    }

    private static (int First, int Last, double Gutter)? FindBlock(List<Row> rows)
    {
        if (rows.Count < MinProseRows)
        {
            return null;
        }

        var left = rows.Min(r => r.Segments[0].X0);
        var right = rows.Max(r => r.Segments[^1].X1);
        var width = right - left;
        (int First, int Last, double Gutter, int Evidence)? best = null;
        for (var x = left + 0.3 * width; x <= left + 0.7 * width; x += 1)
        {
            if (BestRun(rows, x) is { } run && (best is null || run.Evidence > best.Value.Evidence))
            {
                best = (run.First, run.Last, x, run.Evidence);
            }
        }

        return best is { } b ? (b.First, b.Last, b.Gutter) : null;
    }

    /// <summary>The run of rows not crossed at <paramref name="x"/> with the most prose rows on both sides.</summary>
    private static (int First, int Last, int Evidence)? BestRun(List<Row> rows, double x)
    {
        (int First, int Last, int Evidence)? best = null;
        var start = 0;
        for (var i = 0; i <= rows.Count; i++)
        {
            if (i < rows.Count && !Crosses(rows[i], x))
            {
                continue;
            }

            if (i > start)
            {
                var evidence = ProseRows(rows, start, i - 1, x);
                if (evidence >= MinProseRows && (best is null || evidence > best.Value.Evidence))
                {
                    best = (start, i - 1, evidence);
                }
            }

            start = i + 1;
        }

        return best;
    }

    private static bool Crosses(Row row, double x) => row.Segments.Any(s => s.X0 < x && s.X1 > x);

    /// <summary>
    /// Rows with exactly one prose run on each side of <paramref name="x"/>, counted only when most of the
    /// left runs end near the rightmost of them (a filled column) rather than wherever a label ends.
    /// </summary>
    private static int ProseRows(List<Row> rows, int first, int last, double x)
    {
        var leftEnds = new List<(double End, double Size)>();
        for (var i = first; i <= last; i++)
        {
            var segments = rows[i].Segments;
            var leftCount = segments.Count(s => s.X1 <= x);
            if (leftCount == 1 && segments.Count == 2 && segments[0].Glyphs >= MinProseGlyphs && segments[1].Glyphs >= MinProseGlyphs)
            {
                leftEnds.Add((segments[0].X1, rows[i].Size));
            }
        }

        if (leftEnds.Count < MinProseRows)
        {
            return 0;
        }

        var edge = leftEnds.Max(e => e.End);
        var filled = leftEnds.Count(e => edge - e.End <= 2 * e.Size);
        return filled * 2 >= leftEnds.Count ? leftEnds.Count : 0;
    }
}
