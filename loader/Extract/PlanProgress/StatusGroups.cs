using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// Reads the status counts of a report section, in prose, list lines or any table shape, into one
/// <see cref="PlanAchievementEntry"/> per group of counts over one population (one scheme, one policy).
/// Short cell-like lines are read together, so a table printed one cell per line or per paragraph is one run.
/// </summary>
internal sealed partial class StatusGroups(StatusWords words, string file)
{
    private const int MaxCellLength = 24;
    private readonly StatusProse _prose = StatusProse.For(words);

    /// <summary>Totals and re-listed counts stated before any counts (an outline sentence, 対象の取組 70項目).</summary>
    public List<StatusEvent> Context { get; } = [];

    /// <summary>Lines of the section whose statements were read; the rest is left to the policy table reader.</summary>
    public HashSet<int> Consumed { get; } = [];

    public List<Diagnostic> Warnings { get; } = [];

    /// <summary>Transitions of the last section read that had no status counts to go with (a policy table's section).</summary>
    public List<StatusTransition> Unplaced { get; private set; } = [];

    /// <summary>Grade meanings printed as a legend in the last section read (A：達成 B：概ね達成), for the transitions placed later.</summary>
    public IReadOnlyDictionary<char, string> Legend { get; private set; } = new Dictionary<char, string>();

    /// <summary>Totals stated outside any count section, e.g. in the plan's outline.</summary>
    public void AddContext(TextLine line)
    {
        foreach (var e in _prose.Scan(line.Text.Trim()).Where(e => e.Kind is StatusEventKind.Total or StatusEventKind.Relisted or StatusEventKind.Net))
        {
            Context.Add(e);
        }
    }

    /// <summary>True when the text states a status count (「完了」が9項目, ②…の取組(6 項目)).</summary>
    public bool StatesCount(string text) => _prose.Scan(text).Any(e => e.Kind == StatusEventKind.Count);

    /// <summary>The groups of counts in the lines of one section.</summary>
    public List<PlanAchievementEntry> Read(IReadOnlyList<TextLine> lines, DateOnly? asOf)
    {
        var groups = new StatusGroupBuilder(words, Context);
        var header = StatusColumns.None;
        (int Line, string Text)? first = null;
        // A numbered table of text columns (No 意見の概要 市の対応) holds records, not counts.
        var records = KeyValueTable.Lines(lines);
        Consumed.UnionWith(records);
        foreach (var (text, numbers) in Logical([.. lines.Where(l => !records.Contains(l.Number))]))
        {
            var trimmed = text.Trim();
            if (Footnote.IsFootnote(trimmed) || AchievementSummary.TryParse(trimmed, 0) is not null)
            {
                if (Placeholder().IsMatch(trimmed))
                {
                    Warnings.Add(new Diagnostic(Severity.Warning, file, numbers[0], $"a table is not in the text ('{trimmed}'); its rows are missing"));
                    Consumed.Add(numbers[0]);
                }

                continue;
            }

            if (LegendOf(trimmed) is { } legend)
            {
                foreach (var (grade, word) in legend)
                {
                    groups.Legend[grade] = word;
                }

                Consumed.UnionWith(numbers);
                continue;
            }

            if (TransitionLine.Find(trimmed, numbers[0]) is { Count: > 0 } transitions)
            {
                groups.AddTransitions(transitions);
                Consumed.UnionWith(numbers);
                continue;
            }

            var events = _prose.Scan(trimmed);
            if (!events.Any(e => e.Kind is StatusEventKind.Count or StatusEventKind.Change or StatusEventKind.Rate or StatusEventKind.BreakdownOf))
            {
                events = [.. events.Concat(StatusRun.Scan(trimmed, words, header)).OrderBy(e => e.Position)];
            }

            header = StatusColumns.NamesChange(trimmed) && events.All(e => e.Kind != StatusEventKind.Count) ? StatusColumns.Of(trimmed) : StatusColumns.None;
            if (events.Count == 0)
            {
                continue;
            }

            Consumed.UnionWith(numbers);
            first ??= (numbers[0], trimmed);
            groups.Accept(events, numbers[0], trimmed);
        }

        List<PlanAchievementEntry> entries = first is { } f ? groups.Finish(asOf, f.Line, f.Text) : [];
        Unplaced = groups.TakeUnplaced();
        Legend = groups.Legend;
        Warnings.AddRange(groups.Warnings.Select(w => new Diagnostic(Severity.Warning, file, w.Line, w.Message)));
        return entries;
    }

