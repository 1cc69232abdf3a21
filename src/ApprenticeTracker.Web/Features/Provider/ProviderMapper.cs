using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Domain.Standards;
using Riok.Mapperly.Abstractions;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>The provider pages' projections (see the Web README for when a query uses one): generated, so they become SQL.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class ProviderMapper
{
    public static partial IQueryable<Choice> ProjectToChoice(this IQueryable<Cohort> cohorts);

    public static partial IQueryable<Choice> ProjectToChoice(this IQueryable<Employer> employers);

    public static partial IQueryable<VersionDuty> ProjectToVersionDuty(this IQueryable<Duty> duties);
}
