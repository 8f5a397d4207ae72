using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>
/// A piece of document text to read quantities and dates from: an item, a detail line or a
/// description paragraph. Segments that share a <see cref="GroupKey"/> (an item and its details)
/// are read together so that a うち line can refer to the amount on the line above it.
/// </summary>
/// <param name="Key">Id of the initiative the text belongs to.</param>
/// <param name="GroupKey">Id of the item the initiative belongs to (its own id for an item).</param>
/// <param name="RawText">The text as printed; wrapped lines may be joined with newlines.</param>
/// <param name="FirstLine">Physical line of the first character.</param>
/// <param name="FiscalYear">Fiscal year the text is about, to place a month written without a year.</param>
internal sealed record QuantitySegment(string Key, string GroupKey, string RawText, int FirstLine, int? FiscalYear);

/// <summary>A quantity with its role and label.</summary>
/// <param name="SegmentKey">Initiative the quantity was found in.</param>
/// <param name="Ordinal">1-based position among the initiative's quantities.</param>
/// <param name="Mention">What was read.</param>
/// <param name="Role">One of <see cref="MeasureRoles"/>.</param>
/// <param name="Label">What is measured, when the text says.</param>
/// <param name="Note">For a threshold or benchmark, the words that qualify it (安全とされる, 地財計画).</param>
/// <param name="ParentIndex">Index, in the same result list, of the amount a component, threshold or benchmark refers to.</param>
/// <param name="SourceLine">Physical line of the quantity.</param>
internal sealed record ExtractedMeasure(
    string SegmentKey, int Ordinal, QuantityMention Mention, string Role, string? Label, string? Note, int? ParentIndex, int SourceLine);

/// <summary>A milestone found in a segment.</summary>
internal sealed record ExtractedMilestone(string SegmentKey, int Ordinal, MilestoneMention Mention, int SourceLine);

/// <summary>Quantities and milestones of a document, in reading order.</summary>
internal sealed record ExtractedQuantities(IReadOnlyList<ExtractedMeasure> Measures, IReadOnlyList<ExtractedMilestone> Milestones);

/// <summary>
/// Reads every segment of a document, assigns each quantity a role and a label, and collects
/// milestones. Roles: a quantity after うち is a component of the amount it follows (on the same
/// line in parentheses, or the amount on the line above); lines after a うち line that state
/// further amounts continue the breakdown while the parts still fit in the whole; 累計 marks a
/// cumulative figure, 総額/合計 a total; inside the parenthesis after a value, a quantity with a bound
/// (18%未満) is a threshold and one of the same kind without a bound is a benchmark.
/// </summary>
internal static class QuantityExtractor
{
    private static readonly string[] TotalWords = ["総額", "合計", "総計"];

    private static readonly string[] LeadingNoise = ["うち", "累計", "総額", "合計", "総計", "※", "・", "約", "およそ"];

    private static readonly string[] TrailingNoise = ["総額", "合計", "総計", "累計", "約", "およそ", "概ね", "で", "は", "が", "に", "と", "を", "も", "の"];

