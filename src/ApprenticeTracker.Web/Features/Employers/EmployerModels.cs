using ApprenticeTracker.Domain.Progress;

namespace ApprenticeTracker.Web.Features.Employers;

/// <summary>The employer contact's home: their employer and its apprentices with the provider that invited them.</summary>
/// <param name="TestimoniesWaiting">Witness testimonies that name the signed-in contact and wait for their answer, oldest first.</param>
public sealed record EmployerHomeModel(
    string EmployerName, string ProviderName, IReadOnlyList<EmployerApprenticeRow> Apprentices, IReadOnlyList<TestimonyWaitingRow> TestimoniesWaiting);

/// <summary>A witness testimony waiting for the signed-in contact to confirm or decline it.</summary>
public sealed record TestimonyWaitingRow(Guid EnrolmentId, Guid EvidenceId, string Title, string ApprenticeName, DateOnly ActivityDate, DateTimeOffset? SubmittedAt);

/// <summary>One apprentice on the employer's home page.</summary>
public sealed class EmployerApprenticeRow
{
    public Guid EnrolmentId { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? CohortName { get; init; }

    public EnrolmentStatus Status { get; init; }

    public DateOnly StartDate { get; init; }

    public int DutiesSignedOff { get; init; }

    public int TotalDuties { get; init; }

    /// <summary>Approved off-the-job minutes.</summary>
    public int OffTheJobApprovedMinutes { get; init; }

    /// <summary>The off-the-job minutes planned over the whole programme; null when the standard's minimum is not known.</summary>
    public int? OffTheJobPlannedMinutes { get; init; }

    /// <summary>The off-the-job minutes planned by today.</summary>
    public int OffTheJobPlannedToDateMinutes { get; init; }

    public DateOnly? GatewayPassedOn { get; init; }

    public int GatewayChecksMet { get; init; }

    public int GatewayChecks { get; init; }

    public bool ReadyForGateway => GatewayChecks > 0 && GatewayChecksMet == GatewayChecks;
}

/// <summary>One apprentice as their employer sees them, read-only: progress per duty, evidence, sign-offs, gateway.</summary>
public sealed class EmployerApprenticeModel
{
    public required Guid EnrolmentId { get; init; }

    public required string Name { get; init; }

    public required string EmployerName { get; init; }

    public string? CohortName { get; init; }

    /// <summary>"ST0413 v1.1 – Healthcare science practitioner (integrated degree)".</summary>
    public required string Standard { get; init; }

    public required EnrolmentStatus Status { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly PlannedEndDate { get; init; }

    /// <summary>Progress per duty; drafts are the apprentice's own and are not counted.</summary>
    public required EnrolmentProgress Progress { get; init; }

    public required OffTheJobSummary OffTheJob { get; init; }

    public required GatewayReadiness Gateway { get; init; }

    public DateOnly? GatewayPassedOn { get; init; }

    /// <summary>The declaration the employer agrees to when the apprentice is ready (<see cref="EmployerGatewayDeclaration"/>).</summary>
    public required string GatewayDeclaration { get; init; }

    /// <summary>The employer's agreement to gateway; null while there is none.</summary>
    public EmployerGatewayAgreement? EmployerAgreement { get; init; }

    /// <summary>The enrolment's stamp, which the agreement form carries back so that a second click records nothing.</summary>
    public Guid ConcurrencyStamp { get; init; }

    /// <summary>The employer may agree now: the apprentice is in learning and no one has agreed yet.</summary>
    public bool CanAgreeToGateway => Status == EnrolmentStatus.Active && EmployerAgreement is null;

    /// <summary>Evidence other than drafts, most recent activity first.</summary>
    public required IReadOnlyList<EmployerEvidenceRow> Evidence { get; init; }
}

/// <summary>The off-the-job figures shown to the employer, in minutes.</summary>
public sealed record OffTheJobSummary(int ApprovedMinutes, int? PlannedMinutes, int PlannedToDateMinutes);

/// <summary>One evidence item in the employer's list.</summary>
public sealed record EmployerEvidenceRow(Guid Id, string Title, EvidenceType Type, EvidenceStatus Status, DateOnly ActivityDate, IReadOnlyList<string> DutyCodes);

/// <summary>One evidence item as the employer reads it.</summary>
public sealed class EmployerEvidenceModel
{
    public required Guid EnrolmentId { get; init; }

    public required string ApprenticeName { get; init; }

    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required EvidenceType Type { get; init; }

    public required EvidenceStatus Status { get; init; }

    public required DateOnly ActivityDate { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public string? Description { get; init; }

    /// <summary>"D1 Practice according to…", in duty order.</summary>
    public required IReadOnlyList<string> Duties { get; init; }

    public required IReadOnlyList<EmployerAttachmentRow> Attachments { get; init; }

    /// <summary>The assessors' decisions, most recent first.</summary>
    public required IReadOnlyList<EmployerReviewRow> Reviews { get; init; }

    /// <summary>The stamp the witness's answer carries back, so an answer to a changed item (or a second click) is refused.</summary>
    public Guid ConcurrencyStamp { get; init; }

    /// <summary>The witness a testimony names (name and job title); null when none.</summary>
    public string? WitnessName { get; init; }

    public WitnessResponse? WitnessResponse { get; init; }

    public DateTimeOffset? WitnessRespondedAt { get; init; }

    public string? WitnessDeclineReason { get; init; }

    /// <summary>The signed-in contact is the witness the item names.</summary>
    public bool IsWitness { get; init; }

    /// <summary>The apprenticeship is withdrawn or completed: nothing is answered any more.</summary>
    public bool IsRecordClosed { get; init; }

    /// <summary>The signed-in contact may confirm or decline the testimony now.</summary>
    public bool CanAnswer => IsWitness && WitnessResponse is null && !IsRecordClosed;
}

public sealed record EmployerAttachmentRow(Guid Id, string FileName, long SizeBytes);

public sealed record EmployerReviewRow(ReviewDecision Decision, string? Feedback, string AssessorName, DateTimeOffset ReviewedAt);
