namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>The training provider's administration: cohort dashboard and export, enrolment, organisation, standards, audit log.</summary>
public static class ProviderFeature
{
    public static IServiceCollection AddProvider(this IServiceCollection services)
    {
        services.AddScoped<DashboardQuery>();
        services.AddScoped<EnrolHandler>();
        services.AddScoped<OrganisationHandler>();
        services.AddScoped<NewAccounts>();
        services.AddScoped<InviteEmployerContactHandler>();
        services.AddScoped<EnrolmentQuery>();
        services.AddScoped<EnrolmentChange>();
        services.AddScoped<AssignAssessorHandler>();
        services.AddScoped<UnassignAssessorHandler>();
        services.AddScoped<ChangeEnrolmentStatusHandler>();
        services.AddScoped<ConfirmGatewayRequirementHandler>();
        services.AddScoped<SetOffTheJobPlanHandler>();
        services.AddScoped<StandardsHandler>();
        services.AddScoped<AuditLogQuery>();
        return services;
    }

    public static IEndpointRouteBuilder MapProvider(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDashboardCsv();
        return endpoints;
    }
}
