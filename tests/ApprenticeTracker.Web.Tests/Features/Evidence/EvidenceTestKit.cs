using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>What the evidence tests share: form fields, sample files, and looks into the database and the file store.</summary>
internal static class EvidenceTestKit
{
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static readonly byte[] PdfBytes = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>The start of a Windows executable: not any kind of file that may be attached.</summary>
    public static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static string Yesterday => DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd");

    /// <summary>The fields of the evidence form, as a browser posts them.</summary>
    public static List<KeyValuePair<string, string>> Fields(
        string title, IEnumerable<Guid> dutyIds, string action = "draft", string type = nameof(EvidenceType.ReflectiveAccount), string? date = null, string description = "What I did and what I learnt.")
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("Form.Title", title),
            new("Form.Type", type),
            new("Form.ActivityDate", date ?? Yesterday),
            new("Form.Description", description),
            new("Form.Action", action),
        ];
        fields.AddRange(dutyIds.Select(id => new KeyValuePair<string, string>("DutyIds", id.ToString())));
        return fields;
    }

    public static FormFile File(string name, byte[] content) => new("Attachments", name, content);

    /// <summary>The duty check boxes of the log form, by code (D1…).</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> DutyIdsAsync(HttpClient client)
    {
        var page = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.New));
        return page.QuerySelectorAll("input[name=DutyIds]").OfType<IHtmlInputElement>()
            .ToDictionary(i => page.QuerySelector($"label[for={i.Id}] strong")!.TextContent.Trim(), i => Guid.Parse(i.Value));
    }

    public static async Task<T> QueryAsync<T>(AppFactory factory, Func<AppDbContext, Task<T>> query)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public static Task<int> CountItemsAsync(AppFactory factory) => QueryAsync(factory, db => db.EvidenceItems.CountAsync());

    /// <summary>How many files the evidence store holds, staged ones included.</summary>
    public static int CountStoredFiles(AppFactory factory) =>
        new[] { DataPaths.FilesFolderName, DataPaths.StagingFolderName }
            .Select(name => Path.Combine(factory.DataPath, name))
            .Where(Directory.Exists)
            .Sum(folder => Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length);

    /// <summary>The id of the item a save redirected to.</summary>
    public static Guid SavedItemId(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), () => "the save should redirect to the item: " + response.Content.ReadAsStringAsync().Result);
        var target = response.RedirectTarget()!;
        return Guid.Parse(target.Split('/', '?')[2]);
    }

    /// <summary>An email address of a demo apprentice other than the demo apprentice, of provider A's earlier intake.</summary>
    public static Task<(Guid ApprenticeId, string Email)> OtherApprenticeAsync(AppFactory factory) =>
        QueryAsync(factory, async db =>
        {
            var other = await db.Apprentices.Where(a => a.Email != DemoDataSeeder.ApprenticeEmail && a.GivenName == "Ayşe").SingleAsync();
            return (other.Id, other.Email);
        });

    /// <summary>An item of the given apprentice in the given status.</summary>
    public static Task<Guid> ItemOfAsync(AppFactory factory, Guid apprenticeId, EvidenceStatus status) =>
        QueryAsync(factory, db => (
                from i in db.EvidenceItems
                join e in db.Enrolments on i.EnrolmentId equals e.Id
                where e.ApprenticeId == apprenticeId && i.Status == status
                select i.Id)
            .FirstAsync());

    public static Task<Guid> DemoApprenticeIdAsync(AppFactory factory) =>
        QueryAsync(factory, db => db.Apprentices.Where(a => a.Email == DemoDataSeeder.ApprenticeEmail).Select(a => a.Id).SingleAsync());

    public static string? FieldError(IHtmlDocument page, string field) => page.QuerySelector($"#{field}-error")?.TextContent.Replace("Error:", "").Trim();
}
