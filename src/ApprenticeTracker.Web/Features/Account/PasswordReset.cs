using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using ApprenticeTracker.Persistence.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Account;

/// <summary>The "Forgot your password?" form.</summary>
public sealed class ForgotPasswordForm
{
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the right form, like name@example.org")]
    public string? Email { get; set; }
}

/// <summary>The form behind a reset or invitation link: the new password, twice.</summary>
public sealed class ResetPasswordForm
{
    [Required(ErrorMessage = "Enter a new password")]
    [MinLength(ChangePasswordForm.MinimumLength, ErrorMessage = "Your new password must be at least 12 characters long")]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Enter your new password again")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords do not match")]
    public string? ConfirmPassword { get; set; }
}

/// <summary>Limits of password reset requests (section <c>PasswordReset</c>).</summary>
public sealed class PasswordResetOptions
{
    public const string SectionName = "PasswordReset";

    /// <summary>How long a reset link works; one hour.</summary>
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);

    /// <summary>How long the link in a new account's mail works; seven days, as people may not read mail daily.</summary>
    public static readonly TimeSpan InvitationLinkLifetime = TimeSpan.FromDays(7);

    /// <summary>Reset mails sent to one address in an hour; further requests send nothing (and say the same).</summary>
    public int PerAddressPerHour { get; set; } = 3;

    /// <summary>Requests from one client (IP address) in an hour; further ones are refused with 429.</summary>
    public int PerClientPerHour { get; set; } = 20;
}

/// <summary>
/// Counts reset requests per email address and per client in fixed one-hour windows, in memory (a restart forgets
/// them, which costs an attacker little: the mails still go only to the account holder).
/// </summary>
public sealed class PasswordResetLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _addresses;
    private readonly PartitionedRateLimiter<string> _clients;

    public PasswordResetLimiter(IOptions<PasswordResetOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _addresses = Create(limits.PerAddressPerHour);
        _clients = Create(limits.PerClientPerHour);
    }

    /// <summary>False when this client has asked too often this hour.</summary>
    public bool AllowClient(string client)
    {
        using var lease = _clients.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    /// <summary>False when this address has been sent enough reset mails this hour.</summary>
    public bool AllowAddress(string normalizedEmail)
    {
        using var lease = _addresses.AttemptAcquire(normalizedEmail);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _addresses.Dispose();
        _clients.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int perHour) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));
}

/// <summary>
/// The token provider of the link in a new account's mail: like the password reset provider, with its own name (so
/// a token of one is no token of the other) and a lifetime of <see cref="PasswordResetOptions.InvitationLinkLifetime"/>.
/// Both tokens hold the account's security stamp, which a password change renews: each link works once.
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider, IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";

    /// <summary>The purpose of the tokens, as Identity's token methods take it.</summary>
    public const string Purpose = "ChoosePassword";
}

/// <summary>Options of <see cref="InvitationTokenProvider"/>.</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = "InvitationDataProtectorTokenProvider";
        TokenLifespan = PasswordResetOptions.InvitationLinkLifetime;
    }
}
