namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>What the assessor's decision handlers (review, sign-off, revocation) share.</summary>
internal static class AssessorDecision
{
    /// <summary>The conflict message of an assessor's decision, which the page shows above the record's current state.</summary>
    public const string ChangedMeanwhile =
        "This item changed since you opened it, so your decision was not recorded. Its current state is shown below: check it and decide again.";
}
