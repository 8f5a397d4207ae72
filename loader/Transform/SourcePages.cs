using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Transform;

/// <summary>
/// Puts the page beside the line on every fact of a document that has pages (a PDF), so that a fact reads
/// "file.pdf p.3 l.12". The parsers and transformers deal in lines only; the page is a property of the line.
/// </summary>
internal static class SourcePages
{
    public static void Fill(DocumentRows rows, IReadOnlyList<TextLine> lines)
    {
        if (lines.Count == 0 || lines[0].Page is null)
        {
            return;
        }

        // Line numbers run 1..Count without gaps, so a line's page is at its number - 1.
        int? PageOf(int line) => line >= 1 && line <= lines.Count ? lines[line - 1].Page : null;
        rows.Policies.ForEach(r => r.SourcePage = PageOf(r.SourceLine));
        rows.Initiatives.ForEach(r => r.SourcePage = PageOf(r.SourceLineStart));
        rows.Measures.ForEach(r => r.SourcePage = PageOf(r.SourceLine));
        rows.Milestones.ForEach(r => r.SourcePage = PageOf(r.SourceLine));
        rows.PlanAchievements.ForEach(r => r.SourcePage = PageOf(r.SourceLine));
        rows.PlanStatuses.ForEach(r => r.SourcePage = PageOf(r.SourceLine));
        rows.PlanTransitions.ForEach(r => r.SourcePage = PageOf(r.SourceLine));
    }
}
