namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>
/// The organisation of the signed-in provider administrator, for the records that belong to a provider rather than to
/// an enrolment (employers, cohorts, assessors); enrolments and evidence go through <see cref="AccessScopes"/>.
/// </summary>
internal static class ProviderScope
{
    /// <summary>The provider's id; for anyone who is not a provider administrator, an id that matches nothing.</summary>
    public static Guid Of(CurrentUser user) =>
        user.IsProviderAdmin && user.TrainingProviderId is { } id ? id : Guid.Empty;
}
