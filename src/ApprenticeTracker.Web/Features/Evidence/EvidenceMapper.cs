using ApprenticeTracker.Domain.Standards;
using Riok.Mapperly.Abstractions;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>The evidence pages' projections (see the Web README for when a query uses one): generated, so only the columns shown are read.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class EvidenceMapper
{
    public static partial IQueryable<EvidenceDetailModel> ProjectToEvidenceDetail(this IQueryable<EvidenceItem> items);

    public static partial IQueryable<EvidenceListRow> ProjectToEvidenceListRow(this IQueryable<EvidenceItem> items);

    public static partial IQueryable<AttachmentRow> ProjectToAttachmentRow(this IQueryable<Attachment> attachments);

    public static partial IQueryable<ReviewRow> ProjectToReviewRow(this IQueryable<EvidenceReview> reviews);

    public static partial IQueryable<DutyChoice> ProjectToDutyChoice(this IQueryable<Duty> duties);

    public static partial IQueryable<KsbChoice> ProjectToKsbChoice(this IQueryable<Ksb> ksbs);

    // The lists are read in their own queries, each projected, and attached after; the enrolment's status comes from
    // the enrolment, not the item; the rest are computed by the model from those.
    [MapperIgnoreTarget(nameof(EvidenceDetailModel.Duties))]
    [MapperIgnoreTarget(nameof(EvidenceDetailModel.Ksbs))]
    [MapperIgnoreTarget(nameof(EvidenceDetailModel.Attachments))]
    [MapperIgnoreTarget(nameof(EvidenceDetailModel.Reviews))]
    [MapperIgnoreTarget(nameof(EvidenceDetailModel.EnrolmentStatus))]
    [MapperIgnoreTarget(nameof(EvidenceDetailModel.CanChange))]
    [MapperIgnoreTarget(nameof(EvidenceDetailModel.IsRecordClosed))]
    [MapperIgnoreTarget(nameof(EvidenceDetailModel.NoLongerReviewed))]
    [MapperIgnoreTarget(nameof(EvidenceDetailModel.Versions))]
    [MapperIgnoreTarget(nameof(EvidenceDetailModel.CanRevise))]
    [MapperIgnoreTarget(nameof(EvidenceDetailModel.OpenRevision))]
    private static partial EvidenceDetailModel ToEvidenceDetail(EvidenceItem item);

    // The duty codes are a join, read after the page of rows.
    [MapperIgnoreTarget(nameof(EvidenceListRow.DutyCodes))]
    private static partial EvidenceListRow ToEvidenceListRow(EvidenceItem item);

    // Computed by the model from the columns read.
    [MapperIgnoreTarget(nameof(AttachmentRow.Size))]
    [MapperIgnoreTarget(nameof(AttachmentRow.DownloadUrl))]
    private static partial AttachmentRow ToAttachmentRow(Attachment attachment);

    [MapperIgnoreTarget(nameof(ReviewRow.DecisionName))]
    private static partial ReviewRow ToReviewRow(EvidenceReview review);
}
