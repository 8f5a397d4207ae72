using System.Globalization;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>Classes of the normalised status scale (seeds/reference/plan_status_words.csv).</summary>
internal static class StatusClasses
{
    public const string Achieved = "achieved";
    public const string OnTrack = "on_track";
    public const string Delayed = "delayed";
    public const string NotStarted = "not_started";
    public const string Other = "other";

    /// <summary>Rank given to a word no scheme knows.</summary>
    public const int OtherRank = 8;

    public static IReadOnlyList<string> All { get; } = [Achieved, OnTrack, Delayed, NotStarted, Other];
}

/// <summary>A status word of some scheme and where it sits on the normalised scale.</summary>
/// <param name="Word">The word as printed, spaces removed.</param>
/// <param name="Class">achieved / on_track / delayed / not_started / other.</param>
/// <param name="Rank">Normalised ordinal, 1 = best.</param>
/// <param name="Schemes">Schemes the word belongs to; words of one scheme are counted over one population.</param>
internal sealed record StatusWord(string Word, string Class, int Rank, IReadOnlyList<string> Schemes);

/// <summary>
/// The status schemes as data: every word a report may print for an item's status, with its class and rank.
/// The shipped file is embedded; the user's seeds/reference/plan_status_words.csv replaces it at load time.
/// Words also match as prefixes of longer printed phrases (時期の遅れはあるが… , 目標を上回る成果).
/// </summary>
internal sealed class StatusWords
{
    public const string FileName = "plan_status_words.csv";

    /// <summary>Scheme tag of words that say a result is not yet known (数値未確定): such counts are items pending.</summary>
    public const string PendingScheme = "pending";

    /// <summary>Scheme tag of progress words (順調 / やや遅れ): in a scheme without an achieved word, its on_track words count as achieved.</summary>
    public const string ProgressScheme = "progress";

    private readonly Dictionary<string, StatusWord> _byWord;

    private StatusWords(IEnumerable<StatusWord> words)
    {
        _byWord = new Dictionary<string, StatusWord>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            _byWord.TryAdd(w.Word, w);
        }

        Longest = [.. _byWord.Values.Where(w => w.Word.Length > 1).OrderByDescending(w => w.Word.Length).ThenBy(w => w.Word, StringComparer.Ordinal)];
    }

    /// <summary>The shipped scheme.</summary>
    public static StatusWords Default { get; } = LoadDefault();

    /// <summary>Words of two characters or more, longest first (the order a scanner must try them in).</summary>
    public IReadOnlyList<StatusWord> Longest { get; }

    /// <summary>Reads the CSV (header word,status_class,status_rank,schemes,note); problems are returned with their line.</summary>
    public static (StatusWords Words, List<(int Line, string Message)> Problems) Read(TextReader reader)
    {
        var words = new List<StatusWord>();
        var problems = new List<(int, string)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (number == 1 || line.Trim().Length == 0)
            {
                continue;
            }

            var f = line.Split(',');
            if (f.Length < 3 || f[0].Trim().Length == 0)
            {
                problems.Add((number, "expected word,status_class,status_rank[,schemes,note]"));
                continue;
            }

            var cls = f[1].Trim();
            if (!StatusClasses.All.Contains(cls))
            {
                problems.Add((number, $"unknown status_class '{cls}' (one of {string.Join(", ", StatusClasses.All)})"));
                continue;
            }

            if (!int.TryParse(f[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1)
            {
                problems.Add((number, $"status_rank '{f[2].Trim()}' is not a positive whole number"));
                continue;
            }

            var schemes = f.Length > 3 ? f[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            words.Add(new StatusWord(Compact(f[0]), cls, rank, schemes));
        }

        return (new StatusWords(words), problems);
    }

    /// <summary>The word printed exactly so (spaces ignored), or null.</summary>
    public StatusWord? Exact(string text) => _byWord.GetValueOrDefault(Compact(text));

    /// <summary>The word exactly, else the longest word the text starts with (a phrase of the scheme), or null.</summary>
    public StatusWord? Classify(string text)
    {
        var t = Compact(text);
        if (_byWord.TryGetValue(t, out var exact))
        {
            return exact;
        }

        return Longest.FirstOrDefault(w => t.StartsWith(w.Word, StringComparison.Ordinal));
    }

    /// <summary>Class and rank of a printed word; a word no scheme knows is other.</summary>
    public (string Class, int Rank) ClassOf(string text) =>
        Classify(text) is { } w ? (w.Class, w.Rank) : (StatusClasses.Other, StatusClasses.OtherRank);

    public static string Compact(string text) =>
        text.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal).Trim('「', '」', '"', '\'');

    private static StatusWords LoadDefault()
    {
        using var stream = typeof(StatusWords).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"embedded {FileName} missing");
        using var reader = new StreamReader(stream);
        return Read(reader).Words;
    }
}
