using System.Text;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>
/// The dashboard's roll: British order by family name from the stored sort key, each name in its owner's order, and
/// "Active" meaning in learning (decision 112). Its own app, because one test moves an enrolment's start date.
/// </summary>
public sealed class DashboardRollTests : SeededAppFixture
{
    [Test]
    public async Task The_roll_is_in_British_order_by_family_name_and_writes_each_name_in_its_owner_s_order()
    {
        using var client = await SignInAsProviderAdminAsync();
        var expected = await QueryAsync(async (db, _) =>
        {
            var provider = ProviderAId(db);
            var people = await (from e in db.Enrolments
                                join a in db.Apprentices on e.ApprenticeId equals a.Id
                                where e.TrainingProviderId == provider
                                select new { a.GivenName, a.FamilyName, a.NameOrder }).ToListAsync();
            return people.OrderBy(p => p.FamilyName, PersonName.Order).ThenBy(p => p.GivenName, PersonName.Order)
                .Select(p => PersonName.Full(p.GivenName, p.FamilyName, p.NameOrder)).ToList();
        });

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Dashboard));

        var names = page.QuerySelectorAll(".heat-map tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.That(names, Is.EqualTo(expected));
        Assert.That(names, Does.Contain("Nguyễn Thị Hà"));
        Assert.That(names.IndexOf("Siobhán Ó Súilleabháin"), Is.LessThan(names.FindIndex(n => n.EndsWith("Wójcik", StringComparison.Ordinal))));
    }

    [Test]
    public async Task Active_leaves_out_an_enrolment_not_yet_started_which_the_csv_calls_not_started()
    {
        using var client = await SignInAsProviderAdminAsync();
        var (name, activeStarted) = await QueryAsync(async (db, today) =>
        {
            var provider = ProviderAId(db);
            var later = await (from e in db.Enrolments
                               join a in db.Apprentices on e.ApprenticeId equals a.Id
                               where e.TrainingProviderId == provider && e.Status == EnrolmentStatus.Active
                               orderby a.FamilyName
                               select new { e.Id, a.GivenName, a.FamilyName, a.NameOrder }).FirstAsync();

            // As if enrolled ahead of a first day next month.
            await db.Enrolments.Where(e => e.Id == later.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartDate, today.AddMonths(1)));
            var count = await db.Enrolments.CountAsync(e => e.TrainingProviderId == provider && e.Status == EnrolmentStatus.Active && e.StartDate <= today);
            return (PersonName.Full(later.GivenName, later.FamilyName, later.NameOrder), count);
        });

        var active = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Dashboard + "?status=Active"));
        using var csv = await client.GetAsync(ProviderRoutes.DashboardCsv);

        var names = active.QuerySelectorAll(".heat-map tbody th").Select(th => th.TextContent.Trim()).ToList();
        var row = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).Split("\r\n").Single(l => l.StartsWith($"\"{name}\"", StringComparison.Ordinal) || l.StartsWith(name + ",", StringComparison.Ordinal));
        Assert.That(names, Does.Not.Contain(name));
        Assert.That(names, Has.Count.EqualTo(activeStarted));
        Assert.That(active.QuerySelector("main")!.TextContent, Does.Contain($"{activeStarted} apprentices"));
        Assert.That(row, Does.Contain(",Not started,"));
    }

    private static Guid ProviderAId(AppDbContext db) =>
        (from e in db.Enrolments
         join a in db.Apprentices on e.ApprenticeId equals a.Id
         where a.Email == DemoDataSeeder.ApprenticeEmail
         select e.TrainingProviderId).Single();

    private async Task<T> QueryAsync<T>(Func<AppDbContext, DateOnly, Task<T>> query)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db, ServiceClock.DateOf(Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
    }
}
