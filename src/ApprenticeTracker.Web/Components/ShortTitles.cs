namespace ApprenticeTracker.Web.Components;

/// <summary>Short titles of duty statements for places too small for the whole statement, such as the duty grid.</summary>
public static class ShortTitles
{
    public const int MaxLength = 48;

    /// <summary>
    /// The statement's first clause when it says enough on its own, otherwise its opening words; cut at a word
    /// boundary, with an ellipsis whenever something is left out.
    /// </summary>
    public static string For(string statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var text = statement.Trim();
        var end = text.IndexOfAny([',', ';', ':', '.']);

        // "Provide, plan, monitor…" has a one-word first clause; it would say nothing, so take words instead.
        var clause = end >= 20 ? text[..end] : text.TrimEnd('.');
        if (clause.Length <= MaxLength)
        {
            return clause.Length < text.TrimEnd('.').Length ? clause + "…" : clause;
        }

        var cut = clause.LastIndexOf(' ', MaxLength);
        var words = (cut > 0 ? clause[..cut] : clause[..MaxLength]).TrimEnd(',', ';', ':', ' ');
        return words + "…";
    }
}
