using Microsoft.EntityFrameworkCore.Design;

namespace ApprenticeTracker.Persistence;

/// <summary>Lets the dotnet-ef tool build the model without starting the web host. The database is never opened.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceExtensions.ConfigureSqlite(options, "Data Source=design-time.db");
        return new AppDbContext(options.Options);
    }
}
