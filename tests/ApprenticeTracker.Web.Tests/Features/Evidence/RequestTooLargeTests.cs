using System.Net;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;
using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

public sealed class RequestTooLargeTests : SeededAppFixture
{
    [Test]
    public async Task A_form_bigger_than_the_configured_limits_allow_gets_a_page_that_says_so_and_nothing_is_saved()
    {
        // Limits of one file of 1 KB make the whole-request limit 1 MB and 1 KB, so 2 MB is too much.
        using var limited = Factory.WithWebHostBuilder(b => b
            .UseSetting("Evidence:MaxFileBytes", "1024")
            .UseSetting("Evidence:MaxFilesPerItem", "1"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var signedIn = await SignIn.PostLoginAsync(client, DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.DemoPassword))
        {
            Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var duties = await DutyIdsAsync(client);
        var items = await CountItemsAsync(Factory);
        var big = new byte[2 * 1024 * 1024];
        "%PDF-"u8.CopyTo(big);

        using var response = await Forms.PostFormAsync(client, EvidenceRoutes.New, Fields("Too big", [duties["D1"]]), [File("big.pdf", big)]);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(body, Does.Contain("The files are too large to send together").And.Contain("Nothing was saved").And.Contain("1 KB"));
        Assert.That(await CountItemsAsync(Factory), Is.EqualTo(items));
    }
}
