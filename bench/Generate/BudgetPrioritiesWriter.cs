using System.Globalization;
using System.Text;

namespace BudgetWarehouse.Bench.Generate;

/// <summary>What the generator wrote into one document, to check a load against.</summary>
internal sealed record GeneratedCounts
{
    /// <summary>Policy nodes per level (index 0 = level 1).</summary>
    public int[] PoliciesByLevel { get; init; } = [];

    public int Items { get; init; }

    public int Details { get; init; }

    /// <summary>Plan-progress only: rows of the achievement table (basic policies plus the total).</summary>
    public int AchievementRows { get; init; }

    /// <summary>Plan-progress only: narrative paragraphs under the items.</summary>
    public int Paragraphs { get; init; }
}

/// <summary>
/// Writes one budget-priorities document (予算の重点): a title, numbered pillars each with a narrative
/// paragraph, sections (1)(2), subsections ① or ◇, bulleted items with unbulleted detail lines, in the style
/// chosen for the document. Counts what it wrote.
/// </summary>
internal sealed class BudgetPrioritiesWriter(Random rng, DocumentStyle style, Municipality municipality, int fiscalYear)
{
    private readonly List<string> _lines = [];
    private readonly HashSet<string> _textLines = new(StringComparer.Ordinal);
    private readonly int[] _levels = new int[3];
    private int _items;
    private int _details;
    private int _page;

    public static string Title(int fiscalYear) => $"{Era(fiscalYear)}年度当初予算 予算の重点";

    public (string Text, GeneratedCounts Counts) Write(int targetChars)
    {
        _lines.Add("");
        _lines.Add("");
        if (style.SiteChrome)
        {
            _lines.Add("文字の大きさ 標準 拡大");
            _lines.Add("背景色の変更");
            _lines.Add($"ホーム > 市政情報 > 財政 > {Era(fiscalYear)}年度予算");
        }

        _lines.Add(rng.Chance(0.3) ? "IV. 予算の重点" : rng.Chance(0.5) ? Title(fiscalYear) : $"{municipality.Name} {Era(fiscalYear)}年度 予算のあらまし");
        _lines.Add("");
        if (style.Overview)
        {
            WriteOverview();
        }

        var pillars = Shuffled(Vocabulary.Pillars);
        var sections = Shuffled(Vocabulary.Sections);
        var sectionIndex = 0;
        var pillarCount = 0;
        var chars = 0;
        var maxPillars = 3 + rng.Next(3);
        while (pillarCount < maxPillars && pillarCount < pillars.Count && (pillarCount < 2 || chars < targetChars))
        {
            pillarCount++;
            _levels[0]++;
            AddText(PillarMarker(pillarCount) + pillars[pillarCount - 1]);
            _lines.Add("");
            AddWrapped(Paragraph(pillars[pillarCount - 1]));
            _lines.Add("");
            var sectionCount = 2 + rng.Next(3);
            for (var s = 1; s <= sectionCount; s++)
            {
                _levels[1]++;
                var title = sections[sectionIndex++ % sections.Count];
                _lines.Add(Paren(s) + " " + title);
                _lines.Add("");
                if (rng.Chance(0.2))
                {
                    if (style.Amounts && !style.Flattened && rng.Chance(0.3))
                    {
                        WriteProjects(2 + rng.Next(4));
                    }
                    else
                    {
                        WriteItems(3 + rng.Next(5));
                    }
                }
                else
                {
                    var subsections = 2 + rng.Next(3);
                    var subjects = Shuffled(Vocabulary.SubjectNouns);
                    for (var k = 1; k <= subsections; k++)
                    {
                        _levels[2]++;
                        var subTitle = subjects[k - 1] + rng.Pick(Vocabulary.SubjectActions);
                        _lines.Add(style.DiamondSubsections ? "◇ " + subTitle : Circled(k) + subTitle);
                        _lines.Add("");
                        WriteItems(3 + rng.Next(6));
                        MaybePageBreak();
                    }
                }

                chars = _lines.Sum(l => l.Length);
            }
        }

        if (style.PageNumbers && _lines.Count(IsDashPageNumber) >= 3)
        {
            // A running header repeated on every page; the parser drops lines repeated this often.
            var header = $"{municipality.Name} 予算の重点";
            for (var i = _lines.Count - 1; i >= 0; i--)
            {
                if (IsDashPageNumber(_lines[i]))
                {
                    _lines.Insert(i + 1, header);
                }
            }
        }

        if (style.SiteChrome)
        {
            _lines.Add("このページの上へ");
        }

        var text = Render();
        return (text, new GeneratedCounts { PoliciesByLevel = [.. _levels], Items = _items, Details = _details });
    }

