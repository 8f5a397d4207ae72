using BudgetWarehouse.Models;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Load;

/// <summary>
/// Column-for-column appender mappings from row records to tables. The order of AppendValue calls must
/// match the column order of the table's DDL in sql/schema.
/// </summary>
internal static class TableWriters
{
    public static void Append(IDuckDBAppenderRow row, DimDocumentRow r) => row
        .AppendValue(r.DocumentId).AppendValue(r.FileName).AppendValue(r.Title).AppendValue(r.Family).AppendValue(r.FamilySource)
        .AppendValue(r.Municipality).AppendValue(r.FiscalYear).AppendValue(r.FiscalYearSource).AppendValue(r.FiscalYearEvidence)
        .AppendValue(r.Sha256).AppendValue(r.Encoding).AppendValue(r.LineCount).AppendValue(r.ByteCount)
        .AppendValue(r.PlanName).AppendValue(r.PlanStartFiscalYear).AppendValue(r.PlanEndFiscalYear).AppendValue(r.PlanPrinciple).AppendValue(r.LoadedAt)
        .EndRow();

    public static void Append(IDuckDBAppenderRow row, DimPolicyRow r) => row
        .AppendValue(r.PolicyId).AppendValue(r.DocumentId).AppendValue(r.FiscalYear).AppendValue(r.Level).AppendValue(r.Code)
        .AppendValue(r.Marker).AppendValue(r.Title).AppendValue(r.Description).AppendValue(r.ParentPolicyId)
        .AppendValue(r.PillarTitle).AppendValue(r.SectionTitle).AppendValue(r.SubsectionTitle).AppendValue(r.Path)
        .AppendValue(r.Theme).AppendValue(r.ThemeEvidence).AppendValue(r.SourceLine)
        .EndRow();

    public static void Append(IDuckDBAppenderRow row, FactInitiativeRow r) => row
        .AppendValue(r.InitiativeId).AppendValue(r.DocumentId).AppendValue(r.FiscalYear).AppendValue(r.PolicyId)
        .AppendValue(r.DepartmentId).AppendValue(r.DepartmentMethod).AppendValue(r.DepartmentEvidence).AppendValue(r.Kind)
        .AppendValue(r.ParentInitiativeId).AppendValue(r.Seq).AppendValue(r.Text).AppendValue(r.RawText).AppendValue(r.Action)
        .AppendValue(r.IsNewProgram).AppendValue(r.IsRelisted).AppendValue(r.IsFinalSupplementary).AppendValue(r.IsNumericTarget)
        .AppendValue(r.PlanRef).AppendValue(r.Description).AppendValue(r.SourceLineStart).AppendValue(r.SourceLineEnd)
        .EndRow();

    public static void Append(IDuckDBAppenderRow row, FactMeasureRow r) => row
        .AppendValue(r.MeasureId).AppendValue(r.InitiativeId).AppendValue(r.DocumentId).AppendValue(r.FiscalYear).AppendValue(r.PolicyId)
        .AppendValue(r.DepartmentId).AppendValue(r.Label).AppendValue(r.Value).AppendValue(r.Unit).AppendValue(r.Counter)
        .AppendValue(r.AmountYen).AppendValue(r.Role).AppendValue(r.ParentMeasureId).AppendValue(r.Bound).AppendValue(r.Note)
        .AppendValue(r.IsApproximate).AppendValue(r.RawText).AppendValue(r.SourceLine)
        .EndRow();

    public static void Append(IDuckDBAppenderRow row, FactMilestoneRow r) => row
        .AppendValue(r.MilestoneId).AppendValue(r.InitiativeId).AppendValue(r.DocumentId).AppendValue(r.FiscalYear).AppendValue(r.PolicyId)
        .AppendValue(r.DepartmentId).AppendValue(r.Event).AppendValue(r.StartDate).AppendValue(r.EndDate).AppendValue(r.Precision)
        .AppendValue(r.IsPlanned).AppendValue(r.TargetFiscalYear).AppendValue(r.RawText).AppendValue(r.SourceLine)
        .EndRow();

    public static void Append(IDuckDBAppenderRow row, FactPlanAchievementRow r) => row
        .AppendValue(r.AchievementId).AppendValue(r.DocumentId).AppendValue(r.FiscalYear).AppendValue(r.PolicyId).AppendValue(r.RowKind)
        .AppendValue(r.Label).AppendValue(r.ItemsPlanned).AppendValue(r.ItemsAchieved).AppendValue(r.ItemsPending).AppendValue(r.AchievementRate)
        .AppendValue(r.StatedRate).AppendValue(r.StatedRateText).AppendValue(r.IsConsistent).AppendValue(r.RawText).AppendValue(r.SourceLine)
        .AppendValue(r.SourceLineEnd)
        .EndRow();

    public static void Append(IDuckDBAppenderRow row, FactPlanStatusRow r) => row
        .AppendValue(r.StatusId).AppendValue(r.AchievementId).AppendValue(r.DocumentId).AppendValue(r.FiscalYear).AppendValue(r.PolicyId)
        .AppendValue(r.RowKind).AppendValue(r.StatusRaw).AppendValue(r.StatusScale).AppendValue(r.StatusRank).AppendValue(r.ItemCount)
        .AppendValue(r.SourceLine)
        .EndRow();

    public static void Append(IDuckDBAppenderRow row, EtlDocumentRow r) => row
        .AppendValue(r.RunId).AppendValue(r.FileName).AppendValue(r.DocumentId).AppendValue(r.Sha256).AppendValue(r.Status)
        .AppendValue(r.Family).AppendValue(r.Error).AppendValue(r.ErrorLine).AppendValue(r.Warnings).AppendValue(r.RowCount)
        .EndRow();

    public static void Append(IDuckDBAppenderRow row, BridgeInitiativeLineageRow r) => row
        .AppendValue(r.InitiativeId).AppendValue(r.LineageId).AppendValue(r.Municipality).AppendValue(r.Family).AppendValue(r.FiscalYear)
        .AppendValue(r.PriorInitiativeId).AppendValue(r.PriorFiscalYear).AppendValue(r.Similarity).AppendValue(r.LinkRule).AppendValue(r.CoreText)
        .EndRow();
}
