using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Standards;
using AutoMapper;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>Projections of the evidence pages; used with <c>ProjectTo</c>, so only the columns shown are read.</summary>
public sealed class EvidenceMappingProfile : Profile
{
    public EvidenceMappingProfile()
    {
        // The lists are read in their own queries, each projected, and attached after.
        CreateMap<EvidenceItem, EvidenceDetailModel>()
            .ForMember(m => m.Duties, o => o.Ignore())
            .ForMember(m => m.Ksbs, o => o.Ignore())
            .ForMember(m => m.Attachments, o => o.Ignore())
            .ForMember(m => m.Reviews, o => o.Ignore())
            .ForMember(m => m.EnrolmentStatus, o => o.Ignore());
        CreateMap<EvidenceItem, EvidenceListRow>()
            .ForMember(m => m.DutyCodes, o => o.Ignore());
        CreateMap<Attachment, AttachmentRow>();
        CreateMap<EvidenceReview, ReviewRow>();
        CreateMap<Duty, DutyChoice>();
        CreateMap<Ksb, KsbChoice>();
    }
}
