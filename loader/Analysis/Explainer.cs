using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Loader.Load;
using Dapper;

namespace BudgetWarehouse.Loader.Analysis;

/// <summary>
/// Provenance of one fact: which document and fiscal year it came from, its policy path and department (with the
/// evidence), the values derived from it, and the exact source lines, read again from the document file.
/// Works for any fact table (fact_*) and for policy nodes: the first column of each is its key.
/// </summary>
internal static class Explainer
{
    // Columns printed in their own section rather than among the derived values.
    // Lines shown around a fact by its neighbouring-lines section.
    private const int NeighbourLines = 3;

    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal)
    {
        "document_id", "fiscal_year", "policy_id", "department_id", "department_method", "department_evidence",
        "source_page", "source_line", "source_line_start", "source_line_end", "raw_text",
    };

    /// <summary>Writes the explanation; false when no table has the id.</summary>
    public static async Task<bool> ExplainAsync(DbConnection connection, string id, IReadOnlyList<string> seedsFolders, TextWriter writer, CancellationToken cancellationToken)
    {
        var found = await FindAsync(connection, id, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return false;
        }

        var (table, row) = found.Value;
        writer.WriteLine($"{table} {id}");

        var documentId = Get(row, "document_id") ?? (table == "dim_document" ? id : null);
        var document = documentId is null ? null : await connection.QuerySingleOrDefaultAsync<DocumentInfo>(new CommandDefinition(
            "select d.document_id as DocumentId, d.file_name as FileName, d.title as Title, d.family as Family, d.municipality as Municipality, " +
            "d.sha256 as Sha256, d.line_count as LineCount, d.fiscal_year as FiscalYear from dim_document as d where d.document_id = $id",
            new { id = documentId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (document is not null)
        {
            writer.WriteLine($"  document      {document.FileName} — {document.Title} ({document.Family}, {document.Municipality ?? "municipality unknown"}; id {document.DocumentId})");
        }

        if (Get(row, "fiscal_year") is { } fy)
        {
            var label = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "select label from dim_fiscal_year where fiscal_year = $fy", new { fy = int.Parse(fy, CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            writer.WriteLine($"  fiscal year   {fy}{(label is null ? "" : $" ({label})")}");
        }

        var policyId = table == "dim_policy" ? id : Get(row, "policy_id");
        if (policyId is not null)
        {
            var policy = await connection.QuerySingleOrDefaultAsync<PolicyInfo>(new CommandDefinition(
                "select code as Code, path as Path, theme as Theme, theme_evidence as ThemeEvidence, source_line as SourceLine from dim_policy where policy_id = $id",
                new { id = policyId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (policy is not null)
            {
                writer.WriteLine($"  policy        {policy.Code} {policy.Path} (heading at line {policy.SourceLine})");
                writer.WriteLine($"  theme         {policy.Theme ?? "(none)"}{(policy.ThemeEvidence is null ? "" : $" — {policy.ThemeEvidence}")}");
            }
        }

        await WriteDepartmentAsync(connection, table, row, writer, cancellationToken).ConfigureAwait(false);
        writer.WriteLine("  derived values");
        // An initiative's raw text is its source lines, printed below; other facts keep the words they were read from.
        foreach (var (column, value) in row.Where(kv => (!Structural.Contains(kv.Key) || (kv.Key == "raw_text" && table != "fact_initiative")) && kv.Value is not null))
        {
            writer.WriteLine($"    {column,-24} {value}");
        }

        await WriteRelatedAsync(connection, table, id, writer, cancellationToken).ConfigureAwait(false);
        if (table == "fact_initiative")
        {
            await WriteLineageAsync(connection, id, writer, cancellationToken).ConfigureAwait(false);
        }

        var (first, last, page) = Lines(row);
        if (document is not null && first is not null)
        {
            WriteSourceLines(document, (first.Value, last ?? first.Value, page), Get(row, "raw_text"), seedsFolders, writer);
            await WriteNeighboursAsync(connection, document.DocumentId, first.Value, last ?? first.Value, writer, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The lines around the fact as loaded (v_source_line over fact_source_line), with the role each was read in.</summary>
    private static async Task WriteNeighboursAsync(DbConnection connection, string documentId, int first, int last, TextWriter writer, CancellationToken cancellationToken)
    {
        if (!(await SqlRequirements.RelationsAsync(connection, cancellationToken).ConfigureAwait(false)).Contains("v_source_line"))
        {
            return;
        }

        var lines = (await connection.QueryAsync<(int Line, string Role, string Text)>(new CommandDefinition(
            "select source_line, role, text from v_source_line where document_id = $d and source_line between $from and $to order by source_line",
            new { d = documentId, from = first - NeighbourLines, to = last + NeighbourLines }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        writer.WriteLine($"  neighbouring lines (fact_source_line, {NeighbourLines} before and after)");
        foreach (var (line, role, text) in lines)
        {
            var mark = line >= first && line <= last ? ">" : " ";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {mark}{line,5} {role,-12} {text}"));
        }
    }

    /// <summary>The fact's department with how it was assigned; facts inside an initiative show the initiative's evidence.</summary>
    private static async Task WriteDepartmentAsync(DbConnection connection, string table, List<KeyValuePair<string, string?>> row, TextWriter writer, CancellationToken cancellationToken)
    {
        if (Get(row, "department_id") is not { } departmentId)
        {
            return;
        }

        var department = await connection.QuerySingleOrDefaultAsync<DepartmentInfo>(new CommandDefinition(
            "select name as Name, bureau as Bureau from dim_department where department_id = $id",
            new { id = departmentId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var method = Get(row, "department_method");
        var evidence = Get(row, "department_evidence");
        if (method is null && table != "fact_initiative" && Get(row, "initiative_id") is { } initiativeId)
        {
            // Facts inside an initiative take its department: show the initiative's evidence.
            var fromInitiative = await connection.QuerySingleOrDefaultAsync<(string? Method, string? Evidence)>(new CommandDefinition(
                "select department_method, department_evidence from fact_initiative where initiative_id = $id",
                new { id = initiativeId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            (method, evidence) = (fromInitiative.Method is null ? null : $"{fromInitiative.Method} (of initiative {initiativeId})", fromInitiative.Evidence);
        }

        writer.WriteLine($"  department    {department?.Name ?? departmentId}{(department?.Bureau is { } b && b != department.Name ? $" ({b})" : "")} [{departmentId}]" +
            (method is null ? "" : $" — {method}") + (evidence is null ? "" : $": {evidence}"));
    }

    /// <summary>The initiative's lineage row, when the warehouse has the lineage.</summary>
    private static async Task WriteLineageAsync(DbConnection connection, string id, TextWriter writer, CancellationToken cancellationToken)
    {
        if (!(await SqlRequirements.RelationsAsync(connection, cancellationToken).ConfigureAwait(false)).Contains("bridge_initiative_lineage"))
        {
            return;
        }

        var lineage = await connection.QuerySingleOrDefaultAsync<(string LineageId, string? Prior, double? Similarity, string Rule)>(new CommandDefinition(
            "select lineage_id, prior_initiative_id, similarity, link_rule from bridge_initiative_lineage where initiative_id = $id",
            new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (lineage.LineageId is not null)
        {
            writer.WriteLine($"  lineage       {lineage.LineageId}" + (lineage.Prior is null
                ? " (starts here)"
                : $" — prior year {lineage.Prior}, {lineage.Rule}, similarity {lineage.Similarity?.ToString("0.00", CultureInfo.InvariantCulture)}"));
        }
    }

    private static async Task<(string Table, List<KeyValuePair<string, string?>> Row)?> FindAsync(DbConnection connection, string id, CancellationToken cancellationToken)
    {
        // Every fact table and the policy and document dimensions; the key is each table's first column.
        var tables = await connection.QueryAsync<(string Table, string Key)>(new CommandDefinition(
            "select t.table_name, c.column_name from duckdb_tables() as t " +
            "inner join duckdb_columns() as c on c.table_oid = t.table_oid and c.column_index = 1 " +
            "where t.schema_name = 'main' and t.database_name = current_database() " +
            "and (t.table_name like 'fact!_%' escape '!' or t.table_name in ('dim_policy', 'dim_document')) order by t.table_name",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var (table, key) in tables)
        {
            var result = await QueryRunner.RunAsync(connection, $"select * from \"{table}\" where cast(\"{key}\" as varchar) = '{id.Replace("'", "''", StringComparison.Ordinal)}' limit 1", cancellationToken).ConfigureAwait(false);
            if (result.Rows.Count == 1)
            {
                var row = result.Columns.Select((c, i) => new KeyValuePair<string, string?>(c, result.Rows[0][i] is null ? null : QueryRunner.Text(result.Rows[0][i]))).ToList();
                return (table, row);
            }
        }

        return null;
    }

    /// <summary>Facts of other tables that point at this one (an initiative's measures and milestones, its detail lines).</summary>
    private static async Task WriteRelatedAsync(DbConnection connection, string table, string id, TextWriter writer, CancellationToken cancellationToken)
    {
        var key = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "select c.column_name from duckdb_columns() as c where c.table_name = $t and c.column_index = 1 and c.database_name = current_database()",
            new { t = table }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var referencing = await connection.QueryAsync<(string Table, string Column, string Key)>(new CommandDefinition(
            "select c.table_name, c.column_name, k.column_name from duckdb_columns() as c " +
            "inner join duckdb_columns() as k on k.table_oid = c.table_oid and k.column_index = 1 " +
            "inner join duckdb_tables() as t on t.table_oid = c.table_oid " +
            "where c.database_name = current_database() and c.table_name like 'fact!_%' escape '!' and c.table_name <> 'fact_source_line' and (c.column_name = $key or c.column_name = 'parent_' || $key) and c.column_index > 1 " +
            "order by c.table_name, c.column_name",
            new { key }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var (other, column, otherKey) in referencing)
        {
            var ids = (await connection.QueryAsync<string>(new CommandDefinition(
                $"select cast(\"{otherKey}\" as varchar) from \"{other}\" where \"{column}\" = $id order by 1 limit 20", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            if (ids.Count > 0)
            {
                writer.WriteLine($"  {other} ({column})".PadRight(16) + " " + string.Join(", ", ids));
            }
        }
    }

    private static void WriteSourceLines(DocumentInfo document, (int First, int Last, int? Page) at, string? rawText, IReadOnlyList<string> seedsFolders, TextWriter writer)
    {
        var (first, last, page) = at;
        var path = seedsFolders.Select(s => Path.Combine(s, DocumentInputs.DocumentsFolder, document.FileName)).FirstOrDefault(File.Exists);
        var lines = first == last ? $"{first}" : $"{first}–{last}";
        // A PDF's line is cited with its page, as a reader finds it: file.pdf p.3 l.12.
        writer.WriteLine(page is { } p ? $"  source {document.FileName} p.{p} l.{lines}"
            : first == last ? $"  source line {first} of {document.FileName}" : $"  source lines {first}–{last} of {document.FileName}");
        if (path is null)
        {
            writer.WriteLine($"    (the file is not in {string.Join(" or ", seedsFolders.Select(s => Path.Combine(s, DocumentInputs.DocumentsFolder)))}; the text as loaded:)");
            WriteRaw(rawText, first, writer);
            return;
        }

        var bytes = File.ReadAllBytes(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(sha, document.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            writer.WriteLine($"    note: {path} has changed since it was loaded (sha256 {sha[..16]}… ≠ {document.Sha256[..16]}…): the lines below are today's file; run 'bw load' to refresh.");
        }

        var source = SourceText.FromBytes(document.FileName, bytes);
        var width = last.ToString(CultureInfo.InvariantCulture).Length;
        for (var n = first; n <= last; n++)
        {
            var text = n >= 1 && n <= source.Lines.Count ? source.Lines[n - 1].Raw : "(no such line)";
            writer.WriteLine($"    {n.ToString(CultureInfo.InvariantCulture).PadLeft(width)} | {text}");
        }
    }

    private static void WriteRaw(string? rawText, int first, TextWriter writer)
    {
        if (rawText is null)
        {
            return;
        }

        var n = first;
        foreach (var line in rawText.Split('\n'))
        {
            writer.WriteLine($"    {n++} | {line}");
        }
    }

    private static (int? First, int? Last, int? Page) Lines(List<KeyValuePair<string, string?>> row)
    {
        static int? Int(string? s) => s is null ? null : int.Parse(s, CultureInfo.InvariantCulture);
        var first = Int(Get(row, "source_line_start") ?? Get(row, "source_line"));
        return (first, Int(Get(row, "source_line_end")) ?? first, Int(Get(row, "source_page")));
    }

    private static string? Get(List<KeyValuePair<string, string?>> row, string column) =>
        row.FirstOrDefault(kv => kv.Key == column).Value;

    private sealed record DocumentInfo(string DocumentId, string FileName, string? Title, string Family, string? Municipality, string Sha256, int LineCount, int FiscalYear);

    private sealed record PolicyInfo(string Code, string Path, string? Theme, string? ThemeEvidence, int SourceLine);

    private sealed record DepartmentInfo(string Name, string? Bureau);
}
