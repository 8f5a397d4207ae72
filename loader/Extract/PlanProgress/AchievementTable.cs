using System.Globalization;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// Reads the achievement table of a plan-progress report in any of its printed shapes: tab-separated rows,
/// pipe tables, one cell per line, cells separated by spaces, or the whole table flattened onto one line.
/// Every shape is turned into one stream of cells; the header's cells give the columns, and a row is a label
/// cell followed by its value cells. Status counts (達成 / 一部達成 / 未達成, A–D, 順調 / やや遅れ …) and
/// footnotes on cells (33 項目※ … ※うち 2 項目は数値未確定) become <see cref="StatusCount"/>s.
/// </summary>
internal static partial class AchievementTable
{
    /// <summary>Parses the lines of an achievement section; policies maps a basic policy's number to its title.</summary>
    public static (List<PlanAchievementEntry> Rows, List<Diagnostic> Warnings) Parse(
        IReadOnlyList<TextLine> lines, string file, IReadOnlyDictionary<int, string> policies, StatusWords? words = null)
    {
        words ??= StatusWords.Default;
        var warnings = new List<Diagnostic>();
        var footnotes = new List<FootnoteLine>();
        var legend = new Dictionary<char, string>();
        var cells = ReadCells(lines, footnotes, legend, words);
        cells = JoinLetters(cells);
        var (columns, start) = Header(cells, words);
        if (columns is null)
        {
            return ([], warnings);
        }

        columns = [.. columns.Select(c => c.Grade is { } g && legend.TryGetValue(g, out var meaning)
            ? c with { Scale = words.ClassOf(meaning).Class, Meaning = meaning } : c)];
        var valueColumns = columns.Where(c => c.Role != ColumnRole.Label).ToList();
        var rows = Rows(Glue(cells.Skip(start).ToList()), valueColumns.Count);
        var result = new List<PlanAchievementEntry>();
        var policyOrdinal = 0;
        foreach (var row in rows)
        {
            if (row.Values.Count == 0)
            {
                if (PolicyNumber(row.Label) is not null)
                {
                    warnings.Add(new Diagnostic(Severity.Warning, file, row.Line, $"achievement row '{row.Label}' has no values; not loaded"));
                }

                continue;
            }

            if (row.Values.Count != valueColumns.Count)
            {
                warnings.Add(new Diagnostic(Severity.Warning, file, row.Line,
                    $"achievement row '{row.Label}' has {row.Values.Count} values for {valueColumns.Count} columns ({string.Join(", ", valueColumns.Select(c => c.Header))}); read from the left"));
            }

            var compact = row.Label.Replace(" ", "", StringComparison.Ordinal);
            var kind = TotalLabel().IsMatch(compact) ? AchievementRowKinds.Total
                : SubtotalLabel().IsMatch(compact) ? AchievementRowKinds.Subtotal : AchievementRowKinds.Policy;
            int? number = null;
            if (kind == AchievementRowKinds.Policy)
            {
                policyOrdinal++;
                number = PolicyNumber(row.Label) ?? MatchTitle(row.Label, policies) ?? policyOrdinal;
            }

            result.Add(Entry(row, kind, number, valueColumns, (footnotes, warnings, file, words)));
        }

        foreach (var note in footnotes.Where(n => !rows.Any(r => r.Values.Any(v => Mark(v.Text) == n.Mark))))
        {
            warnings.Add(new Diagnostic(Severity.Warning, file, note.Line, $"footnote '{note.Mark}' is not attached to any table cell; not applied"));
        }

        return (result, warnings);
    }

    private static PlanAchievementEntry Entry(Row row, string kind, int? number, List<AchievementColumn> columns,
        (List<FootnoteLine> Footnotes, List<Diagnostic> Warnings, string File, StatusWords Words) context)
    {
        var (footnotes, warnings, file, words) = context;
        int? planned = null;
        double? rate = null;
        string? rateText = null;
        var decimals = 0;
        var statuses = new List<StatusCount>();
        var statusColumns = columns.Where(c => c.Role == ColumnRole.Status).ToList();
        for (var i = 0; i < row.Values.Count && i < columns.Count; i++)
        {
            var cell = row.Values[i];
            var column = columns[i];
            var value = Value().Match(cell.Text);
            if (!value.Success)
            {
                continue; // a dash: nothing printed
            }

            var digits = value.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal);
            var isPercent = value.Groups["unit"].Value == "%";
            if (column.Role == ColumnRole.Rate || isPercent)
            {
                rate = double.Parse(digits, CultureInfo.InvariantCulture);
                rateText = cell.Text;
                var dot = digits.IndexOf('.', StringComparison.Ordinal);
                decimals = dot < 0 ? 0 : digits.Length - dot - 1;
                continue;
            }

            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                warnings.Add(new Diagnostic(Severity.Warning, file, cell.Line, $"'{cell.Text}' under '{column.Header}' is not a whole count; ignored"));
                continue;
            }

