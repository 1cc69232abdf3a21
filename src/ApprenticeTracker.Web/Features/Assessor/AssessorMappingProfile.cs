using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Standards;
using AutoMapper;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>Projections of the assessor's pages; used with <c>ProjectTo</c>, so they become SQL.</summary>
public sealed class AssessorMappingProfile : Profile
{
    public AssessorMappingProfile()
    {
        CreateMap<Duty, ReviewDuty>();
        CreateMap<Attachment, ReviewAttachment>();
        CreateMap<EvidenceReview, ReviewHistoryEntry>();
    }
}
