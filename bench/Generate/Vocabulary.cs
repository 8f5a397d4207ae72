namespace BudgetWarehouse.Bench.Generate;

/// <summary>
/// Words and phrase patterns of the two document families, from which the generator builds policy titles,
/// items, detail lines and narrative paragraphs. Every phrase starts with a kanji or katakana (never a digit,
/// bracket or particle) and contains no spaces, so the generator controls where lines wrap and where a
/// flattened line splits.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] Pillars =
    [
        "元気で活力あふれるまちづくり", "伝統と創造で発展するまちづくり", "子供を守り健やかに育むまちづくり", "誰もが安心して暮らせるまちづくり",
        "環境にやさしく持続可能なまちづくり", "市民と共に歩む行財政運営", "災害に強く安全なまちづくり", "交流とにぎわいを生むまちづくり",
        "未来を担う人を育むまちづくり", "健康で生きがいのあるまちづくり", "快適で魅力ある都市空間の創出", "地域の力を結集するまちづくり",
    ];

    public static readonly string[] Sections =
    [
        "地域経済の活性化", "都市の発展基盤の整備", "交流・定住人口の拡大", "スポーツ文化の推進", "子育て支援の充実", "学校教育の振興",
        "生涯学習の推進", "支え合う福祉健康社会の実現", "災害に強いまちづくり", "環境保全の推進", "行財政改革の推進", "公共交通の充実",
        "観光の振興", "農林水産業の振興", "文化芸術の振興", "魅力ある都市環境の形成", "地域コミュニティの活性化", "デジタル化の推進",
        "脱炭素社会の実現", "防犯・交通安全の推進", "医療体制の充実", "移住・定住の促進",
    ];

    public static readonly string[] SubjectNouns =
    [
        "新産業", "人材", "産業基盤", "商工業", "雇用", "都市基盤", "公共交通", "観光資源", "歴史文化資産", "景観", "子育て環境", "教育環境",
        "読書環境", "地域福祉", "介護人材", "障害者福祉", "健康づくり", "防災体制", "消防力", "水害対策", "ごみ減量", "再生可能エネルギー",
        "市民協働", "行政サービス", "公共施設", "財政基盤", "中心市街地", "農業経営", "森林資源", "国際交流",
    ];

    public static readonly string[] SubjectActions = ["の推進", "の充実", "の強化", "の確保", "の整備", "の振興", "の創出", "の育成", "の保全", "の活用"];

    public static readonly string[] Targets =
    [
        "中小企業", "小規模事業者", "子育て世帯", "高齢者", "障害のある方", "地域団体", "小中学生", "観光事業者", "農業者", "若者", "市民",
        "町会", "商店街", "外国人住民", "保育士", "介護事業所", "自主防災組織", "文化団体", "スポーツ団体", "大学生",
    ];

    public static readonly string[] Objects =
    [
        "経営基盤強化に向けた支援制度", "相談支援体制", "研修会", "モデル事業", "基本計画", "助成制度", "情報発信", "ネットワーク", "交流イベント",
        "セミナー", "人材育成プログラム", "見守り活動", "実証実験", "体験教室", "奨励金制度", "啓発活動", "推進計画", "応援窓口", "フォーラム",
        "連絡会", "講習会", "補助制度", "活動拠点", "利用促進策",
    ];

    /// <summary>Departments printed in a 担当課 column.</summary>
    public static readonly string[] Departments = ["企画課", "財政課", "こども課", "保育課", "健康づくり課", "道路整備課", "公園緑地課", "学校教育課", "生涯学習課", "危機管理課", "環境政策課", "商工観光課"];

    public static readonly string[] Verbs = ["創設", "新設", "拡充", "実施", "開催", "策定", "検討", "推進", "支援", "強化", "構築", "設置", "拡大", "改定", "展開"];

    public static readonly string[] Purposes =
    [
        "地域経済の活性化を図るため", "担い手不足に対応するため", "生産性の向上と作業の効率化を図るため", "市民の利便性向上を図るため",
        "子供の居場所を確保するため", "安全・安心な暮らしを守るため", "交流人口の拡大に向けて", "持続可能な運営に向けて",
        "多様な働き方を支えるため", "災害への備えを強化するため",
    ];

    public static readonly string[] Places = ["中央", "駅西", "北部", "南部", "東部", "西部", "港", "本町", "緑ヶ丘", "桜台", "泉野", "大手町", "旭町", "栄町"];

    public static readonly string[] Facilities = ["公民館", "児童館", "体育館", "図書館", "保育所", "小学校", "中学校", "公園", "広場", "市民センター", "福祉健康センター", "消防署", "共同調理場", "美術館"];

    public static readonly string[] Works = ["改築工事", "建設工事", "実施設計", "大規模改修", "基本設計", "耐震改修"];

    public static readonly string[] WorkVerbs = ["に着手", "を完了", "を本格化"];

    public static readonly string[] Events = ["完成", "供用開始", "開設", "開館", "オープン", "分譲開始"];

    // Tags printed after an item's name: not part of it (fact_initiative.tags).
    public static readonly string[] ItemTags = ["【新規】", "【補正予算】", "【総合戦略重点】", "【拡充】", "<単独>"];

    public static readonly string[] Seasons = ["春", "夏", "秋", "冬"];

    public static readonly string[] DetailObjects =
    [
        "事業者向けの説明会", "効果検証", "関係機関との連絡調整", "利用者アンケート", "先進地視察", "専門家による助言", "周知啓発",
        "基礎調査", "運営手法の検討", "対象地区の拡大", "参加者の募集", "オンライン申請の導入",
    ];

    public static readonly string[] DetailVerbs = ["実施", "開始", "拡大", "導入", "検討", "強化"];

    public static readonly string[] ParagraphOpenings =
    [
        "地域経済の活性化に向けて", "将来を担う子供を育むため", "誰もが安心して暮らせるよう", "持続可能な都市の形成に向けて",
        "市民の暮らしを守るため", "交流人口の拡大をめざし", "行財政改革を着実に進めるため",
    ];

    public static readonly string[] ParagraphMiddles =
    [
        "拠点施設の整備を進めるとともに", "支援体制の強化に取り組むほか", "関係団体との連携を深めるとともに", "新たな計画の策定を進めるほか",
        "地域の担い手の育成に努めるとともに", "施設の計画的な改修を進めるほか",
    ];

    public static readonly string[] ParagraphEnds =
    [
        "市民生活の質の向上に努めます", "魅力ある地域づくりに取り組みます", "効果的な施策の展開を図ります", "着実な推進に取り組みます",
    ];

    public static readonly string[] PlanPolicies =
    [
        "行政組織の質を高める", "共創の質を高める", "財政基盤の質を高める", "市民サービスの質を高める", "職員の力を高める",
    ];

    public static readonly string[] PlanPolicyNotes =
    [
        "ヒトの育成と情報発信の強化", "ヒトとの連携の推進", "モノ・カネの有効活用", "デジタル技術の活用", "働き方の改革",
    ];

    public static readonly string[] PlanSections =
    [
        "働き方のDXと機能的な組織運営", "行政データの活用と伝わる情報発信", "職員の意識改革と人材の確保", "多様な主体との協働の推進",
        "民間の創意工夫を活用する官民連携の推進", "自治体間における広域連携の推進", "公共施設の保有量の適正化と施設環境の充実",
        "効果的な政策立案と歳入の確保", "特別会計の整理合理化と経営基盤の強化", "窓口サービスの向上",
    ];

    public static readonly string[] PlanItems =
    [
        "課題解決アプリの実践", "人流データを活用した混雑予測等情報の発信", "新たな知識やスキルの学び直しの推進", "地域課題解決プラットフォームの活用推進",
        "民間企業との連携方策の検討", "観光PRイベントの共同開催", "公共施設等総合管理計画の見直し", "ネーミングライツの導入", "経営強化プランの策定",
        "公用車給油事務へのクレジットカードの導入", "デジタル通学路マップの活用推進", "採用情報の効果的な発信", "書かない窓口の導入",
        "電子契約の導入", "文書管理システムの更新", "ふるさと納税の推進", "指定管理者制度の見直し", "使用料・手数料の見直し",
    ];

    public static readonly string[] PlanResults =
    [
        "業務改善を図りました", "満足度の向上を図りました", "助成対象を拡大しました", "協働を進めています", "包括連携協定を締結しました",
        "計画を改訂し、公表しました", "財源確保を実現しました", "新たなプランを策定しました", "事務の効率化を図ります", "利便性の向上を図ります",
    ];
}
