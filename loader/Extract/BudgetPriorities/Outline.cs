using System.Globalization;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// The open headings of a document, nested the way list levels are inferred: a heading of a scheme already
/// open is a sibling of that heading; a scheme seen before (but closed) returns to the depth it had; a new
/// scheme opens a level below the current one. So ■ / ◇ / ・ and 1 / (1) / ① both nest correctly, and a
/// circled subsection numbers from 1 again in each section.
/// </summary>
internal sealed class Outline
{
    private readonly List<Frame> _stack = [];
    private readonly Dictionary<string, int> _depthOfScheme = new(StringComparer.Ordinal);
    private int _pillarCount;

    /// <summary>The highest number a document's first heading may have (an excerpt's section), above which it reads as a figure.</summary>
    private const int MaxFirstNumber = 20;

    public List<PolicyNode> Policies { get; } = [];

    public PolicyNode? Current => _stack.Count == 0 ? null : _stack[^1].Node;

    public bool IsOpen(string scheme) => _stack.Exists(f => f.Scheme == scheme);

    /// <summary>Opens <paramref name="c"/> as a heading, or returns null when its number breaks the count (a sentence starting with a number).</summary>
    public PolicyNode? TryOpen(BudgetLine c, int lineNumber)
    {
        var numbered = c.Marker is MarkerKind.Arabic or MarkerKind.Roman or MarkerKind.ArabicClose or MarkerKind.Label;
        var index = _stack.FindIndex(f => f.Scheme == c.Scheme);
        if (index >= 0)
        {
            // A sibling of an open heading: numbered markers must continue the count.
            if (numbered && c.Value != _stack[index].Value + 1)
            {
                return null;
            }
        }
        else if (_depthOfScheme.TryGetValue(c.Scheme, out var depth) && depth < _stack.Count)
        {
            // A scheme met before at a shallower depth: back to that depth.
            if (numbered && c.Value != 1 && !c.Prefixed)
            {
                return null;
            }

            index = depth;
        }
        else if (numbered && c.Value != 1 && !(c.Prefixed && _stack.Count == 0) && !(Policies.Count == 0 && c.Value <= MaxFirstNumber))
        {
            // A new, deeper level must start at one unless a pillar prefix (■, 第, 柱) vouches for it, or it is the
            // document's first heading: a page taken out of a longer document (2 主な事業) starts where it starts.
            return null;
        }

        if (index >= 0)
        {
            _stack.RemoveRange(index, _stack.Count - index);
        }

        return Push(c, lineNumber);
    }

    /// <summary>A document-level node for items printed without any recognisable outline.</summary>
    public PolicyNode OpenDocumentNode(string title, int lineNumber) =>
        Push(new BudgetLine(LineKind.Heading, MarkerKind.None, 0, "", title, false, "document"), lineNumber);

    private PolicyNode Push(BudgetLine c, int lineNumber)
    {
        var parent = _stack.Count == 0 ? null : _stack[^1];
        var ordinal = parent is null ? ++_pillarCount : ++parent.ChildCount;
        var code = parent is null ? ordinal.ToString(CultureInfo.InvariantCulture) : $"{parent.Node.Code}.{ordinal}";
        var node = new PolicyNode
        {
            Level = _stack.Count + 1,
            Code = code,
            Title = c.Body,
            Marker = c.MarkerText,
            ParentCode = parent?.Node.Code,
            Span = SourceSpan.Line(lineNumber),
        };
        Policies.Add(node);
        _depthOfScheme.TryAdd(c.Scheme, _stack.Count);
        _stack.Add(new Frame(c.Scheme, c.Value, node));
        return node;
    }

    private sealed class Frame(string scheme, int value, PolicyNode node)
    {
        public string Scheme { get; } = scheme;

        public int Value { get; } = value;

        public PolicyNode Node { get; } = node;

        public int ChildCount { get; set; }
    }
}
