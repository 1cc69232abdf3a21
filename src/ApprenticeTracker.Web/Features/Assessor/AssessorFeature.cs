namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>Registers the assessor's pages' services: caseload, review, sign-off and their options.</summary>
public static class AssessorFeature
{
    public static IServiceCollection AddAssessor(this IServiceCollection services)
    {
        services.AddOptions<AssessorOptions>()
            .BindConfiguration(AssessorOptions.SectionName)
            .Validate(
                o => o.AmberAfterWeeksWithoutSubmission > 0 && o.AmberAfterDaysWaiting > 0
                    && o.RedAfterWeeksWithoutSubmission >= o.AmberAfterWeeksWithoutSubmission
                    && o.RedAfterDaysWaiting >= o.AmberAfterDaysWaiting,
                "The assessor's red thresholds must be at least the amber ones, and every threshold above zero.")
            .ValidateOnStart();

        services.AddScoped<CaseloadQuery>();
        services.AddScoped<ApprenticeOverviewQuery>();
        services.AddScoped<ReviewQueueQuery>();
        services.AddScoped<ReviewQuery>();
        services.AddScoped<SignOffQuery>();
        services.AddScoped<ReviewEvidenceHandler>();
        services.AddScoped<SignOffDutyHandler>();
        services.AddScoped<RevokeSignOffHandler>();
        return services;
    }
}
