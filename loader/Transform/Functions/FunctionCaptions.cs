using System.Buffers;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform.Functions;

/// <summary>A 款 the document prints, and where.</summary>
internal sealed record PrintedFunction(FunctionClass Function, int Line, string Printed, string How);

/// <summary>
/// The 款 a document prints itself: a caption line that is nothing but a 款 name (【総務費】, ■民生費, 第3款 民生費,
/// 款：衛生費, optionally followed by its amount), which covers the items below it until the next caption or the
/// next heading at or above the level the caption sits at; and a cell of an item's row that is a 款 name (a 款
/// column), which covers that item.
/// </summary>
internal sealed partial class FunctionCaptions
{
    private readonly Dictionary<string, FunctionClass> _byName;
    private readonly Regex _caption;
    private readonly Regex _cell;

    /// <summary>The 款 names: a caption or a cell names one of them, so a text without any is neither.</summary>
    private readonly SearchValues<string>? _names;

    private FunctionCaptions(IReadOnlyList<FunctionClass> functions)
    {
        _byName = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var names = string.Join("|", functions.Select(f => Regex.Escape(f.Name)).OrderByDescending(n => n.Length));
        _caption = new Regex(
            $@"^(?:[■□●○◆◇▼▽▶▷◎・*]\s*)?(?:款\s*[:：]?\s*|第?\d+款\s*|\(\d+\)\s*|\d+[.、]?\s*)?[【\[<〈《「(]?\s*(?<name>{names})\s*[】\]>〉》」)]?(?:(?:\s|[:：]|\d).*)?$",
            RegexOptions.CultureInvariant);
        _cell = new Regex($@"^(?:第?\d+款?)?[【\[(]?(?<name>{names})[】\])]?$", RegexOptions.CultureInvariant);
        _names = functions.Count == 0 ? null : SearchValues.Create([.. functions.Select(f => f.Name)], StringComparison.Ordinal);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<FunctionClass>, FunctionCaptions> Cache = new();

    /// <summary>The recogniser for a list of 款, built once per list.</summary>
    public static FunctionCaptions For(IReadOnlyList<FunctionClass> functions) => Cache.GetValue(functions, f => new FunctionCaptions(f));

    /// <summary>The 款 a caption line names, or null when the line is anything else.</summary>
    public FunctionClass? Caption(string line)
    {
        var text = line.Normalize(System.Text.NormalizationForm.FormKC);
        if (!MayName(text))
        {
            return null;
        }

        var m = _caption.Match(text.Trim());
        return m.Success ? _byName[m.Groups["name"].Value] : null;
    }

    /// <summary>The 款 of a row's cell (cells split at white space, | and │), or null.</summary>
    public FunctionClass? Cell(string rawText)
    {
        var text = rawText.Normalize(System.Text.NormalizationForm.FormKC);
        if (!MayName(text))
        {
            return null;
        }

        foreach (var cell in CellSplit().Split(text))
        {
            var m = _cell.Match(cell.Trim());
            if (m.Success)
            {
                return _byName[m.Groups["name"].Value];
            }
        }

        return null;
    }

    /// <summary>
    /// The caption above each initiative line, by the initiative's first line: a caption line covers the lines after
    /// it up to the next caption or the next heading at or above its level (the level of the heading the caption is,
    /// or of the heading it sits under; a caption before any heading runs to the next caption).
    /// </summary>
    public Dictionary<string, PrintedFunction> Captioned(IReadOnlyList<FactSourceLineRow> lines, IReadOnlyList<DimPolicyRow> policies, string file)
    {
        var headingLevel = new Dictionary<int, int>();
        foreach (var p in policies)
        {
            headingLevel.TryAdd(p.SourceLine, p.Level);
        }

        var result = new Dictionary<string, PrintedFunction>(StringComparer.Ordinal);
        PrintedFunction? open = null;
        var openLevel = 0;
        var currentLevel = 0;
        foreach (var line in lines.OrderBy(l => l.SourceLine))
        {
            var isHeading = headingLevel.TryGetValue(line.SourceLine, out var level);
            if (isHeading && open is not null && level <= openLevel && line.SourceLine > open.Line)
            {
                open = null;
            }

            var caption = line.InitiativeId is null ? Caption(line.Text ?? "") : null;
            if (caption is not null)
            {
                open = new PrintedFunction(caption, line.SourceLine, (line.Text ?? "").Trim(), $"caption {file}:{line.SourceLine}");
                openLevel = isHeading ? level : currentLevel;
            }

            if (isHeading)
            {
                currentLevel = level;
            }

            if (open is not null && line.InitiativeId is { } id && !result.ContainsKey(id))
            {
                result[id] = open;
            }
        }

        return result;
    }

    private bool MayName(string text) => _names is null || text.AsSpan().IndexOfAny(_names) >= 0;

    [GeneratedRegex(@"[\s|│｜]+")]
    private static partial Regex CellSplit();
}
