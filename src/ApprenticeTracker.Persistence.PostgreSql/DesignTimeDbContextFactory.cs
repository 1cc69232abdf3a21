using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprenticeTracker.Persistence.PostgreSql;

/// <summary>Lets the dotnet-ef tool build the PostgreSQL model without a server: the database is never opened.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceExtensions.ConfigurePostgreSql(options, "Host=localhost;Database=design-time");
        return new AppDbContext(options.Options);
    }
}
