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
    private static readonly string[] TitleWords = ["予算の重点", "重点施策", "予算の概要", "当初予算", "予算のあらまし", "予算編成", "主要施策", "重点事業"];

    public string Family => DocumentFamilies.BudgetPriorities;

    public int Recognise(SourceText source)
    {
        var items = 0;
        var headings = 0;
        var titled = false;
        foreach (var line in source.Lines.Take(20_000))
        {
            var c = BudgetLineClassifier.Classify(line.Text);
            if (c.Kind == LineKind.Item)
            {
                items++;
            }
            else if (c.Kind == LineKind.Heading)
            {
                headings++;
            }

            titled |= IsTitleText(line.Text);
            if (Unflattener.LooksFlattened(line))
            {
                items += 10;
                headings += 3;
            }
        }

        // A titled document needs a single item; an untitled one must show the structure more than once.
        if (headings < 1 || items < (titled ? 1 : 3))
        {
            return 0;
        }

        return 10 + Math.Min(items, 50) + (titled ? 20 : 0);
    }

    public ParsedDocument Parse(SourceText source)
    {
        var builder = new TreeBuilder(source.File);
        var lines = Expand(source.Lines);
        var furniture = PageFurniture.Find(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!furniture.Contains(i))
            {
                builder.Accept(CollapseSpacedLetters(lines[i]));
            }
        }

        var doc = builder.Finish();
        if (doc.Policies.Count == 0 && doc.Initiatives.Count == 0)
        {
            throw new DocumentException(source.File, 0, "no recognisable budget-priorities structure (no headings or bulleted items)");
        }

        var year = FiscalYearInference.FromTitle(builder.Preamble)
            ?? FiscalYearInference.FromFinalSupplementary(lines);
        return doc with { InferredFiscalYear = year?.Year, FiscalYearEvidence = year?.Evidence };
    }

    internal static bool IsTitleText(string text)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        return compact.Length <= 40 && TitleWords.Any(w => compact.Contains(w, StringComparison.Ordinal));
    }

    private static List<TextLine> Expand(IReadOnlyList<TextLine> lines)
    {
        var result = new List<TextLine>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Text.Length > 40 && Unflattener.LooksFlattened(line))
            {
                result.AddRange(Unflattener.Split(line));
            }
            else
            {
                result.Add(line);
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

    /// <summary>Walks the lines once, keeping the open headings on a stack and the logical line being built.</summary>
    private sealed class TreeBuilder(string file)
    {
        private readonly List<PolicyNode> _policies = [];
        private readonly List<InitiativeNode> _initiatives = [];
        private readonly List<Frame> _stack = [];
        private readonly List<Diagnostic> _warnings = [];
        private int _pillarCount;
        private int _seq;
        private Pending? _open;
        private int? _currentItemSeq;
        private bool _afterBlank;
        private string? _titleText;
        private PolicyNode? _describing;
        private readonly StringBuilder _description = new();

        public List<TextLine> TitleLines { get; } = [];

        /// <summary>Lines before the first heading or item: the title block, where a fiscal year is stated.</summary>
        public List<TextLine> Preamble { get; } = [];

        public void Accept(TextLine line)
        {
            if (line.IsBlank)
            {
                _afterBlank = true;
                return;
            }

            var text = line.Text.Trim();
            var c = BudgetLineClassifier.Classify(text);
            if (_policies.Count == 0 && _initiatives.Count == 0 && c.Kind is not (LineKind.Item or LineKind.Heading))
            {
                Preamble.Add(line);
            }

            if (_policies.Count == 0 && _initiatives.Count == 0 && c.Kind is not LineKind.Item && IsTitleText(text))
            {
                TitleLines.Add(line);
                _titleText ??= text;
                _afterBlank = false;
                return;
            }

            if (_titleText is not null && text == _titleText)
            {
                return; // running header repeating the chapter title
            }

            if (c.Kind == LineKind.Heading && TryOpenHeading(c, line))
            {
                _afterBlank = false;
                return;
            }

            switch (c.Kind)
            {
                case LineKind.Item:
                    Flush();
                    _seq++;
                    _currentItemSeq = _seq;
                    _open = new Pending(_seq, InitiativeKinds.Item, null, CurrentPolicy, c.Body, line);
                    break;
                case LineKind.MarkedDetail when _currentItemSeq is not null:
                    Flush();
                    _seq++;
                    _open = new Pending(_seq, InitiativeKinds.Detail, _currentItemSeq, CurrentPolicy, c.Body, line);
                    break;
                default:
                    AcceptText(line, c.Kind == LineKind.MarkedDetail ? c.Body : text);
                    break;
            }

            _afterBlank = false;
        }

        public ParsedDocument Finish()
        {
            Flush();
            FlushDescription();
            return new ParsedDocument
            {
                Family = DocumentFamilies.BudgetPriorities,
                Title = TitleLines.Count == 0 ? null : string.Join(" ", TitleLines.Select(l => l.Text.Trim())),
                Policies = _policies,
                Initiatives = _initiatives,
                Warnings = _warnings,
            };
        }

        private string? CurrentPolicy => _stack.Count == 0 ? null : _stack[^1].Node.Code;

        private void AcceptText(TextLine line, string text)
        {
            if (_open is not null && !_afterBlank && WrapRules.Continues(_open.Text, text))
            {
                _open.Append(text, line);
                return;
            }

            if (_currentItemSeq is not null)
            {
                Flush();
                _seq++;
                _open = new Pending(_seq, InitiativeKinds.Detail, _currentItemSeq, CurrentPolicy, text, line);
                return;
            }

            if (_stack.Count > 0)
            {
                var node = _stack[^1].Node;
                if (!ReferenceEquals(node, _describing))
                {
                    FlushDescription();
                    _describing = node;
                }
                else if (_afterBlank)
                {
                    _description.Append('\n');
                }

                _description.Append(text);
                return;
            }

            _warnings.Add(new Diagnostic(Severity.Warning, file, line.Number, "text before the first heading was not loaded"));
        }

        private bool TryOpenHeading(BudgetLine c, TextLine line)
        {
            var index = _stack.FindIndex(f => f.Kind == c.Marker);
            var numbered = c.Marker is MarkerKind.Arabic or MarkerKind.Roman;
            Frame? parent;
            if (index >= 0)
            {
                // A sibling of an open heading: numbered markers must continue the count.
                if (numbered && c.Value != _stack[index].Value + 1)
                {
                    return false;
                }

                parent = index == 0 ? null : _stack[index - 1];
                _stack.RemoveRange(index, _stack.Count - index);
            }
            else
            {
                // A new, deeper level: numbered markers must start at one unless a pillar prefix (■, 第) vouches for them.
                if (numbered && c.Value != 1 && !(c.Prefixed && _stack.Count == 0))
                {
                    return false;
                }

                parent = _stack.Count == 0 ? null : _stack[^1];
            }

            Flush();
            _currentItemSeq = null;
            var ordinal = parent is null ? ++_pillarCount : ++parent.ChildCount;
            var code = parent is null ? ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{parent.Node.Code}.{ordinal}";
            var node = new PolicyNode
            {
                Level = _stack.Count + 1,
                Code = code,
                Title = c.Body,
                Marker = c.MarkerText,
                ParentCode = parent?.Node.Code,
                Span = SourceSpan.Line(line.Number),
            };
            _policies.Add(node);
            _stack.Add(new Frame(c.Marker, c.Value, node));
            return true;
        }

        private void Flush()
        {
            if (_open is null)
            {
                return;
            }

            _initiatives.Add(_open.ToNode());
            _open = null;
        }

        private void FlushDescription()
        {
            if (_describing is not null && _description.Length > 0)
            {
                _describing.Description = _description.ToString();
            }

            _description.Clear();
            _describing = null;
        }
    }

    private sealed class Frame(MarkerKind kind, int value, PolicyNode node)
    {
        public MarkerKind Kind { get; } = kind;

        public int Value { get; } = value;

        public PolicyNode Node { get; } = node;

        public int ChildCount { get; set; }
    }

    private sealed class Pending(int seq, string kind, int? parentSeq, string? policy, string text, TextLine line)
    {
        private readonly StringBuilder _raw = new(line.Raw.Trim());

        public string Text { get; private set; } = text;

        public SourceSpan Span { get; private set; } = SourceSpan.Line(line.Number);

        public void Append(string text, TextLine line)
        {
            Text = WrapRules.Join(Text, text);
            _raw.Append('\n').Append(line.Raw.Trim());
            Span = Span.Union(SourceSpan.Line(line.Number));
        }

        public InitiativeNode ToNode() => new()
        {
            Seq = seq,
            Kind = kind,
            ParentSeq = parentSeq,
            PolicyCode = policy,
            Text = Text,
            RawText = _raw.ToString(),
            Span = Span,
        };
    }
}
