namespace ApprenticeTracker.Domain.Enrolments;

/// <summary>The provider's confirmation of one gateway requirement (by its key) for one enrolment.</summary>
public sealed class GatewayConfirmation : Entity
{
    public const int NoteMaxLength = 1000;

    private GatewayConfirmation()
    {
        RequirementKey = string.Empty;
        ConfirmedByUserId = string.Empty;
        ConfirmedByName = string.Empty;
    }

    internal GatewayConfirmation(Guid enrolmentId, string requirementKey, Actor by, string? note, DateTimeOffset at)
        : base(Guid.NewGuid())
    {
        EnrolmentId = enrolmentId;
        RequirementKey = requirementKey;
        ConfirmedByUserId = by.UserId;
        ConfirmedByName = by.DisplayName;
        Note = note;
        ConfirmedAt = at;
    }

    public Guid EnrolmentId { get; private set; }

    /// <summary>The <see cref="Standards.GatewayRequirement.Key"/> confirmed.</summary>
    public string RequirementKey { get; private set; }

    public string ConfirmedByUserId { get; private set; }

    public string ConfirmedByName { get; private set; }

    /// <summary>For example the certificate seen or the date of the exam board.</summary>
    public string? Note { get; private set; }

    public DateTimeOffset ConfirmedAt { get; private set; }
}
