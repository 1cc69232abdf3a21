using System.ComponentModel.DataAnnotations;

namespace ApprenticeTracker.Web.Features.Account;

/// <summary>The sign-in form; its fields post as <c>Input.Email</c>, <c>Input.Password</c> and <c>Input.RememberMe</c>.</summary>
public sealed class LoginForm
{
    [Required(ErrorMessage = "Enter your email address")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    /// <summary>Keeps the sign-in cookie after the browser closes (until it expires), instead of for the session only.</summary>
    public bool RememberMe { get; set; }
}
