using System.Security.Claims;
using ApprenticeTracker.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Security;

/// <summary>
/// Builds the signed-in principal: Identity's claims (id, name, roles, the account's stored claims) plus the ones in
/// <see cref="AppClaims"/>, read once at sign-in (and when the cookie is revalidated) so requests need no lookup.
/// </summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    IDbContextFactory<AppDbContext> contexts)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AppClaims.MustChangePassword, "true"));
        }

        await using var db = await contexts.CreateDbContextAsync();
        var apprentice = await db.Apprentices.AsNoTracking()
            .Where(a => a.UserId == user.Id)
            .ProjectToProviderPerson()
            .SingleOrDefaultAsync();
        var assessor = await db.Assessors.AsNoTracking()
            .Where(a => a.UserId == user.Id)
            .ProjectToProviderPerson()
            .SingleOrDefaultAsync();

        var contact = await db.EmployerContacts.AsNoTracking()
            .Where(c => c.UserId == user.Id)
            .ProjectToEmployerPerson()
            .SingleOrDefaultAsync();

        if (apprentice is not null)
        {
            identity.AddClaim(new Claim(AppClaims.ApprenticeId, apprentice.Id.ToString()));
        }

        if (assessor is not null)
        {
            identity.AddClaim(new Claim(AppClaims.AssessorId, assessor.Id.ToString()));
        }

        if (contact is not null)
        {
            identity.AddClaim(new Claim(AppClaims.EmployerContactId, contact.Id.ToString()));
            identity.AddClaim(new Claim(AppClaims.EmployerId, contact.EmployerId.ToString()));
        }

        // A provider administrator's provider is a stored claim (added by the base class); the others' come from their record.
        var providerId = apprentice?.TrainingProviderId ?? assessor?.TrainingProviderId ?? contact?.TrainingProviderId;
        if (providerId is { } id && !identity.HasClaim(c => c.Type == AppClaims.TrainingProviderId))
        {
            identity.AddClaim(new Claim(AppClaims.TrainingProviderId, id.ToString()));
        }

        return identity;
    }
}
