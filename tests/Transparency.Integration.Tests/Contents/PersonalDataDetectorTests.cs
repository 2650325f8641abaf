using Transparency.Contents.Services;
using Transparency.Core.Content;

namespace Transparency.Integration.Tests.Contents;

/// <summary>Personal data in the text of a public reply: found where it is, not where it only looks like it is.</summary>
public sealed class PersonalDataDetectorTests
{
    private static readonly PersonalDataDetector Detector = new();

    [Theory]
    [InlineData("13905511234", PersonalDataKind.MobileNumber)]
    [InlineData("139-0551-1234", PersonalDataKind.MobileNumber)]
    [InlineData("139 0551 1234", PersonalDataKind.MobileNumber)]
    [InlineData("+86 13905511234", PersonalDataKind.MobileNumber)]
    [InlineData("+86-139-0551-1234", PersonalDataKind.MobileNumber)]
    [InlineData("8613905511234", PersonalDataKind.MobileNumber)]
    [InlineData("19955112345", PersonalDataKind.MobileNumber)]
    [InlineData("0551-62345678", PersonalDataKind.Landline)]
    [InlineData("(0551)62345678", PersonalDataKind.Landline)]
    [InlineData("（0551）62345678", PersonalDataKind.Landline)]
    [InlineData("010-12345678", PersonalDataKind.Landline)]
    [InlineData("0551 6234567", PersonalDataKind.Landline)]
    [InlineData("0551-62345678-801", PersonalDataKind.Landline)]
    [InlineData("11010519491231002X", PersonalDataKind.IdCardNumber)]
    [InlineData("11010519491231002x", PersonalDataKind.IdCardNumber)]
    [InlineData("340102198511205618", PersonalDataKind.IdCardNumber)]
    [InlineData("440304199502150047", PersonalDataKind.IdCardNumber)]
    [InlineData("340104199003071235", PersonalDataKind.IdCardNumber)] // also passes Luhn: still an ID number, not a card
    [InlineData("zhang.san@example.com", PersonalDataKind.Email)]
    [InlineData("li_si+city@mail.example.gov.cn", PersonalDataKind.Email)]
    [InlineData("13905511234@qq.com", PersonalDataKind.Email)] // one e-mail, not a mobile number inside it
    [InlineData("6222021234567890128", PersonalDataKind.BankCard)]
    [InlineData("6228480123456789", PersonalDataKind.BankCard)]
    [InlineData("4111111111111111", PersonalDataKind.BankCard)]
    [InlineData("621483012345678902", PersonalDataKind.BankCard)]
    [InlineData("6228 4801 2345 6789", PersonalDataKind.BankCard)]
    [InlineData("6222 0212 3456 7890 128", PersonalDataKind.BankCard)]
    public void FindsEachKindInItsUsualFormats(string value, PersonalDataKind kind)
    {
        var html = $"<p>来信人联系方式：{value}，请核实。</p>";

        var hit = Assert.Single(Detector.Detect(html));

        Assert.Equal(kind, hit.Kind);
        Assert.Equal(value, hit.Value);
        Assert.Equal(html.IndexOf(value, StringComparison.Ordinal), hit.Start);
        Assert.Equal(value.Length, hit.Length);
    }

    [Theory]
    [InlineData("市城管建字〔2020〕12号")]
    [InlineData("皖城管〔2024〕135号文件")]
    [InlineData("2020-06-05")]
    [InlineData("2020年6月5日")]
    [InlineData("12345678元")]
    [InlineData("投资62345678元")]
    [InlineData("62345678")]
    [InlineData("123456789012")]
    [InlineData("139055112345")]
    [InlineData("第13905511234567号")]
    [InlineData("4111111111111112")]
    [InlineData("6228 4801 2345 6788")]
    [InlineData("110105194912310021")]
    [InlineData("340104199003071234")]
    [InlineData("110105194913310021")] // right check digit, but there is no 13th month
    [InlineData("共计2000万元，惠及3.5万户")]
    [InlineData("ABC13905511234")]
    [InlineData("邮箱：请登录官网留言")]
    public void IgnoresNumbersThatOnlyLookLikePersonalData(string text)
    {
        Assert.Empty(Detector.Detect($"<p>{text}</p>"));
    }

