using System.Runtime.InteropServices;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform.Lineage;

/// <summary>A bulleted initiative (not a relisting) of one year of a series, as lineage compares it.</summary>
internal sealed record LineageItem(string InitiativeId, int Seq, string? Theme, string Text);

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
                    CoreText = current[a].Core,
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
        var (slotIds, starts, postings) = Index(prior);
        var shared = new int[prior.Length];
        var touched = new List<int>();
        var bestForCurrent = new Match?[current.Length];
        var bestForPrior = new (int Current, Match Match)?[prior.Length];
        for (var a = 0; a < current.Length; a++)
        {
            touched.Clear();
            foreach (var gram in current[a].Grams)
            {
                if (slotIds.TryGetValue(gram, out var slot))
                {
                    foreach (var b in postings.AsSpan(starts[slot], starts[slot + 1] - starts[slot]))
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

    /// <summary>
    /// The prior year's items by bigram, as one array of item indices grouped by bigram: slot ids by bigram, then the
    /// start of each slot's run in the array.
    /// </summary>
    private static (Dictionary<long, int> SlotIds, int[] Starts, int[] Postings) Index(Compared[] prior)
    {
        var slotIds = new Dictionary<long, int>();
        var slotOfPosting = new List<int>();
        var counts = new List<int>();
        foreach (var item in prior)
        {
            foreach (var gram in item.Grams)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(slotIds, gram, out var exists);
                if (!exists)
                {
                    id = counts.Count;
                    counts.Add(0);
                }

                counts[id]++;
                slotOfPosting.Add(id);
            }
        }

        var starts = new int[counts.Count + 1];
        for (var i = 0; i < counts.Count; i++)
        {
            starts[i + 1] = starts[i] + counts[i];
        }

        var filled = new int[counts.Count];
        var postings = new int[slotOfPosting.Count];
        var k = 0;
        for (var b = 0; b < prior.Length; b++)
        {
            for (var g = 0; g < prior[b].Grams.Length; g++, k++)
            {
                var id = slotOfPosting[k];
                postings[starts[id] + filled[id]++] = b;
            }
        }

        return (slotIds, starts, postings);
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

        // A core contained in the other has all its bigrams in the other's: test that before searching for the string.
        if (Math.Min(a.Length, b.Length) >= MinContainedLength && shared == Math.Min(a.Grams.Length, b.Grams.Length)
            && (a.Core.Contains(b.Core, StringComparison.Ordinal) || b.Core.Contains(a.Core, StringComparison.Ordinal)))
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

    /// <summary>An item with its core, computed once (on the linking thread) and used against both neighbouring years.</summary>
    private sealed class Compared
    {
        public Compared(LineageItem item)
        {
            Item = item;
            Core = LineageCore.Of(item.Text);
            Grams = LineageCore.Bigrams(Core);
            Length = LineageCore.CodePoints(Core);
        }

        public LineageItem Item { get; }

        public string Core { get; }

        public long[] Grams { get; }

        public int Length { get; }
    }
}
