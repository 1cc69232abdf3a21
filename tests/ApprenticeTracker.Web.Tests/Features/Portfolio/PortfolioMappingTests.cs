using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Portfolio;

namespace ApprenticeTracker.Web.Tests.Features.Portfolio;

public sealed class PortfolioMappingTests
{
    [Test]
    public void The_portfolio_and_evidence_profiles_are_in_the_configuration_the_validity_tests_check()
    {
        var mappings = WebExtensions.CreateMappings();

        var maps = mappings.GetAllTypeMaps().Select(m => (m.SourceType, m.DestinationType)).ToList();

        Assert.That(maps, Does.Contain((typeof(EvidenceItem), typeof(EvidenceDetailModel))));
        Assert.That(maps, Does.Contain((typeof(EvidenceItem), typeof(EvidenceListRow))));
        Assert.That(maps, Does.Contain((typeof(EvidenceItem), typeof(EvidenceLink))));
        Assert.That(maps, Does.Contain((typeof(DutySignOff), typeof(SignOffRow))));
        Assert.That(maps, Does.Contain((typeof(Attachment), typeof(AttachmentRow))));
    }
}
