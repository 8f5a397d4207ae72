namespace BudgetWarehouse.Loader.PowerBi;

/// <summary>A many-to-one relationship: each row of <see cref="FromTable"/> points at one row of <see cref="ToTable"/>.</summary>
internal sealed record ModelRelationship(string FromTable, string FromColumn, string ToTable, string ToColumn)
{
    public string Name => $"{FromTable}_{FromColumn}";
}

/// <summary>A drill-down path of one table, top level first.</summary>
internal sealed record ModelHierarchy(string Table, string Name, IReadOnlyList<(string Level, string Column)> Levels);

/// <summary>A DAX measure kept on <see cref="Table"/>; <see cref="Columns"/> are the table[column] pairs it reads.</summary>
internal sealed record ModelMeasure(string Table, string Name, string Dax, string FormatString, string Folder, string Description, IReadOnlyList<(string Table, string Column)> Columns);

/// <summary>
/// The star as Power BI sees it, derived from the catalog: one table per dimension, fact and bridge in the lake;
/// a fact relates to every dimension whose key column it carries; a bridge relates only to the fact whose key it
/// carries (a second path to the same dimension would make the model ambiguous). Hierarchies and measures are
/// kept only when the columns they need are there.
/// </summary>
internal sealed class SemanticModel
{
    private SemanticModel(IReadOnlyList<CatalogTable> tables, IReadOnlyList<ModelRelationship> relationships, IReadOnlyList<ModelHierarchy> hierarchies, IReadOnlyList<ModelMeasure> measures)
    {
        Tables = tables;
        Relationships = relationships;
        Hierarchies = hierarchies;
        Measures = measures;
    }

    public IReadOnlyList<CatalogTable> Tables { get; }

    public IReadOnlyList<ModelRelationship> Relationships { get; }

    public IReadOnlyList<ModelHierarchy> Hierarchies { get; }

    public IReadOnlyList<ModelMeasure> Measures { get; }

    public const string FiscalYearTable = "dim_fiscal_year";

    /// <summary>Builds the model from the catalog, keeping the tables <paramref name="inLake"/> accepts.</summary>
    public static SemanticModel Build(IReadOnlyList<CatalogTable> catalog, Func<string, bool> inLake)
    {
        var tables = catalog.Where(t => IsStarTable(t.Name) && t.Columns.Count > 0 && inLake(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var relationships = Relate(tables);
        var byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var hierarchies = CandidateHierarchies().Where(h => byName.TryGetValue(h.Table, out var t) && h.Levels.All(l => t.Has(l.Column))).ToList();
        var measures = ModelMeasures.All().Where(m => m.Columns.All(c => byName.TryGetValue(c.Table, out var t) && t.Has(c.Column))).ToList();
        return new SemanticModel(tables, relationships, hierarchies, measures);
    }

    public static bool IsStarTable(string name) => name.StartsWith("dim_", StringComparison.Ordinal) || name.StartsWith("fact_", StringComparison.Ordinal) || name.StartsWith("bridge_", StringComparison.Ordinal);

    private static List<ModelRelationship> Relate(List<CatalogTable> tables)
    {
        var dimensions = tables.Where(t => t.Name.StartsWith("dim_", StringComparison.Ordinal)).ToList();
        var facts = tables.Where(t => t.Name.StartsWith("fact_", StringComparison.Ordinal)).ToList();
        var relationships = new List<ModelRelationship>();
        foreach (var table in tables.Where(t => !t.Name.StartsWith("dim_", StringComparison.Ordinal)))
        {
            var targets = table.Name.StartsWith("bridge_", StringComparison.Ordinal) ? facts : dimensions;
            foreach (var column in table.Columns)
            {
                if (targets.FirstOrDefault(t => t.Name != table.Name && t.Key == column.Name) is { } target)
                {
                    relationships.Add(new ModelRelationship(table.Name, column.Name, target.Name, target.Key));
                }
            }
        }

        return relationships;
    }

    private static IEnumerable<ModelHierarchy> CandidateHierarchies() =>
    [
        new("dim_policy", "Policy path", [("Pillar", "pillar_title"), ("Section", "section_title"), ("Subsection", "subsection_title")]),
        new("dim_policy", "Theme path", [("Theme", "theme"), ("Pillar", "pillar_title"), ("Section", "section_title")]),
        new("dim_department", "Organisation", [("Bureau", "bureau"), ("Department", "name")]),
        new(FiscalYearTable, "Fiscal year", [("Era", "era_name"), ("Fiscal year", "label")]),
    ];
}
