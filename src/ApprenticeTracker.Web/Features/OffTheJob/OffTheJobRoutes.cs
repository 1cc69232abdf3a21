namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>The addresses of the off-the-job pages, written once.</summary>
public static class OffTheJobRoutes
{
    public const string Mine = "/off-the-job";
    public const string New = "/off-the-job/new";
    public const string Review = "/off-the-job/review";
    public const string CohortSession = "/provider/off-the-job/session";
    public const string Import = "/provider/off-the-job/import";

    public static string Edit(Guid entryId) => $"/off-the-job/{entryId}/edit";

    public static string Decide(Guid entryId) => $"/off-the-job/review/{entryId}";

    public static string Apprentice(Guid enrolmentId) => $"/off-the-job/apprentices/{enrolmentId}";
}