    [Theory]
    [InlineData("<p><a href=\"tel:13905511234\">联系我们</a></p>")]
    [InlineData("<p><a href=\"mailto:zhang.san@example.com\">来信</a></p>")]
    [InlineData("<p><span title=\"0551-62345678\" data-id='11010519491231002X'>无</span></p>")]
    [InlineData("<p class=13905511234>无</p>")]
    [InlineData("<!-- 13905511234 --><p>无</p>")]
    [InlineData("<script>var phone = \"13905511234\";</script><style>/* 0551-62345678 */</style>")]
    [InlineData("<textarea>13905511234</textarea>")]
    public void LooksOnlyAtTheTextNeverAtTagsOrAttributes(string html)
    {
        Assert.Empty(Detector.Detect(html));
    }

    [Fact]
    public void OffsetsPointIntoTheOriginalHtmlEvenAcrossEntitiesAndAttributes()
    {
        const string html =
            "<h2 class=\"ql-align-center\">答复</h2>" +
            "<p>张三（<a href=\"tel:13905511234\">139&nbsp;0551&nbsp;1234</a>），身份证号11010519491231002X，" +
            "单位电话（0551）62345678，邮箱 zhang.san@example.com&#12290;电话&#49;3812345678</p>" +
            "<p title=\"4111111111111111\">卡号 6228 4801 2345 6789 &amp; 其他</p>";

        var hits = Detector.Detect(html);

        Assert.Equal(
            [
                (PersonalDataKind.MobileNumber, "139 0551 1234", "139&nbsp;0551&nbsp;1234"),
                (PersonalDataKind.IdCardNumber, "11010519491231002X", "11010519491231002X"),
                (PersonalDataKind.Landline, "（0551）62345678", "（0551）62345678"),
                (PersonalDataKind.Email, "zhang.san@example.com", "zhang.san@example.com"),
                (PersonalDataKind.MobileNumber, "13812345678", "&#49;3812345678"),
                (PersonalDataKind.BankCard, "6228 4801 2345 6789", "6228 4801 2345 6789"),
            ],
            hits.Select(h => (h.Kind, h.Value, html.Substring(h.Start, h.Length))).ToList());
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Start + p.First.Length <= p.Second.Start), "in document order, not overlapping");
    }

    [Fact]
    public void FindsSeveralHitsInOneTextNodeAndInAPlainText()
    {
        var hits = Detector.Detect("张三13905511234，李四13812345678。办公室0551-62345678");

        Assert.Equal(
            [PersonalDataKind.MobileNumber, PersonalDataKind.MobileNumber, PersonalDataKind.Landline],
            hits.Select(h => h.Kind).ToList());
        Assert.Empty(Detector.Detect(null));
        Assert.Empty(Detector.Detect(""));
    }

    [Fact]
    public void RedactReplacesTheTextButNeverAnAttribute()
    {
        const string html =
            "<p>电话<a href=\"tel:13905511234\">13905511234</a>，再次确认13905511234；" +
            "身份证11010519491231002X。</p><p title=\"11010519491231002X\">不变：0551-62345678</p>";

        var redacted = Detector.Redact(html, ["13905511234", "11010519491231002X"], "个人信息");

        Assert.Equal(
            "<p>电话<a href=\"tel:13905511234\">〔已删除：个人信息〕</a>，再次确认〔已删除：个人信息〕；" +
            "身份证〔已删除：个人信息〕。</p><p title=\"11010519491231002X\">不变：0551-62345678</p>",
            redacted);
        Assert.DoesNotContain(Detector.Detect(redacted), h => h.Kind != PersonalDataKind.Landline);
    }

    [Fact]
    public void RedactUsesTheValuesTheDetectorReportedEvenWhenTheHtmlHidesThemBehindEntities()
    {
        const string html = "<p>联系人：139&nbsp;0551&nbsp;1234（工作日）&amp;邮箱a.b@example.com</p>";
        var values = Detector.Detect(html).Select(h => h.Value).ToList();

        var redacted = Detector.Redact(html, values, "个人信息");

        Assert.Equal("<p>联系人：〔已删除：个人信息〕（工作日）&amp;邮箱〔已删除：个人信息〕</p>", redacted);
    }

    [Fact]
    public void RedactWithNothingToRemoveReturnsTheHtmlUnchanged()
    {
        const string html = "<p>无个人信息。</p>";
        Assert.Same(html, Detector.Redact(html, [], "个人信息"));
        Assert.Equal(html, Detector.Redact(html, ["13905511234", " "], "个人信息"));
    }
}
