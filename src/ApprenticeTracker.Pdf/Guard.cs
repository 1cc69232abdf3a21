namespace ApprenticeTracker.Pdf;

/// <summary>Argument checks shared by the public types, so every bad number fails the same way.</summary>
internal static class Guard
{
    public static double Finite(double value, string name, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number from {min} to {max}.");
        }

        return value;
    }

    public static double Positive(double value, string name, double max = 14_400)
    {
        if (!double.IsFinite(value) || value <= 0 || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number greater than 0 and at most {max}.");
        }

        return value;
    }

    public static double NonNegative(double value, string name, double max = 14_400) => Finite(value, name, 0, max);

    /// <summary>The largest coordinate accepted anywhere: the PDF 1.7 limit on page size (200 inches).</summary>
    public const double MaxCoordinate = 14_400;
}