    public static ExtractedQuantities Extract(IEnumerable<QuantitySegment> segments, long? statedUnitYen = null)
    {
        var measures = new List<ExtractedMeasure>();
        var milestones = new List<ExtractedMilestone>();
        string? group = null;
        int? lastMoneyValue = null;
        int? breakdownParent = null;
        long breakdownLeft = 0;
        var unit = statedUnitYen;
        var measureOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var milestoneOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            if (segment.GroupKey != group)
            {
                group = segment.GroupKey;
                lastMoneyValue = null;
                breakdownParent = null;
            }

            var text = MappedText.Create(segment.RawText);
            var s = text.Text;
            var dates = DateScanner.Scan(text, segment.FiscalYear);
            // A stated unit such as (単位 千円) holds from where it is printed to the end of the document.
            unit = StatedUnit.Detect(s) ?? unit;
            var found = QuantityScanner.Scan(text, unit);
            var ordinal = measureOrdinals.GetValueOrDefault(segment.Key);
            var segmentStart = measures.Count;
            var firstTab = s.IndexOf('\t');
            var firstCell = firstTab < 0 ? null : CleanCell(s[..firstTab]);
            foreach (var m in found)
            {
                if (Overlaps(m, dates))
                {
                    continue;
                }

                var outerOpen = OuterOpenParenthesis(s, m.Start);
                var inParen = outerOpen >= 0;
                int? owner = null;
                for (var k = measures.Count - 1; k >= segmentStart && inParen; k--)
                {
                    if (measures[k].Mention.End <= outerOpen && OuterOpenParenthesis(s, measures[k].Mention.Start) < 0)
                    {
                        owner = k;
                        break;
                    }
                }

                var previousEnd = measures.Count > segmentStart ? measures[^1].Mention.End : 0;
                var clauseStart = ClauseStart(s, m.Start, previousEnd);
                var clause = s[clauseStart..m.Start];
                var inTableCell = firstTab >= 0 && m.Start > firstTab;

                string role;
                int? parent = null;
                if (clause.Contains("うち", StringComparison.Ordinal))
                {
                    role = MeasureRoles.Component;
                    parent = owner ?? (m.Kind == QuantityKind.Money ? lastMoneyValue : LastOfKind(measures, segmentStart, m.Kind));
                }
                else if (clause.Contains("累計", StringComparison.Ordinal))
                {
                    role = MeasureRoles.Cumulative;
                }
                else if (TotalWords.Any(w => clause.Contains(w, StringComparison.Ordinal))
                    || (inTableCell && firstCell is "合計" or "総計" or "計"))
                {
                    role = MeasureRoles.Total;
                }
                else if (owner is { } o && m.Bound is not null)
                {
                    role = MeasureRoles.Threshold;
                    parent = o;
                }
                else if (owner is { } o2 && measures[o2].Mention.Kind == m.Kind && measures[o2].Role == MeasureRoles.Value)
                {
                    role = MeasureRoles.Benchmark;
                    parent = o2;
                }
                else if (!inParen && m.Kind == QuantityKind.Money && breakdownParent is { } bp && m.AmountYen is { } part
                    && part > 0 && part <= breakdownLeft)
                {
                    role = MeasureRoles.Component;
                    parent = bp;
                }
                else
                {
                    role = MeasureRoles.Value;
                }

                string? label;
                string? note = null;
                if (role is MeasureRoles.Threshold or MeasureRoles.Benchmark && parent is { } p)
                {
                    label = measures[p].Label;
                    note = CleanNote(clause);
                }
                else if (inTableCell)
                {
                    label = firstCell;
                }
                else
                {
                    label = FollowingLabel(s, m.End) is { } following && EndsInVerbOrEmpty(clause)
                        ? following
                        : CleanLabel(clause) ?? (inParen ? CleanLabel(LastClause(s[..outerOpen])) : null);
                }

                // Breakdown bookkeeping: only amounts on their own lines open or continue one.
                if (m.Kind == QuantityKind.Money && !inParen)
                {
                    if (role == MeasureRoles.Component && parent is { } bp2 && measures[bp2].Mention.AmountYen is { } whole)
                    {
                        if (breakdownParent != bp2)
                        {
                            breakdownParent = bp2;
                            breakdownLeft = whole;
                        }

                        breakdownLeft -= m.AmountYen ?? 0;
                    }
                    else if (role is MeasureRoles.Value or MeasureRoles.Total)
                    {
                        breakdownParent = null;
                    }
                }

                measures.Add(new ExtractedMeasure(segment.Key, ++ordinal, m, role, label, note, parent, LineOf(segment, text, m.Start)));
                if (m.Kind == QuantityKind.Money && !inParen && role is MeasureRoles.Value or MeasureRoles.Total)
                {
                    lastMoneyValue = measures.Count - 1;
                }
            }

            if (ordinal > 0)
            {
                measureOrdinals[segment.Key] = ordinal;
            }

            var milestoneOrdinal = milestoneOrdinals.GetValueOrDefault(segment.Key);
            foreach (var ms in MilestoneDetector.Detect(text, dates))
            {
                milestones.Add(new ExtractedMilestone(segment.Key, ++milestoneOrdinal, ms, LineOf(segment, text, ms.Start)));
            }

            if (milestoneOrdinal > 0)
            {
                milestoneOrdinals[segment.Key] = milestoneOrdinal;
            }
        }

