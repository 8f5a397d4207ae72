using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Degrade, don't reject: a document whose items stand under no recognisable heading gets one document-level
/// node (titled after the document) that holds them, so they load with a policy like any other item.
/// </summary>
internal static class DocumentNode
{
    public const string Code = "1";

    public static ParsedDocument AddWhenMissing(ParsedDocument doc, string file)
    {
        if (doc.Policies.Count > 0 || !doc.Initiatives.Any(i => i.Kind == InitiativeKinds.Item))
        {
            return doc;
        }

        var first = doc.Initiatives[0].Span.StartLine;
        var node = new PolicyNode
        {
            Level = 1,
            Code = Code,
            Title = doc.Title ?? Path.GetFileNameWithoutExtension(file),
            Marker = "",
            Span = SourceSpan.Line(first),
        };
        return doc with
        {
            Policies = [node],
            Initiatives = [.. doc.Initiatives.Select(i => i with { PolicyCode = Code })],
            SourceLines = [.. doc.SourceLines.Select(l => l.InitiativeSeq is null ? l : l with { PolicyCode = Code })],
        };
    }
}
