namespace ApprenticeTracker.Persistence.Configurations;

/// <summary>Enums are stored by name, so that the database reads plainly and reordering an enum cannot change meaning.</summary>
internal static class EnumColumn
{
    public const int MaxLength = 32;
}
