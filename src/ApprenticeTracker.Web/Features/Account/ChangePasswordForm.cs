using System.ComponentModel.DataAnnotations;

namespace ApprenticeTracker.Web.Features.Account;

/// <summary>The change-password form. The length rule repeats Identity's policy so the message can sit beside the field.</summary>
public sealed class ChangePasswordForm
{
    public const int MinimumLength = 12;

    [Required(ErrorMessage = "Enter your current password")]
    public string? CurrentPassword { get; set; }

    [Required(ErrorMessage = "Enter a new password")]
    [MinLength(MinimumLength, ErrorMessage = "Your new password must be at least 12 characters long")]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Enter your new password again")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords do not match")]
    public string? ConfirmPassword { get; set; }
}
