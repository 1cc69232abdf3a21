namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>
/// The addresses of the off-the-job feature: a template constant for each page's <c>[Route]</c> and a typed helper for
/// each link.
/// </summary>
public static class OffTheJobRoutes
{
    public const string Mine = "/off-the-job";
    public const string New = "/off-the-job/new";
    public const string EditTemplate = "/off-the-job/{Id:guid}/edit";
    public const string Review = "/off-the-job/review";
    public const string DecideTemplate = "/off-the-job/review/{Id:guid}";
    public const string ApprenticeTemplate = "/off-the-job/apprentices/{EnrolmentId:guid}";
    public const string CohortSessionTemplate = "/off-the-job/cohorts/{CohortId:guid}/session";
    public const string Import = "/off-the-job/import";
    public const string AttachmentTemplate = "/off-the-job/{id:guid}/attachment";

    public static string Edit(Guid entryId) => $"/off-the-job/{entryId}/edit";

    /// <summary>The entry's file, as a download.</summary>
    public static string Attachment(Guid entryId) => $"/off-the-job/{entryId}/attachment";

    public static string Decide(Guid entryId) => $"/off-the-job/review/{entryId}";

    public static string Apprentice(Guid enrolmentId) => $"/off-the-job/apprentices/{enrolmentId}";

    public static string CohortSession(Guid cohortId) => $"/off-the-job/cohorts/{cohortId}/session";
}
