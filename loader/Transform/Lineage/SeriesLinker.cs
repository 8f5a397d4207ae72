using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform.Lineage;

/// <summary>A bulleted initiative (not a relisting) of one year of a series, as lineage compares it.</summary>
internal sealed record LineageItem(string InitiativeId, int Seq, string? Theme, string Text)
{
    public string Core { get; } = LineageCore.Of(Text);
}

/// <summary>One fiscal year of a series: the items of its documents.</summary>
internal sealed record LineageYear(int FiscalYear, IReadOnlyList<LineageItem> Items);

/// <summary>
/// Cross-year lineage of one series (a municipality's documents of one family): each item is linked to the same
/// undertaking in the previous loaded fiscal year of the series, and every chain of links gets one lineage id.
/// Two items match when their cores (<see cref="LineageCore"/>) have a Dice coefficient of character bigrams of at
/// least <see cref="MinDice"/>, or one core contains the other and the shorter has at least
/// <see cref="MinContainedLength"/> characters (a project narrowed to its next phase), and their policy themes agree
/// when both are known. An item keeps only its best match, and only when it is also that match's best (mutual
/// best), so one undertaking never splits or merges. Ties go to the earlier item in the document.
/// </summary>
internal static class SeriesLinker
{
    public const double MinDice = 0.6;
    public const int MinContainedLength = 5;

    /// <summary>The lineage row of every item of the series; <paramref name="years"/> in ascending fiscal year.</summary>
    public static List<BridgeInitiativeLineageRow> Link(string? municipality, string family, IReadOnlyList<LineageYear> years)
    {
        var rows = new List<BridgeInitiativeLineageRow>();
        Compared[]? prior = null;
        LineageYear? priorYear = null;
        string[]? priorRoots = null;
        foreach (var year in years)
        {
            var current = year.Items.Select(i => new Compared(i)).ToArray();
            var links = prior is null ? [] : MutualBest(current, prior);
            var roots = new string[current.Length];
            for (var a = 0; a < current.Length; a++)
            {
                var item = current[a].Item;
                var row = new BridgeInitiativeLineageRow
                {
                    InitiativeId = item.InitiativeId,
                    Municipality = municipality,
                    Family = family,
                    FiscalYear = year.FiscalYear,
                    CoreText = item.Core,
                    LinkRule = "first",
                };
                if (links.TryGetValue(a, out var link))
                {
                    roots[a] = priorRoots![link.Prior];
                    row = row with
                    {
                        PriorInitiativeId = prior![link.Prior].Item.InitiativeId,
                        PriorFiscalYear = priorYear!.FiscalYear,
                        Similarity = link.Similarity,
                        LinkRule = link.Rule,
                    };
                }
                else
                {
                    roots[a] = item.InitiativeId;
                }

                rows.Add(row with { LineageId = "L-" + roots[a] });
            }

            (prior, priorYear, priorRoots) = (current, year, roots);
        }

        return rows;
    }

    /// <summary>Links from items of the current year (by index) to items of the prior year.</summary>
    private static Dictionary<int, Match> MutualBest(Compared[] current, Compared[] prior)
    {
        var postings = new Dictionary<long, List<int>>();
        for (var b = 0; b < prior.Length; b++)
        {
            foreach (var gram in prior[b].Grams)
            {
                if (!postings.TryGetValue(gram, out var list))
                {
                    postings[gram] = list = [];
                }

                list.Add(b);
            }
        }

        var shared = new int[prior.Length];
        var touched = new List<int>();
        var bestForCurrent = new Match?[current.Length];
        var bestForPrior = new (int Current, Match Match)?[prior.Length];
        for (var a = 0; a < current.Length; a++)
        {
            touched.Clear();
            foreach (var gram in current[a].Grams)
            {
                if (postings.TryGetValue(gram, out var list))
                {
                    foreach (var b in list)
                    {
                        if (shared[b]++ == 0)
                        {
                            touched.Add(b);
                        }
                    }
                }
            }

            foreach (var b in touched)
            {
                var match = Score(current[a], prior[b], b, shared[b]);
                shared[b] = 0;
                if (match is null)
                {
                    continue;
                }

                if (bestForCurrent[a] is not { } best || Better(match.Value, prior[b].Item, best, prior[best.Prior].Item))
                {
                    bestForCurrent[a] = match;
                }

                if (bestForPrior[b] is not { } other || Better(match.Value, current[a].Item, other.Match, current[other.Current].Item))
                {
                    bestForPrior[b] = (a, match.Value);
                }
            }
        }

        var links = new Dictionary<int, Match>();
        for (var a = 0; a < current.Length; a++)
        {
            if (bestForCurrent[a] is { } m && bestForPrior[m.Prior]?.Current == a)
            {
                links[a] = m;
            }
        }

        return links;
    }

    private static Match? Score(Compared a, Compared b, int priorIndex, int shared)
    {
        if (a.Item.Theme is not null && b.Item.Theme is not null && !string.Equals(a.Item.Theme, b.Item.Theme, StringComparison.Ordinal))
        {
            return null;
        }

        var similarity = 2.0 * shared / (a.Grams.Length + b.Grams.Length);
        if (similarity >= MinDice)
        {
            return new Match(priorIndex, similarity, "dice");
        }

        if (Math.Min(a.Length, b.Length) >= MinContainedLength
            && (a.Item.Core.Contains(b.Item.Core, StringComparison.Ordinal) || b.Item.Core.Contains(a.Item.Core, StringComparison.Ordinal)))
        {
            return new Match(priorIndex, similarity, "containment");
        }

        return null;
    }

    /// <summary>Higher similarity first, then the earlier item in its document, then the smaller id.</summary>
    private static bool Better(Match x, LineageItem xItem, Match y, LineageItem yItem) =>
        x.Similarity != y.Similarity ? x.Similarity > y.Similarity
        : xItem.Seq != yItem.Seq ? xItem.Seq < yItem.Seq
        : string.CompareOrdinal(xItem.InitiativeId, yItem.InitiativeId) < 0;

    private readonly record struct Match(int Prior, double Similarity, string Rule);

    private sealed class Compared(LineageItem item)
    {
        public LineageItem Item { get; } = item;

        public long[] Grams { get; } = LineageCore.Bigrams(item.Core);

        public int Length { get; } = LineageCore.CodePoints(item.Core);
    }
}
