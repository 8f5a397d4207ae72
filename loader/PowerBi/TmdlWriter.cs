using System.Text;

namespace BudgetWarehouse.Loader.PowerBi;

/// <summary>
/// Renders the semantic model as TMDL (Tabular Model Definition Language): tab indentation, descriptions as
/// <c>///</c> lines above their object, each table's partition a Power Query (M) expression over its Parquet folder.
/// </summary>
internal static class TmdlWriter
{
    /// <summary>The Power Query parameter holding the lake folder; every partition reads below it.</summary>
    public const string LakeParameter = "LakeFolder";

    public static string Database(string name) => $"database {Name(name)}\n\tcompatibilityLevel: 1567\n";

    public static string Model(SemanticModel model)
    {
        var text = new StringBuilder();
        text.Append("model Model\n\tculture: ja-JP\n\tdefaultPowerBIDataSourceVersion: powerBI_V3\n\tdiscourageImplicitMeasures\n\tsourceQueryCulture: ja-JP\n\n");
        text.Append("ref expression ").Append(LakeParameter).Append('\n');
        foreach (var table in model.Tables)
        {
            text.Append("ref table ").Append(Name(table.Name)).Append('\n');
        }

        return text.ToString();
    }

    public static string Expressions(string lakeFolder) =>
        "/// Folder of the BudgetWarehouse Parquet lake (warehouse/parquet): change it to where this computer sees the lake.\n" +
        $"expression {LakeParameter} = {MString(lakeFolder)} meta [IsParameterQuery = true, Type = \"Text\", IsParameterQueryRequired = true]\n" +
        "\tannotation PBI_ResultType = Text\n";

    public static string Relationships(SemanticModel model)
    {
        var text = new StringBuilder();
        foreach (var r in model.Relationships)
        {
            text.Append("relationship ").Append(Name(r.Name)).Append('\n')
                .Append("\tfromColumn: ").Append(Name(r.FromTable)).Append('.').Append(Name(r.FromColumn)).Append('\n')
                .Append("\ttoColumn: ").Append(Name(r.ToTable)).Append('.').Append(Name(r.ToColumn)).Append("\n\n");
        }

        return text.ToString();
    }

    public static string Table(SemanticModel model, CatalogTable table, char separator)
    {
        var text = new StringBuilder();
        Description(text, 0, table.Description);
        text.Append("table ").Append(Name(table.Name)).Append('\n');
        foreach (var m in model.Measures.Where(m => m.Table == table.Name))
        {
            text.Append('\n');
            Description(text, 1, m.Description);
            text.Append("\tmeasure ").Append(Name(m.Name)).Append(" = ").Append(m.Dax).Append('\n')
                .Append("\t\tformatString: ").Append(m.FormatString).Append('\n')
                .Append("\t\tdisplayFolder: ").Append(m.Folder).Append('\n');
        }

        var related = model.Relationships.Where(r => r.FromTable == table.Name).Select(r => r.FromColumn).ToHashSet(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            text.Append('\n');
            Description(text, 1, column.Description);
            var type = PowerBiTypes.Of(column.DuckDbType);
            text.Append("\tcolumn ").Append(Name(column.Name)).Append('\n')
                .Append("\t\tdataType: ").Append(type.Tmdl).Append('\n');
            if (column.Name == table.Key && table.Name.StartsWith("dim_", StringComparison.Ordinal))
            {
                text.Append("\t\tisKey\n");
            }

            if (related.Contains(column.Name))
            {
                // Filter through the dimension instead; a visible foreign key invites a second, wrong filter.
                text.Append("\t\tisHidden\n");
            }

            text.Append("\t\tsummarizeBy: ").Append(type.IsNumber && !IsKeyLike(column.Name) ? "sum" : "none").Append('\n')
                .Append("\t\tsourceColumn: ").Append(column.Name).Append('\n');
            if (table.Name == SemanticModel.FiscalYearTable && column.Name == "label")
            {
                text.Append("\t\tsortByColumn: fiscal_year\n");
            }

            if (Folder(column.Name) is { } folder)
            {
                text.Append("\t\tdisplayFolder: ").Append(folder).Append('\n');
            }
        }

        foreach (var h in model.Hierarchies.Where(h => h.Table == table.Name))
        {
            text.Append("\n\thierarchy ").Append(Name(h.Name)).Append('\n');
            foreach (var (level, column) in h.Levels)
            {
                text.Append("\t\tlevel ").Append(Name(level)).Append("\n\t\t\tcolumn: ").Append(Name(column)).Append('\n');
            }
        }

        text.Append("\n\tpartition ").Append(Name(table.Name)).Append(" = m\n\t\tmode: import\n\t\tsource =\n");
        foreach (var line in PowerQuery(table, separator))
        {
            text.Append("\t\t\t\t").Append(line).Append('\n');
        }

        text.Append("\n\tannotation PBI_ResultType = Table\n");
        return text.ToString();
    }

