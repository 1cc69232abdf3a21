namespace ApprenticeTracker.Domain.Tests.Common;

/// <summary>Handing over audit events, and the limit on their details.</summary>
public class AuditEventTests
{
    [Test]
    public void Dequeuing_hands_over_the_pending_events_and_forgets_them()
    {
        var employer = SampleOrganisations.EmployerOf(SampleOrganisations.Provider);
        employer.Rename("Renamed Trust", Actors.ProviderAdmin, Clock.Later(1));

        var handedOver = employer.DequeueAuditEvents();

        Assert.That(handedOver.Select(e => e.Action), Is.EqualTo(new[] { "employer.created", "employer.renamed" }));
        Assert.That(employer.PendingAuditEvents(), Is.Empty);
    }

    [Test]
    public void Details_longer_than_the_limit_are_cut_to_the_limit()
    {
        var standard = SampleStandards.St0413();
        var assessor = new AssessorBuilder().Build();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).WithAssessor(assessor).Build();
        var item = new EvidenceBuilder(enrolment, standard).MappedTo(standard.Duties[0]).Submitted().Build();
        var feedback = new string('f', EvidenceReview.FeedbackMaxLength);

        item.ReferBack(enrolment, assessor, feedback, Clock.Now);

        Assert.That(item.DequeueAuditEvents().Single().Details, Is.EqualTo(feedback[..AuditEvent.DetailsMaxLength]));
    }
}
