using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Persistence.Tests.Support;

/// <summary>
/// A small, consistent set of records made through the domain's own methods: a standard with KSBs, a provider with an
/// employer and a cohort, an apprentice enrolled with an assigned assessor.
/// </summary>
public sealed class World
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    public static readonly Actor Admin = new("admin-user", "Helen Marsh");

    public World()
    {
        var at = Now.AddMonths(-14);
        Standard = Standard.Create(Definitions.WithKsbs("ST0413", "1.1"), Admin, at);
        Provider = TrainingProvider.Create("University of Northbridge", "10012345", Admin, at);
        Employer = Employer.Create(Provider, "Northbridge Teaching Hospitals NHS Foundation Trust", Admin, at);
        Cohort = Cohort.Create(Provider, "September 2025", new DateOnly(2025, 9, 1), Admin, at);
        Apprentice = Apprentice.Register(Provider, "apprentice-user", "Łucja", "Wójcik", NameOrder.GivenFirst, "apprentice@example.org", Admin, at);
        Assessor = Assessor.Register(Provider, "assessor-user", "Grace", "Adeyemi", NameOrder.GivenFirst, "assessor@example.org", "Practice educator", Admin, at);
        Enrolment = Enrolment.Enrol(Apprentice, Standard, Employer, Cohort, new DateOnly(2025, 9, 1), new DateOnly(2028, 8, 31), Admin, at);
        Enrolment.AssignAssessor(Assessor, Admin, at);
    }

    public Standard Standard { get; }

    public TrainingProvider Provider { get; }

    public Employer Employer { get; }

    public Cohort Cohort { get; }

    public Apprentice Apprentice { get; }

    public Assessor Assessor { get; }

    public Enrolment Enrolment { get; }

    public Actor ApprenticeActor => new(Apprentice.UserId, Apprentice.FullName);

    public Duty Duty(int number) => Standard.Duties.Single(d => d.Number == number);

    public Ksb Ksb(string code) => Standard.Ksbs.Single(k => k.Code == code);

    /// <summary>A draft mapped to the given duties (and KSBs), dated a month ago.</summary>
    public EvidenceItem Draft(string title, IEnumerable<Duty> duties, IEnumerable<Ksb>? ksbs = null) =>
        EvidenceItem.Draft(
            Enrolment, Standard, new EvidenceContent(title, EvidenceType.Observation, Today.AddMonths(-1), "What I did and what I learnt."),
            duties.Select(d => d.Id), (ksbs ?? []).Select(k => k.Id), Today, ApprenticeActor, Now.AddDays(-20));

    /// <summary>A draft submitted and accepted by the assigned assessor.</summary>
    public EvidenceItem Accepted(string title, params Duty[] duties)
    {
        var item = Draft(title, duties);
        item.Submit(Enrolment, ApprenticeActor, Now.AddDays(-19));
        item.Accept(Enrolment, Assessor, "Valid, authentic, current and sufficient.", Now.AddDays(-18));
        return item;
    }

    /// <summary>Every record of this world, for adding to a context.</summary>
    public IEnumerable<object> All() => [Standard, Provider, Employer, Cohort, Apprentice, Assessor, Enrolment];
}