    /// <summary>Every Parquet file below the table's folder (one per fiscal-year partition), combined and typed as the catalog says.</summary>
    private static IEnumerable<string> PowerQuery(CatalogTable table, char separator)
    {
        var names = string.Join(", ", table.Columns.Select(c => MString(c.Name)));
        var types = string.Join(", ", table.Columns.Select(c => $"{{{MString(c.Name)}, {PowerBiTypes.Of(c.DuckDbType).M}}}"));
        return
        [
            "let",
            $"    Files = Folder.Files({LakeParameter} & {MString(separator + table.Name)}),",
            "    Parquet = Table.SelectRows(Files, each Text.Lower([Extension]) = \".parquet\"),",
            "    Parts = List.Transform(Parquet[Content], each Parquet.Document(_)),",
            "    Combined = Table.Combine(Parts),",
            $"    Selected = Table.SelectColumns(Combined, {{{names}}}, MissingField.UseNull),",
            $"    Typed = Table.TransformColumnTypes(Selected, {{{types}}})",
            "in",
            "    Typed",
        ];
    }

    private static bool IsKeyLike(string column) => column.EndsWith("_id", StringComparison.Ordinal) || column is "fiscal_year" or "seq" or "era_year"
        || column.StartsWith("source_", StringComparison.Ordinal) || column.EndsWith("_fy", StringComparison.Ordinal) || column.EndsWith("_fiscal_year", StringComparison.Ordinal);

    /// <summary>Display folder of a column: keys, source positions and flags apart from the descriptive columns.</summary>
    private static string? Folder(string column) => column switch
    {
        _ when column.EndsWith("_id", StringComparison.Ordinal) => "Keys",
        _ when column.StartsWith("source_", StringComparison.Ordinal) || column == "raw_text" => "Source",
        _ when column.StartsWith("is_", StringComparison.Ordinal) || column.StartsWith("has_", StringComparison.Ordinal) => "Flags",
        _ => null,
    };

    private static void Description(StringBuilder text, int depth, string? description)
    {
        if (description is null)
        {
            return;
        }

        foreach (var line in description.Split('\n'))
        {
            text.Append('\t', depth).Append("/// ").Append(line.TrimEnd()).Append('\n');
        }
    }

    /// <summary>A TMDL object name: bare when it is a plain identifier, else single-quoted.</summary>
    public static string Name(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? name
            : "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string MString(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>A DuckDB type as a TMDL data type and a Power Query type.</summary>
internal readonly record struct PowerBiType(string Tmdl, string M, bool IsNumber);

internal static class PowerBiTypes
{
    public static PowerBiType Of(string duckDbType) => duckDbType.ToUpperInvariant() switch
    {
        "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" => new("int64", "Int64.Type", true),
        "DOUBLE" or "FLOAT" or "REAL" => new("double", "type number", true),
        var d when d.StartsWith("DECIMAL", StringComparison.Ordinal) => new("decimal", "Currency.Type", true),
        "BOOLEAN" => new("boolean", "type logical", false),
        "DATE" => new("dateTime", "type date", false),
        var t when t.StartsWith("TIMESTAMP", StringComparison.Ordinal) => new("dateTime", "type datetime", false),
        _ => new("string", "type text", false),
    };
}
