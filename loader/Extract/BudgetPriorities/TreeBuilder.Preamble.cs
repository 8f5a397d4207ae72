using System.Text;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>The title block before the outline, and the logical line being built.</summary>
internal sealed partial class TreeBuilder
{
    // Lines before the first heading or item: titles (予算の重点, # …, a chapter numeral such as IV.) are kept.
    private bool AcceptPreamble(TextLine line, BudgetLine c, string text)
    {
        if (c.Kind is not (LineKind.Item or LineKind.Heading))
        {
            Preamble.Add(line);
        }

        var title = c.Kind is not LineKind.Item && BudgetPrioritiesParser.IsTitleText(text);
        var markdown = c.Kind == LineKind.Heading && c.Scheme.StartsWith('#');
        var chapter = c.Kind == LineKind.Heading && c.Marker == MarkerKind.Roman && c.Value != 1 && !c.Prefixed;
        if (!title && !markdown && !chapter)
        {
            return false;
        }

        if (markdown)
        {
            Preamble.Add(line with { Text = c.Body });
        }

        TitleLines.Add(markdown ? line with { Text = c.Body } : line);
        _titleText ??= text;
        Roles.Mark(line, SourceLineRoles.Heading);
        return true;
    }

    private sealed class Pending(int seq, string kind, int? parentSeq, string? policy, string text, TextLine line, string marker)
    {
        private readonly StringBuilder _raw = new(line.Raw.Trim());

        public int Seq { get; } = seq;

        public string Marker { get; } = marker;

        public string? Policy { get; } = policy;

        public string Role => kind switch
        {
            InitiativeKinds.Detail => SourceLineRoles.Detail,
            InitiativeKinds.Summary => SourceLineRoles.TableRow,
            _ => SourceLineRoles.Item,
        };

        public string Text { get; private set; } = text;

        public long? UnitYen { get; init; }

        public IReadOnlyList<string>? Columns { get; init; }

        public SourceSpan Span { get; private set; } = SourceSpan.Line(line.Number);

        public void Append(string text, TextLine line)
        {
            Text = Text.Length == 0 ? text : WrapRules.Join(Text, text);
            AppendRaw(line);
        }

        /// <summary>A line that belongs to the item (its amounts) without being part of its name.</summary>
        public void AppendRaw(TextLine line)
        {
            // Pieces of one flattened physical line stay on one line, so that a figure keeps its line number.
            _raw.Append(line.Number == Span.EndLine ? ' ' : '\n').Append(line.Raw.Trim());
            Span = Span.Union(SourceSpan.Line(line.Number));
        }

        public InitiativeNode ToNode()
        {
            // Tags printed on an item or detail are not part of its name; a summary (一般会計 …) keeps its text.
            var tags = new List<string>();
            var text = kind == InitiativeKinds.Summary ? Text : ItemTags.Split(Text, tags);
            // A run of spaces (cells or ideographic spaces between a name and its amount) reads as one.
            while (text.Contains("  ", StringComparison.Ordinal))
            {
                text = text.Replace("  ", " ", StringComparison.Ordinal);
            }

            if (ItemTags.HasDebtNote(Text))
            {
                tags.Add(ItemTags.DebtBurden);
            }

            return new()
            {
                Seq = Seq,
                Kind = kind,
                ParentSeq = parentSeq,
                PolicyCode = Policy,
                Text = text.Length == 0 ? Text : text,
                Tags = tags,
                RawText = _raw.ToString(),
                Span = Span,
                UnitYen = UnitYen,
                Columns = Columns,
            };
        }
    }
}
