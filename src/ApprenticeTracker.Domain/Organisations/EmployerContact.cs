using ApprenticeTracker.Domain.People;

namespace ApprenticeTracker.Domain.Organisations;

/// <summary>
/// A person at an employer (a workplace mentor, a line manager) with a sign-in account in the Employer role, linked by
/// <see cref="UserId"/>. A provider administrator invites them; they see, read-only, the apprentices their employer
/// has enrolled with that provider.
/// </summary>
public sealed class EmployerContact : AggregateRoot
{
    public const int JobTitleMaxLength = 100;

    /// <summary>The names by which a <see cref="Refusal"/> of a contact names the input it concerns.</summary>
    public static class Fields
    {
        public const string JobTitle = "JobTitle";
    }

    private EmployerContact()
    {
        UserId = string.Empty;
        GivenName = string.Empty;
        FamilyName = string.Empty;
        Email = string.Empty;
        JobTitle = string.Empty;
    }

    private EmployerContact(Guid id)
        : base(id)
    {
        UserId = string.Empty;
        GivenName = string.Empty;
        FamilyName = string.Empty;
        Email = string.Empty;
        JobTitle = string.Empty;
    }

    public string UserId { get; private set; }

    public Guid EmployerId { get; private set; }

    /// <summary>The training provider that invited the contact: the employer's provider.</summary>
    public Guid TrainingProviderId { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyName { get; private set; }

    public string Email { get; private set; }

    /// <summary>For example "Workplace mentor"; shown beside the name on what the contact signs.</summary>
    public string JobTitle { get; private set; }

    public string FullName => PersonName.Full(GivenName, FamilyName, NameOrder.GivenFirst);

    protected override Guid? AuditTrainingProviderId => TrainingProviderId;

    /// <summary>Records the contact of <paramref name="employer"/> whose account <paramref name="userId"/> has just been created.</summary>
    /// <exception cref="DomainException">A name, the email address or the job title is missing, too long or malformed; every refusal at once.</exception>
    public static EmployerContact Invite(Employer employer, string userId, string? givenName, string? familyName, string? email, string? jobTitle, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(employer);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var refusals = new Refusals();
        var contact = new EmployerContact(Guid.NewGuid())
        {
            UserId = userId,
            EmployerId = employer.Id,
            TrainingProviderId = employer.TrainingProviderId,
            GivenName = refusals.Collect(() => Check.Text(givenName, PersonDetails.NameMaxLength, "given name", PersonDetails.Fields.GivenName)) ?? string.Empty,
            FamilyName = refusals.Collect(() => Check.Text(familyName, PersonDetails.NameMaxLength, "family name", PersonDetails.Fields.FamilyName)) ?? string.Empty,
            Email = refusals.Collect(() => PersonDetails.Email(email)) ?? string.Empty,
            JobTitle = refusals.Collect(() => Check.Text(jobTitle, JobTitleMaxLength, "job title", Fields.JobTitle)) ?? string.Empty,
        };
        refusals.ThrowIfAny();
        contact.Record(actor, at, "employer-contact.invited", $"{contact.FullName} ({contact.JobTitle}) for {employer.Name}");
        return contact;
    }
}
