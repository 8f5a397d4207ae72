using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform.Departments;

/// <summary>The department of one initiative and how it was found.</summary>
internal sealed record DepartmentAssignment(string DepartmentId, string Method, string Evidence, string? Unit);

/// <summary>
/// Assigns a department to every initiative of a document:
/// 1. explicit — the item states a reorganisation (see <see cref="ReorganisationParser"/>): the unit it creates;
/// 2. rule — reference rules on the item text (match_on=text) and on its policy path (match_on=path), the
///    highest priority wins, restricted to units the directory has in the fact's fiscal year;
/// 3. otherwise the 'unknown' member, with the reason (nothing matched, or equal-priority rules disagree).
/// A detail line takes its item's department; only when the item has none does it get its own.
/// </summary>
internal static class DepartmentAssigner
{
    public const string Explicit = "explicit";
    public const string Rule = "rule";
    public const string None = "none";

    /// <summary>Fills department_id/method/evidence on the document's initiatives; returns the reorganisations it states.</summary>
    public static IReadOnlyList<StatedChange> Apply(DocumentRows rows, ReferenceData reference, string? municipality)
    {
        var changes = new List<StatedChange>();
        var byInitiative = new Dictionary<string, IReadOnlyList<OrgChange>>(StringComparer.Ordinal);
        foreach (var row in rows.Initiatives)
        {
            var found = ReorganisationParser.Parse(row.Text, row.SourceLineStart);
            if (found.Count > 0)
            {
                byInitiative[row.InitiativeId] = found;
                changes.AddRange(found.Select(c => new StatedChange(c, municipality, row.FiscalYear, rows.Document.FileName)));
            }
        }

        var named = PageDepartments.Find(rows.Initiatives, rows.SourceLines, rows.Document.FileName);
        foreach (var row in rows.Initiatives)
        {
            if (!byInitiative.ContainsKey(row.InitiativeId) && named.TryGetValue(row.InitiativeId, out var mention))
            {
                changes.Add(new StatedChange(new OrgChange(OrgChangeKind.Mention, [], mention.Unit, mention.Parent, mention.Phrase, mention.Line), municipality, row.FiscalYear, rows.Document.FileName));
            }
        }

        var directory = new OrgDirectory(reference.Directory).Apply(changes);
        var rules = RulesFor(reference.DepartmentRules, municipality);
        var paths = rows.Policies.ToDictionary(p => p.PolicyId, p => p.Path, StringComparer.Ordinal);
        var assigned = new Dictionary<string, DepartmentAssignment>(StringComparer.Ordinal);
        // Without a rule for the municipality every initiative of a year gets the same answer: build it once.
        var unmatched = rules.Count == 0 ? new Dictionary<int, DepartmentAssignment>() : null;
        for (var i = 0; i < rows.Initiatives.Count; i++)
        {
            var row = rows.Initiatives[i];
            DepartmentAssignment result;
            if (byInitiative.TryGetValue(row.InitiativeId, out var stated))
            {
                result = ExplicitAssignment(stated, directory, municipality, row.FiscalYear, rows.Document.FileName);
            }
            else if (named.TryGetValue(row.InitiativeId, out var mention))
            {
                result = NamedAssignment(mention, directory, municipality, row.FiscalYear);
            }
            else if (row.ParentInitiativeId is { } parentId && assigned.TryGetValue(parentId, out var parent) && parent.Method != None)
            {
                result = parent with { Evidence = $"inherited from its item ({parent.Method}): {parent.Evidence}" };
            }
            else if (unmatched is not null)
            {
                if (!unmatched.TryGetValue(row.FiscalYear, out result!))
                {
                    result = ByApplicableRules("", "", row.FiscalYear, rules, directory, municipality);
                    unmatched[row.FiscalYear] = result;
                }
            }
            else
            {
                var path = row.PolicyId is null ? "" : paths.GetValueOrDefault(row.PolicyId, "");
                // Progress reports print a paragraph under each item; its words count like the item's own.
                var text = string.IsNullOrEmpty(row.Description) ? row.Text : $"{row.Text}\n{row.Description}";
                result = ByApplicableRules(text, path, row.FiscalYear, rules, directory, municipality);
            }

            assigned[row.InitiativeId] = result;
            rows.Initiatives[i] = row with { DepartmentId = result.DepartmentId, DepartmentMethod = result.Method, DepartmentEvidence = result.Evidence };
        }

        return changes;
    }

    private static DepartmentAssignment ExplicitAssignment(IReadOnlyList<OrgChange> stated, OrgDirectory directory, string? municipality, int fiscalYear, string file)
    {
        // An item may state several changes; the last one names the unit the item is about.
        var change = stated[^1];
        var unit = directory.ValidIn(municipality, change.Target, fiscalYear);
        var what = change.Kind == OrgChangeKind.Merge
            ? $"{string.Join(", ", change.Sources)} → {change.Target} from FY{fiscalYear} (the others end FY{fiscalYear - 1})"
            : $"{change.Target} created in FY{fiscalYear}{(change.Parent is null ? "" : $" under {change.Parent}")}";
        var evidence = $"explicit {file}:{change.Line} 「{change.Phrase}」: {what}";
        return unit is null
            ? new DepartmentAssignment(Ids.UnknownDepartment, None, evidence + " — but the unit could not be placed in the directory", null)
            : new DepartmentAssignment(OrgDirectory.Key(unit), Explicit, evidence, unit.Name);
    }

