using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Domain.Standards;
using Riok.Mapperly.Abstractions;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>The assessor's pages' projections (see the Web README for when a query uses one): generated, so they become SQL.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class AssessorMapper
{
    public static partial IQueryable<ReviewItem> ProjectToReviewItem(this IQueryable<EvidenceItem> items);

    public static partial IQueryable<ReviewDuty> ProjectToReviewDuty(this IQueryable<Duty> duties);

    public static partial IQueryable<ReviewAttachment> ProjectToReviewAttachment(this IQueryable<Attachment> attachments);

    public static partial IQueryable<ReviewHistoryEntry> ProjectToReviewHistoryEntry(this IQueryable<EvidenceReview> reviews);

    public static partial IQueryable<SignOffCandidate> ProjectToSignOffCandidate(this IQueryable<EvidenceItem> items);

    /// <summary>The duties as the domain's progress rule takes them.</summary>
    public static partial IQueryable<DutyRef> ProjectToDutyRef(this IQueryable<Duty> duties);

    // Computed by the model from the columns read.
    [MapperIgnoreTarget(nameof(ReviewAttachment.DownloadUrl))]
    private static partial ReviewAttachment ToReviewAttachment(Attachment attachment);

    [MapProperty(nameof(Duty.Id), nameof(DutyRef.DutyId))]
    private static partial DutyRef ToDutyRef(Duty duty);
}
