using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Load.Reference;

namespace BudgetWarehouse.Tests.Transform.Departments;

public class ReferenceReaderTests
{
    private static readonly string[] GoodDirectory =
    [
        ReferenceFiles.DirectoryHeader,
        "市A,総務局,局,,,,",
        "市A,財政課,課,総務局,,,",
        "市A,福祉局,局,,,2020,",
        "市A,福祉健康局,局,,2021,,",
        "市A,福祉政策課,課,福祉局,,2020,",
        "市A,福祉政策課,課,福祉健康局,2021,,",
    ];

    private static IReadOnlyList<ReferenceProblem> Problems(params (string File, string[] Lines)[] files)
    {
        using var tmp = new TempDir();
        ReferenceFiles.Write(tmp.Path, files);
        var ex = Assert.Throws<ReferenceException>(() => ReferenceReader.Read(tmp.Path));
        return ex.Problems;
    }

    private static void AssertSingle(IReadOnlyList<ReferenceProblem> problems, string file, int line, string contains)
    {
        var p = Assert.Single(problems);
        Assert.Equal($"reference/{file}", p.File);
        Assert.Equal(line, p.Line);
        Assert.Contains(contains, p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSeedReferenceFilesAreValid()
    {
        var data = ReferenceReader.Read(TestPaths.Seeds);
        Assert.True(data.Directory.Count > 50);
        Assert.True(data.DepartmentRules.Count > 50);
        Assert.True(data.ThemeRules.Count >= 10);
    }

    [Fact]
    public void AGoodDirectoryWithTypeTwoRowsLoads()
    {
        using var tmp = new TempDir();
        ReferenceFiles.Write(tmp.Path, ("departments.csv", GoodDirectory));
        var data = ReferenceReader.Read(tmp.Path);
        Assert.Equal(6, data.Directory.Count);
        Assert.Equal(2, data.Directory.Count(u => u.Name == "福祉政策課"));
    }

    [Fact]
    public void MissingReferenceFolderMeansNoReferenceData()
    {
        using var tmp = new TempDir();
        var data = ReferenceReader.Read(tmp.Path);
        Assert.Empty(data.Directory);
        Assert.Empty(data.DepartmentRules);
    }

    [Fact]
    public void UnknownParentNamesFileAndLine() =>
        AssertSingle(Problems(("departments.csv", [ReferenceFiles.DirectoryHeader, "市A,総務局,局,,,,", "市A,財政課,課,総務部,,,"])),
            "departments.csv", 3, "unknown parent '総務部'");

    [Fact]
    public void ParentNotValidThroughoutTheChildsYearsIsAnError() =>
        AssertSingle(Problems(("departments.csv", [ReferenceFiles.DirectoryHeader, "市A,福祉局,局,,,2020,", "市A,福祉政策課,課,福祉局,,,"])),
            "departments.csv", 3, "is not valid in every year");

    [Fact]
    public void OverlappingValidityForOneNameIsAnError() =>
        AssertSingle(Problems(("departments.csv", [ReferenceFiles.DirectoryHeader, "市A,総務局,局,,,2021,", "市A,総務局,局,,2020,,"])),
            "departments.csv", 3, "overlapping validity for 総務局");

    [Fact]
    public void TheSameNameInTwoMunicipalitiesDoesNotOverlap()
    {
        using var tmp = new TempDir();
        ReferenceFiles.Write(tmp.Path, ("departments.csv", [ReferenceFiles.DirectoryHeader, "市A,総務局,局,,,,", "市B,総務局,局,,,,"]));
        Assert.Equal(2, ReferenceReader.Read(tmp.Path).Directory.Count);
    }

    [Fact]
    public void BadKindIsAnError() =>
        AssertSingle(Problems(("departments.csv", [ReferenceFiles.DirectoryHeader, "市A,総務局,局,,,,", "市A,財政係,係,総務局,,,"])),
            "departments.csv", 3, "bad kind '係'");

    [Theory]
    [InlineData("令和2", "bad year '令和2'")]
    [InlineData("20", "bad year '20'")]
    [InlineData("2020.5", "bad year '2020.5'")]
    public void BadYearIsAnError(string year, string message) =>
        AssertSingle(Problems(("departments.csv", [ReferenceFiles.DirectoryHeader, $"市A,総務局,局,,{year},,"])),
            "departments.csv", 2, message);

    [Fact]
    public void YearRangeBackwardsIsAnError() =>
        AssertSingle(Problems(("departments.csv", [ReferenceFiles.DirectoryHeader, "市A,総務局,局,,2021,2020,"])),
            "departments.csv", 2, "valid_from_fy 2021 is after valid_to_fy 2020");

    [Fact]
    public void WrongFieldCountAndBadHeaderNameTheLine()
    {
        AssertSingle(Problems(("departments.csv", [ReferenceFiles.DirectoryHeader, "市A,総務局,局,,,,note, with a comma"])),
            "departments.csv", 2, "expected 7 fields, found 8");
        AssertSingle(Problems(("departments.csv", ["municipality,name,type,parent,valid_from_fy,valid_to_fy,note"])),
            "departments.csv", 1, "missing column(s) kind");
    }

    [Fact]
    public void DuplicateRuleIsAnError()
    {
        var problems = Problems(
            ("departments.csv", GoodDirectory),
            ("department_rules.csv", [ReferenceFiles.RulesHeader, "R1,市A,財政|予算,財政課,30,text,", "R2,市A,財政|予算,福祉政策課,20,text,"]));
        AssertSingle(problems, "department_rules.csv", 3, "duplicate rule: pattern '財政|予算' on text is already rule R1 (line 2)");
    }

    [Fact]
    public void TheSamePatternOnTextAndOnPathIsNotADuplicate()
    {
        using var tmp = new TempDir();
        ReferenceFiles.Write(tmp.Path, ("departments.csv", GoodDirectory),
            ("department_rules.csv", [ReferenceFiles.RulesHeader, "R1,市A,財政,財政課,30,text,", "R2,市A,財政,財政課,10,path,"]));
        Assert.Equal(2, ReferenceReader.Read(tmp.Path).DepartmentRules.Count);
    }

    [Theory]
    [InlineData("R1,市A,財政,財政課,30,text,\nR1,市A,予算,財政課,30,text,", 3, "duplicate rule id 'R1'")]
    [InlineData("R1,市A,財政(,財政課,30,text,", 2, "bad pattern '財政('")]
    [InlineData("R1,市A,財政,財政部,30,text,", 2, "unknown department '財政部'")]
    [InlineData("R1,市A,財政,財政課,high,text,", 2, "priority 'high' is not an integer")]
    [InlineData("R1,市A,財政,財政課,30,title,", 2, "match_on must be text or path")]
    [InlineData("R1,市B,財政,財政課,30,text,", 2, "unknown department '財政課' (not in reference/departments.csv for 市B)")]
    public void BadRuleRowsAreErrors(string row, int line, string message) =>
        AssertSingle(Problems(("departments.csv", GoodDirectory), ("department_rules.csv", [ReferenceFiles.RulesHeader, .. row.Split('\n')])),
            "department_rules.csv", line, message);

    [Fact]
    public void ThemeRulesMustNameAKnownThemeAndNotRepeatAPattern()
    {
        var problems = Problems(
            ("themes.csv", ["theme,description", "環境,climate and waste"]),
            ("theme_rules.csv", [ReferenceFiles.ThemeRulesHeader, "T1,ごみ,環境,10,", "T2,温暖化,環境政策,10,", "T3,ごみ,環境,20,"]));
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Line == 3 && p.Message.Contains("unknown theme '環境政策'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 4 && p.Message.Contains("duplicate rule", StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidUtf8IsRejected()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(Path.Combine(tmp.Path, "reference"));
        File.WriteAllBytes(Path.Combine(tmp.Path, "reference", "departments.csv"), [.. "name,kind,valid_from_fy,valid_to_fy\n"u8.ToArray(), 0x91, 0x8D, (byte)'\n']);
        var ex = Assert.Throws<ReferenceException>(() => ReferenceReader.Read(tmp.Path));
        Assert.Contains("not valid UTF-8", Assert.Single(ex.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadReferenceFileFailsTheLoadAndPublishesNothing()
    {
        using var tmp = new TempDir();
        var seeds = ReferenceFiles.CopySeeds(Path.Combine(tmp.Path, "seeds"));
        var warehouse = Path.Combine(tmp.Path, "warehouse");
        var first = await ReferenceFiles.LoadAsync(seeds, warehouse);
        Assert.NotNull(first.SnapshotId);

        File.AppendAllText(Path.Combine(seeds, "reference", "departments.csv"), "金沢市,新設課,課,存在しない局,,,\n");
        var lines = File.ReadAllLines(Path.Combine(seeds, "reference", "departments.csv")).Length;
        var second = await ReferenceFiles.LoadAsync(seeds, warehouse);

        Assert.Null(second.SnapshotId);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"reference/departments.csv:{lines}: unknown parent '存在しない局'", second.Failure, StringComparison.Ordinal);
        Assert.Equal(first.SnapshotId, new SnapshotStore(warehouse).CurrentSnapshotId);
    }
}
