using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract;

/// <summary>A parser for one document family.</summary>
internal interface IDocumentParser
{
    /// <summary>The family this parser reads, see <see cref="DocumentFamilies"/>.</summary>
    string Family { get; }

    /// <summary>
    /// How strongly the text looks like this family (0 = not at all). Used only when the manifest does not
    /// name the family; the highest score wins.
    /// </summary>
    int Recognise(SourceText source);

    /// <summary>Parses the document; throws <see cref="DocumentException"/> with file and line when it cannot.</summary>
    ParsedDocument Parse(SourceText source);
}
