using System.Text;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Parses the budget-priorities family (予算の重点, 当初予算の概要, 広報 budget pages): a chapter title,
/// numbered pillars with a narrative paragraph, nested headings in any marker order, bulleted items and
/// the unbulleted detail lines under them.
/// </summary>
internal sealed partial class BudgetPrioritiesParser : IDocumentParser
{
    private static readonly string[] TitleWords = ["予算の重点", "重点施策", "予算の概要", "当初予算", "予算のあらまし", "予算編成", "主要施策", "重点事業", "主要事業", "予算のポイント", "新年度予算", "予算案"];

    public string Family => DocumentFamilies.BudgetPriorities;

    public int Recognise(SourceText source)
    {
        var items = 0;
        var headings = 0;
        var money = 0;
        var titled = false;
        var table = new OverviewTable();
        var rows = 0;
        foreach (var line in source.Lines.Take(20_000))
        {
            var c = BudgetLineClassifier.Classify(line.Text);
            var text = line.Text.Trim();
            if (table.UnitYen is not null && c.Kind is LineKind.Text or LineKind.Heading && table.Row(text) is not OverviewRow.None)
            {
                // a row of a table of amounts whose header names its figures (事業名 担当課 予算額(千円)), numbered or
                // not: an item with an amount
                items++;
                money++;
                rows++;
            }
            else if (c.Kind == LineKind.Item)
            {
                items++;
            }
            else if (c.Kind == LineKind.Heading)
            {
                headings++;
                table.AtHeading();
            }
            else if (c.Kind == LineKind.Text)
            {
                table.TryHeader(text);
            }

            money += MoneyText.HasMoney(line.Text) ? 1 : 0;
            titled |= IsTitleText(line.Text);
            if (Unflattener.LooksFlattened(line))
            {
                items += 10;
                headings += 3;
            }
        }

        // A titled document needs a single item; an untitled one must show the structure more than once; a list
        // of projects with amounts, or a table of them in a stated unit, is a budget overview even without headings.
        var structured = headings >= 1 && items >= (titled ? 1 : 3);
        var overview = (titled && money >= 1) || (items >= 3 && money >= 2) || rows >= 2;
        if (!structured && !overview)
        {
            // Degrade, don't reject: a document with an item or an amount loads what can be read, its coverage
            // telling how much; it wins only when no other family recognises it.
            return items + money > 0 ? 1 : 0;
        }

        return 10 + Math.Min(items, 50) + (titled ? 20 : 0);
    }

    public ParsedDocument Parse(SourceText source)
    {
        if (source.Lines.All(l => l.IsBlank))
        {
            throw new DocumentException(source.File, 0, "the document is empty (no text line)");
        }

        var builder = new TreeBuilder();
        var lines = Expand(source.Lines);
        var furniture = PageFurniture.Find(lines);
        var classes = new BudgetLine[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            classes[i] = furniture.Contains(i) || lines[i].IsChrome ? default : BudgetLineClassifier.Classify(lines[i].Text);
        }

        SymbolSiblings.Resolve(lines, classes, furniture);
        ProjectHeadings.Resolve(lines, classes, furniture);
        var next = NextLineIsAmount(lines, furniture);
        var repeats = RepeatedBlocks.Find(lines, classes);
        for (var i = 0; i < lines.Count; i++)
        {
            if (furniture.Contains(i) || lines[i].IsChrome)
            {
                builder.Roles.Mark(lines[i], SourceLineRoles.Chrome);
            }
            else if (repeats?[i] is { } original and >= 0)
            {
                builder.Roles.Repeat(lines[i], lines[original]);
            }
            else
            {
                builder.Accept(lines[i], classes[i], next[i]);
            }
        }

        var doc = DocumentNode.AddWhenMissing(builder.Finish(source.Lines), source.File);
        var year = FiscalYearInference.FromTitle(builder.Preamble)
            ?? FiscalYearInference.FromFinalSupplementary(lines);
        return doc with { InferredFiscalYear = year?.Year, FiscalYearEvidence = year?.Evidence };
    }

    // Whether the next non-blank line holds only an amount (the line before it is then a project name).
    private static AmountFollows[] NextLineIsAmount(List<TextLine> lines, HashSet<int> furniture)
    {
        var result = new AmountFollows[lines.Count];
        var following = AmountFollows.None;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            result[i] = following;
            if (!lines[i].IsBlank && !furniture.Contains(i))
            {
                following = !AmountLine.IsAmountOnly(lines[i].Text, out var hasUnit) ? AmountFollows.None
                    : hasUnit ? AmountFollows.WithUnit : AmountFollows.Bare;
            }
        }

        return result;
    }

    internal static bool IsTitleText(string text)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        return compact.Length <= 40 && TitleWords.Any(w => compact.Contains(w, StringComparison.Ordinal));
    }

    private static List<TextLine> Expand(IReadOnlyList<TextLine> lines)
    {
        var result = new List<TextLine>(lines.Count);
        var circledHeadings = lines.Any(l => l.Text.AsSpan().TrimStart() is [var c, ..] && TextNormalizer.IsCircledNumber(c));
        foreach (var cells in lines)
        {
            // Table cells separated by tabs (a PDF's table rows, a pasted spreadsheet) read as the space-separated
            // cells the budget rules expect; the printed text keeps its tabs.
            var line = cells.Text.Contains('\t', StringComparison.Ordinal) ? cells with { Text = cells.Text.Replace('\t', ' ') } : cells;
            if (line.Text.Length > 40 && Unflattener.LooksFlattened(line))
            {
                foreach (var piece in Unflattener.Split(line))
                {
                    RunTogether.Split(CollapseSpacedLetters(piece), result);
                }
            }
            else
            {
                RunTogether.Split(CollapseSpacedLetters(line), result, circledHeadings);
            }
        }

        return result;
    }

    /// <summary>
    /// Joins letters spaced out for emphasis (予 算 の 重 点 → 予算の重点): three or more single Japanese
    /// characters in a row, each separated by spaces. Latin letters (U J I) are left alone.
    /// </summary>
    internal static TextLine CollapseSpacedLetters(TextLine line)
    {
        if (!line.Text.Contains(' ', StringComparison.Ordinal) || !HasSpacedLetter(line.Text))
        {
            return line;
        }

        var tokens = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder(line.Text.Length);
        var changed = false;
        for (var i = 0; i < tokens.Length;)
        {
            var run = i;
            while (run < tokens.Length && tokens[run].Length == 1 && tokens[run][0] > '\u007F')
            {
                run++;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            if (run - i >= 3)
            {
                sb.AppendJoin("", tokens[i..run]);
                changed = true;
                i = run;
            }
            else
            {
                sb.Append(tokens[i]);
                i++;
            }
        }

        var leading = line.Text.Length - line.Text.TrimStart().Length;
        return changed ? line with { Text = line.Text[..leading] + sb } : line;
    }

    // A token of one non-ASCII character (a letter standing between spaces or at an end of the line): a run of
    // three needs one, and most lines with spaces have none, so they skip the split.
    private static bool HasSpacedLetter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > '\u007F' && (i == 0 || text[i - 1] == ' ') && (i == text.Length - 1 || text[i + 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }
}
