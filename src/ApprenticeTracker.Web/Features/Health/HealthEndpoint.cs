using System.Data.Common;

namespace ApprenticeTracker.Web.Features.Health;

/// <summary><c>GET /healthz</c>: 200 "Healthy" when the database answers a query, 503 "Unhealthy" when it does not.</summary>
public static class HealthEndpoint
{
    public const string Path = "/healthz";

    public static IEndpointConventionBuilder MapHealthEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, CheckAsync)
            .AllowAnonymous()
            .WithName("Health");

    internal static async Task<IResult> CheckAsync(IDbContextFactory<AppDbContext> contexts, HttpResponse response, CancellationToken ct)
    {
        response.Headers.CacheControl = "no-store";
        return await DatabaseAnswersAsync(contexts, ct)
            ? Results.Text("Healthy", "text/plain")
            : Results.Text("Unhealthy", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> DatabaseAnswersAsync(IDbContextFactory<AppDbContext> contexts, CancellationToken ct)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);

            // For SQLite, CanConnect only asks whether the file exists; it keeps a missing database from being
            // created empty by the query below, which then proves the file opens and answers.
            if (!await db.Database.CanConnectAsync(ct))
            {
                return false;
            }

            await db.Database.OpenConnectionAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT 1";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (DbException)
        {
            return false;
        }
    }
}
