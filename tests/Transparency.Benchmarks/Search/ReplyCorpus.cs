using System.Globalization;
using System.Text;

namespace Transparency.Benchmarks.Search;

/// <summary>One generated proposal with its reply.</summary>
/// <param name="Topic">Index into the topics (for the query mix).</param>
/// <param name="Title">The proposal's title, e.g. 关于加强滨江区解放路东段占道经营整治的建议.</param>
/// <param name="Body">The proposal's text (建议内容).</param>
/// <param name="Category">One of the demo's categories.</param>
/// <param name="LeadUnit">Short name of the lead unit (an internal unit of the bureau).</param>
/// <param name="CoUnits">Short names of co-units (0–2).</param>
/// <param name="Representatives">Lead first.</param>
/// <param name="Outcome">A, B or C.</param>
/// <param name="ReplyHtml">The reply's public (and official) text: several paragraphs of sanitized HTML.</param>
public sealed record GeneratedReply(
    int Topic, string Title, string Body, string Category, string LeadUnit, IReadOnlyList<string> CoUnits,
    IReadOnlyList<string> Representatives, string Outcome, string ReplyHtml);

/// <summary>
/// Deterministic replies of a city administration bureau (市城市管理局) to deputies' suggestions, built from phrase banks
/// in the register of the bureau's 2020 handling summary and of the demo's replies: an opening that names the suggestion,
/// two to four numbered sections of measures with figures, dates and places, and a closing. About 900–1,700 characters
/// each; the same seed gives the same text.
/// </summary>
public sealed class ReplyCorpus(int seed)
{
    private static readonly string[] Districts = ["东城区", "西城区", "南湖区", "北塘区", "高新区", "经开区", "滨江区", "城南新区", "临港新区", "老城区", "东港区", "北山县", "西岭县"];
    private static readonly string[] Roads = ["解放路", "人民路", "中山路", "建设路", "和平路", "胜利路", "新华路", "朝阳路", "长江路", "黄河路", "文化路", "青年路", "迎宾大道", "体育场路", "火车站广场", "淮河路", "长春街", "望江路", "金寨路", "明光路"];
    private static readonly string[] Sections = ["", "东段", "西段", "南段", "北段", "沿线", "周边", "与长江路交口"];
    private static readonly string[] Estates = ["阳光花园", "幸福里小区", "锦绣家园", "翠湖苑", "新村一区", "和谐家园", "滨江花城", "桂花园", "梅山新村", "清溪小区"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢"];
    private static readonly string[] GivenNames = ["建国", "秀英", "志强", "丽萍", "海燕", "国华", "晓东", "雪梅", "文斌", "红霞", "明", "静", "伟", "芳", "军", "敏", "磊", "洁", "德胜", "玉兰", "春生", "桂芝"];
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五"];

    /// <summary>What one subject of suggestions looks like: title patterns, category, lead units, section headings and measures.</summary>
    private sealed record Topic(string Category, string[] Units, string[] Titles, string[] Headings, string[] Measures, string[] Terms);

    private static readonly Topic[] Topics =
    [
        new("垃圾分类", ["环卫处", "市容环境科"],
            ["关于加快推进{0}生活垃圾分类的建议", "关于在{1}小区设置垃圾分类投放点的建议", "关于完善{0}厨余垃圾收运体系的建议", "关于加强{0}垃圾中转站管理的建议"],
            ["以示范片区为抓手，扩大分类覆盖面", "建立分类收运台账，杜绝“先分后混”", "加快末端处置设施建设", "强化宣传引导，提高居民参与率", "落实物业企业分类管理责任"],
            ["全市已有{n}家党政机关和公共机构、{m}个居民小区开展生活垃圾分类", "示范片区内已新增、更换四分类收集容器{n}余组，设置定时定点投放点{m}处", "厨余垃圾实行“日产日清”，有害垃圾实行定期预约收运", "全市已配置分类收运车辆{m}辆，对收运车辆实行卫星定位和称重计量", "厨余垃圾处理项目采用BOO模式建设，设计规模为日处理{m}吨", "对混装混运的，一经查实严肃处理，并纳入环卫作业单位考核", "{1}小区已配备分类督导员{s}名，居民分类投放准确率明显提高"],
            ["垃圾分类", "厨余垃圾", "生活垃圾", "分类收运", "垃圾中转站", "示范片区"]),
        new("占道经营", ["执法支队", "市容环境科"],
            ["关于加强{0}{2}占道经营整治的建议", "关于规范{0}流动摊贩管理的建议", "关于取缔{2}马路市场的建议", "关于设置{0}便民疏导点的建议"],
            ["坚持疏堵结合，设置便民疏导点", "开展专项整治，保持高压态势", "推行“721”工作法，寓管理于服务", "建立长效机制，防止问题反弹"],
            ["我局会同{0}城管部门对{2}开展占道经营专项整治，共劝离流动摊贩{n}人次", "在{2}周边设置便民疏导点{s}处，引导摊贩入点经营", "对{2}马路市场实行“退路进室”，已取缔{s}处", "对屡教不改的占道经营行为依法予以查处，立案{m}起", "执法人员全程佩戴执法记录仪，做到文明执法、规范执法", "早晚高峰时段实行定人、定岗、定责巡查"],
            ["占道经营", "流动摊贩", "马路市场", "便民疏导点", "专项整治", "疏堵结合"]),
        new("城市照明", ["市政设施科"],
            ["关于完善{0}{2}路灯设施的建议", "关于修复{2}损坏路灯的建议", "关于实施{0}城市照明节能改造的建议", "关于增设{1}小区周边路灯的建议"],
            ["开展路灯设施排查，及时修复故障", "实施城市照明节能改造", "完善背街小巷照明设施", "建立路灯巡查维护机制"],
            ["我局已安排路灯管理所对{2}路灯进行排查，更换灯具{m}盏、修复线路{s}处", "全市主次干道亮灯率达到98%以上，背街小巷亮灯率达到95%以上", "城市照明节能改造项目将高压钠灯替换为LED路灯{n}盏，年节约电费约{m}万元", "路灯故障可拨打12319城管服务热线报修，一般故障24小时内修复", "{1}小区周边新增路灯{s}基，已于{month}月底前全部亮灯"],
            ["路灯", "城市照明", "LED路灯", "亮灯率", "节能改造", "12319"]),
        new("渣土管理", ["执法支队", "市容环境科"],
            ["关于加强{0}建筑渣土运输管理的建议", "关于治理渣土车抛洒滴漏的建议", "关于规范建筑垃圾处置的建议", "关于建设{0}建筑垃圾资源化利用厂的建议"],
            ["严格渣土处置核准", "加强渣土运输全过程监管", "联合执法，严查抛洒滴漏", "推进建筑垃圾资源化利用"],
            ["建筑垃圾和渣土运输车辆须实行密闭运输，按照规定路线和时间行驶", "我局联合公安交警开展夜间联合执法，查处渣土车违规行为{m}起", "对未办理处置核准手续擅自运输渣土的，依法予以查处", "全市{n}辆渣土车已全部安装卫星定位装置，纳入监管平台", "建筑垃圾资源化利用项目设计年处理能力{m}万吨，计划于{year}年建成投运"],
            ["渣土", "渣土车", "建筑垃圾", "抛洒滴漏", "密闭运输", "资源化利用"]),
        new("违法建设", ["执法支队"],
            ["关于加大{0}违法建设查处力度的建议", "关于拆除{1}小区违建的建议", "关于遏制城郊结合部新增违法建设的建议"],
            ["对新增违法建设“零容忍”", "分类处置存量违法建设", "建立违建巡查和举报机制"],
            ["{year}年以来，累计查处违法建设案件{m}起，拆除违法建设{n}平方米", "对新增违法建设做到发现一处、拆除一处，实现“零增长”", "{1}小区楼顶违建已于{month}月拆除完毕", "对存量违法建设按照“先易后难、分类处置”的原则逐步消化", "群众可通过12319热线举报违法建设，我局在24小时内核查处理"],
            ["违法建设", "违建", "拆除", "零容忍", "查处"]),
        new("市政设施养护", ["市政设施科"],
            ["关于修复{0}{2}破损井盖的建议", "关于加强背街小巷市政设施养护的建议", "关于改造{2}人行道的建议", "关于疏通{0}排水管网的建议"],
            ["建立市政设施巡查养护机制", "实施背街小巷改造提升", "加强道路井盖安全管理", "推进城市内涝点改造"],
            ["市政设施养护经费纳入财政预算，道路井盖缺失、破损实行24小时修复", "{year}年将投入资金{m}万元，对{s}条背街小巷进行改造", "我局已对{2}人行道破损路面进行修复，面积约{n}平方米", "对{0}易积水路段排水管网进行清淤疏通，清掏淤泥{m}吨", "市政设施科每月对主次干道开展一次全面巡查"],
            ["市政设施", "井盖", "背街小巷", "人行道", "排水管网", "内涝"]),
        new("停车管理", ["市容环境科", "市政设施科"],
            ["关于缓解{0}老城区停车难问题的建议", "关于在{1}小区周边施划停车泊位的建议", "关于建设{2}立体停车库的建议", "关于规范共享单车停放的建议"],
            ["挖掘资源，增加停车泊位", "规划建设公共停车场", "规范非机动车停放秩序"],
            ["我局在背街小巷施划临时停车泊位{n}个，缓解老城区停车难问题", "会同交通运输部门在{2}周边规划建设立体停车库，可提供车位{m}个", "对占用人行道违法停放的机动车，由公安交管部门依法处理", "已协调运营企业在{2}设置共享单车停放点{s}处", "学校周边增设公共停车场{s}处，缓解接送学生车辆停放问题"],
            ["停车难", "停车泊位", "停车场", "共享单车", "立体停车库"]),
        new("市容环境", ["市容环境科", "执法支队"],
            ["关于治理{0}餐饮油烟扰民问题的建议", "关于整治{2}夜间施工噪音的建议", "关于提升{2}沿街立面和市容环境品质的建议", "关于清理{0}违规户外广告的建议", "关于加强建筑工地扬尘治理的建议"],
            ["督促餐饮单位安装油烟净化设施", "加强夜间施工噪音管控", "开展市容环境综合整治", "规范户外广告设置"],
            ["我局督促{2}沿街{m}家餐饮单位安装油烟净化设施并定期清洗", "夜间建筑施工噪音扰民问题属于生态环境部门职责，我局已将您的建议转交相关部门办理", "对{2}沿街立面进行整治，清理违规户外广告{m}块", "道路机械化清扫比例达到85%，推行“以克论净”考核", "烧烤摊点油烟污染问题，我局将加大夜间巡查力度，引导商户规范经营", "建筑工地扬尘治理落实“六个百分之百”要求，PM2.5浓度同比下降{s}%"],
            ["油烟", "噪音", "扬尘", "户外广告", "市容环境", "PM2.5"]),
        new("园林绿化", ["园林绿化科"],
            ["关于改善{0}{1}小区绿化环境的建议", "关于增设公园绿地便民设施的建议", "关于加强{2}行道树养护的建议"],
            ["增加公园绿地便民设施", "加强行道树和绿地养护", "推进口袋公园建设"],
            ["{year}年新建口袋公园{s}个，新增绿地面积{n}平方米", "在{0}公园绿地增设座椅{m}处、公厕{s}座", "对{2}行道树进行修剪和病虫害防治，补植树木{m}株", "公园绿地实行网格化养护，养护质量纳入考核"],
            ["园林绿化", "口袋公园", "行道树", "公园绿地", "公厕"]),
        new("其他", ["办公室", "环卫处"],
            ["关于增设{0}公共厕所的建议", "关于延长{0}公厕开放时间的建议", "关于提升城市管理精细化水平的建议", "关于推广“城管小事”工作模式的建议"],
            ["加快公厕建设和改造提升", "推行“城管小事”，解决群众身边事", "提升城市管理精细化水平"],
            ["新建公厕{s}座，改造提升老旧公厕{m}座，并实行免费开放", "城区公厕开放时间延长至22时，{2}周边公厕实行24小时开放", "今年共有{s}条人大建议纳入“城管小事”并解决", "在“城管小事”验收阶段，邀请人大代表、政协委员、市民代表参与评审", "12319城管服务热线受理群众诉求{n}件，办结率达到99%"],
            ["公厕", "公共厕所", "城管小事", "12319", "精细化"]),
    ];

    private static readonly string[] Openings =
    [
        "您提出的《{t}》收悉。首先感谢您对城市管理工作的关心和支持。我局高度重视，由分管局领导牵头，{u}具体承办，并与您当面沟通，听取意见。现将办理情况答复如下：",
        "您在{s}上提出的《{t}》已交我局办理。我局对此高度重视，专题研究部署，组织{u}进行实地调查，认真研究办理。现答复如下：",
        "《{t}》收悉。感谢您对城市管理工作的关注。该建议列为我局重点办理建议，局主要负责同志牵头，{u}具体承办，会同相关部门进行专题研究。现将有关情况答复如下：",
        "您提出的关于{k}方面的建议收悉。我局按照“先办后复”的原则，组织{u}深入调研，与您电话沟通后形成办理意见。现答复如下：",
    ];

    private static readonly string[] Background =
    [
        "城市管理问题日趋复杂，动态性大，涉及群众切身利益。", "我局把建议办理作为推进城市管理的重要载体和了解社情民意的重要渠道。",
        "承办部门与您进行了沟通交流，了解了您对该建议的初衷和想法。", "我局组织相关科室和执法大队深入现场进行调查研究，认真查阅有关资料。",
        "该问题涉及多个部门职责，我局牵头协调，相关部门积极配合，共同协商解决。", "近年来，我局按照“精细化、常态化、长效化”的要求，持续推进城市管理工作。",
        "您提出的问题是群众关心关注的热点问题，具有很强的针对性和可操作性。", "我局对照建议逐条研究，能够采纳的全部采纳，一时难以解决的列入工作计划。",
    ];

    private static readonly string[] Connectives = ["目前，", "下一步，", "同时，", "截至{year}年{month}月底，", "为此，", "此外，", "", "", ""];

    private static readonly string[] Closings =
    [
        "我局将按照上述时间节点抓好落实，并及时向您通报工作进展。再次感谢您对城市管理工作的关心和支持，希望继续提出宝贵意见和建议。",
        "城市管理工作千头万绪，我局将以此次建议办理为契机，举一反三，持续改进工作。欢迎您继续关注和监督城市管理工作。",
        "对因条件限制暂时不能解决的问题，我局已列入工作计划，条件成熟后逐步解决，并及时向您反馈。感谢您对我们工作的理解和支持。",
        "以上答复如有意见，请及时与我局联系。再次感谢您对城市管理工作的关心、理解和支持。",
    ];

    private readonly Random _random = new(seed);

    /// <summary>The search words a citizen would type for this corpus: each topic's terms plus places.</summary>
    public static IReadOnlyList<string> QueryTerms { get; } =
        Topics.SelectMany(t => t.Terms).Concat(["解放路", "人民路", "滨江区", "老城区", "小区", "整治", "改造", "执法", "巡查", "答复", "2021年", "建议"]).Distinct().ToList();

    /// <summary>The categories used (the demo recipe's).</summary>
    public static IReadOnlyList<string> Categories { get; } = Topics.Select(t => t.Category).Distinct().ToList();

    public GeneratedReply Next(string sessionName, int year, bool cppcc)
    {
        var topicIndex = _random.Next(Topics.Length);
        var topic = Topics[topicIndex];
        var district = Pick(Districts);
        var estate = Pick(Estates);
        var road = Pick(Roads) + Pick(Sections);
        var title = Fill(Pick(topic.Titles), district, estate, road, year);
        if (cppcc)
        {
            title = title.Replace("的建议", "的提案", StringComparison.Ordinal);
        }

        var unit = Pick(topic.Units);
        var html = new StringBuilder(6000);
        html.Append("<p>")
            .Append(Pick(Openings).Replace("{t}", title, StringComparison.Ordinal).Replace("{u}", unit, StringComparison.Ordinal)
                .Replace("{s}", sessionName, StringComparison.Ordinal).Replace("{k}", Pick(topic.Terms), StringComparison.Ordinal))
            .Append("</p><p>")
            .Append(string.Concat(Background.OrderBy(_ => _random.Next()).Take(2 + _random.Next(3))))
            .Append("</p>");
        var headings = topic.Headings.OrderBy(_ => _random.Next()).Take(3 + _random.Next(2)).ToList();
        for (var h = 0; h < headings.Count; h++)
        {
            html.Append("<p><strong>").Append(Numerals[h]).Append('、').Append(headings[h]).Append("。</strong>");
            var count = 4 + _random.Next(4);
            for (var s = 0; s < count; s++)
            {
                html.Append(Fill(Pick(Connectives), district, estate, road, year))
                    .Append(Fill(Pick(topic.Measures), district, estate, road, year))
                    .Append(s == count - 1 || _random.Next(3) > 0 ? "。" : "；");
            }

            html.Append("</p>");
        }

        html.Append("<p>").Append(Pick(Closings)).Append("</p>");
        var body = string.Concat(Enumerable.Range(0, 2 + _random.Next(3)).Select(_ => Fill(Pick(topic.Measures), district, estate, road, year).Replace("我局", "建议相关部门", StringComparison.Ordinal) + "。"));
        var representatives = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(Surnames) + Pick(GivenNames)).Distinct().ToList();
        var outcome = _random.Next(100) switch { < 55 => "A", < 90 => "B", _ => "C" };
        return new GeneratedReply(topicIndex, title, body, topic.Category, unit, [], representatives, outcome, html.ToString());
    }

    private string Fill(string pattern, string district, string estate, string road, int year)
        => pattern
            .Replace("{0}", district, StringComparison.Ordinal)
            .Replace("{1}", estate, StringComparison.Ordinal)
            .Replace("{2}", road, StringComparison.Ordinal)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{month}", (1 + _random.Next(12)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{n}", _random.Next(100, 5000).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{m}", _random.Next(10, 900).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{s}", _random.Next(2, 30).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
