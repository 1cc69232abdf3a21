using ApprenticeTracker.Domain.Organisations;

namespace ApprenticeTracker.Domain.People;

/// <summary>
/// A tutor or practice educator of a training provider who reviews evidence and signs off duties, linked to a
/// sign-in account by <see cref="UserId"/>.
/// </summary>
public sealed class Assessor : AggregateRoot
{
    public const int JobTitleMaxLength = 100;

    private Assessor()
    {
    }

    private Assessor(Guid id)
        : base(id)
    {
    }

    public string UserId { get; private set; } = string.Empty;

    public Guid TrainingProviderId { get; private set; }

    public string GivenName { get; private set; } = string.Empty;

    public string FamilyName { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    /// <summary>The order in which the person writes their name; <see cref="FullName"/> follows it.</summary>
    public NameOrder NameOrder { get; private set; }

    /// <summary>For example "Practice educator"; shown beside the name on sign-offs.</summary>
    public string? JobTitle { get; private set; }

    public string FullName => PersonName.Full(GivenName, FamilyName, NameOrder);

    /// <summary>The assessor as the actor of an audit event.</summary>
    public Actor AsActor() => new(UserId, FullName);

    protected override Guid? AuditTrainingProviderId => TrainingProviderId;

    public static Assessor Register(TrainingProvider provider, string userId, string givenName, string familyName, NameOrder nameOrder, string email, string? jobTitle, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var assessor = new Assessor(Guid.NewGuid())
        {
            UserId = userId,
            TrainingProviderId = provider.Id,
            GivenName = Check.Text(givenName, PersonDetails.NameMaxLength, "given name", PersonDetails.Fields.GivenName),
            FamilyName = Check.Text(familyName, PersonDetails.NameMaxLength, "family name", PersonDetails.Fields.FamilyName),
            Email = PersonDetails.Email(email),
            NameOrder = Check.Defined(nameOrder, "name order", PersonDetails.Fields.NameOrder),
            JobTitle = Check.OptionalText(jobTitle, JobTitleMaxLength, "job title", nameof(JobTitle)),
        };
        assessor.Record(actor, at, "assessor.registered", assessor.FullName);
        return assessor;
    }
}
