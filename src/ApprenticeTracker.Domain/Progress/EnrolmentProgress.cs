using ApprenticeTracker.Domain.Evidence;

namespace ApprenticeTracker.Domain.Progress;

/// <summary>A duty as progress needs it.</summary>
public sealed record DutyRef(Guid DutyId, int Number, string Code, string Statement);

/// <summary>One evidence item's mapping to one duty, with the item's status.</summary>
public sealed record EvidenceMapping(Guid EvidenceItemId, Guid DutyId, EvidenceStatus Status);

/// <summary>The sign-off in force for a duty.</summary>
public sealed record SignOffRef(Guid SignOffId, Guid DutyId, string AssessorName, DateTimeOffset SignedAt);

/// <summary>Evidence counts by status and the sign-off of one duty.</summary>
public sealed record DutyProgress(DutyRef Duty, int Draft, int Submitted, int Accepted, int ReferredBack, SignOffRef? SignOff)
{
    public int Total => Draft + Submitted + Accepted + ReferredBack;

    public bool IsSignedOff => SignOff is not null;

    /// <summary>True when no evidence of any status maps to the duty.</summary>
    public bool HasNoEvidence => Total == 0;
}

/// <summary>
/// Progress of one enrolment: per duty and overall. Computed from the standard's duties, the evidence mappings and
/// the sign-offs in force; never stored.
/// </summary>
public sealed class EnrolmentProgress
{
    private EnrolmentProgress(IReadOnlyList<DutyProgress> duties)
    {
        Duties = duties;
    }

    /// <summary>One entry per duty of the standard version, in duty order.</summary>
    public IReadOnlyList<DutyProgress> Duties { get; }

    public int TotalDuties => Duties.Count;

    public int DutiesSignedOff => Duties.Count(d => d.IsSignedOff);

    /// <summary>Duties signed off as a whole percentage of all duties, rounded down.</summary>
    public int PercentSignedOff => TotalDuties == 0 ? 0 : DutiesSignedOff * 100 / TotalDuties;

    public bool AllDutiesSignedOff => TotalDuties > 0 && DutiesSignedOff == TotalDuties;

    /// <summary>Computes progress. Mappings to duties outside <paramref name="duties"/> are ignored.</summary>
    /// <param name="signOffs">The sign-offs in force (revoked ones excluded).</param>
    public static EnrolmentProgress Compute(IEnumerable<DutyRef> duties, IEnumerable<EvidenceMapping> mappings, IEnumerable<SignOffRef> signOffs)
    {
        ArgumentNullException.ThrowIfNull(duties);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(signOffs);
        var byDuty = mappings
            .GroupBy(m => m.DutyId)
            .ToDictionary(g => g.Key, g => g.DistinctBy(m => m.EvidenceItemId).ToList());
        var signOffByDuty = signOffs.GroupBy(s => s.DutyId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.SignedAt).First());
        var result = duties
            .OrderBy(d => d.Number)
            .Select(d =>
            {
                var items = byDuty.GetValueOrDefault(d.DutyId) ?? [];
                return new DutyProgress(
                    d,
                    items.Count(i => i.Status == EvidenceStatus.Draft),
                    items.Count(i => i.Status == EvidenceStatus.Submitted),
                    items.Count(i => i.Status == EvidenceStatus.Accepted),
                    items.Count(i => i.Status == EvidenceStatus.ReferredBack),
                    signOffByDuty.GetValueOrDefault(d.DutyId));
            })
            .ToList();
        return new EnrolmentProgress(result);
    }
}
