using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

public sealed class AuditActionsTests
{
    [TestCase("evidence.file-attached", "Evidence: file attached")]
    [TestCase("enrolment.assessor-assigned", "Enrolment: assessor assigned")]
    [TestCase("seeded", "Seeded")]
    public void An_action_code_reads_as_words(string code, string words)
    {
        Assert.That(AuditActions.Describe(code), Is.EqualTo(words));
    }
}
