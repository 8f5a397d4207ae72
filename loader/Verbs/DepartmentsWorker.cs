using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>The <c>departments</c> verb: prints v_department_coverage and v_department_unknown of the current snapshot.</summary>
internal sealed class DepartmentsWorker(SnapshotStore store, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<DepartmentsWorker> logger)
    : OneShotWorker(lifetime, logger)
{
    public const string Section = "Departments";

    protected override async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        if (store.CurrentSnapshotDir is not { } dir)
        {
            await Console.Error.WriteLineAsync($"no snapshot in {store.Root}: run `bw load` first").ConfigureAwait(false);
            return 1;
        }

        var output = Console.Out;
        await using var connection = await SandboxConnection.OpenAsync(Path.Combine(dir, SnapshotStore.DatabaseFile), null, stoppingToken).ConfigureAwait(false);
        await output.WriteLineAsync("municipality\tdocuments\tinitiatives\texplicit\trule\tfunction_only\tnone\tassigned_pct").ConfigureAwait(false);
        var municipalities = await connection.QueryAsync<(string, long, long, long, long, long, long, double?)>(
            "select municipality, documents, initiatives, explicit_count, rule_count, function_only_count, none_count, assigned_pct from v_department_coverage_by_municipality").ConfigureAwait(false);
        foreach (var m in municipalities)
        {
            await output.WriteLineAsync($"{m.Item1}\t{m.Item2}\t{m.Item3}\t{m.Item4}\t{m.Item5}\t{m.Item6}\t{m.Item7}\t{m.Item8}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("file\tfiscal_year\tinitiatives\texplicit\trule\tunknown\tassigned_pct").ConfigureAwait(false);
        var coverage = await connection.QueryAsync<(string, int, long, long, long, long, double?)>(
            "select file_name, fiscal_year, initiatives, explicit_count, rule_count, unknown_count, assigned_pct from v_department_coverage").ConfigureAwait(false);
        foreach (var c in coverage)
        {
            await output.WriteLineAsync($"{c.Item1}\t{c.Item2}\t{c.Item3}\t{c.Item4}\t{c.Item5}\t{c.Item6}\t{c.Item7}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("unknown: file:line\tseq\ttext\treason\tpolicy path").ConfigureAwait(false);
        var unknown = await connection.QueryAsync<(string, int, int, string, string, string?)>(
            "select file_name, source_line, seq, text, reason, policy_path from v_department_unknown").ConfigureAwait(false);
        foreach (var u in unknown)
        {
            await output.WriteLineAsync($"{u.Item1}:{u.Item2}\t{u.Item3}\t{u.Item4}\t{u.Item5}\t{u.Item6}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("department rows stated in documents: name\tkind\tparent\tbureau\tvalid_from_fy\tvalid_to_fy\tevidence").ConfigureAwait(false);
        var history = await connection.QueryAsync<(string, string, string?, string?, int?, int?, string?)>(
            "select name, kind, parent, bureau, valid_from_fy, valid_to_fy, evidence from v_department_history").ConfigureAwait(false);
        foreach (var h in history)
        {
            await output.WriteLineAsync($"{h.Item1}\t{h.Item2}\t{h.Item3}\t{h.Item4}\t{h.Item5}\t{h.Item6}\t{h.Item7}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("themes: theme\tpolicy_nodes\tby_own_title\tinherited").ConfigureAwait(false);
        var themes = await connection.QueryAsync<(string, long, long, long)>(
            "select theme, policy_nodes, by_own_title, inherited from v_theme_coverage").ConfigureAwait(false);
        foreach (var t in themes)
        {
            await output.WriteLineAsync($"{t.Item1}\t{t.Item2}\t{t.Item3}\t{t.Item4}").ConfigureAwait(false);
        }

        if (configuration.GetValue<bool>($"{Section}:All"))
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("all: file:line\tseq\tkind\tdepartment\tbureau\tmethod\ttext\tevidence").ConfigureAwait(false);
            var all = await connection.QueryAsync<(string, int, int, string, string, string?, string, string, string?)>(
                "select d.file_name, f.source_line_start, f.seq, f.kind, m.name, m.bureau, f.department_method, f.text, f.department_evidence "
                + "from fact_initiative f join dim_document d using (document_id) join dim_department m using (department_id) order by d.file_name, f.seq").ConfigureAwait(false);
            foreach (var a in all)
            {
                await output.WriteLineAsync($"{a.Item1}:{a.Item2}\t{a.Item3}\t{a.Item4}\t{a.Item5}\t{a.Item6}\t{a.Item7}\t{a.Item8}\t{a.Item9}").ConfigureAwait(false);
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("policy themes: file:line\tcode\ttitle\ttheme\tevidence").ConfigureAwait(false);
            var policies = await connection.QueryAsync<(string, int, string, string, string?, string?)>(
                "select d.file_name, p.source_line, p.code, p.title, p.theme, p.theme_evidence from dim_policy p join dim_document d using (document_id) order by d.file_name, p.source_line").ConfigureAwait(false);
            foreach (var p in policies)
            {
                await output.WriteLineAsync($"{p.Item1}:{p.Item2}\t{p.Item3}\t{p.Item4}\t{p.Item5}\t{p.Item6}").ConfigureAwait(false);
            }
        }

        return 0;
    }
}
