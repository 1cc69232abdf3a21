using ApprenticeTracker.Domain.Organisations;
using Riok.Mapperly.Abstractions;

namespace ApprenticeTracker.Web.Security;

/// <summary>What sign-in reads of a person's record (see the Web README for when a query uses a projection).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class SecurityMapper
{
    public static partial IQueryable<ProviderPerson> ProjectToProviderPerson(this IQueryable<Apprentice> apprentices);

    public static partial IQueryable<ProviderPerson> ProjectToProviderPerson(this IQueryable<Assessor> assessors);

    public static partial IQueryable<EmployerPerson> ProjectToEmployerPerson(this IQueryable<EmployerContact> contacts);
}

/// <summary>An apprentice's or assessor's record id and the training provider they belong to, for their claims.</summary>
internal sealed record ProviderPerson(Guid Id, Guid TrainingProviderId);

/// <summary>An employer contact's record id, their employer and the training provider that invited them, for their claims.</summary>
internal sealed record EmployerPerson(Guid Id, Guid EmployerId, Guid TrainingProviderId);
