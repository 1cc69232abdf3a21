namespace ApprenticeTracker.Pdf.Tests.Support;

/// <summary>Text that exercises the fonts: names from the apprentices' own languages.</summary>
public static class Samples
{
    public static readonly string[] Names =
    [
        "Łucja Wójcik", "Nguyễn Thị Hà", "Ayşe Yılmaz", "Siobhán Ó Súilleabháin", "Αλέξανδρος Παπαδόπουλος", "Дмитрий Иванов",
    ];

    public const string Greek = "Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο.";

    public const string Cyrillic = "Съешь же ещё этих мягких французских булок, да выпей чаю.";

    public static readonly DateTimeOffset Created = new(2026, 1, 31, 9, 30, 0, TimeSpan.FromHours(1));

    public const string Lorem =
        "Evidence was reviewed against each duty of the standard and the apprentice discussed the approach taken, " +
        "the alternatives considered and what would be done differently next time. ";
}
