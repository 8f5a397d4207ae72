using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// The role of each physical line. A flattened line holds several logical lines; it keeps the most telling
/// role among them (a heading over an item, an item over prose …) and the node that role belongs to.
/// </summary>
internal sealed class LineRoles
{
    private static readonly string[] Rank =
    [
        SourceLineRoles.Unrecognised, SourceLineRoles.Chrome, SourceLineRoles.Prose, SourceLineRoles.TableRow,
        SourceLineRoles.Detail, SourceLineRoles.Item, SourceLineRoles.Heading,
    ];

    // Indexed by physical line number; an entry is made once per line, in For.
    private (int Rank, string? Policy, int? Seq)[] _byLine = new (int, string?, int?)[256];

    public void Mark(TextLine line, string role, string? policy = null, int? seq = null)
    {
        var n = line.Number;
        if (n >= _byLine.Length)
        {
            Array.Resize(ref _byLine, Math.Max(n + 1, _byLine.Length * 2));
        }

        // Rank 0 means "not marked": ranks are stored one up.
        var rank = Array.IndexOf(Rank, role) + 1;
        if (_byLine[n].Rank < rank)
        {
            _byLine[n] = (rank, policy, seq);
        }
    }

    /// <summary><paramref name="copy"/> repeats <paramref name="original"/> (a paragraph printed twice) and shares its role.</summary>
    public void Repeat(TextLine copy, TextLine original)
    {
        if (original.Number < _byLine.Length && _byLine[original.Number] is { Rank: > 0 } entry)
        {
            Mark(copy, Rank[entry.Rank - 1], entry.Policy, entry.Seq);
        }
    }

    /// <summary>Every non-blank line of <paramref name="lines"/> in order; a line no rule marked is unrecognised.</summary>
    public List<SourceLineEntry> For(IReadOnlyList<TextLine> lines)
    {
        var result = new List<SourceLineEntry>(lines.Count);
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }

            var (rank, policy, seq) = line.Number < _byLine.Length ? _byLine[line.Number] : default;
            var role = rank > 0 ? Rank[rank - 1] : line.IsChrome ? SourceLineRoles.Chrome : SourceLineRoles.Unrecognised;
            result.Add(new SourceLineEntry(line.Number, line.Page, line.Raw.Trim(), role, policy, seq));
        }

        return result;
    }
}
