namespace ApprenticeTracker.Web.Settings;

/// <summary>
/// Settings that several features read (the assessor's caseload and the provider's dashboard both judge "behind on
/// off-the-job"; the caseload and the home pages judge a review due soon; evidence and off-the-job entries take files of the same largest size), so registered once by the host rather than by one feature. A feature's own settings stay in its
/// folder (<c>AssessorOptions</c>).
/// </summary>
public static class SettingsRegistration
{
    public static IServiceCollection AddSharedSettings(this IServiceCollection services)
    {
        services.AddOptions<OffTheJobOptions>()
            .BindConfiguration(OffTheJobOptions.SectionName)
            .Validate(o => o.IsValid, "OffTheJob:AmberBehindPercent must be between 1 and 99, and OffTheJob:RedBehindPercent at least that and below 100.")
            .ValidateOnStart();
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.SectionName);

        services.AddOptions<ReviewOptions>()
            .BindConfiguration(ReviewOptions.SectionName)
            .Validate(o => o.IsValid, $"Reviews:AmberDueWithinDays must be between 1 and {ReviewOptions.MaxAmberDueWithinDays}, and Reviews:RedAfterDaysOverdue between 0 and {ReviewOptions.MaxAmberDueWithinDays}.")
            .ValidateOnStart();
        return services;
    }
}
