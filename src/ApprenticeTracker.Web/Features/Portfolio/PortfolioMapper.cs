using ApprenticeTracker.Domain.Standards;
using Riok.Mapperly.Abstractions;

namespace ApprenticeTracker.Web.Features.Portfolio;

/// <summary>The portfolio and duty pages' projections (see the Web README for when a query uses one).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class PortfolioMapper
{
    public static partial IQueryable<PortfolioDuty> ProjectToPortfolioDuty(this IQueryable<Duty> duties);

    public static partial IQueryable<EvidenceLink> ProjectToEvidenceLink(this IQueryable<EvidenceItem> items);

    public static partial IQueryable<SignOffRow> ProjectToSignOffRow(this IQueryable<DutySignOff> signOffs);

    // The evidence a sign-off rests on is filtered by who may see it, so it is read in its own query and attached after.
    [MapperIgnoreTarget(nameof(SignOffRow.Evidence))]
    private static partial SignOffRow ToSignOffRow(DutySignOff signOff);
}
