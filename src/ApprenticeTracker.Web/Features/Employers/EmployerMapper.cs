using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Domain.Standards;
using Riok.Mapperly.Abstractions;

namespace ApprenticeTracker.Web.Features.Employers;

/// <summary>The employer's pages' projections (see the Web README for when a query uses one): generated, so they become SQL.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class EmployerMapper
{
    public static partial IQueryable<EmployerAttachmentRow> ProjectToEmployerAttachmentRow(this IQueryable<Attachment> attachments);

    public static partial IQueryable<EmployerReviewRow> ProjectToEmployerReviewRow(this IQueryable<EvidenceReview> reviews);

    /// <summary>The duties as the domain's progress rule takes them.</summary>
    public static partial IQueryable<DutyRef> ProjectToDutyRef(this IQueryable<Duty> duties);

    [MapProperty(nameof(Duty.Id), nameof(DutyRef.DutyId))]
    private static partial DutyRef ToDutyRef(Duty duty);
}
