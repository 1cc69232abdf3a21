using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Features.Assessor;

namespace ApprenticeTracker.Web.Tests.Features.Assessor;

/// <summary>Wrong signing passwords lock the account as wrong sign-in passwords do; on a host of its own, since it locks the demo assessor.</summary>
public sealed class SignatureLockoutTests
{
    [Test]
    public async Task Five_wrong_signing_passwords_lock_the_account_and_then_even_the_right_one_signs_nothing()
    {
        using var factory = await SeededAppFixture.CreateSeededFactoryAsync();
        using var assessor = await factory.SignInAsync(DemoDataSeeder.AssessorEmail);
        var (enrolmentId, item, dutyId) = await AcceptedEvidenceOfADutyNotSignedOffAsync(factory);
        var url = AssessorRoutes.SignOff(enrolmentId, dutyId);
        var messages = new List<string?>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await Forms.PostFormAsync(assessor, url, [new("Form.EvidenceIds", item.ToString()), new("Form.Password", $"wrong password {attempt}")]);
            messages.Add((await AppFactory.ParseAsync(wrong)).QuerySelector("#password-error")?.TextContent.Trim());
        }

        using var right = await Forms.PostFormAsync(assessor, url, [new("Form.EvidenceIds", item.ToString()), new("Form.Password", DemoDataSeeder.DemoPassword)]);

        Assert.That(messages[3], Is.EqualTo("The password is not right. Enter the password you sign in with."));
        Assert.That(messages[4], Does.StartWith("The password is not right, and your account is now locked"));
        Assert.That((await AppFactory.ParseAsync(right)).QuerySelector("#password-error")?.TextContent.Trim(), Does.StartWith("Your account is locked after too many wrong passwords. Try again in 15 minutes."));
        Assert.That((await factory.EnrolmentAsync(enrolmentId)).ActiveSignOffFor(dutyId), Is.Null);
    }

    /// <summary>Finds, among the demo assessor's apprentices, accepted evidence mapped to a duty that is not signed off yet.</summary>
    private static async Task<(Guid EnrolmentId, Guid Item, Guid DutyId)> AcceptedEvidenceOfADutyNotSignedOffAsync(AppFactory factory)
    {
        foreach (var enrolmentId in (await factory.EnrolmentsOfAsync()).Order())
        {
            var enrolment = await factory.EnrolmentAsync(enrolmentId);
            foreach (var item in await factory.EvidenceAsync(enrolmentId, EvidenceStatus.Accepted))
            {
                var open = (await factory.EvidenceItemAsync(item)).Duties.Select(d => d.DutyId).Where(d => enrolment.ActiveSignOffFor(d) is null).ToList();
                if (open.Count > 0)
                {
                    return (enrolmentId, item, open[0]);
                }
            }
        }

        throw new InvalidOperationException("The demo data has no accepted evidence of a duty still to sign off for the demo assessor.");
    }
}
