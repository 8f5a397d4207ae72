using System.Text;
using System.Text.RegularExpressions;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform.Departments;

/// <summary>A unit the page names for an initiative: the unit, the bureau it names with it, and the printed words.</summary>
internal sealed record PageMention(string Unit, string? Parent, string Phrase, int Line, string How);

/// <summary>
/// Units a page names next to its items, in any of the usual layouts:
/// <list type="bullet">
/// <item>a parenthesised unit after the item: <c>…を創設（こども支援課）</c>, also several (<c>（保育課・こども支援課）</c>);</item>
/// <item>a label: <c>担当：こども支援課</c>, <c>所管課: 保育課</c>, in the item or on a line of its own under it;</item>
/// <item>a column of a table of projects whose header names it (<c>事業名 担当課 予算額</c>);</item>
/// <item>an abbreviation defined by a legend line (<c>子=こども支援課 道=道路整備課</c>, <c>例：子＝こども支援課</c>)
///   and used after an item (<c>（子）</c>) or in the column.</item>
/// </list>
/// A name with its bureau in front (<c>都市整備部公園緑地課</c>) gives the unit and its parent.
/// </summary>
internal static partial class PageDepartments
{
    private static readonly string[] ColumnWords = ["担当課", "所管課", "担当部署", "所管部署", "担当部局", "所管部局", "担当", "所管", "課名"];

    public static Dictionary<string, PageMention> Find(IReadOnlyList<FactInitiativeRow> initiatives, IReadOnlyList<FactSourceLineRow> lines, string file)
    {
        var legend = Legend(lines, file);
        var columns = Columns(lines);
        var found = new Dictionary<string, PageMention>(StringComparer.Ordinal);
        foreach (var row in initiatives)
        {
            var mention = Labelled(row, file) ?? Parenthesised(row, legend, file) ?? InColumn(row, columns, legend, file);
            if (mention is not null)
            {
                found[row.InitiativeId] = mention;
            }
        }

        // A label on a detail line of its own (担当：こども支援課 under the item) names the item's unit.
        foreach (var row in initiatives)
        {
            if (row.ParentInitiativeId is { } parent && !found.ContainsKey(parent) && found.TryGetValue(row.InitiativeId, out var m) && LabelOnly().IsMatch(Nfkc(row.Text)))
            {
                found[parent] = m with { How = m.How + " (on the line under the item)" };
            }
        }

        return found;
    }

