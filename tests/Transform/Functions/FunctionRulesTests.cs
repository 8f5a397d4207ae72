using BudgetWarehouse.Loader.Load.Reference;
using BudgetWarehouse.Loader.Transform.Functions;
using BudgetWarehouse.Loader.Transform.Reference;

namespace BudgetWarehouse.Tests.Transform.Functions;

/// <summary>
/// The shipped 款 rules (seeds/reference/function_rules.csv) on typical initiative phrases the team wrote, at least
/// three per 款, each with the 款 a budget would book it under. Only the item's text is given: no path, no theme.
/// </summary>
public class FunctionRulesTests
{
    private static readonly ReferenceData Reference = ReferenceReader.Read(TestPaths.Seeds);

    public static TheoryData<string, string> Phrases() => new()
    {
        { "市議会の本会議をインターネットで中継", "議会費" },
        { "議員のタブレット端末を更新", "議会費" },
        { "議場の音響設備を改修", "議会費" },
        { "政務活動費の交付事務を電子化", "議会費" },
        { "市税の納付にスマートフォン決済を導入", "総務費" },
        { "住民票の写しのコンビニ交付を開始", "総務費" },
        { "本庁舎の空調設備を更新", "総務費" },
        { "町内会の集会所の修繕を補助", "総務費" },
        { "男女共同参画推進条例に基づく行動計画を策定", "総務費" },
        { "ふるさと納税の返礼品を拡充", "総務費" },
        { "職員の人材育成基本方針を改定", "総務費" },
        { "放課後児童クラブの待機児童を解消", "民生費" },
        { "認知症の方の家族を支える交流会を開催", "民生費" },
        { "生活保護受給世帯の就労を支援", "民生費" },
        { "ひとり親家庭の学習支援を拡充", "民生費" },
        { "保育所の保育士の処遇を改善", "民生費" },
        { "国民健康保険事業特別会計への繰出し", "民生費" },
        { "子ども医療費の助成対象を高校生まで拡大", "民生費" },
        { "特定健診の自己負担を無料化", "衛生費" },
        { "新型インフルエンザの予防接種費用を助成", "衛生費" },
        { "家庭ごみの収集を週2回に", "衛生費" },
        { "清掃工場の基幹的設備を改良", "衛生費" },
        { "住宅用太陽光発電の設置を補助", "衛生費" },
        { "市民病院に地域医療連携室を設置", "衛生費" },
        { "シルバー人材センターの運営を支援", "労働費" },
        { "求職者向けの職業訓練講座を開催", "労働費" },
        { "若者の地元就職を促すマッチングイベントを開催", "労働費" },
        { "勤労者福祉共済への加入を促進", "労働費" },
        { "新規就農者に対する機械導入を補助", "農林水産業費" },
        { "間伐材を利用した木製遊具を製作", "農林水産業費" },
        { "漁港の岸壁を補強", "農林水産業費" },
        { "有害鳥獣の捕獲報奨金を増額", "農林水産業費" },
        { "中央卸売市場の冷蔵施設を更新", "農林水産業費" },
        { "商店街の空き店舗への出店を支援", "商工費" },
        { "中小企業の設備投資に利子補給", "商工費" },
        { "創業希望者向けのセミナーを開催", "商工費" },
        { "インバウンド向けの観光ガイドを養成", "商工費" },
        { "企業誘致のための立地奨励金を拡充", "商工費" },
        { "市道の舗装を補修", "土木費" },
        { "都市計画道路の用地を取得", "土木費" },
        { "老朽化した市営住宅を建替え", "土木費" },
        { "公園の遊具を更新", "土木費" },
        { "無電柱化の推進計画を策定", "土木費" },
        { "コミュニティバスの路線を再編", "土木費" },
        { "消防団の詰所を建替え", "消防費" },
        { "救急車を1台増車", "消防費" },
        { "自主防災組織の資機材購入を補助", "消防費" },
        { "避難所に備蓄食料を配備", "消防費" },
        { "はしご付き消防ポンプ自動車を更新", "消防費" },
        { "中学校の体育館に空調設備を整備", "教育費" },
        { "小学校の普通教室に大型提示装置を配備", "教育費" },
        { "学校給食の食材費の値上がり分を公費で負担", "教育費" },
        { "市立図書館の開館時間を延長", "教育費" },
        { "指定文化財の修理を補助", "教育費" },
        { "総合体育館の照明を更新", "教育費" },
        { "不登校の児童生徒の居場所を設置", "教育費" },
        { "豪雨災害で被災した道路の復旧工事", "災害復旧費" },
        { "台風で被災した農地の災害復旧", "災害復旧費" },
        { "災害復旧事業の国庫補助申請を支援", "災害復旧費" },
        { "市債の元利償還金", "公債費" },
        { "高利の地方債の繰上償還を実施", "公債費" },
        { "一時借入金の利子", "公債費" },
        { "水道事業会計への繰出し(公営企業への繰出金)", "諸支出金" },
        { "土地開発基金の運用", "諸支出金" },
        { "公営企業の病院事業への出資金", "諸支出金" },
        { "予備費を前年度並みに計上", "予備費" },
        { "予備費から充用して緊急の修繕に対応", "予備費" },
        { "予備費の額を見直し", "予備費" },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void ThePhraseGetsItsFunctionWithTheMatchedWordsAsEvidence(string phrase, string expected)
    {
        var byName = Reference.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var result = FunctionAssigner.ByRules(phrase.Normalize(System.Text.NormalizationForm.FormKC), "", null, Reference.FunctionRules, byName);
        Assert.Equal(FunctionAssigner.Rule, result.Method);
        Assert.True(byName[expected].Id == result.FunctionId, $"{phrase}: expected {expected}, got {result.Evidence}");
        Assert.Matches("matched 「.+」", result.Evidence);
    }

    [Fact]
    public void ThePhrasesCoverEveryFunctionAtLeastThreeTimes()
    {
        var counts = Phrases().Select(p => (string)p[1]).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(Phrases().Count >= 60);
        Assert.All(Reference.Functions, f => Assert.True(counts.GetValueOrDefault(f.Name) >= 3, $"{f.Name}: {counts.GetValueOrDefault(f.Name)} phrases"));
        Assert.Equal(14, Reference.Functions.Count);
    }

    [Fact]
    public void ThePolicyPathAndThenTheThemeDecideWhenTheTextIsSilent()
    {
        var byName = Reference.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var byPath = FunctionAssigner.ByRules("新たな制度を創設", "安心して子育てできるまち > 子育て家庭の支援", "子育て・教育", Reference.FunctionRules, byName);
        Assert.Equal(byName["民生費"].Id, byPath.FunctionId);
        Assert.Contains("path", byPath.Evidence, StringComparison.Ordinal);
        var byTheme = FunctionAssigner.ByRules("新たな制度を創設", "まちの魅力", "防災・安全", Reference.FunctionRules, byName);
        Assert.Equal(byName["消防費"].Id, byTheme.FunctionId);
        Assert.Contains("theme", byTheme.Evidence, StringComparison.Ordinal);
        var none = FunctionAssigner.ByRules("新たな制度を創設", "まちの魅力", "その他", Reference.FunctionRules, byName);
        Assert.Equal((FunctionAssigner.Unknown, FunctionAssigner.None), (none.FunctionId, none.Method));
        Assert.Contains("no function rule matched", none.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderWithoutFunctionFilesGetsTheShippedOnes()
    {
        using var tmp = new TempDir();
        var data = ReferenceReader.Read(tmp.Path);
        Assert.Equal(14, data.Functions.Count);
        Assert.Equal("builtin:functions.csv:4", data.Functions.Single(f => f.Name == "民生費").Origin);
        Assert.Equal(ReferenceReader.Read(TestPaths.Seeds).FunctionRules.Count, data.FunctionRules.Count);
    }

    [Theory]
    [InlineData("id,pattern,function,priority,match_on,note\nX1,議会,議会費,10,text,\nX1,税,総務費,10,text,", "reference/function_rules.csv:3: duplicate rule id 'X1' (first at line 2)")]
    [InlineData("id,pattern,function,priority,match_on,note\nX1,議会,議会経費,10,text,", "reference/function_rules.csv:2: rule X1: unknown function '議会経費'")]
    [InlineData("id,pattern,function,priority,match_on,note\nX1,子育て・教育,教育費,10,theme,\nX2,未来,教育費,10,theme,", "reference/function_rules.csv:3: rule X2: unknown theme '未来'")]
    [InlineData("id,pattern,function,priority,match_on,note\nX1,(議会,議会費,10,text,", "reference/function_rules.csv:2: rule X1: bad pattern '(議会'")]
    [InlineData("id,pattern,function,priority,match_on,note\nX1,議会,議会費,10,title,", "reference/function_rules.csv:2: rule X1: match_on must be text, path or theme, not 'title'")]
    public void ABadRuleFileNamesTheLine(string csv, string expected)
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(Path.Combine(tmp.Path, "reference"));
        File.WriteAllText(Path.Combine(tmp.Path, "reference", "themes.csv"), "theme,description\n子育て・教育,\n");
        File.WriteAllText(Path.Combine(tmp.Path, "reference", "function_rules.csv"), csv + "\n");
        var ex = Assert.Throws<ReferenceException>(() => ReferenceReader.Read(tmp.Path));
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("code,name,description\n1,議会費,\n1,総務費,", "reference/functions.csv:3: duplicate code 1 (first at line 2)")]
    [InlineData("code,name,description\nx,議会費,", "reference/functions.csv:2: bad code 'x' for 議会費")]
    public void ABadFunctionsFileNamesTheLine(string csv, string expected)
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(Path.Combine(tmp.Path, "reference"));
        File.WriteAllText(Path.Combine(tmp.Path, "reference", "functions.csv"), csv + "\n");
        File.WriteAllText(Path.Combine(tmp.Path, "reference", "function_rules.csv"), "id,pattern,function,priority,match_on,note\n");
        var ex = Assert.Throws<ReferenceException>(() => ReferenceReader.Read(tmp.Path));
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
    }
}
