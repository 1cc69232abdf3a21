namespace ApprenticeTracker.Persistence.Seeding;

/// <summary>Placeholder replaced below.</summary>
public sealed class DemoDataSeeder
{
}
