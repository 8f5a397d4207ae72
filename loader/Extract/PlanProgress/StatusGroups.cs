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
        var changeColumn = false;
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
                events = [.. events.Concat(StatusRun.Scan(trimmed, words, changeColumn)).OrderBy(e => e.Position)];
            }

            changeColumn = ChangeHeader().IsMatch(trimmed) && events.All(e => e.Kind != StatusEventKind.Count);
            if (events.Count == 0)
            {
                continue;
            }

            Consumed.UnionWith(numbers);
            first ??= (numbers[0], trimmed);
            groups.Accept(events, numbers[0], trimmed);
        }

        Warnings.AddRange(groups.Warnings.Select(w => new Diagnostic(Severity.Warning, file, w.Line, w.Message)));
        return first is { } f ? groups.Finish(asOf, f.Line, f.Text) : [];
    }

    /// <summary>Lines as read: a long line alone; consecutive short cell-like lines (blank lines between them too) joined.</summary>
    private static IEnumerable<(string Text, List<int> Lines)> Logical(IReadOnlyList<TextLine> lines)
    {
        var cells = new List<string>();
        var numbers = new List<int>();
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }

            var text = line.Text.Trim().Trim('|').Trim();
            if (IsCell(text))
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

    [GeneratedRegex(@"増減|前年比|前年度比|対前年")]
    private static partial Regex ChangeHeader();

    [GeneratedRegex(@"PDF版|詳しい表|詳細は別|別紙|別添|表は省略")]
    private static partial Regex Placeholder();

    // A clause with a particle after a count or a quote reads as prose, not a cell.
    [GeneratedRegex(@"」(?:が|は|を|と)|\d\s*(?:項目|件|事業)(?:は|が|を|のうち)")]
    private static partial Regex Sentence();
}
