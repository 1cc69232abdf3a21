namespace ApprenticeTracker.Persistence.Identity;

/// <summary>Claim types the application stores on accounts.</summary>
public static class AppClaimTypes
{
    /// <summary>
    /// The id of the training provider a provider administrator works for. Apprentices and assessors carry their provider
    /// on their domain record; a provider administrator has no domain record, so the account holds it.
    /// </summary>
    public const string TrainingProviderId = "apprenticetracker:training-provider-id";
}