        return new ExtractedQuantities(measures, milestones);
    }

    private static int? LastOfKind(List<ExtractedMeasure> measures, int from, QuantityKind kind)
    {
        for (var k = measures.Count - 1; k >= from; k--)
        {
            if (measures[k].Mention.Kind == kind && measures[k].Role == MeasureRoles.Value)
            {
                return k;
            }
        }

        return null;
    }

    private static bool Overlaps(QuantityMention m, List<DateMention> dates)
    {
        foreach (var d in dates)
        {
            if (m.NumberStart < d.End && d.Start < m.End)
            {
                return true;
            }
        }

        return false;
    }

    private static int LineOf(QuantitySegment segment, MappedText text, int index)
    {
        var rawIndex = text.RawIndex(index);
        var lines = 0;
        var raw = segment.RawText.AsSpan(0, Math.Min(rawIndex, segment.RawText.Length));
        foreach (var c in raw)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return segment.FirstLine + lines;
    }

    // Position of the outermost open parenthesis enclosing index, or -1.
    private static int OuterOpenParenthesis(string s, int index)
    {
        var depth = 0;
        var outer = -1;
        for (var i = 0; i < index && i < s.Length; i++)
        {
            switch (s[i])
            {
                case '(' or '[' or '【' or '〔':
                    if (depth == 0)
                    {
                        outer = i;
                    }

                    depth++;
                    break;
                case ')' or ']' or '】' or '〕':
                    if (depth > 0)
                    {
                        depth--;
                    }

                    break;
            }
        }

        return depth > 0 ? outer : -1;
    }

    private static bool IsBoundary(string s, int i) => s[i] switch
    {
        '、' or '。' or '(' or ')' or '\t' or '[' or ']' or '【' or '】' or '「' or '」' or ':' or '〔' or '〕' or ';' => true,
        ',' => !(i > 0 && char.IsDigit(s[i - 1]) && i + 1 < s.Length && char.IsDigit(s[i + 1])),
        _ => false,
    };

    private static int ClauseStart(string s, int index, int previousEnd)
    {
        var i = index - 1;
        while (i >= previousEnd && i >= 0 && !IsBoundary(s, i))
        {
            i--;
        }

        return Math.Max(i + 1, previousEnd);
    }

    private static string LastClause(string s)
    {
        var i = s.Length - 1;
        while (i >= 0 && !IsBoundary(s, i))
        {
            i--;
        }

        return s[(i + 1)..];
    }

    private static string? CleanCell(string cell)
    {
        var t = cell.AsSpan().Trim();
        var i = 0;
        while (i < t.Length && char.IsAsciiDigit(t[i]))
        {
            i++;
        }

        if (i > 0 && i < t.Length && t[i] is ' ' or '.')
        {
            t = t[(i + 1)..].Trim();
        }

        return t.IsEmpty ? null : t.ToString();
    }

    /// <summary>The measured thing named in the clause before a number: 実質公債費比率 in 実質公債費比率 5.4%.</summary>
    internal static string? CleanLabel(string clause)
    {
        var t = clause.Trim();
        var changed = true;
        while (changed && t.Length > 0)
        {
            changed = false;
            foreach (var w in LeadingNoise)
            {
                if (t.StartsWith(w, StringComparison.Ordinal))
                {
                    t = t[w.Length..].TrimStart();
                    changed = true;
                }
            }

            foreach (var w in TrailingNoise)
            {
                if (t.EndsWith(w, StringComparison.Ordinal))
                {
                    t = t[..^w.Length].TrimEnd();
                    changed = true;
                }
            }
        }

        // 契約額は5年間で → 契約額: the topic marked by は is what the figure measures.
        var topic = t.IndexOf('は');
        if (topic > 0)
        {
            t = t[..topic];
        }

        if (t.Length < 2 || t.Length > 40 || t.Any(char.IsAsciiDigit) || IsInflectionEnding(t[^1]))
        {
            return null;
        }

        return t;
    }

    private static string? CleanNote(string clause)
    {
        var t = clause.Trim().TrimStart('※', '・');
        return t.Length == 0 ? null : t;
    }

    // 271億円の公共事業規模を確保 → 公共事業規模: the noun after の is what the figure measures.
    private static string? FollowingLabel(string s, int end)
    {
        if (end >= s.Length || s[end] != 'の')
        {
            return null;
        }

        var i = end + 1;
        while (i < s.Length && !IsHiragana(s[i]) && !IsBoundary(s, i) && s[i] != ' ' && !char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var label = s[(end + 1)..i];
        return label.Length is >= 1 and <= 20 ? label : null;
    }

    // Text before a number that is empty or ends in a verb or adjective (上回る) names nothing.
    private static bool EndsInVerbOrEmpty(string clause)
    {
        var t = clause.TrimEnd();
        return t.Length == 0 || IsInflectionEnding(t[^1]);
    }

    // Endings of verbs and adjectives in their attributive or past form (上回る, された, 多い); 積み立て is a noun.
    private static bool IsInflectionEnding(char c) => c is 'る' or 'た' or 'だ' or 'い' or 'う' or 'く' or 'す' or 'ぐ' or 'む' or 'ぶ' or 'ぬ' or 'つ';

    private static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u309F';
}
