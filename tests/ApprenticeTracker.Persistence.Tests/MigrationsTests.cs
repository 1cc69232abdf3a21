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
