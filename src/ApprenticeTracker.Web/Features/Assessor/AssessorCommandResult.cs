namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>How an assessor's decision (review, sign-off, revocation) ended.</summary>
public enum AssessorCommandStatus
{
    /// <summary>Recorded.</summary>
    Succeeded,

    /// <summary>The record is not one the assessor may see: the page answers 404.</summary>
    NotFound,

    /// <summary>A rule refused the decision; <see cref="AssessorCommandResult.Message"/> says why, beside <see cref="AssessorCommandResult.Field"/>.</summary>
    Refused,

    /// <summary>Someone changed the record after the form was opened; nothing was recorded.</summary>
    Conflict,
}

/// <summary>The outcome of an assessor's decision, with the message to show when it was not recorded.</summary>
/// <param name="Field">The form field the message belongs beside; null when it concerns the whole form.</param>
public sealed record AssessorCommandResult(AssessorCommandStatus Status, string? Field = null, string? Message = null)
{
    public static AssessorCommandResult Succeeded { get; } = new(AssessorCommandStatus.Succeeded);

    public static AssessorCommandResult NotFound { get; } = new(AssessorCommandStatus.NotFound);

    public static AssessorCommandResult Conflict { get; } = new(
        AssessorCommandStatus.Conflict,
        Message: "This item changed since you opened it, so your decision was not recorded. Its current state is shown below: check it and decide again.");

    public static AssessorCommandResult Refused(string? field, string message) => new(AssessorCommandStatus.Refused, field, message);
}
