using System.Text;
using System.Text.Json;
using BudgetWarehouse.Loader.Load;

namespace BudgetWarehouse.Loader.PowerBi;

/// <summary>What <c>bw powerbi</c> wrote.</summary>
internal sealed record PbipOutcome(string ProjectFile, string SnapshotId, int Tables, int Relationships, int Measures, int Hierarchies);

/// <summary>
/// Writes a Power BI project (PBIP) over the current snapshot's lake: the .pbip file, a report that opens the
/// model, and the semantic model as TMDL files (UTF-8 without BOM, LF line ends).
/// </summary>
internal static class PbipProject
{
    public const string Name = "BudgetWarehouse";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string DefinitionFolder(string outDir) => Path.Combine(outDir, Name + ".SemanticModel", "definition");

    /// <summary>Writes the project into <paramref name="outDir"/>; <paramref name="lakeFolder"/> is where Power BI will find the lake (default: the warehouse's parquet link).</summary>
    public static async Task<PbipOutcome> WriteAsync(SnapshotStore store, string outDir, string? lakeFolder, CancellationToken cancellationToken)
    {
        var snapshotDir = store.CurrentSnapshotDir
            ?? throw new InvalidOperationException($"no published snapshot in {store.Root}: run `bw load` first");

        // The snapshot folder, not the budget.duckdb link: a load publishing meanwhile cannot swap files under the reader.
        var database = Path.Combine(snapshotDir, SnapshotStore.DatabaseFile);
        var snapshotId = Path.GetFileName(snapshotDir);
        var lake = Path.Combine(snapshotDir, SnapshotStore.LakeFolder);
        IReadOnlyList<CatalogTable> catalog;
        await using (var connection = await SandboxConnection.OpenAsync(database, null, cancellationToken).ConfigureAwait(false))
        {
            catalog = await SemanticCatalog.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        var model = SemanticModel.Build(catalog, table => Directory.Exists(Path.Combine(lake, table)));
        var lakePath = lakeFolder ?? store.LakeLink;
        // Power BI Desktop runs on Windows; a lake given as a Windows path gets backslashes inside the queries too.
        var separator = lakePath.Contains('\\', StringComparison.Ordinal) ? '\\' : '/';
        Write(outDir, model, lakePath.TrimEnd('/', '\\'), separator);
        return new PbipOutcome(Path.Combine(outDir, Name + ".pbip"), snapshotId, model.Tables.Count, model.Relationships.Count, model.Measures.Count, model.Hierarchies.Count);
    }

    public static void Write(string outDir, SemanticModel model, string lakeFolder, char separator)
    {
        var definition = DefinitionFolder(outDir);
        var tables = Path.Combine(definition, "tables");
        if (Directory.Exists(tables))
        {
            // A table gone from the warehouse must not linger in the model.
            foreach (var stale in Directory.EnumerateFiles(tables, "*.tmdl"))
            {
                File.Delete(stale);
            }
        }

        Directory.CreateDirectory(tables);
        WriteText(Path.Combine(outDir, Name + ".pbip"), Json(new
        {
            version = "1.0",
            artifacts = new[] { new { report = new { path = Name + ".Report" } } },
            settings = new { enableAutoRecovery = true },
        }));
        var report = Path.Combine(outDir, Name + ".Report");
        Directory.CreateDirectory(report);
        WriteText(Path.Combine(report, "definition.pbir"), Json(new
        {
            version = "4.0",
            datasetReference = new { byPath = new { path = "../" + Name + ".SemanticModel" } },
        }));
        WriteText(Path.Combine(report, "report.json"), Json(new
        {
            config = "{\"version\":\"5.43\",\"themeCollection\":{},\"activeSectionIndex\":0}",
            layoutOptimization = 0,
            sections = new[]
            {
                new { config = "{}", displayName = "BudgetWarehouse", displayOption = 1, filters = "[]", height = 720.0, name = "ReportSection", ordinal = 0, visualContainers = Array.Empty<object>(), width = 1280.0 },
            },
        }));
        WriteText(Path.Combine(outDir, Name + ".SemanticModel", "definition.pbism"), Json(new { version = "4.2", settings = new { } }));
        WriteText(Path.Combine(definition, "database.tmdl"), TmdlWriter.Database(Name));
        WriteText(Path.Combine(definition, "model.tmdl"), TmdlWriter.Model(model));
        WriteText(Path.Combine(definition, "expressions.tmdl"), TmdlWriter.Expressions(lakeFolder));
        WriteText(Path.Combine(definition, "relationships.tmdl"), TmdlWriter.Relationships(model));
        foreach (var table in model.Tables)
        {
            WriteText(Path.Combine(tables, table.Name + ".tmdl"), TmdlWriter.Table(model, table, separator));
        }
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static void WriteText(string path, string text) => File.WriteAllText(path, text.ReplaceLineEndings("\n"), Utf8);
}
