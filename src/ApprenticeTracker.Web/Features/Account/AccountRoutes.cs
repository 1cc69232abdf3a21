namespace ApprenticeTracker.Web.Features.Account;

/// <summary>The addresses of the account pages (see <see cref="Evidence.EvidenceRoutes"/> for the pattern).</summary>
public static class AccountRoutes
{
    public const string Login = "/Account/Login";
    public const string Logout = "/Account/Logout";

    /// <summary>The account page, which also offers the sign-out button to someone who asked for <see cref="Logout"/> with a GET.</summary>
    public const string Account = "/Account";
    public const string ChangePassword = "/Account/ChangePassword";
    public const string ForgotPassword = "/Account/ForgotPassword";
    public const string ResetPassword = "/Account/ResetPassword";
    public const string AccessDenied = "/Account/AccessDenied";
}
