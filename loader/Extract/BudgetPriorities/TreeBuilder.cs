using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Walks the logical lines once: headings go to the <see cref="Outline"/>, bullets open items, other lines
/// continue, detail or describe what is open, and every line gets a role.
/// </summary>
internal sealed partial class TreeBuilder
{
    private readonly List<InitiativeNode> _initiatives = [];
    private readonly Outline _outline = new();
    private readonly OverviewTable _table = new();
    private int _seq;
    private Pending? _open;
    private Pending? _currentItem;
    private bool _afterBlank;
    private bool _markerAlone;
    private string? _titleText;
    private PolicyNode? _describing;
    private readonly System.Text.StringBuilder _description = new();

    public LineRoles Roles { get; } = new();

    public List<TextLine> TitleLines { get; } = [];

    /// <summary>Lines before the first heading or item: the title block, where a fiscal year is stated.</summary>
    public List<TextLine> Preamble { get; } = [];

    public IReadOnlyList<InitiativeNode> Initiatives => _initiatives;

    public IReadOnlyList<PolicyNode> Policies => _outline.Policies;

    private bool _started;

    private bool Started => _started;

    private string? CurrentPolicy => _outline.Current?.Code;

    public void Accept(TextLine line, BudgetLine c, AmountFollows next)
    {
        if (line.IsBlank)
        {
            _afterBlank = true;
            return;
        }

        var text = line.Text.Trim();
        if (c.Kind == LineKind.Contents || (c.Kind == LineKind.Text ? SiteChrome.IsChrome(text) : SiteChrome.IsControl(text)))
        {
            Roles.Mark(line, SourceLineRoles.Chrome);
            return;
        }

        if (!Started && AcceptPreamble(line, c, text))
        {
            _afterBlank = false;
            return;
        }

        if (_titleText is not null && text == _titleText)
        {
            Roles.Mark(line, SourceLineRoles.Chrome); // running header repeating the title
            return;
        }

        AcceptContent(line, c, text, next == AmountFollows.WithUnit || (next == AmountFollows.Bare && _table.UnitYen is not null));
        _afterBlank = false;
    }

    public ParsedDocument Finish(IReadOnlyList<TextLine> physical)
    {
        Flush();
        FlushDescription();
        return new ParsedDocument
        {
            Family = DocumentFamilies.BudgetPriorities,
            Title = TitleLines.Count == 0 ? null : string.Join(" ", TitleLines.Select(l => l.Text.Trim())),
            Policies = _outline.Policies,
            Initiatives = _initiatives,
            SourceLines = Roles.For(physical),
        };
    }

    private void AcceptContent(TextLine line, BudgetLine c, string text, bool amountFollows)
    {
        if ((c.Kind == LineKind.Text && _table.TryHeader(text)) || (_table.Columns is not null && OverviewTable.IsSeparatorRow(text)))
        {
            FlushItem();
            Roles.Mark(line, SourceLineRoles.TableRow, CurrentPolicy);
            return;
        }

        if (c.Kind == LineKind.Heading && _table.Row(text) is OverviewRow.None && TryOpenHeading(c, line))
        {
            // (a row of a numbered table, 1 地域交通対策事業 … 45,300, is not a heading)
            return;
        }

        if (_markerAlone && _open is not null && c.Kind is LineKind.Text)
        {
            // ○ alone on its line: this line is the item's text.
            _markerAlone = false;
            _open.Append(text, line);
            Roles.Mark(line, _open.Role, _open.Policy, _open.Seq);
            return;
        }

        switch (c.Kind)
        {
            case LineKind.Item:
                OpenItem(line, c.Body, c.MarkerText);
                break;
            case LineKind.MarkedDetail when c.MarkerText == "-" && (_currentItem is null || _currentItem.Marker == "-"):
                OpenItem(line, c.Body, "-");
                break;
            case LineKind.MarkedDetail when _currentItem is not null:
                OpenDetail(line, c.Body);
                break;
            default:
                AcceptText(line, c.Kind == LineKind.MarkedDetail ? c.Body : text, amountFollows);
                break;
        }
    }

    private void OpenItem(TextLine line, string body, string marker, string kind = InitiativeKinds.Item)
    {
        Flush();
        _seq++;
        _open = new Pending(_seq, kind, null, CurrentPolicy, body, line, marker) { UnitYen = _table.UnitYen, Columns = _table.RowColumns(line.Text.Trim()) };
        _started |= kind != InitiativeKinds.Summary;
        _currentItem = kind == InitiativeKinds.Item ? _open : null;
        _markerAlone = body.Length == 0;
        Roles.Mark(line, _open.Role, CurrentPolicy, _seq);
    }

