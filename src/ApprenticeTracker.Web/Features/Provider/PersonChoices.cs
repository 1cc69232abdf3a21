namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>
/// People offered in a list or filter (assessors, apprentices): read as their two name parts, written by
/// <see cref="PersonName.Full"/> and sorted by <see cref="PersonName.Order"/>, family name first. One organisation's
/// people at a time, so sorting them in memory costs nothing.
/// </summary>
internal static class PersonChoices
{
    /// <summary>A person as the query selects them, before the name is written.</summary>
    public sealed record Row(Guid Id, string GivenName, string FamilyName, NameOrder NameOrder);

    public static async Task<IReadOnlyList<Choice>> OrderedAsync(IQueryable<Row> people, CancellationToken ct)
    {
        var rows = await people.ToListAsync(ct);
        return rows
            .OrderBy(r => r.FamilyName, PersonName.Order).ThenBy(r => r.GivenName, PersonName.Order).ThenBy(r => r.Id)
            .Select(r => new Choice(r.Id, PersonName.Full(r.GivenName, r.FamilyName, r.NameOrder)))
            .ToList();
    }
}
