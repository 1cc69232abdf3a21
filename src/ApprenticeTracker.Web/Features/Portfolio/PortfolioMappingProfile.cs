using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Standards;
using AutoMapper;

namespace ApprenticeTracker.Web.Features.Portfolio;

/// <summary>Projections of the portfolio and duty pages; used with <c>ProjectTo</c>.</summary>
public sealed class PortfolioMappingProfile : Profile
{
    public PortfolioMappingProfile()
    {
        CreateMap<Duty, PortfolioDuty>();
        CreateMap<EvidenceItem, EvidenceLink>();
        CreateMap<DutySignOff, SignOffRow>()
            .ForMember(m => m.Evidence, o => o.Ignore());
    }
}
