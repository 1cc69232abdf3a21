namespace ApprenticeTracker.Web.Components.Forms;

/// <summary>How a command (a form post's use case) ended.</summary>
public enum CommandStatus
{
    /// <summary>Done and saved.</summary>
    Succeeded,

    /// <summary>A rule or a check refused it; <see cref="CommandResult.Errors"/> says why; nothing was saved.</summary>
    Refused,

    /// <summary>The record is not one the signed-in user may see (or does not exist): the page answers 404.</summary>
    NotFound,

    /// <summary>Someone changed the record after the form was opened; nothing was saved. <see cref="CommandResult.Errors"/> says so.</summary>
    Conflict,
}

/// <summary>
/// The one result of every command handler: how it ended, the refusals to show when it was not done, and what the
/// page needs next.
/// </summary>
public sealed record CommandResult(CommandStatus Status, FormErrors Errors)
{
    /// <summary>The message of every <see cref="CommandStatus.Conflict"/> that has no more particular one.</summary>
    public const string ChangedMeanwhile =
        "This record changed since you opened it, so nothing was saved. Its current state is shown below: check it and try again.";

    /// <summary>The record created or changed, when the page goes to it next.</summary>
    public Guid? Id { get; init; }

    /// <summary>The record's concurrency stamp now, for the form shown again.</summary>
    public Guid? ConcurrencyStamp { get; init; }

    /// <summary>Where to go next, when the handler decides it (signing in).</summary>
    public string? Next { get; init; }

    public bool Succeeded => Status == CommandStatus.Succeeded;

    public static CommandResult Done(Guid? id = null, Guid? concurrencyStamp = null) =>
        new(CommandStatus.Succeeded, new FormErrors()) { Id = id, ConcurrencyStamp = concurrencyStamp };

    public static CommandResult NotFound => new(CommandStatus.NotFound, new FormErrors());

    public static CommandResult Refused(FormErrors errors, Guid? id = null, Guid? concurrencyStamp = null) =>
        new(CommandStatus.Refused, errors) { Id = id, ConcurrencyStamp = concurrencyStamp };

    public static CommandResult Refused(string? field, string message) => Refused(FormErrors.Of(field, message));

    /// <summary>Every refusal of a <see cref="Domain.Common.DomainException"/>, mapped to the form's fields as <see cref="FormErrors.Add(Domain.Common.DomainException, Func{string?, string?}?)"/> does.</summary>
    public static CommandResult Refused(Domain.Common.DomainException refused, Func<string?, string?>? fieldOf = null)
    {
        var errors = new FormErrors();
        errors.Add(refused, fieldOf);
        return Refused(errors);
    }

    public static CommandResult Conflict(string message = ChangedMeanwhile, Guid? concurrencyStamp = null) =>
        new(CommandStatus.Conflict, FormErrors.Of(null, message)) { ConcurrencyStamp = concurrencyStamp };
}