    /// <summary>Abbreviation → (unit, where the legend defines it), from lines outside items that define at least two, or one after 例/略称/凡例.</summary>
    internal static Dictionary<string, (string Unit, string Where)> Legend(IReadOnlyList<FactSourceLineRow> lines, string file)
    {
        var legend = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.InitiativeId is null))
        {
            var text = Nfkc(line.Text ?? "");
            if (text.AsSpan().IndexOfAny('=', ':') < 0)
            {
                continue; // a legend pair is abbreviation=unit or abbreviation:unit
            }

            var pairs = LegendPair().Matches(text).Where(p => IsUnit(p.Groups["unit"].Value) && !IsLabel(p.Groups["abbr"].Value)).ToList();
            if (pairs.Count >= 2 || (pairs.Count == 1 && LegendWord().IsMatch(text)))
            {
                foreach (var p in pairs)
                {
                    legend.TryAdd(p.Groups["abbr"].Value, (p.Groups["unit"].Value, $"legend {file}:{line.SourceLine}"));
                }
            }
        }

        return legend;
    }

    private static PageMention? Labelled(FactInitiativeRow row, string file)
    {
        var text = Nfkc(row.Text);
        var m = Label().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var units = Split(m.Groups["units"].Value).Where(IsUnit).ToList();
        return units.Count == 0 ? null : Mention(units, m.Value.Trim(), row.SourceLineStart, $"labelled {file}:{row.SourceLineStart}");
    }

    private static PageMention? Parenthesised(FactInitiativeRow row, Dictionary<string, (string Unit, string Where)> legend, string file)
    {
        var text = Nfkc(row.Text);
        if (text.AsSpan().IndexOfAny("(【[") < 0)
        {
            return null;
        }

        var groups = Parenthesis().Matches(text);
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            var g = groups[i];
            var names = Split(g.Groups["inner"].Value);
            if (names.Count > 0 && names.All(IsUnit))
            {
                return Mention(names, g.Value, row.SourceLineStart, $"named after the item {file}:{row.SourceLineStart}");
            }

            // An abbreviation only at the very end of the item, where a legend's abbreviations are printed.
            var trailing = text[(g.Index + g.Length)..].Trim().Length == 0;
            if (trailing && names.Count > 0 && names.All(legend.ContainsKey))
            {
                var units = names.Select(n => legend[n].Unit).ToList();
                return Mention(units, g.Value, row.SourceLineStart, $"abbreviation after the item {file}:{row.SourceLineStart} = {string.Join("・", units)} ({legend[names[0]].Where})");
            }
        }

        return null;
    }

    private static PageMention? InColumn(FactInitiativeRow row, List<(int From, int To, int Index, int Count, string Header)> columns, Dictionary<string, (string Unit, string Where)> legend, string file)
    {
        var table = columns.FirstOrDefault(c => c.From < row.SourceLineStart && row.SourceLineStart < c.To);
        if (table.Header is null)
        {
            return null;
        }

        var cells = Cells().Split(Nfkc(row.RawText).Trim().TrimStart('・', '-', ' '));
        // A project name with spaces in it has more cells than the header: count the column from the right.
        var at = cells.Length == table.Count ? table.Index : cells.Length - (table.Count - table.Index);
        if (at < 1 || at >= cells.Length)
        {
            return null;
        }

        var cell = cells[at];
        if (IsUnit(cell))
        {
            return Mention([cell], cell, row.SourceLineStart, $"{table.Header} column {file}:{row.SourceLineStart}");
        }

        return legend.TryGetValue(cell, out var l)
            ? Mention([l.Unit], cell, row.SourceLineStart, $"{table.Header} column {file}:{row.SourceLineStart} 「{cell}」 = {l.Unit} ({l.Where})")
            : null;
    }

    /// <summary>Tables whose header names a department column: the lines they cover (up to the next heading), the column and the header's cell count.</summary>
    private static List<(int From, int To, int Index, int Count, string Header)> Columns(IReadOnlyList<FactSourceLineRow> lines)
    {
        var tables = new List<(int, int, int, int, string)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].InitiativeId is not null || lines[i].Role == SourceLineRoles.Heading)
            {
                continue;
            }

            var cells = Cells().Split(Nfkc(lines[i].Text ?? "").Trim());
            var index = Array.FindIndex(cells, c => ColumnWords.Contains(c));
            if (cells.Length < 3 || index < 1)
            {
                continue;
            }

            var end = lines.Skip(i + 1).FirstOrDefault(l => l.Role == SourceLineRoles.Heading)?.SourceLine ?? int.MaxValue;
            tables.Add((lines[i].SourceLine, end, index, cells.Length, cells[index]));
        }

        return tables;
    }

    private static PageMention Mention(List<string> units, string phrase, int line, string how)
    {
        var (parent, unit) = SplitBureau(units[0]);
        var others = units.Count > 1 ? $"; also named: {string.Join("・", units.Skip(1))}" : "";
        return new PageMention(unit, parent, phrase, line, how + others);
    }

    /// <summary>都市整備部公園緑地課 → (都市整備部, 公園緑地課); a name without a bureau in front stays whole.</summary>
    internal static (string? Parent, string Unit) SplitBureau(string name)
    {
        var m = BureauPrefix().Match(name);
        return m.Success ? (m.Groups["parent"].Value, m.Groups["unit"].Value) : (null, name);
    }

    /// <summary>A unit name: ends like a unit (課 室 部 局 センター …), no figures, not a count of places (3か所).</summary>
    internal static bool IsUnit(string name) =>
        name.Length is > 1 and <= 30 && ReorganisationParser.IsUnitName(name) && !name.Any(char.IsDigit) && !Places().IsMatch(name) && !IsLabel(name);

    private static bool IsLabel(string word) => ColumnWords.Contains(word);

    private static List<string> Split(string inner) => [.. inner.Split(['・', '、', ',', '/', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Nfkc(string s) => s.Normalize(NormalizationForm.FormKC);

    [GeneratedRegex(@"(?:担当課|所管課|担当部署|所管部署|担当部局|所管部局|担当|所管)\s*[:]\s*(?<units>[^\s,。()【】\[\]]+(?:[・、/][^\s,。()【】\[\]]+)*)")]
    private static partial Regex Label();

    [GeneratedRegex(@"^\s*[\[(【]?(?:担当課|所管課|担当部署|所管部署|担当部局|所管部局|担当|所管)\s*[:]")]
    private static partial Regex LabelOnly();

    [GeneratedRegex(@"[(【\[](?<inner>[^()【】\[\]]{1,40})[)】\]]")]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"(?<![^\s、,(:])(?<abbr>[^\s=:、,()【】]{1,4})\s*[=:]\s*(?<unit>[^\s、,()【】=:]+)(?=[\s、,)]|$)")]
    private static partial Regex LegendPair();

    // Not 例 or 略 alone: 条例 and 戦略 are everywhere.
    [GeneratedRegex(@"略称|略号|凡例|(?:^|[\s(])例\s*[:)]")]
    private static partial Regex LegendWord();

    [GeneratedRegex(@"[\s|│]+")]
    private static partial Regex Cells();

    [GeneratedRegex(@"(?:か所|ヶ所|カ所|箇所|ケ所|各所|随所)$")]
    private static partial Regex Places();

    [GeneratedRegex(@"^(?<parent>.{2,}?(?:局|部))(?<unit>.+(?:課|室|センター))$")]
    private static partial Regex BureauPrefix();
}