    private static DepartmentAssignment NamedAssignment(PageMention mention, OrgDirectory directory, string? municipality, int fiscalYear)
    {
        var unit = directory.ValidIn(municipality, mention.Unit, fiscalYear);
        var bureau = mention.Parent is null ? "" : $" under {mention.Parent}";
        var evidence = $"explicit: {mention.How} 「{mention.Phrase}」 → {mention.Unit}{bureau}";
        return unit is null
            ? new DepartmentAssignment(Ids.UnknownDepartment, None, $"{evidence} — but the directory ends or starts {mention.Unit} outside FY{fiscalYear}", null)
            : new DepartmentAssignment(OrgDirectory.Key(unit), Explicit, evidence, unit.Name);
    }

    internal static DepartmentAssignment ByRules(string text, string path, int fiscalYear, IReadOnlyList<DepartmentRule> rules, OrgDirectory directory, string? municipality) =>
        ByApplicableRules(text, path, fiscalYear, RulesFor(rules, municipality), directory, municipality);

    /// <summary>
    /// The rules that apply to a municipality's documents (its own and those of every municipality), in file
    /// order; every rule when the municipality is unknown. Worked out once per municipality and rule set, not
    /// once per initiative: most municipalities have no rule of their own.
    /// </summary>
    internal static IReadOnlyList<DepartmentRule> RulesFor(IReadOnlyList<DepartmentRule> rules, string? municipality)
    {
        if (municipality is null)
        {
            return rules;
        }

        var byMunicipality = ApplicableRules.GetValue(rules, _ => new ConcurrentDictionary<string, DepartmentRule[]>(StringComparer.Ordinal));
        return byMunicipality.GetOrAdd(municipality, m => [.. rules.Where(r => r.Municipality is null || r.Municipality == m)]);
    }

    private static readonly ConditionalWeakTable<IReadOnlyList<DepartmentRule>, ConcurrentDictionary<string, DepartmentRule[]>> ApplicableRules = new();

    private static DepartmentAssignment ByApplicableRules(string text, string path, int fiscalYear, IReadOnlyList<DepartmentRule> rules, OrgDirectory directory, string? municipality)
    {
        var noMunicipality = municipality is null;
        var prefix = noMunicipality ? "municipality unknown: rules of every municipality applied without a directory filter; " : "";
        var matches = new List<(DepartmentRule Rule, string Words, OrgUnit Unit)>();
        var outOfYear = new List<string>();
        foreach (var rule in rules)
        {
            var m = RuleMatch.Words(rule.Regex, rule.MatchOn == RuleTarget.Text ? text : path);
            if (m is null)
            {
                continue;
            }

            var unit = noMunicipality
                ? directory.ByNameOnly(rule.Unit, fiscalYear)
                : directory.ValidIn(municipality, rule.Unit, fiscalYear) ?? (rule.Municipality is null ? null : directory.ValidIn(rule.Municipality, rule.Unit, fiscalYear));
            if (unit is null)
            {
                outOfYear.Add($"rule {rule.Id} matched 「{m}」 but {rule.Unit} is not in the directory for FY{fiscalYear}");
                continue;
            }

            matches.Add((rule, m, unit));
        }

        if (matches.Count == 0)
        {
            var why = outOfYear.Count > 0 ? string.Join("; ", outOfYear) : $"no rule matched the text or the policy path (FY{fiscalYear})";
            return new DepartmentAssignment(Ids.UnknownDepartment, None, prefix + why, null);
        }

        var top = matches.Max(x => x.Rule.Priority);
        var best = matches.Where(x => x.Rule.Priority == top).ToList();
        var units = best.Select(x => x.Unit).Distinct().ToList();
        if (units.Count > 1)
        {
            var disagree = string.Join("; ", best.Select(x => $"rule {x.Rule.Id} 「{x.Words}」 → {x.Unit.Name}"));
            return new DepartmentAssignment(Ids.UnknownDepartment, None, $"{prefix}rules of equal priority {top} disagree: {disagree}", null);
        }

        var winner = best[0];
        var others = (best.Count > 1 ? $" (+{best.Count - 1} agreeing)" : "") + (outOfYear.Count > 0 ? $"; skipped: {string.Join("; ", outOfYear)}" : "");
        var evidence = string.Create(CultureInfo.InvariantCulture,
            $"{prefix}rule {winner.Rule.Id} [{(winner.Rule.MatchOn == RuleTarget.Text ? "text" : "path")} ~ {winner.Rule.Pattern}, priority {top}] matched 「{winner.Words}」 → {winner.Unit.Name}{(directory.BureauOf(winner.Unit) is { } b && b != winner.Unit.Name ? $" ({b})" : "")}{others}");
        return new DepartmentAssignment(OrgDirectory.Key(winner.Unit), Rule, evidence, winner.Unit.Name);
    }
}
