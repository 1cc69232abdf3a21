using ApprenticeTracker.Domain.Standards;
using Riok.Mapperly.Abstractions;

namespace ApprenticeTracker.Web.Features.Home;

/// <summary>The home page's projections (see the Web README for when a query uses one): generated, so they become SQL.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class HomeMapper
{
    public static partial IQueryable<StandardSummary> ProjectToStandardSummary(this IQueryable<Standard> standards);

    public static partial IQueryable<DutySummary> ProjectToDutySummary(this IQueryable<Duty> duties);

    // Duties are read in their own query and attached in order, so the standard's projection leaves them out.
    [MapperIgnoreTarget(nameof(StandardSummary.Duties))]
    private static partial StandardSummary ToStandardSummary(Standard standard);
}
