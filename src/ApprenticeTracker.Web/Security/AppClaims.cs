using ApprenticeTracker.Persistence.Identity;

namespace ApprenticeTracker.Web.Security;

/// <summary>
/// Claim types the sign-in cookie carries besides Identity's own (user id, name, roles), so that a request knows who
/// it serves without a database query. <see cref="AppClaimsPrincipalFactory"/> adds them at sign-in.
/// </summary>
public static class AppClaims
{
    /// <summary>The name shown in the page header and written in audit trails.</summary>
    public const string DisplayName = "apprenticetracker:display-name";

    /// <summary>The id of the apprentice record of an account in the Apprentice role.</summary>
    public const string ApprenticeId = "apprenticetracker:apprentice-id";

    /// <summary>The id of the assessor record of an account in the Assessor role.</summary>
    public const string AssessorId = "apprenticetracker:assessor-id";

    /// <summary>The id of the employer contact record of an account in the Employer role.</summary>
    public const string EmployerContactId = "apprenticetracker:employer-contact-id";

    /// <summary>The employer of an account in the Employer role, from its employer contact record.</summary>
    public const string EmployerId = "apprenticetracker:employer-id";

    /// <summary>
    /// The training provider the account works for or learns with: from the apprentice's, assessor's or employer contact's record, or for a
    /// provider administrator from the account's stored claim of the same type.
    /// </summary>
    public const string TrainingProviderId = AppClaimTypes.TrainingProviderId;

    /// <summary>Present (with the value "true") while the account must choose a new password before anything else.</summary>
    public const string MustChangePassword = "apprenticetracker:must-change-password";
}
