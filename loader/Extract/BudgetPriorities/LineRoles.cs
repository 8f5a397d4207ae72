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

    private readonly Dictionary<int, SourceLineEntry> _byLine = [];

    public void Mark(TextLine line, string role, string? policy = null, int? seq = null)
    {
        if (_byLine.TryGetValue(line.Number, out var old) && Array.IndexOf(Rank, old.Role) >= Array.IndexOf(Rank, role))
        {
            return;
        }

        _byLine[line.Number] = new SourceLineEntry(line.Number, line.Page, line.Raw.Trim(), role, policy, seq);
    }

    /// <summary>Lines marked for initiative <paramref name="from"/> belong to <paramref name="to"/> (a duplicate dropped).</summary>
    public void Merge(int from, int to)
    {
        foreach (var line in _byLine.Where(e => e.Value.InitiativeSeq == from).Select(e => e.Key).ToList())
        {
            _byLine[line] = _byLine[line] with { InitiativeSeq = to };
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

            result.Add(_byLine.TryGetValue(line.Number, out var entry)
                ? entry with { Text = line.Raw.Trim() }
                : new SourceLineEntry(line.Number, line.Page, line.Raw.Trim(), line.IsChrome ? SourceLineRoles.Chrome : SourceLineRoles.Unrecognised, null, null));
        }

        return result;
    }
}
