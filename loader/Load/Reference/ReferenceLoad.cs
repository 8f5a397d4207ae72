using BudgetWarehouse.Loader.Transform.Departments;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Load.Reference;

/// <summary>The load pipeline's use of the reference data: read it up front, write dim_department at the end.</summary>
internal static class ReferenceLoad
{
    /// <summary>Reads seeds/reference; returns null on success, else the file-and-line problems as one message.</summary>
    public static string? TryRead(string seedsDir, out ReferenceData reference)
    {
        try
        {
            reference = ReferenceReader.Read(seedsDir);
            var path = Path.Combine(seedsDir, ReferenceReader.Folder, Extract.PlanProgress.StatusWords.FileName);
            if (File.Exists(path))
            {
                using var file = new StreamReader(path);
                var (words, problems) = Extract.PlanProgress.StatusWords.Read(file);
                if (problems.Count > 0)
                {
                    throw new ReferenceException([.. problems.Select(p => new ReferenceProblem($"{ReferenceReader.Folder}/{Extract.PlanProgress.StatusWords.FileName}", p.Line, p.Message))]);
                }

                reference = reference with { StatusWords = words };
            }

            return null;
        }
        catch (ReferenceException ex)
        {
            reference = ReferenceData.Empty;
            return ex.Message;
        }
    }

    /// <summary>dim_department: the directory with every document's stated reorganisations applied.</summary>
    public static void AppendDepartments(WarehouseWriter writer, ReferenceData reference, IEnumerable<StatedChange> stated) =>
        writer.Append("dim_department", new OrgDirectory(reference.Directory).Apply(stated).Rows(), Append);

    /// <summary>dim_function: the 款 of the reference data, plus the 'unknown' member.</summary>
    public static void AppendFunctions(WarehouseWriter writer, ReferenceData reference) =>
        writer.Append("dim_function", FunctionRows(reference), RowAppender<DimFunctionRow>.Append);

    public static IEnumerable<DimFunctionRow> FunctionRows(ReferenceData reference) =>
    [
        .. reference.Functions.Select(f => new DimFunctionRow { FunctionId = f.Id, Code = f.Code, Name = f.Name, Description = f.Description, Source = f.Origin }),
        new DimFunctionRow { FunctionId = "unknown", Code = null, Name = "(不明)", Description = "no 款 printed and no rule matched", Source = "system" },
    ];

    public static void Append(IDuckDBAppenderRow row, DimDepartmentRow r) => row
        .AppendValue(r.DepartmentId).AppendValue(r.Name).AppendValue(r.Bureau).AppendValue(r.Kind).AppendValue(r.Municipality)
        .AppendValue(r.ValidFromFy).AppendValue(r.ValidToFy).AppendValue(r.IsCurrent).AppendValue(r.Source)
        .AppendValue(r.Parent).AppendValue(r.Evidence)
        .EndRow();
}
