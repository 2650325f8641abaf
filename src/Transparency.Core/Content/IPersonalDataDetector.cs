namespace Transparency.Core.Content;

/// <summary>Kinds of personal data looked for in a public text before it is published.</summary>
public enum PersonalDataKind
{
    /// <summary>A mainland mobile number (1[3-9]x, 11 digits).</summary>
    MobileNumber,

    /// <summary>A landline number with area code (e.g. 0551-62345678).</summary>
    Landline,

    /// <summary>An 18-digit resident ID number whose check digit is valid (GB 11643).</summary>
    IdCardNumber,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A bank-card number of 16–19 digits that passes the Luhn check.</summary>
    BankCard,
}

/// <summary>One piece of personal data found in an HTML text.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Value">The text as found.</param>
/// <param name="Start">Offset in the HTML string (always inside a text node, never in a tag or attribute).</param>
/// <param name="Length">Length in the HTML string.</param>
public sealed record PersonalDataHit(PersonalDataKind Kind, string Value, int Start, int Length);

/// <summary>Finds personal data in public texts, and redacts what must not be published.</summary>
public interface IPersonalDataDetector
{
    /// <summary>Every hit in the text nodes of <paramref name="html"/>, in document order.</summary>
    IReadOnlyList<PersonalDataHit> Detect(string? html);

    /// <summary>
    /// Replaces each hit whose value is in <paramref name="values"/> by a visible mark naming its reason,
    /// e.g. 〔已删除：个人信息〕; other text is left as it is.
    /// </summary>
    string Redact(string html, IReadOnlyCollection<string> values, string reason);
}
