using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Persistence.Tests;

[TestFixtureSource(typeof(Databases), nameof(Databases.Both))]
public class MigrationsTests(DatabaseProvider provider)
{
    [Test]
    public void The_migrations_capture_every_change_to_the_model()
    {
        using var database = new TestDatabase(provider);
        using var db = database.CreateDbContext();

        Assert.That(
            db.Database.HasPendingModelChanges(),
            Is.False,
            "The model has changes that no migration captures: add a migration (see the Persistence README).");
    }
}

/// <summary>
/// The sort key of apprentices registered before the migration that added it. SQLite only: PostgreSQL starts from one
/// initial migration, so no database there holds apprentices without a key.
/// </summary>
public class NameSortKeyBackfillTests
{
    [Test]
    public async Task Apprentices_left_without_a_sort_key_by_the_migration_get_it_at_start_up()
    {
        using var database = new TestDatabase(DatabaseProvider.Sqlite);
        var world = new World();
        await using (var db = database.CreateDbContext())
        {
            db.AddRange(world.All());
            await db.SaveChangesAsync();
        }

        // As the migration leaves an apprentice stored before it.
        database.Execute("UPDATE Apprentices SET NameSortKey = ''");

        await using (var db = database.CreateDbContext())
        {
            await DatabaseInitializer.KeyNamesAsync(db, CancellationToken.None);
        }

        await using (var db = database.CreateDbContext())
        {
            Assert.That(await db.Apprentices.Select(a => a.NameSortKey).SingleAsync(), Is.EqualTo("wojcik\u0001lucja"));
        }
    }
}
