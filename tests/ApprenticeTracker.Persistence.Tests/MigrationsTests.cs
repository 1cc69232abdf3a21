using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace ApprenticeTracker.Persistence.Tests;

public class MigrationsTests
{
    [Test]
    public void The_migrations_capture_every_change_to_the_model()
    {
        using var database = new TestDatabase();
        using var db = database.CreateDbContext();
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;
        Assert.That(snapshot, Is.Not.Null, "There is no model snapshot: add a migration.");
        if (snapshot is IMutableModel mutable)
        {
            snapshot = mutable.FinalizeModel();
        }

        snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot!, designTime: true);
        var current = db.GetService<IDesignTimeModel>().Model;

        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(snapshot.GetRelationalModel(), current.GetRelationalModel());

        Assert.That(
            differences.Select(d => d.GetType().Name + " " + (d as ITableMigrationOperation)?.Table),
            Is.Empty,
            "The model has changes that no migration captures: run dotnet ef migrations add.");
    }
}
