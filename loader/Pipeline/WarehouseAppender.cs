using System.Diagnostics;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Load.Reference;
using BudgetWarehouse.Loader.Transform;
using BudgetWarehouse.Loader.Transform.Departments;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Pipeline;

/// <summary>
/// The one writer: appends each processed document's rows as they arrive in input order, collects the
/// reorganisations the documents state, then dim_department from them, and closes the appenders.
/// </summary>
internal sealed class WarehouseAppender(WarehouseWriter writer, LoadMetrics metrics)
{
    /// <summary>Appends the documents' rows; returns every processed document's run-log row, loaded or rejected, in input order.</summary>
    public async Task<List<EtlDocumentRow>> AppendAsync(IAsyncEnumerable<(DocumentRows? Rows, EtlDocumentRow Etl)> documents, IReadOnlyDictionary<string, string> keyByFile,
        RunLog run, List<StatedChange> stated)
    {
        var parsed = new List<EtlDocumentRow>();
        await foreach (var (docRows, record) in documents.ConfigureAwait(false))
        {
            if (docRows is not null)
            {
                var appendStart = LoadMetrics.Start();
                writer.Append(docRows);
                metrics.Add(LoadStage.Append, ref appendStart);
                stated.AddRange(docRows.DepartmentChanges);
                run.AddLoaded(record, docRows, keyByFile[record.FileName]);
            }

            parsed.Add(record);
        }

        return parsed;
    }

    /// <summary>dim_department applies the reorganisations stated in every document with rows in the snapshot.</summary>
    public void Finish(ReferenceData reference, IEnumerable<StatedChange> stated)
    {
        ReferenceLoad.AppendDepartments(writer, reference, stated);
        ReferenceLoad.AppendFunctions(writer, reference);
        var closeStart = Stopwatch.GetTimestamp();
        writer.EndAppend();
        metrics.Step("close the appenders (DuckDB writes what they hold)", Stopwatch.GetElapsedTime(closeStart));
    }
}