            if (column.Role == ColumnRole.Change)
            {
                // A change column (増減, 前年比) qualifies the status count to its left.
                if (statuses.Count > 0)
                {
                    statuses[^1] = statuses[^1] with { Change = value.Groups["sign"].Value is "▲" or "△" or "-" or "−" ? -count : count };
                }
            }
            else if (column.Role == ColumnRole.Planned)
            {
                planned = count;
            }
            else if (column.Role == ColumnRole.Status)
            {
                statuses.Add(new StatusCount(column.Header, column.Scale!, statusColumns.IndexOf(column) + 1, count, cell.Line) { Meaning = column.Meaning });
            }
        }

        var pending = ApplyFootnotes(row, footnotes, statusColumns.Count, statuses, warnings, file);
        var columnStatuses = statuses.Where(s => s.StatusRank <= statusColumns.Count).ToList();
        planned ??= columnStatuses.Count == 0 ? null : columnStatuses.Sum(s => s.ItemCount);
        pending ??= columnStatuses.Any(s => StatusScheme.IsPending(s.StatusRaw, words))
            ? columnStatuses.Where(s => StatusScheme.IsPending(s.StatusRaw, words)).Sum(s => s.ItemCount) : null;
        var achieved = Achieved(columnStatuses, statusColumns, words);

        var last = row.Values.Count == 0 ? row.Line : row.Values.Max(v => v.Line);
        return new PlanAchievementEntry
        {
            RowKind = kind,
            Label = row.Label,
            PolicyCode = number?.ToString(CultureInfo.InvariantCulture),
            ItemsPlanned = planned,
            ItemsAchieved = achieved,
            ItemsPending = pending,
            StatedRate = rate,
            StatedRateText = rateText,
            StatedRateDecimals = decimals,
            Statuses = statuses,
            RawText = string.Join(" | ", new[] { row.Label }.Concat(row.Values.Select(v => v.Text))),
            Span = new SourceSpan(row.Line, Math.Max(row.Line, last)),
        };
    }

    /// <summary>The table's cells in reading order; footnotes (※1 …) and a grade legend (A: 達成 …) are collected on the way.</summary>
    private static List<Cell> ReadCells(IReadOnlyList<TextLine> lines, List<FootnoteLine> footnotes, Dictionary<char, string> legend, StatusWords words)
    {
        var cells = new List<Cell>();
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }

            var text = line.Text.Trim();
            if (Footnote.IsFootnote(text))
            {
                if (Footnote.TryParse(text, line.Number, words) is { } note)
                {
                    footnotes.Add(note);
                }

                continue;
            }

            var entries = StatusScheme.Legend(text).ToList();
            if (entries.Count >= 2 && !text.Contains('\t', StringComparison.Ordinal) && !text.StartsWith('|'))
            {
                foreach (var (grade, word) in entries)
                {
                    legend[grade] = word;
                }

                continue;
            }

            cells.AddRange(Cells(line));
        }

        return cells;
    }

    /// <summary>
    /// Adds the statuses that footnotes attach to the row's cells (※1 3項目は数値未確定) after the column statuses;
    /// returns the pending count they state, or null when none does.
    /// </summary>
    private static int? ApplyFootnotes(Row row, List<FootnoteLine> footnotes, int statusColumnCount, List<StatusCount> statuses,
        List<Diagnostic> warnings, string file)
    {
        int? pending = null;
        foreach (var cell in row.Values)
        {
            var mark = Mark(cell.Text);
            foreach (var note in footnotes.Where(n => mark is not null && n.Mark == mark))
            {
                if (note.Scale is null)
                {
                    warnings.Add(new Diagnostic(Severity.Warning, file, note.Line, $"footnote '{note.What}' names no status this loader knows; not applied"));
                    continue;
                }

                var rank = statusColumnCount + 1 + statuses.Count(s => s.StatusRank > statusColumnCount);
                statuses.Add(new StatusCount(note.What, note.Scale, rank, note.Count, note.Line));
                if (note.IsPending)
                {
                    pending = (pending ?? 0) + note.Count;
                }
            }
        }

        return pending;
    }

    /// <summary>Items achieved: the achieved class, or "as planned" in a progress scheme that has no achieved word.</summary>
    private static int? Achieved(List<StatusCount> columnStatuses, List<AchievementColumn> statusColumns, StatusWords words)
    {
        if (columnStatuses.Any(s => s.StatusScale == StatusClasses.Achieved) || statusColumns.Any(c => c.Scale == StatusClasses.Achieved))
        {
            return columnStatuses.Where(s => s.StatusScale == StatusClasses.Achieved).Sum(s => s.ItemCount);
        }

        // A progress scheme (順調 / やや遅れ / 遅れ) has no achieved word: "as planned" is its best.
        bool AsPlanned(string? scale, string raw) => scale == StatusClasses.OnTrack && words.Classify(raw) is { } w && w.Schemes.Contains(StatusWords.ProgressScheme);
        return statusColumns.Any(c => AsPlanned(c.Scale, c.Meaning ?? c.Header))
            ? columnStatuses.Where(s => AsPlanned(s.StatusScale, s.Meaning ?? s.StatusRaw)).Sum(s => s.ItemCount)
            : null;
    }

    /// <summary>True when the line begins a table header: a label column (基本方針, 区分) and another column, or two columns of a tab or pipe row.</summary>
    public static bool StartsHeader(TextLine line, StatusWords? words = null)
    {
        words ??= StatusWords.Default;
        var cells = Cells(line).Where(c => c.Text.Length > 0).ToList();
        if (cells.Count < 2 || !AchievementColumns.IsHeader(cells[1].Text, words))
        {
            return false;
        }

        return AchievementColumns.Classify(cells[0].Text, words).Role == ColumnRole.Label
            || (cells[0].Atomic && AchievementColumns.IsHeader(cells[0].Text, words));
    }

    /// <summary>The header's columns and the index of the first cell after it, or null when no header is found.</summary>
    private static (List<AchievementColumn>? Columns, int Start) Header(List<Cell> cells, StatusWords words)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var first = AchievementColumns.Classify(cells[i].Text, words);
            var startsHeader = first.Role == ColumnRole.Label
                || (AchievementColumns.IsHeader(cells[i].Text, words) && i + 1 < cells.Count && cells[i + 1].Line == cells[i].Line && AchievementColumns.IsHeader(cells[i + 1].Text, words));
            if (!startsHeader)
            {
                continue;
            }

            var columns = new List<AchievementColumn>();
            var j = i;
            while (j < cells.Count)
            {
                var text = cells[j].Text;
                if (AchievementColumns.IsFormula(text) && columns.Count > 0)
                {
                    columns[^1] = columns[^1] with { Header = columns[^1].Header + text };
                    j++;
                    continue;
                }

                if (!AchievementColumns.IsHeader(text, words) && !(text.Length == 0 && cells[j].Atomic))
                {
                    break;
                }

                columns.Add(text.Length == 0 ? new AchievementColumn("", ColumnRole.Label, null, null) : AchievementColumns.Classify(text, words));
                j++;
            }

            if (columns.Count(c => c.Role != ColumnRole.Label) >= 1 && j < cells.Count)
            {
                return (columns, j);
            }
        }

        return (null, 0);
    }

    /// <summary>The policy number a row label starts with ("1 行政組織の…", "方針2", "③…"), or null.</summary>
    public static int? PolicyNumber(string label)
    {
        var t = label.Trim();
        var m = LabelNumber().Match(t);
        if (m.Success)
        {
            return int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        }

        return t.Length > 0 && TextNormalizer.IsCircledNumber(t[0]) ? TextNormalizer.CircledValue(t[0]) : null;
    }

    private static int? MatchTitle(string label, IReadOnlyDictionary<int, string> policies)
    {
        var l = label.Replace(" ", "", StringComparison.Ordinal);
        foreach (var (n, title) in policies)
        {
            var t = title.Replace(" ", "", StringComparison.Ordinal);
            if (l.Length > 0 && (t.StartsWith(l, StringComparison.Ordinal) || l.StartsWith(t, StringComparison.Ordinal)))
            {
                return n;
            }
        }

        return null;
    }

    private static string? Mark(string cell)
    {
        var m = Value().Match(cell);
        return m.Success && m.Groups["mark"].Length > 0 ? Footnote.NormaliseMark(m.Groups["mark"].Value) : null;
    }

    private static bool IsValue(string text) => Value().IsMatch(text) || Dash().IsMatch(text);

    private static bool IsBareNumber(string text) => BareNumber().IsMatch(text);

    [GeneratedRegex(@"^(?<sign>[▲△\-+−](?=\d))?(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<unit>%|項目|件|事業|取組|施策|本|個)?\s*(?<mark>(?:※|\*)\s*\d*)?$")]
    private static partial Regex Value();

    [GeneratedRegex(@"^[-‐－―ー–—]$")]
    private static partial Regex Dash();

    [GeneratedRegex(@"^\d+(?:\.\d+)?$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^(?:合計|計|総計|全体|総数|トータル|全体計|計画全体)$")]
    private static partial Regex TotalLabel();

    [GeneratedRegex(@"^[(\[【〔]?小計[)\]】〕]?$")]
    private static partial Regex SubtotalLabel();

    [GeneratedRegex(@"^(?:(?:基本)?方針\s*)?(?<n>\d{1,2})(?:\s*[.、:]\s*|\s+|$)")]
    private static partial Regex LabelNumber();
}
