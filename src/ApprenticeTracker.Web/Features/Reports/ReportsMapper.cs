using ApprenticeTracker.Domain.Organisations;
using Riok.Mapperly.Abstractions;

namespace ApprenticeTracker.Web.Features.Reports;

/// <summary>The report pages' projections (see the Web README for when a query uses one): generated, so they become SQL.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class ReportsMapper
{
    public static partial IQueryable<CohortHeading> ProjectToCohortHeading(this IQueryable<Cohort> cohorts);
}