    private void WriteItems(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _items++;
            AddItem(Item());
            var details = rng.Chance(0.25) ? 1 + rng.Next(3) : 0;
            for (var d = 0; d < details; d++)
            {
                var detail = UniqueDetail();
                if (detail is null)
                {
                    continue;
                }

                _details++;
                if (style.MarkedDetails)
                {
                    AddText("- " + detail);
                }
                else
                {
                    AddWrapped(detail, indent: rng.Chance(0.2) ? " " : "");
                }
            }

            if (rng.Chance(0.05))
            {
                _lines.Add("");
            }
        }

        _lines.Add("");
    }

    // Projects with their amounts in thousands of yen, as overviews print them: a table whose header names a
    // department column (tab, runs of ideographic spaces or pipes between cells; "-" when there is no prior-year
    // amount), unbulleted "name amount千円" lines, or ① lines with their amounts. Every row is an item.
    private void WriteProjects(int count)
    {
        var layout = rng.Next(5);
        var sep = layout switch { 0 => "\t", 1 => "\u3000\u3000", _ => " | " };
        string Row(params string[] cells) => layout == 2 ? $"| {string.Join(sep, cells)} |" : string.Join(sep, cells);
        if (layout < 3)
        {
            _lines.Add(Row("事業名", "担当課", "予算額(千円)", "前年度"));
            if (layout == 2)
            {
                _lines.Add("|---|---|---:|---:|");
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < count)
        {
            names.Add($"{rng.Pick(Vocabulary.Places)}{rng.Pick(Vocabulary.Facilities)}{rng.Pick(Vocabulary.Works)}事業");
        }

        var k = 0;
        foreach (var name in names.Where(n => _textLines.Add(n)))
        {
            _items++;
            var amount = (1 + rng.Next(900)) * 100 + rng.Next(100);
            if (layout == 4)
            {
                // numbered like a subsection, but each line a project with its amount and nothing under it
                _lines.Add(string.Create(CultureInfo.InvariantCulture, $"{Circled(++k)} {name}\u3000{amount:N0}千円"));
                continue;
            }

            _lines.Add(layout == 3
                ? string.Create(CultureInfo.InvariantCulture, $"{name}\u3000{amount:N0}千円")
                : Row(name, rng.Pick(Vocabulary.Departments), amount.ToString("N0", CultureInfo.InvariantCulture),
                    rng.Chance(0.3) ? "-" : (amount - rng.Next(amount / 2)).ToString("N0", CultureInfo.InvariantCulture)));
        }

        _lines.Add("");
    }

    // (単位 千円) and a two-year account table: summary rows, not items.
    private void WriteOverview()
    {
        var general = 20_000_000 + rng.Next(80_000_000);
        var special = 5_000_000 + rng.Next(20_000_000);
        _lines.Add("(単位 千円)");
        _lines.Add($"会計 {Era(fiscalYear)}年度 {Era(fiscalYear - 1)}年度 増減率");
        _lines.Add(string.Create(CultureInfo.InvariantCulture, $"一般会計 {general:N0} {general - rng.Next(2_000_000):N0} {rng.Next(1, 60) / 10.0:0.0}%"));
        _lines.Add(string.Create(CultureInfo.InvariantCulture, $"特別会計 {special:N0} {special + rng.Next(1_000_000):N0} ▲{rng.Next(1, 40) / 10.0:0.0}%"));
        _lines.Add("");
    }

    private void MaybePageBreak()
    {
        if (!style.PageNumbers || !rng.Chance(0.35))
        {
            return;
        }

        _page++;
        _lines.Add(rng.Chance(0.7) ? $"- {_page} -" : _page.ToString(CultureInfo.InvariantCulture));
        _lines.Add("");
    }

    private static bool IsDashPageNumber(string line) => line.StartsWith("- ", StringComparison.Ordinal) && line.EndsWith(" -", StringComparison.Ordinal);

    private string Item()
    {
        var schedule = rng.Chance(0.2) ? $"（{Era(fiscalYear + rng.Next(3))}年{1 + rng.Next(12)}月{rng.Pick(Vocabulary.Events)}予定）" : "";
        var tail = rng.Next(26) switch
        {
            0 => "〔再掲〕",
            1 => "（最終補正）",
            2 => $"（{2 + rng.Next(8)}施設）",
            3 or 4 or 5 when style.Amounts => rng.Chance(0.5) ? $"（事業費{1 + rng.Next(40)}億円）" : $"（{1 + rng.Next(9)},{rng.Next(10)}00万円）",
            20 => rng.Pick(Vocabulary.ItemTags),
            21 when style.Amounts => $"（債務負担{1 + rng.Next(20)}億円）",
            22 => $"（No{1 + rng.Next(20)},{21 + rng.Next(30)}）",
            23 => $"（p.{1 + rng.Next(9)}～p.{10 + rng.Next(20)}）",
            24 => fiscalYear >= 2020 ? $"（R{fiscalYear - 2018}・R{fiscalYear - 2017}年度）" : $"（H{fiscalYear - 1991}~H{fiscalYear - 1988}）",
            _ => "",
        };
        var lead = rng.Chance(0.03) ? "（新）" : "";
        return lead + rng.Next(4) switch
        {
            0 => $"{rng.Pick(Vocabulary.Places)}{rng.Pick(Vocabulary.Facilities)}の{rng.Pick(Vocabulary.Works)}{rng.Pick(Vocabulary.WorkVerbs)}{schedule}{tail}",
            1 => $"{rng.Pick(Vocabulary.Purposes)}、{rng.Pick(Vocabulary.Targets)}に対する{rng.Pick(Vocabulary.Objects)}を{rng.Pick(Vocabulary.Verbs)}{tail}",
            _ => $"{rng.Pick(Vocabulary.Targets)}を対象とした{rng.Pick(Vocabulary.Objects)}を{rng.Pick(Vocabulary.Verbs)}{schedule}{tail}",
        };
    }

    private string? UniqueDetail()
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var detail = rng.Next(3) switch
            {
                0 => $"{rng.Pick(Vocabulary.Places)}地区で{rng.Pick(Vocabulary.DetailObjects)}を{rng.Pick(Vocabulary.DetailVerbs)}",
                1 => $"{rng.Pick(Vocabulary.Targets)}向けの{rng.Pick(Vocabulary.DetailObjects)}を{rng.Pick(Vocabulary.DetailVerbs)}",
                _ => $"{rng.Pick(Vocabulary.DetailObjects)}を{rng.Pick(Vocabulary.DetailVerbs)}（{Era(fiscalYear)}年度）",
            };
            if (!_textLines.Contains(detail) && !_textLines.Contains("- " + detail))
            {
                return detail;
            }
        }

        return null;
    }

    private string Paragraph(string pillar)
    {
        var sb = new StringBuilder();
        sb.Append(rng.Pick(Vocabulary.ParagraphOpenings)).Append('、').Append(municipality.Name).Append("の").Append(rng.Pick(Vocabulary.ParagraphMiddles))
            .Append('、').Append(rng.Pick(Vocabulary.ParagraphMiddles)).Append('、').Append(rng.Pick(Vocabulary.ParagraphEnds)).Append('。');
        sb.Append("また、").Append(pillar).Append("に向けて").Append(rng.Pick(Vocabulary.ParagraphMiddles)).Append('、').Append(rng.Pick(Vocabulary.ParagraphEnds)).Append('。');
        return sb.ToString();
    }

    private void AddItem(string text)
    {
        var pieces = style.WrapWidth > 0 ? Rendering.Wrap(text, style.WrapWidth) : [text];
        if (pieces.Skip(1).Any(_textLines.Contains))
        {
            pieces = [text];
        }

        _lines.Add(style.Bullet + pieces[0]);
        foreach (var p in pieces.Skip(1))
        {
            _textLines.Add(p);
            _lines.Add(p);
        }
    }

    private void AddWrapped(string text, string indent = "")
    {
        var pieces = style.WrapWidth > 0 ? Rendering.Wrap(text, style.WrapWidth) : [text];
        if (pieces.Any(_textLines.Contains))
        {
            pieces = [text];
        }

        foreach (var p in pieces)
        {
            _textLines.Add(p);
            _lines.Add(indent + p);
        }
    }

    private void AddText(string line)
    {
        _textLines.Add(line);
        _lines.Add(line);
    }

    private string PillarMarker(int n) => style.Pillar switch
    {
        PillarStyle.BoxRoman => "■" + Rendering.Roman(n) + (style.Flattened || rng.Chance(0.5) ? " " : ""),
        PillarStyle.RomanDot => Rendering.Roman(n) + ". ",
        PillarStyle.RomanNumeral => Rendering.RomanNumeralSign(n) + " ",
        PillarStyle.Dai => $"第{n} ",
        PillarStyle.Label => $"柱{n} ",
        PillarStyle.Angle => $"<{n}>",
        _ => $"{n} ",
    };

    private static string Paren(int n) => $"({n})";

    private static string Circled(int n) => ((char)('\u2460' + n - 1)).ToString();

    private string Render()
    {
        IEnumerable<string> lines = _lines;
        if (style.HalfWidthBrackets)
        {
            lines = lines.Select(Rendering.ToHalfWidthBrackets);
        }

        if (style.FullWidth)
        {
            lines = lines.Select(Rendering.ToFullWidth);
        }

        var newline = style.Crlf ? "\r\n" : "\n";
        if (style.Flattened)
        {
            return string.Join(" ", lines.Where(l => l.Length > 0).Select(l => l.Trim())) + newline;
        }

        return string.Join(newline, lines) + newline;
    }

    private List<T> Shuffled<T>(IReadOnlyList<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    internal static string Era(int fiscalYear) => fiscalYear switch
    {
        2019 => "令和元",
        >= 2019 => "令和" + (fiscalYear - 2018).ToString(CultureInfo.InvariantCulture),
        _ => "平成" + (fiscalYear - 1988).ToString(CultureInfo.InvariantCulture),
    };
}
