using System.Globalization;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// Gathers the statements of a section into groups of counts. A count opens a new group when its word is
/// already counted in the open group, belongs to another scheme, or is stated for another policy. A total
/// stated before the counts is the population of the next group; a breakdown (取組中の58項目のうち…) marks the
/// counts after it in its sentence as parts of its word, not extra items.
/// </summary>
internal sealed class StatusGroupBuilder(StatusWords words, List<StatusEvent> context)
{
    private sealed class Count(string word, int number, int line)
    {
        public string Word { get; } = word;
        public int Number { get; } = number;
        public int Line { get; } = line;
        public string? Parent { get; init; }
        public string? RateText { get; set; }
        public int? Change { get; set; }
    }

    private sealed class Group(int line, string text, string? label)
    {
        public int Line { get; } = line;
        public int LastLine { get; set; } = line;
        public string Text { get; set; } = text;
        public string? Label { get; } = label;
        public int? Total { get; set; }
        public int? Relisted { get; set; }
        public int? Net { get; set; }
        public string? RateText { get; set; }
        public HashSet<string>? Schemes { get; set; }
        public List<Count> Counts { get; } = [];
        public List<StatusTransition> Transitions { get; } = [];
    }

    private readonly List<Group> _groups = [];
    private readonly List<StatusTransition> _transitions = [];
    private int? _total = context.LastOrDefault(e => e.Kind == StatusEventKind.Total)?.Number;
    private int? _relisted = context.LastOrDefault(e => e.Kind == StatusEventKind.Relisted)?.Number;
    private int? _net = context.LastOrDefault(e => e.Kind == StatusEventKind.Net)?.Number;
    private string? _rate;
    private bool _ownTotal;

    public List<(int Line, string Message)> Warnings { get; } = [];

    /// <summary>Grade meanings printed as a legend in the section ("S=目標を上回って達成、A=目標を達成").</summary>
    public Dictionary<char, string> Legend { get; } = [];

