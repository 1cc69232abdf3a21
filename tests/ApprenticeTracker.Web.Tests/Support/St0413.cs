namespace ApprenticeTracker.Web.Tests.Support;

/// <summary>The ten duty statements of ST0413, verbatim from the occupational map (DOMAIN.md), as the oracle.</summary>
public static class St0413
{
    public static IReadOnlyList<string> Duties => ApprenticeTracker.Tests.Shared.St0413Duties.Statements;
}
