using Microsoft.AspNetCore.Identity;

namespace ApprenticeTracker.Persistence.Identity;

/// <summary>A sign-in account. Apprentices and assessors link to it by its <c>Id</c>.</summary>
public class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 200;

    /// <summary>The name shown in the page header and in audit trails.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>True when the account must choose a new password at its next sign-in (for example after a reset by a provider).</summary>
    public bool MustChangePassword { get; set; }
}
