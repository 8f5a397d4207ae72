using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Transform.Reference;

/// <summary>One row of the organisation directory: a unit over a range of fiscal years.</summary>
internal sealed record OrgUnit
{
    public string? Municipality { get; init; }

    public required string Name { get; init; }

    public required string Kind { get; init; }

    /// <summary>Immediate parent unit (局, 部 or 課), or null for a top-level unit.</summary>
    public string? Parent { get; init; }

    /// <summary>First fiscal year (null = since before the data).</summary>
    public int? ValidFrom { get; init; }

    /// <summary>Last fiscal year (null = still valid).</summary>
    public int? ValidTo { get; init; }

    public string? Note { get; init; }

    /// <summary>'reference' for the directory file, 'document' for a reorganisation stated in a document.</summary>
    public string Source { get; init; } = "reference";

    /// <summary>Where the row comes from: file:line of the directory, or document:line of the sentence.</summary>
    public string Origin { get; init; } = "";

    /// <summary>Line in the directory file (0 for rows stated by a document).</summary>
    public int Line { get; init; }

    public bool IsValidIn(int fiscalYear) =>
        (ValidFrom is null || ValidFrom <= fiscalYear) && (ValidTo is null || ValidTo >= fiscalYear);

    public string Range => $"{ValidFrom?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"}–{ValidTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"}";
}

/// <summary>Where a department rule looks: the item's own text or the titles of its policy path.</summary>
internal enum RuleTarget
{
    Text,
    Path,
}

/// <summary>A keyword or pattern that assigns a unit to an item.</summary>
internal sealed record DepartmentRule
{
    public required string Id { get; init; }

    public string? Municipality { get; init; }

    public required string Pattern { get; init; }

    public required Regex Regex { get; init; }

    public required string Unit { get; init; }

    /// <summary>Higher wins.</summary>
    public required int Priority { get; init; }

    public required RuleTarget MatchOn { get; init; }

    public string? Note { get; init; }

    public required int Line { get; init; }
}

/// <summary>A keyword or pattern that assigns a conformed theme to a policy node title.</summary>
internal sealed record ThemeRule
{
    public required string Id { get; init; }

    public required string Pattern { get; init; }

    public required Regex Regex { get; init; }

    public required string Theme { get; init; }

    /// <summary>Higher wins.</summary>
    public required int Priority { get; init; }

    public string? Note { get; init; }

    public required int Line { get; init; }
}

/// <summary>One 款 of the purpose classification of expenditure (目的別歳出), from functions.csv.</summary>
internal sealed record FunctionClass
{
    public required int Code { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>File and line of the row.</summary>
    public required string Origin { get; init; }

    /// <summary>dim_function key: F and the two-digit code.</summary>
    public string Id => $"F{Code:00}";
}

/// <summary>Where a function rule looks: the item's text, the titles of its policy path, or the theme of its policy node.</summary>
internal enum FunctionTarget
{
    Text,
    Path,
    Theme,
}

/// <summary>A keyword or pattern that assigns a 款 to an item.</summary>
internal sealed record FunctionRule
{
    public required string Id { get; init; }

    public required string Pattern { get; init; }

    public required Regex Regex { get; init; }

    /// <summary>The 款 name (functions.csv).</summary>
    public required string Function { get; init; }

    /// <summary>Higher wins.</summary>
    public required int Priority { get; init; }

    public required FunctionTarget MatchOn { get; init; }

    public string? Note { get; init; }

    /// <summary>File and line of the rule.</summary>
    public required string Origin { get; init; }
}

/// <summary>The analyst-edited reference data of seeds/reference/, validated.</summary>
internal sealed record ReferenceData
{
    public static ReferenceData Empty { get; } = new();

    public IReadOnlyList<OrgUnit> Directory { get; init; } = [];

    public IReadOnlyList<DepartmentRule> DepartmentRules { get; init; } = [];

    public IReadOnlyList<ThemeRule> ThemeRules { get; init; } = [];

    /// <summary>The 款 (functions.csv; the shipped list when the folder has none).</summary>
    public IReadOnlyList<FunctionClass> Functions { get; init; } = [];

    /// <summary>The 款 rules (function_rules.csv; the shipped rules when the folder has none).</summary>
    public IReadOnlyList<FunctionRule> FunctionRules { get; init; } = [];

    /// <summary>The status scheme (plan_status_words.csv); the shipped one when the folder has none.</summary>
    public Extract.PlanProgress.StatusWords StatusWords { get; init; } = Extract.PlanProgress.StatusWords.Default;

    /// <summary>Theme used when no rule matches a node or any of its ancestors.</summary>
    public const string FallbackTheme = "その他";
}
