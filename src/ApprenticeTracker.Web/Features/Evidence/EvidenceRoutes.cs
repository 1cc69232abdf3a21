namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>
/// The addresses of the evidence feature: a template constant for each page's <c>[Route]</c> and a typed helper for
/// each link, so that no address is written twice.
/// </summary>
public static class EvidenceRoutes
{
    public const string List = "/evidence";
    public const string New = "/evidence/new";
    public const string DetailTemplate = "/evidence/{Id:guid}";
    public const string EditTemplate = "/evidence/{Id:guid}/edit";
    public const string DeleteTemplate = "/evidence/{Id:guid}/delete";
    public const string ReviseTemplate = "/evidence/{Id:guid}/revise";
    public const string AttachmentTemplate = "/evidence/{id:guid}/attachments/{attachmentId:guid}";

    public static string Detail(Guid id) => $"/evidence/{id}";

    public static string Edit(Guid id) => $"/evidence/{id}/edit";

    public static string Delete(Guid id) => $"/evidence/{id}/delete";

    public static string Revise(Guid id) => $"/evidence/{id}/revise";

    public static string Attachment(Guid itemId, Guid attachmentId) => $"/evidence/{itemId}/attachments/{attachmentId}";
}
