namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>
/// What the log and edit forms post. Fields are text as typed, so that a refused value comes back to the person
/// exactly as they wrote it; the handler parses them. Duties, KSBs and files are read from the request itself
/// (check boxes post one value each under one name).
/// </summary>
public sealed class EvidenceFormModel
{
    /// <summary>The value of the submit button that sends the item for review; any other saves a draft.</summary>
    public const string SubmitAction = "submit";

    public const string DraftAction = "draft";

    /// <summary>The name under which the duty check boxes post their ids.</summary>
    public const string DutyIdsField = "DutyIds";

    public const string KsbIdsField = "KsbIds";

    public const string AttachmentsField = "Attachments";

    private List<Guid> _dutyIds = [];
    private List<Guid> _ksbIds = [];

    public string? Title { get; set; }

    /// <summary>An <see cref="EvidenceType"/> name.</summary>
    public string? Type { get; set; }

    /// <summary>As an <c>input type="date"</c> posts it: yyyy-MM-dd.</summary>
    public string? ActivityDate { get; set; }

    public string? Description { get; set; }

    /// <summary>A fresh token in every new form; the item is created only with its first use.</summary>
    public Guid FormToken { get; set; }

    /// <summary>The item's concurrency stamp when the edit form was shown.</summary>
    public Guid? ConcurrencyStamp { get; set; }

    /// <summary><see cref="SubmitAction"/> or <see cref="DraftAction"/>.</summary>
    public string? Action { get; set; }

    /// <summary>Set by an attachment's remove button: the attachment to remove instead of saving.</summary>
    public Guid? RemoveAttachmentId { get; set; }

    /// <summary>The duties checked, as posted (kept so that the form shows them again); never null.</summary>
    /// <remarks>Form binding sets a collection it finds no values for to null.</remarks>
    public List<Guid> DutyIds
    {
        get => _dutyIds;
        set => _dutyIds = value ?? [];
    }

    /// <summary>The KSBs checked, as posted; never null.</summary>
    public List<Guid> KsbIds
    {
        get => _ksbIds;
        set => _ksbIds = value ?? [];
    }
}
