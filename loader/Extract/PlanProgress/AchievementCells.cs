using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// The cell stream of an achievement table: every printed shape (tab, pipe, one cell per line or paragraph,
/// spaced tokens, a header split one character per line) becomes one list of cells, split into rows.
/// </summary>
internal static partial class AchievementTable
{
    /// <summary>A cell and the line it is on. Atomic cells come from pipe or tab layouts and are never split or glued.</summary>
    private sealed record Cell(string Text, int Line, bool Atomic);

    private sealed record Row(string Label, int Line, List<Cell> Values);

    /// <summary>Cells of a line: pipe cells, tab cells, or whitespace-separated tokens.</summary>
    private static IEnumerable<Cell> Cells(TextLine line)
    {
        var text = line.Text.Trim();
        if (text.StartsWith('|'))
        {
            if (PipeSeparator().IsMatch(text))
            {
                return [];
            }

            var parts = text.Trim('|').Split('|');
            return parts.Select(p => new Cell(p.Trim(), line.Number, true));
        }

        if (text.Contains('\t', StringComparison.Ordinal))
        {
            return text.Split('\t').Select(p => p.Trim()).Where(p => p.Length > 0).Select(p => new Cell(p, line.Number, true));
        }

        return text.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries).Select(p => new Cell(p, line.Number, false));
    }

    /// <summary>Joins tokens that belong together: "26" "項目※" → "26 項目※", "88.9" "%" → "88.9%".</summary>
    /// <summary>Joins letters printed one per line or spaced apart ("取" "組" "件" "数" → 取組件数, "完 了" → 完了).</summary>
    private static List<Cell> JoinLetters(List<Cell> cells)
    {
        var result = new List<Cell>(cells.Count);
        var joining = false;
        foreach (var cell in cells)
        {
            var letter = !cell.Atomic && cell.Text.Length == 1 && cell.Text[0] > 0x3000 && !char.IsDigit(cell.Text[0]);
            if (joining && letter)
            {
                result[^1] = result[^1] with { Text = result[^1].Text + cell.Text };
                continue;
            }

            result.Add(cell);
            joining = letter;
        }

        return result;
    }

    private static List<Cell> Glue(List<Cell> cells)
    {
        var result = new List<Cell>(cells.Count);
        foreach (var cell in cells)
        {
            if (!cell.Atomic && result.Count > 0 && !result[^1].Atomic && IsBareNumber(result[^1].Text) && CounterOnly().IsMatch(cell.Text))
            {
                var sep = cell.Text.StartsWith('%') ? "" : " ";
                result[^1] = result[^1] with { Text = result[^1].Text + sep + cell.Text };
                continue;
            }

            if (!cell.Atomic && result.Count > 0 && IsValue(result[^1].Text) && MarkOnly().IsMatch(cell.Text))
            {
                result[^1] = result[^1] with { Text = result[^1].Text + cell.Text };
                continue;
            }

            result.Add(cell);
        }

        return result;
    }

    /// <summary>
    /// Splits the cell stream into rows: a label (possibly several tokens) followed by value cells. A bare
    /// number followed by text ("2 共創の…") starts a label only once the open row has all its values, so that
    /// a count printed without a counter ("… 0 10 合計 17 …") stays a count.
    /// </summary>
    private static List<Row> Rows(List<Cell> cells, int valuesPerRow)
    {
        var rows = new List<Row>();
        Row? open = null;
        var inLabel = false;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var next = i + 1 < cells.Count ? cells[i + 1] : null;
            var labelNumber = !cell.Atomic && IsBareNumber(cell.Text) && cell.Text.Length <= 2 && next is { Atomic: false } && !IsValue(next.Text) && next.Text.Length > 0
                && (open is null || open.Values.Count >= valuesPerRow);
            if (IsValue(cell.Text) && !labelNumber)
            {
                if (open is null)
                {
                    continue; // values before any label: the summary line or stray numbers
                }

                open.Values.Add(cell);
                inLabel = false;
                continue;
            }

            if (cell.Text.Length == 0)
            {
                continue;
            }

            if (open is not null && inLabel && !cell.Atomic)
            {
                open = open with { Label = open.Label + " " + cell.Text };
                rows[^1] = open;
                continue;
            }

            open = new Row(cell.Text, cell.Line, []);
            rows.Add(open);
            inLabel = !cell.Atomic;
        }

        return rows;
    }


    [GeneratedRegex(@"^(?:%|項目|件|事業|取組|施策|本|個)(?:※\d*|\*\d*)?$")]
    private static partial Regex CounterOnly();

    [GeneratedRegex(@"^(?:※|\*)\d*$")]
    private static partial Regex MarkOnly();

    [GeneratedRegex(@"^\|?\s*:?-{2,}")]
    private static partial Regex PipeSeparator();
}
