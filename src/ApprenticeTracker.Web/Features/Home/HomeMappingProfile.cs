using ApprenticeTracker.Domain.Standards;
using AutoMapper;

namespace ApprenticeTracker.Web.Features.Home;

/// <summary>Projections of the home page; used with <c>ProjectTo</c>, so they become SQL, not in-memory copies.</summary>
public sealed class HomeMappingProfile : Profile
{
    public HomeMappingProfile()
    {
        // Duties are read in their own query and attached in order, so the standard's projection leaves them out.
        CreateMap<Standard, StandardSummary>()
            .ForMember(s => s.Duties, o => o.Ignore());
        CreateMap<Duty, DutySummary>();
    }
}