    /// <summary>
    /// Lines as read: a long line alone; consecutive short cell-like lines (blank lines between them too) joined, and
    /// so are the rows of a tab-separated status table (with its header and total row), which then read as one run.
    /// </summary>
    private IEnumerable<(string Text, List<int> Lines)> Logical(IReadOnlyList<TextLine> lines)
    {
        var cells = new List<string>();
        var numbers = new List<int>();
        var tabRows = TabStatusRows(lines);
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }

            var text = line.Text.Trim().Trim('|').Trim();
            if (IsCell(text) || tabRows.Contains(line.Number))
            {
                cells.Add(text);
                numbers.Add(line.Number);
                continue;
            }

            if (cells.Count > 0)
            {
                yield return (string.Join(" ", cells), numbers);
                cells = [];
                numbers = [];
            }

            yield return (line.Text, [line.Number]);
        }

        if (cells.Count > 0)
        {
            yield return (string.Join(" ", cells), numbers);
        }
    }

    /// <summary>
    /// Lines of tab-separated status tables: rows whose first cell is a status word and whose other cells are
    /// numbers (完了⇥12⇥26.1%⇥2), the header line right above such rows and a total row (計⇥46) right below them.
    /// A policy table's rows start with a policy, not a status, and are left alone.
    /// </summary>
    private HashSet<int> TabStatusRows(IReadOnlyList<TextLine> lines)
    {
        var filled = lines.Where(l => !l.IsBlank).ToList();
        var rows = new HashSet<int>();
        for (var i = 0; i < filled.Count; i++)
        {
            if (TabCells(filled[i].Text) is not [var first, .. var rest] || rest.Length == 0 || !rest.All(c => NumberCell().IsMatch(c)))
            {
                continue;
            }

            var word = first.Replace(" ", "", StringComparison.Ordinal);
            if (words.Exact(word) is not null)
            {
                rows.Add(filled[i].Number);
                if (i > 0 && !rows.Contains(filled[i - 1].Number) && TabCells(filled[i - 1].Text) is { Length: >= 2 } header && !header.Any(c => c.Any(char.IsDigit)))
                {
                    rows.Add(filled[i - 1].Number);
                }
            }
            else if (TotalCell().IsMatch(word) && i > 0 && rows.Contains(filled[i - 1].Number))
            {
                rows.Add(filled[i].Number);
            }
        }

        return rows;
    }

    private static string[]? TabCells(string text) =>
        text.Contains('\t', StringComparison.Ordinal) ? text.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;

    /// <summary>A line that only gives grades their meaning (S=目標を上回って達成、A=目標を達成), or null.</summary>
    private static List<(char Grade, string Word)>? LegendOf(string text)
    {
        var entries = StatusScheme.Legend(text).ToList();
        return entries.Count >= 2 && !text.Contains('\t', StringComparison.Ordinal) && !text.StartsWith('|') ? entries : null;
    }

    private static bool IsCell(string text) =>
        text.Length <= MaxCellLength && !text.Contains('。', StringComparison.Ordinal) && !text.Contains('\t', StringComparison.Ordinal)
        && text.IndexOfAny(['←', '→']) < 0
        && !Footnote.IsFootnote(text) && !Sentence().IsMatch(text) && AsOfDate.Find(text) is null;

    [GeneratedRegex(@"^[▲△\-+−]?\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*(?:%|項目|件|事業|取組)?$|^\d+(?:\.\d+)?\s*(?:%|項目|件|事業|取組)?$")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"^(?:計|合計|総計|全体)$")]
    private static partial Regex TotalCell();

    [GeneratedRegex(@"PDF版|詳しい表|詳細は別|別紙|別添|表は省略")]
    private static partial Regex Placeholder();

    // A clause with a particle after a count or a quote reads as prose, not a cell.
    [GeneratedRegex(@"」(?:が|は|を|と)|\d\s*(?:項目|件|事業)(?:は|が|を|のうち)")]
    private static partial Regex Sentence();
}
