using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract;

/// <summary>Chooses the parser for a document: the manifest's family when given, else the best-scoring parser.</summary>
internal sealed class FamilyDetector(IEnumerable<IDocumentParser> parsers)
{
    private readonly IReadOnlyList<IDocumentParser> _parsers = [.. parsers];

    public IReadOnlyList<string> SupportedFamilies => [.. _parsers.Select(p => p.Family)];

    public IDocumentParser? ForFamily(string family) =>
        _parsers.FirstOrDefault(p => string.Equals(p.Family, family, StringComparison.Ordinal));

    /// <summary>The parser whose <see cref="IDocumentParser.Recognise"/> scores highest, or null when none recognises the text.</summary>
    public IDocumentParser? Detect(SourceText source)
    {
        IDocumentParser? best = null;
        var bestScore = 0;
        foreach (var parser in _parsers)
        {
            var score = parser.Recognise(source);
            if (score > bestScore)
            {
                best = parser;
                bestScore = score;
            }
        }

        return best;
    }
}
