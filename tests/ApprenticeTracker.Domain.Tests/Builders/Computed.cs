namespace ApprenticeTracker.Domain.Tests.Builders;

/// <summary>Computes progress and readiness from domain objects, as a query would from the stored records.</summary>
internal static class Computed
{
    public static EnrolmentProgress ProgressOf(Standard standard, Enrolment enrolment, params EvidenceItem[] evidence) =>
        EnrolmentProgress.Compute(
            standard.Duties.Select(d => new DutyRef(d.Id, d.Number, d.Code, d.Statement)),
            evidence.SelectMany(e => e.Duties.Select(d => new EvidenceMapping(e.Id, d.DutyId, e.Status))),
            enrolment.SignOffs.Where(s => s.IsActive).Select(s => new SignOffRef(s.Id, s.DutyId, s.AssessorName, s.SignedAt)));

    public static GatewayReadiness ReadinessOf(Enrolment enrolment, Standard standard, DateOnly today, params EvidenceItem[] evidence) =>
        GatewayReadiness.Assess(enrolment, standard, ProgressOf(standard, enrolment, evidence), today);
}
