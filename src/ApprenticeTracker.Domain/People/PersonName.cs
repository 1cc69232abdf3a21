using System.Globalization;

namespace ApprenticeTracker.Domain.People;

/// <summary>
/// The one way a person's name is written for people to read, in pages, mails, reports and audit trails. Queries
/// select the two parts and call <see cref="Full"/> in their final projection.
/// </summary>
public static class PersonName
{
    /// <summary>The full name: given name then family name, as the person entered them, single-spaced.</summary>
    public static string Full(string? givenName, string? familyName)
    {
        var given = givenName?.Trim() ?? string.Empty;
        var family = familyName?.Trim() ?? string.Empty;
        return given.Length == 0 ? family : family.Length == 0 ? given : $"{given} {family}";
    }

    /// <summary>
    /// The one order of names in lists (family name, then given name): British English collation, ignoring case, so
    /// that Ó Súilleabháin sorts beside O'Brien and Łucja beside Lucy, not after Z.
    /// </summary>
    public static StringComparer Order { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("en-GB"), CompareOptions.IgnoreCase);
}
