using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform;

/// <summary>Turns a parsed document into warehouse rows: keys, fiscal years, flattened hierarchy, flags.</summary>
internal static class DocumentTransformer
{
    /// <summary>The rows of one document; <paramref name="lines"/> (the decoded lines) give fact_source_line for parsers that do not list them.</summary>
    public static DocumentRows Transform(ParsedDocument doc, DocumentContext ctx, string encoding, int lineCount, IReadOnlyList<Extract.Text.TextLine>? lines = null)
    {
        var (fiscalYear, source, evidence) = ResolveFiscalYear(doc, ctx);
        var plan = PlanAchievementTransformer.Transform(doc, ctx, fiscalYear);
        var rows = new DocumentRows
        {
            Document = DocumentRow(doc, ctx, (fiscalYear, source, evidence), encoding, lineCount),
            Warnings = [.. doc.Warnings, .. plan.Warnings],
        };
        rows.PlanAchievements.AddRange(plan.Achievements);
        rows.PlanStatuses.AddRange(plan.Statuses);
        rows.PlanTransitions.AddRange(plan.Transitions);

        var byCode = doc.Policies.ToDictionary(p => p.Code, StringComparer.Ordinal);
        // Each key is formatted once and shared by every row that refers to it.
        var policyIds = new Dictionary<string, string>(StringComparer.Ordinal);
        string PolicyId(string code)
        {
            if (!policyIds.TryGetValue(code, out var id))
            {
                id = Ids.Policy(ctx.DocumentId, code);
                policyIds[code] = id;
            }

            return id;
        }

        foreach (var node in doc.Policies)
        {
            var chain = Ancestry(node, byCode);
            rows.Policies.Add(new DimPolicyRow
            {
                PolicyId = PolicyId(node.Code),
                DocumentId = ctx.DocumentId,
                FiscalYear = node.FiscalYear ?? fiscalYear,
                Level = node.Level,
                Code = node.Code,
                Marker = node.Marker,
                Title = node.Title,
                Description = node.Description,
                ParentPolicyId = node.ParentCode is null ? null : PolicyId(node.ParentCode),
                PillarTitle = chain.ElementAtOrDefault(0)?.Title,
                SectionTitle = chain.ElementAtOrDefault(1)?.Title,
                SubsectionTitle = chain.ElementAtOrDefault(2)?.Title,
                Path = string.Join(" > ", chain.Select(p => p.Title)),
                SourceLine = node.Span.StartLine,
            });
        }

        var bySeq = doc.Initiatives.ToDictionary(i => i.Seq);
        var initiativeIds = new Dictionary<int, string>();
        string InitiativeId(int seq)
        {
            if (!initiativeIds.TryGetValue(seq, out var id))
            {
                id = Ids.Initiative(ctx.DocumentId, seq);
                initiativeIds[seq] = id;
            }

            return id;
        }

        foreach (var item in doc.Initiatives)
        {
            rows.Initiatives.Add(InitiativeRow(item, ctx, fiscalYear, bySeq, InitiativeId(item.Seq), item.PolicyCode is null ? null : PolicyId(item.PolicyCode),
                item.ParentSeq is null ? null : InitiativeId(item.ParentSeq.Value)));
        }

        var coverage = SourceLineRows.AddTo(rows, doc, lines, PolicyId, InitiativeId);
        rows.Document = rows.Document with { Coverage = coverage };
        var reference = ctx.Reference ?? Reference.ReferenceData.Empty;
        Themes.ThemeAssigner.Apply(rows.Policies, reference.ThemeRules);
        rows.DepartmentChanges.AddRange(Departments.DepartmentAssigner.Apply(rows, reference, ctx.Municipality));
        Quantities.QuantityRowBuilder.AddTo(rows, doc);
        Functions.FunctionAssigner.Apply(rows, reference);
        return rows;
    }

    private static DimDocumentRow DocumentRow(ParsedDocument doc, DocumentContext ctx, (int Year, string Source, string? Evidence) year, string encoding, int lineCount) => new()
    {
        DocumentId = ctx.DocumentId,
        FileName = ctx.FileName,
        Title = ctx.Title ?? doc.Title,
        Family = doc.Family,
        FamilySource = ctx.ManifestFamily is null ? "inferred" : "manifest",
        Municipality = ctx.Municipality,
        FiscalYear = year.Year,
        FiscalYearSource = year.Source,
        FiscalYearEvidence = year.Evidence,
        Sha256 = ctx.Sha256,
        Encoding = encoding,
        LineCount = lineCount,
        ByteCount = ctx.ByteCount,
        PlanName = doc.PlanName,
        PlanStartFiscalYear = doc.PlanStartFiscalYear,
        PlanEndFiscalYear = doc.PlanEndFiscalYear,
        PlanPrinciple = doc.PlanPrinciple,
        LoadedAt = ctx.LoadedAt,
    };

    /// <summary>An initiative's row; its department is assigned later, across the document.</summary>
    private static FactInitiativeRow InitiativeRow(InitiativeNode item, DocumentContext ctx, int fiscalYear, Dictionary<int, InitiativeNode> bySeq,
        string initiativeId, string? policyId, string? parentId)
    {
        var traits = InitiativeClassifier.Classify(item.Text);
        return new FactInitiativeRow
        {
            InitiativeId = initiativeId,
            DocumentId = ctx.DocumentId,
            FiscalYear = item.FiscalYear ?? (item.ParentSeq is { } p && bySeq.TryGetValue(p, out var parent) ? parent.FiscalYear : null) ?? fiscalYear,
            PolicyId = policyId,
            DepartmentId = Ids.UnknownDepartment,
            DepartmentMethod = "none",
            DepartmentEvidence = "no department mention or rule matched",
            Kind = item.Kind,
            ParentInitiativeId = parentId,
            Seq = item.Seq,
            Text = item.Text,
            RawText = item.RawText,
            Action = traits.Action,
            IsNewProgram = traits.IsNewProgram || item.Tags.Any(t => t is "新" or "新規"),
            IsRelisted = traits.IsRelisted,
            IsFinalSupplementary = traits.IsFinalSupplementary,
            IsNumericTarget = item.IsNumericTarget,
            PlanRef = item.PlanRef,
            Description = item.Description,
            SourceLineStart = item.Span.StartLine,
            SourceLineEnd = item.Span.EndLine,
            Tags = item.Tags.Count == 0 ? null : string.Join("; ", item.Tags),
        };
    }

    private static (int Year, string Source, string? Evidence) ResolveFiscalYear(ParsedDocument doc, DocumentContext ctx)
    {
        if (ctx.ManifestFiscalYear is { } manifestYear)
        {
            return (manifestYear, "manifest", null);
        }

        if (doc.InferredFiscalYear is { } inferred)
        {
            return (inferred, "inferred", doc.FiscalYearEvidence);
        }

        throw new DocumentException(ctx.FileName, 0,
            "fiscal year unknown: the manifest gives none and the text names none (add a fiscal_year to seeds/manifest.csv)");
    }

    private static List<PolicyNode> Ancestry(PolicyNode node, Dictionary<string, PolicyNode> byCode)
    {
        var chain = new List<PolicyNode>();
        for (PolicyNode? n = node; n is not null; n = n.ParentCode is null ? null : byCode.GetValueOrDefault(n.ParentCode))
        {
            chain.Add(n);
        }

        chain.Reverse();
        return chain;
    }
}
