using ApprenticeTracker.Web.Features.Provider;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Email;

/// <summary>
/// Mail: the outbox writers (<see cref="Notifications"/>), the background <see cref="OutboxSender"/>, the daily job of
/// reminders and digests, each person's choices, and the provider administrators' list of mail that failed.
/// </summary>
public static class EmailFeature
{
    public const string FailedMailPath = ProviderRoutes.MailFailures;

    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName)
            .Validate(o => o.MaxAttempts >= 1 && o.RetryDelay > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.ClaimLease > TimeSpan.Zero,
                "Email:MaxAttempts must be at least 1, and Email:RetryDelay, Email:PollInterval and Email:ClaimLease longer than zero.")
            .Validate(o => !o.UsesSmtp || o.Port is > 0 and <= 65535, "Email:Port must be a TCP port (1 to 65535).")
            .ValidateOnStart();
        services.AddOptions<PublicLinkOptions>().BindConfiguration(AppOptions.SectionName)
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "App:PublicBaseUrl must be the app's absolute http or https address, such as https://tracker.example.org.")
            .ValidateOnStart();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<Notifications>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<MailFolderTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<MailFolderTransport>());
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<DailyMailJob>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyMailJob>());
        services.AddSingleton<IDailyReminders, ReviewWaitingReminders>();
        services.AddScoped<EmailPreferencesHandler>();
        services.AddScoped<FailedMailQuery>();
        return builder;
    }
}
