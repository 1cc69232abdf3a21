using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Employers;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Security;

/// <summary>Where each role lands after signing in, and how the page header names the role.</summary>
public static class RoleHomes
{
    public const string ApprenticeHome = PortfolioRoutes.Home;
    public const string AssessorHome = AssessorRoutes.Caseload;
    public const string ProviderAdminHome = ProviderRoutes.Dashboard;
    public const string EmployerHome = EmployerRoutes.Home;

    /// <summary>The home page of the user's role and its link text; null for someone signed out or with no role.</summary>
    /// <remarks>An account in several roles lands where its most frequent work is: assessing, then administering, then employing, then learning.</remarks>
    public static RoleHome? For(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsSignedIn)
        {
            return null;
        }

        if (user.IsAssessor)
        {
            return new RoleHome(AssessorHome, "your caseload", "Assessor");
        }

        if (user.IsProviderAdmin)
        {
            return new RoleHome(ProviderAdminHome, "your training provider's dashboard", "Provider administrator");
        }

        if (user.IsEmployer)
        {
            return new RoleHome(EmployerHome, "your apprentices", "Employer");
        }

        return user.IsApprentice ? new RoleHome(ApprenticeHome, "your portfolio", "Apprentice") : null;
    }
}

/// <summary>A role's home page.</summary>
/// <param name="Path">The local address, for example <c>/portfolio</c>.</param>
/// <param name="Name">How a link names it in a sentence: "Go to your portfolio".</param>
/// <param name="RoleName">The role as the page header shows it.</param>
public sealed record RoleHome(string Path, string Name, string RoleName);
