using System.Security.Claims;
using ApprenticeTracker.Persistence.Identity;

namespace ApprenticeTracker.Web.Security;

/// <summary>
/// The signed-in user of the current request, read from the sign-in cookie's claims (no database query). A scoped
/// service; pages and handlers take it and pass it to <see cref="AccessScopes"/>.
/// </summary>
public sealed class CurrentUser
{
    /// <summary>Reads the user from a principal, for example <c>HttpContext.User</c>.</summary>
    public CurrentUser(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        Principal = principal;
        IsSignedIn = principal.Identity?.IsAuthenticated == true;
        if (!IsSignedIn)
        {
            return;
        }

        UserId = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        DisplayName = principal.FindFirstValue(AppClaims.DisplayName) ?? principal.Identity?.Name ?? string.Empty;
        IsApprentice = principal.IsInRole(Roles.Apprentice);
        IsAssessor = principal.IsInRole(Roles.Assessor);
        IsProviderAdmin = principal.IsInRole(Roles.ProviderAdmin);
        IsEmployer = principal.IsInRole(Roles.Employer);
        ApprenticeId = GuidClaim(principal, AppClaims.ApprenticeId);
        AssessorId = GuidClaim(principal, AppClaims.AssessorId);
        EmployerContactId = GuidClaim(principal, AppClaims.EmployerContactId);
        EmployerId = GuidClaim(principal, AppClaims.EmployerId);
        TrainingProviderId = GuidClaim(principal, AppClaims.TrainingProviderId);
        MustChangePassword = principal.HasClaim(c => c.Type == AppClaims.MustChangePassword);
    }

    /// <summary>Nobody signed in.</summary>
    public static CurrentUser Anonymous { get; } = new(new ClaimsPrincipal(new ClaimsIdentity()));

    /// <summary>The principal the user was read from.</summary>
    public ClaimsPrincipal Principal { get; private set; }

    public bool IsSignedIn { get; private set; }

    /// <summary>The sign-in account's id; empty when nobody is signed in.</summary>
    public string UserId { get; private set; } = string.Empty;

    /// <summary>The person's name; empty when nobody is signed in.</summary>
    public string DisplayName { get; private set; } = string.Empty;

    public bool IsApprentice { get; private set; }

    public bool IsAssessor { get; private set; }

    public bool IsProviderAdmin { get; private set; }

    /// <summary>A contact of an employer (a workplace mentor, a line manager).</summary>
    public bool IsEmployer { get; private set; }

    /// <summary>The apprentice record of an apprentice; null for anyone else.</summary>
    public Guid? ApprenticeId { get; private set; }

    /// <summary>The assessor record of an assessor; null for anyone else.</summary>
    public Guid? AssessorId { get; private set; }

    /// <summary>The employer contact record of an employer contact; null for anyone else.</summary>
    public Guid? EmployerContactId { get; private set; }

    /// <summary>The employer of an employer contact; null for anyone else.</summary>
    public Guid? EmployerId { get; private set; }

    /// <summary>The training provider of an apprentice, assessor, employer contact or provider administrator; null otherwise.</summary>
    public Guid? TrainingProviderId { get; private set; }

    /// <summary>True while the account must choose a new password before using the app.</summary>
    public bool MustChangePassword { get; private set; }

    /// <summary>
    /// Makes this user nobody, for an interactive circuit whose sign-in no longer stands (locked out, deleted, new
    /// password): every query and handler of the circuit holds this one instance, so from now on they all see nobody.
    /// </summary>
    internal void SignOut()
    {
        Principal = new ClaimsPrincipal(new ClaimsIdentity());
        IsSignedIn = false;
        UserId = string.Empty;
        DisplayName = string.Empty;
        IsApprentice = false;
        IsAssessor = false;
        IsProviderAdmin = false;
        IsEmployer = false;
        ApprenticeId = null;
        AssessorId = null;
        EmployerContactId = null;
        EmployerId = null;
        TrainingProviderId = null;
        MustChangePassword = false;
    }

    /// <summary>The user as the actor of a domain change (for its audit trail).</summary>
    /// <exception cref="InvalidOperationException">Nobody is signed in.</exception>
    public Actor AsActor() => IsSignedIn
        ? new Actor(UserId, DisplayName)
        : throw new InvalidOperationException("Nobody is signed in, so nobody can act.");

    private static Guid? GuidClaim(ClaimsPrincipal principal, string type) =>
        Guid.TryParse(principal.FindFirstValue(type), CultureInfo.InvariantCulture, out var id) ? id : null;
}
