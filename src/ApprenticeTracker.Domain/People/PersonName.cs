using System.Globalization;
using System.Text;

namespace ApprenticeTracker.Domain.People;

/// <summary>
/// The one way a person's name is written for people to read, in pages, mails, reports and audit trails. Queries
/// select the two parts and call <see cref="Full"/> in their final projection.
/// </summary>
public static class PersonName
{
    /// <summary>
    /// The longest <see cref="SortKey"/>: both names at their longest, folded letter for letter (a letter such as "ß" or
    /// "æ" folds to two), and the separator.
    /// </summary>
    public const int SortKeyMaxLength = (PersonDetails.NameMaxLength * 2 * 2) + 1;

    /// <summary>
    /// The full name in the person's own order (given name first unless they write the family name first), as they
    /// entered the parts, single-spaced.
    /// </summary>
    public static string Full(string? givenName, string? familyName, NameOrder order)
    {
        var given = givenName?.Trim() ?? string.Empty;
        var family = familyName?.Trim() ?? string.Empty;
        var (first, second) = order == NameOrder.FamilyFirst ? (family, given) : (given, family);
        return first.Length == 0 ? second : second.Length == 0 ? first : $"{first} {second}";
    }

    /// <summary>
    /// The key that sorts people in <see cref="Order"/> by ordinal comparison, so that a database can keep it in an index
    /// and page a roll in British order: the family name, a separator that sorts before every character of a name, then
    /// the given name; each folded to lower case without accents ("Ó Súilleabháin" to "o suilleabhain", "Łucja" to
    /// "lucja", "Nguyễn" to "nguyen"). The same for whichever order the person writes their name in.
    /// </summary>
    public static string SortKey(string? givenName, string? familyName) =>
        $"{Fold(familyName)}\u0001{Fold(givenName)}";

    private static string Fold(string? name)
    {
        var decomposed = (name?.Trim() ?? string.Empty).Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Letters that carry their mark in the letter itself, so that decomposition leaves them whole.
            folded.Append(char.ToLowerInvariant(c) switch
            {
                'ł' => "l",
                'ø' => "o",
                'đ' or 'ð' => "d",
                'ħ' => "h",
                'ı' => "i",
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'þ' => "th",
                var lower => new string(lower, 1),
            });
        }

        return folded.ToString();
    }

    /// <summary>
    /// The one order of names in lists (family name, then given name): British English collation, ignoring case, so
    /// that Ó Súilleabháin sorts beside O'Brien and Łucja beside Lucy, not after Z.
    /// </summary>
    public static StringComparer Order { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("en-GB"), CompareOptions.IgnoreCase);
}
