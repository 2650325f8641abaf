using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Transparency.Benchmarks;

/// <summary>
/// A realistic assignment table (交办任务分解表): Chinese titles built from districts, roads and subjects, representatives
/// from a pool of plausible names (some already known), real category and unit names, dates in both accepted spellings
/// (and as Excel date cells in the workbook), 0–3 co-signers and 0–2 co-units per row. Seeded, so every run is the same.
/// </summary>
public sealed class AssignmentTableGenerator(IReadOnlyList<string> categories, IReadOnlyList<GeneratorUnit> units, IReadOnlyList<string> knownRepresentatives)
{
    public static readonly string[] Header = ["编号", "标题", "领衔代表", "附议代表", "类别", "主办单位", "协办单位", "交办日期", "建议内容"];

    private static readonly string[] Districts = ["东城区", "西城区", "南湖区", "北塘区", "高新区", "经开区", "滨江区", "城南新区", "临港新区", "老城区"];
    private static readonly string[] Roads = ["解放路", "人民路", "中山路", "建设路", "和平路", "胜利路", "新华路", "朝阳路", "长江路", "黄河路", "文化路", "青年路", "迎宾大道", "体育场路", "火车站广场"];
    private static readonly string[] Sections = ["", "东段", "西段", "南段", "北段", "沿线", "周边"];
    private static readonly string[] Estates = ["阳光花园", "幸福里小区", "锦绣家园", "翠湖苑", "新村一区", "和谐家园", "滨江花城"];

    private static readonly string[] Subjects =
    [
        "关于加强{0}{1}占道经营整治的建议", "关于推进{0}{2}垃圾分类的建议", "关于修复{0}{1}破损井盖的建议", "关于增设{0}{1}公共厕所的建议",
        "关于整治{0}{1}夜间施工噪声的建议", "关于改善{0}{2}绿化环境的建议", "关于规范{0}{1}共享单车停放的建议", "关于治理{0}{1}流动摊贩的建议",
        "关于完善{0}{1}道路照明设施的建议", "关于加快{0}{2}老旧小区改造的建议", "关于疏通{0}{1}排水管网的建议", "关于清理{0}{1}违规户外广告的建议",
    ];

    private static readonly string[] Sentences =
    [
        "近年来，该区域人流量大，群众反映问题较为集中。", "建议相关部门加强日常巡查，建立长效管理机制。", "部分路段存在管理盲区，影响市容市貌和群众出行。",
        "建议增加投入，科学规划，分步实施。", "希望有关部门充分听取周边居民意见，及时回应群众关切。", "可借鉴先进城市经验，推行精细化管理。",
        "建议将该事项纳入年度重点工作计划。", "相关设施年久失修，存在一定安全隐患。",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] GivenNames = ["建国", "秀英", "志强", "丽萍", "海燕", "国华", "晓东", "雪梅", "文斌", "红霞", "明", "静", "伟", "芳", "军", "敏", "磊", "洁"];

    /// <summary>Header plus <paramref name="rows"/> rows; numbers start after <paramref name="firstNumber"/>, names carry <paramref name="namePrefix"/>.</summary>
    public List<object?[]> Generate(int rows, int seed, string namePrefix = "", int firstNumber = 0)
    {
        var random = new Random(seed);
        var pool = Surnames.SelectMany(s => GivenNames.Select(g => namePrefix + s + g)).ToList(); // 360 names
        pool.AddRange(knownRepresentatives.Select(n => namePrefix + n));
        var table = new List<object?[]>(rows + 1) { Header };
        var start = new DateTime(2020, 2, 20, 0, 0, 0, DateTimeKind.Unspecified);
        for (var i = 1; i <= rows; i++)
        {
            var representatives = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => pool[random.Next(pool.Count)]).Distinct().ToList();
            var leads = units.Where(u => u.CanLead).ToList();
            var lead = leads[random.Next(leads.Count)];
            var co = Enumerable.Range(0, random.Next(3)).Select(_ => units[random.Next(units.Count)]).Where(u => u != lead).Distinct().ToList();
            var date = start.AddDays(random.Next(40));
            table.Add(
            [
                (firstNumber + i).ToString("00000", CultureInfo.InvariantCulture),
                string.Format(CultureInfo.InvariantCulture, Subjects[random.Next(Subjects.Length)],
                    Districts[random.Next(Districts.Length)], Roads[random.Next(Roads.Length)] + Sections[random.Next(Sections.Length)], Estates[random.Next(Estates.Length)]),
                representatives[0],
                string.Join(random.Next(2) == 0 ? "、" : "；", representatives.Skip(1)),
                categories[random.Next(categories.Count)],
                Name(lead, random),
                string.Join("、", co.Select(u => Name(u, random))),
                random.Next(3) switch
                {
                    0 => date, // an Excel date cell in the workbook
                    1 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => date.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
                },
                string.Concat(Enumerable.Range(0, 2 + random.Next(4)).Select(_ => Sentences[random.Next(Sentences.Length)])),
            ]);
        }

        return table;
    }

    /// <summary>Tables name units mostly by short name, sometimes by full name.</summary>
    private static string Name(GeneratorUnit unit, Random random) => random.Next(10) == 0 ? unit.FullName : unit.ShortName;

    public static byte[] ToXlsx(List<object?[]> table)
    {
        var sheet = table.Select(r => r.Select((v, i) => (Key: Header[i], Value: v)).ToDictionary(c => c.Key, c => c.Value)).Skip(1).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "交办任务分解表", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] ToCsv(List<object?[]> table)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true))
        {
            foreach (var row in table)
            {
                csv.WriteRecord(row.Select(v => v is DateTime d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray());
            }
        }

        return stream.ToArray();
    }

    /// <summary>A file size as printed in the report.</summary>
    public static string Size(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.00} MB");
}

/// <summary>A unit the generator may name: by short or full name; internal units lead.</summary>
public sealed record GeneratorUnit(string ShortName, string FullName, bool CanLead);