    private void OpenDetail(TextLine line, string body)
    {
        Flush();
        _seq++;
        _open = new Pending(_seq, InitiativeKinds.Detail, _currentItem!.Seq, CurrentPolicy, body, line, "") { UnitYen = _table.UnitYen };
        Roles.Mark(line, SourceLineRoles.Detail, CurrentPolicy, _seq);
    }

    private void AcceptText(TextLine line, string text, bool amountFollows)
    {
        if (ItemTags.IsLegend(text))
        {
            // 新は 新たな事業、改は 内容の見直し: the key to the status marks, neither an item nor a detail.
            FlushItem();
            Roles.Mark(line, SourceLineRoles.Prose, CurrentPolicy);
            return;
        }

        var amountOnly = AmountLine.IsAmountOnly(text, out var hasUnit) && (hasUnit || _table.UnitYen is not null);
        if (amountOnly && _open is not null)
        {
            // 245,800 / (198,000) under a project name: the amounts of the open item.
            _open.AppendRaw(line);
            Roles.Mark(line, _open.Role, _open.Policy, _open.Seq);
            return;
        }

        if (_open is not null && !_afterBlank && !amountFollows && !NextProjectWithAmount(text) && WrapRules.Continues(_open.Text, text))
        {
            _open.Append(text, line);
            Roles.Mark(line, _open.Role, _open.Policy, _open.Seq);
            return;
        }

        if (TryTableRow(line, text, amountFollows))
        {
            return;
        }

        if (_currentItem is not null)
        {
            OpenDetail(line, text);
            return;
        }

        Describe(line, text);
    }

    // Overview rows: 一般会計 38,450,000 37,120,000 3.6% (an account: a summary), 市道改良事業 84,300 and a
    // project name whose amount is on the next line (items).
    private bool TryTableRow(TextLine line, string text, bool amountFollows)
    {
        var row = _table.Row(text);
        var endsWithAmount = AmountLine.EndsWithAmount(text, out var hasUnit) && (hasUnit || _table.UnitYen is not null);
        if (row is OverviewRow.Account || (row is OverviewRow.None && !Started && MoneyText.HasMoney(text)))
        {
            FlushItem();
            OpenItem(line, text, "", InitiativeKinds.Summary);
            return true;
        }

        if (row is OverviewRow.Project || amountFollows || (endsWithAmount && (_currentItem is null || _currentItem.Marker.Length == 0)))
        {
            FlushItem();
            // A row of a table whose header named its columns is known by its name; the row as printed stays its raw text.
            OpenItem(line, _table.ProjectName(text) ?? text, "");
            Roles.Mark(line, row is OverviewRow.Project ? SourceLineRoles.TableRow : SourceLineRoles.Item, CurrentPolicy, _seq);
            return true;
        }

        return false;
    }

    // Not the wrapped rest of the open item: a row of the current table; or any line under a bulleted item that
    // ends with its amount (◎ 給付金 1億2,000万円 / 対象を拡大します。 is a detail); or a project line ending with its
    // amount under an unbulleted one that also does (子育て支援センター運営 45,000千円: the next project of a list).
    private bool NextProjectWithAmount(string text) =>
        _table.Row(text) is not OverviewRow.None
        || (_open is { } open && EndsWithStatedAmount(open.Text) && (open.Marker.Length > 0 || EndsWithStatedAmount(text)));

    private bool EndsWithStatedAmount(string text) => AmountLine.EndsWithAmount(text, out var hasUnit) && (hasUnit || _table.UnitYen is not null);

    private void Describe(TextLine line, string text)
    {
        if (_outline.Current is not { } node)
        {
            Roles.Mark(line, Started ? SourceLineRoles.Unrecognised : SourceLineRoles.Prose);
            return;
        }

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
        Roles.Mark(line, SourceLineRoles.Prose, node.Code);
    }

    private bool TryOpenHeading(BudgetLine c, TextLine line)
    {
        if (_outline.TryOpen(c, line.Number) is not { } node)
        {
            return false;
        }

        Flush();
        _started = true;
        _currentItem = null;
        _table.AtHeading();
        Roles.Mark(line, SourceLineRoles.Heading, node.Code);
        if (MoneyText.HasMoney(c.Body))
        {
            // ●大雪対策に12億円: the heading states an amount; it loads as the section's summary.
            OpenItem(line, c.Body, c.MarkerText, InitiativeKinds.Summary);
            Roles.Mark(line, SourceLineRoles.Heading, node.Code);
            Flush();
        }

        return true;
    }

    private void FlushItem()
    {
        Flush();
        _currentItem = null;
    }

    private void Flush()
    {
        if (_open is null)
        {
            return;
        }

        _initiatives.Add(_open.ToNode());
        _open = null;
        _markerAlone = false;
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