    public void Accept(List<StatusEvent> events, int line, string text)
    {
        string? parent = null;
        var counted = false;
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case StatusEventKind.Total when counted && Open is { Total: null } g:
                    // A total printed after the counts of its own line (a table's 計 row) is theirs.
                    g.Total = e.Number;
                    break;
                case StatusEventKind.Total:
                    _total = e.Number;
                    _ownTotal = true;
                    break;
                case StatusEventKind.Relisted when Open is { Relisted: null, Total: not null } g:
                    g.Relisted = e.Number;
                    break;
                case StatusEventKind.Relisted:
                    _relisted = e.Number;
                    break;
                case StatusEventKind.Net when Open is { Net: null, Total: not null } g:
                    g.Net = e.Number;
                    break;
                case StatusEventKind.Net:
                    _net = e.Number;
                    break;
                case StatusEventKind.BreakdownOf:
                    parent = e.Word;
                    break;
                case StatusEventKind.Count:
                    AddCount(e, parent, line, text);
                    counted = true;
                    break;
                case StatusEventKind.Change:
                    Qualify(e, line, c => c.Change = e.Number, "change");
                    break;
                case StatusEventKind.Rate:
                    RateOf(e, line);
                    break;
            }
        }
    }

    /// <summary>
    /// The groups as rows. A total stated with no counts after it (計画掲載の取組数 84件, うち2項目は再掲で実質82件)
    /// is a row of its own, so the population is kept even when the counts cannot be read.
    /// </summary>
    public List<PlanAchievementEntry> Finish(DateOnly? asOf, int line, string text)
    {
        if (_ownTotal && _total is not null && _groups.Count == 0)
        {
            _groups.Add(new Group(line, text, null) { Total = _total, Relisted = _relisted, Net = _net, RateText = _rate });
        }

        // Transitions printed above counts that never came belong with the section's total when it has one.
        if (_transitions.Count > 0 && _groups.Count > 0)
        {
            _groups[^1].Transitions.AddRange(_transitions);
            _transitions.Clear();
        }

        return [.. _groups.Where(g => g.Counts.Count > 0 || g.Total is not null).Select(g => Entry(g, asOf))];
    }

    /// <summary>The transitions of a section that has no status counts to put them with; the caller places or reports them.</summary>
    public List<StatusTransition> TakeUnplaced()
    {
        List<StatusTransition> unplaced = [.. _transitions];
        _transitions.Clear();
        return unplaced;
    }

    private Group? Open => _groups.Count == 0 ? null : _groups[^1];

    /// <summary>Transitions (A←C:3件) belong to the counts printed above them, else to the next counts.</summary>
    public void AddTransitions(List<StatusTransition> transitions)
    {
        if (Open is { } g)
        {
            g.Transitions.AddRange(transitions);
        }
        else
        {
            _transitions.AddRange(transitions);
        }
    }

    private void AddCount(StatusEvent e, string? parent, int line, string text)
    {
        var word = e.Word!;
        var schemes = words.Classify(word)?.Schemes.ToHashSet(StringComparer.Ordinal);
        var g = Open;
        if (parent is not null && g is not null && g.Counts.Any(c => c.Word == parent))
        {
            g.Counts.Add(new Count(word, e.Number!.Value, line) { Parent = parent, RateText = e.RateText });
            g.LastLine = line;
            return;
        }

        var sameScheme = g?.Schemes is null || schemes is null || schemes.Count == 0 || g.Schemes.Overlaps(schemes);
        if (g is null || g.Counts.Any(c => c.Word == word && c.Parent is null) || !sameScheme || g.Label != e.Label || line - g.LastLine > 40)
        {
            g = new Group(line, text, e.Label) { Total = _total, Relisted = _relisted, Net = _net, RateText = _rate };
            _total = _relisted = _net = null;
            _rate = null;
            g.Transitions.AddRange(_transitions);
            _transitions.Clear();
            _groups.Add(g);
        }

        if (schemes is { Count: > 0 })
        {
            g.Schemes = g.Schemes is null ? schemes : [.. g.Schemes.Intersect(schemes)];
        }

        g.Counts.Add(new Count(word, e.Number!.Value, line) { Parent = parent, RateText = e.RateText });
        g.LastLine = line;
        if (g.Line != line && !g.Text.Contains(text, StringComparison.Ordinal))
        {
            g.Text += " / " + text;
        }
    }

    private void RateOf(StatusEvent e, int line)
    {
        if (Open?.Counts.LastOrDefault(c => c.Word == e.Word) is { } count)
        {
            count.RateText = e.RateText;
        }
        else if (Open is { } g && words.Classify(e.Word!)?.Class == StatusClasses.Achieved)
        {
            g.RateText = e.RateText;
        }
        else
        {
            _rate = e.RateText;
        }
    }

    private void Qualify(StatusEvent e, int line, Action<Count> apply, string what)
    {
        if (_groups.AsEnumerable().Reverse().SelectMany(g => g.Counts).FirstOrDefault(c => c.Word == e.Word && c.Parent is null) is { } count)
        {
            apply(count);
            return;
        }

        Warnings.Add((line, $"{what} of '{e.Word}' names no status counted above; not loaded"));
    }

    private PlanAchievementEntry Entry(Group g, DateOnly? asOf)
    {
        var main = g.Counts.Where(c => c.Parent is null).ToList();
        var sum = main.Sum(c => c.Number);
        var ordered = main.OrderBy(c => words.ClassOf(Meaning(c.Word) ?? c.Word).Rank).Concat(g.Counts.Where(c => c.Parent is not null)).ToList();
        var statuses = ordered.Select((c, i) => new StatusCount(c.Word, words.ClassOf(Meaning(c.Word) ?? c.Word).Class, i + 1, c.Number, c.Line)
        {
            StatedRate = c.RateText is null ? null : double.Parse(c.RateText.TrimEnd('%'), CultureInfo.InvariantCulture),
            StatedRateText = c.RateText,
            StatedRateDecimals = Decimals(c.RateText),
            Change = c.Change,
            ParentRaw = c.Parent,
            Meaning = Meaning(c.Word),
        }).ToList();
        var achievedCounts = main.Where(c => words.ClassOf(Meaning(c.Word) ?? c.Word).Class == StatusClasses.Achieved).ToList();
        var rateText = g.RateText ?? (achievedCounts.Count == 1 ? achievedCounts[0].RateText : null);
        var policy = g.Label is null ? null : AchievementTable.PolicyNumber(g.Label);
        return new PlanAchievementEntry
        {
            RowKind = policy is null ? AchievementRowKinds.Status : AchievementRowKinds.Policy,
            Label = g.Label ?? g.Text.Trim(),
            PolicyCode = policy?.ToString(CultureInfo.InvariantCulture),
            ItemsPlanned = g.Total ?? sum,
            IsTotalPrinted = g.Total is not null,
            ItemsAchieved = achievedCounts.Count == 0 ? null : achievedCounts.Sum(c => c.Number),
            ItemsRelisted = g.Relisted,
            ItemsNet = g.Net ?? (g.Total is { } t && g.Relisted is { } r ? t - r : null),
            StatedRate = rateText is null ? null : double.Parse(rateText.TrimEnd('%'), CultureInfo.InvariantCulture),
            StatedRateText = rateText,
            StatedRateDecimals = Decimals(rateText),
            AsOfDate = asOf,
            Statuses = statuses,
            Transitions = [.. g.Transitions.Select(t => t with { FromMeaning = TransitionMeaning(t.From, g), ToMeaning = TransitionMeaning(t.To, g) })],
            RawText = g.Text.Trim(),
            Span = new SourceSpan(g.Line, g.LastLine),
        };
    }


    /// <summary>
    /// The word a transition's grade letter stands for: the legend's word, else the status of the group's counts
    /// that the letter starts (A → A前進 in "A前進 12 B現状維持 5"); null for a status printed as a word.
    /// </summary>
    private string? TransitionMeaning(string status, Group g) =>
        Meaning(status) ?? (status.Length == 1 && status[0] is >= 'A' and <= 'Z'
            ? g.Counts.Select(c => c.Word).FirstOrDefault(w => w.Length > 1 && w[0] == status[0] && w[1] is not (>= 'A' and <= 'Z'))
            : null);

    /// <summary>The word a printed legend gives a grade letter (S=目標を上回って達成), or null.</summary>
    private string? Meaning(string word) => word.Length == 1 && Legend.TryGetValue(word[0], out var meaning) ? meaning : null;

    private static int Decimals(string? rate)
    {
        if (rate is null)
        {
            return 0;
        }

        var dot = rate.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : rate.TrimEnd('%').Length - dot - 1;
    }
}
