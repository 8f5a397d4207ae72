using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Load.Reference;
using BudgetWarehouse.Loader.Transform.Functions;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Transform.Functions;

/// <summary>The 款 a document prints itself: caption lines above items and a 款 column in a table of projects.</summary>
public class FunctionCaptionTests
{
    private static readonly FunctionCaptions Captions = FunctionCaptions.For(ReferenceReader.Read(TestPaths.Seeds).Functions);

    [Theory]
    [InlineData("【総務費】", "総務費")]
    [InlineData("■民生費", "民生費")]
    [InlineData("第3款 民生費", "民生費")]
    [InlineData("款：衛生費", "衛生費")]
    [InlineData("(8) 土木費 1,234,000千円", "土木費")]
    [InlineData("［教育費］", "教育費")]
    [InlineData("＜農林水産業費＞", "農林水産業費")]
    [InlineData("10 教育費", "教育費")]
    [InlineData("民生費の増加について", null)]
    [InlineData("総務費・民生費の推移", null)]
    [InlineData("子育て支援の充実", null)]
    public void ACaptionLineIsNothingButA款(string line, string? expected) =>
        Assert.Equal(expected, Captions.Caption(line)?.Name);

    [Theory]
    [InlineData("教育費 学校図書館の蔵書を充実 12,000", "教育費")]
    [InlineData("3款民生費\t保育所運営事業\t500", "民生費")]
    [InlineData("保育所運営事業 | 民生費 | 500", "民生費")]
    [InlineData("民生費の増加に対応する", null)]
    public void ARowCellThatIsA款NamesIt(string raw, string? expected) =>
        Assert.Equal(expected, Captions.Cell(raw)?.Name);

    [Fact]
    public async Task CaptionsAndA款ColumnAssignTheirItemsAndAHeadingEndsACaption()
    {
        using var tmp = new TempDir();
        var seeds = Path.Combine(tmp.Path, "seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "documents", "a.txt"), string.Join("\n",
            "令和7年度 当初予算の概要", "", "1 暮らしの安心", "", "【民生費】", "・子育て応援給付金を創設", "・新たな見守り事業を拡充", "■衛生費", "・新たな制度を開始", "",
            "2 まちの基盤", "", "【土木費】", "・市道の舗装補修を推進", "", "3 款別の主な事業", "(単位 千円)", "款 事業名 予算額",
            "教育費 学校図書館の蔵書を充実 12,000", "総務費 消防団の詰所を建替え 30,000", "", "4 その他", "・まちの魅力を発信", ""));
        await File.WriteAllTextAsync(Path.Combine(seeds, "manifest.csv"), "file,family,municipality,fiscal_year,title\na.txt,budget_priorities,架空市,2025,\n");
        var warehouse = Path.Combine(tmp.Path, "warehouse");
        Assert.NotNull((await TestWarehouse.LoadAsync(seeds, warehouse)).SnapshotId);
        await using var db = new DuckDBConnection($"Data Source={Path.Combine(new SnapshotStore(warehouse).CurrentSnapshotDir!, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await db.OpenAsync();
        var rows = (await db.QueryAsync<(string Text, string Name, string Method, string Evidence)>(
            "select i.text, f.name, i.function_method, i.function_evidence from fact_initiative i join dim_function f using (function_id) where i.kind = 'item' order by i.seq")).ToList();
        Assert.Equal(
            [
                ("子育て応援給付金を創設", "民生費", "explicit"), ("新たな見守り事業を拡充", "民生費", "explicit"), ("新たな制度を開始", "衛生費", "explicit"),
                ("市道の舗装補修を推進", "土木費", "explicit"), ("学校図書館の蔵書を充実", "教育費", "explicit"),
                ("消防団の詰所を建替え", "総務費", "explicit"), ("まちの魅力を発信", "(不明)", "none"),
            ],
            rows.Select(r => (r.Text, r.Name, r.Method)).ToList());
        Assert.Equal("explicit: caption a.txt:8 「■衛生費」 above the item", rows[2].Evidence);
        Assert.Equal("explicit: 款 column of the row a.txt:20 「総務費」", rows[5].Evidence);
        Assert.Equal(15, await db.ExecuteScalarAsync<long>("select count(*) from dim_function"));
        Assert.Equal(
            await db.ExecuteScalarAsync<long>("select count(*) from fact_measure"),
            await db.ExecuteScalarAsync<long>("select count(*) from fact_measure m join fact_initiative i using (initiative_id) where m.function_id = i.function_id and m.function_method = i.function_method"));
    }
}
