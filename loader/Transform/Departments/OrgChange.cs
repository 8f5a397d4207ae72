namespace BudgetWarehouse.Loader.Transform.Departments;

/// <summary>Kinds of reorganisation a document can state.</summary>
internal enum OrgChangeKind
{
    /// <summary>Units are reorganised into one (改編/統合/再編): the sources end the year before, the target starts.</summary>
    Merge,

    /// <summary>A unit is created (新設/設置/開設/設立), under a parent when the sentence names one.</summary>
    Create,

    /// <summary>A page names a unit the directory does not know (（こども支援課）, 担当：…): it exists in the document's year.</summary>
    Mention,
}

/// <summary>A reorganisation stated in a document sentence.</summary>
internal sealed record OrgChange(OrgChangeKind Kind, IReadOnlyList<string> Sources, string Target, string? Parent, string Phrase, int Line);

/// <summary>A reorganisation with the context it applies in: municipality, fiscal year, document.</summary>
internal sealed record StatedChange(OrgChange Change, string? Municipality, int FiscalYear, string FileName);
