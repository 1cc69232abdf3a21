using ApprenticeTracker.Domain.Organisations;

namespace ApprenticeTracker.Domain.People;

/// <summary>A person learning on an apprenticeship, linked to a sign-in account by <see cref="UserId"/>.</summary>
public sealed class Apprentice : AggregateRoot
{
    private Apprentice()
    {
    }

    private Apprentice(Guid id)
        : base(id)
    {
    }

    /// <summary>The id of the sign-in account.</summary>
    public string UserId { get; private set; } = string.Empty;

    public Guid TrainingProviderId { get; private set; }

    public string GivenName { get; private set; } = string.Empty;

    public string FamilyName { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    /// <summary>The order in which the person writes their name; <see cref="FullName"/> follows it.</summary>
    public NameOrder NameOrder { get; private set; }

    /// <summary>
    /// <see cref="PersonName.SortKey"/> of the names, kept so that the database can page a roll in British order from
    /// an index.
    /// </summary>
    public string NameSortKey { get; private set; } = string.Empty;

    /// <summary>The name as the person writes it, in their own order.</summary>
    public string FullName => PersonName.Full(GivenName, FamilyName, NameOrder);

    protected override Guid? AuditTrainingProviderId => TrainingProviderId;

    public static Apprentice Register(TrainingProvider provider, string userId, string givenName, string familyName, NameOrder nameOrder, string email, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var apprentice = new Apprentice(Guid.NewGuid())
        {
            UserId = userId,
            TrainingProviderId = provider.Id,
            GivenName = Check.Text(givenName, PersonDetails.NameMaxLength, "given name", PersonDetails.Fields.GivenName),
            FamilyName = Check.Text(familyName, PersonDetails.NameMaxLength, "family name", PersonDetails.Fields.FamilyName),
            Email = PersonDetails.Email(email),
            NameOrder = Check.Defined(nameOrder, "name order", PersonDetails.Fields.NameOrder),
        };
        apprentice.NameSortKey = PersonName.SortKey(apprentice.GivenName, apprentice.FamilyName);
        apprentice.Record(actor, at, "apprentice.registered", apprentice.FullName);
        return apprentice;
    }
}
