using System.Globalization;

namespace ApprenticeTracker.Domain.Enrolments;

/// <summary>
/// A unique learner number (ULN): the ten digits the Learning Records Service gives each learner, the last a check
/// digit. The first nine digits are weighted 10, 9, … 2 and summed; the check digit is 10 less the remainder of that
/// sum divided by 11, and a remainder of 0 gives no valid number. Spaces typed between the digits are ignored.
/// </summary>
public sealed record Uln
{
    /// <summary>Every ULN has exactly this many digits.</summary>
    public const int Length = 10;

    /// <summary>A number that passes the check, for hints and messages.</summary>
    public const string Example = "1234567899";

    private Uln(string value) => Value = value;

    /// <summary>The ten digits, with nothing between them.</summary>
    public string Value { get; }

    /// <summary>Reads a ULN; refused, naming <paramref name="field"/>, when it is not ten digits or its check digit is wrong.</summary>
    public static Uln Parse(string? text, string field) =>
        TryParse(text, out var uln, out var why) ? uln : throw new DomainException(why, field);

    /// <summary>
    /// Reads an optional ULN: null when <paramref name="text"/> is blank; otherwise as <see cref="Parse"/>.
    /// </summary>
    public static Uln? ParseOptional(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(text, field);

    /// <summary>Reads a ULN, or says why it is not one in words a person can act on.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uln? uln, out string why)
    {
        uln = null;
        var digits = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            why = "Enter the unique learner number (ULN).";
            return false;
        }

        if (digits.Length != Length || !digits.All(char.IsAsciiDigit))
        {
            why = string.Create(CultureInfo.InvariantCulture, $"A unique learner number is {Length} digits, for example {Example}.");
            return false;
        }

        if (CheckDigitOf(digits) is not { } check || digits[Length - 1] - '0' != check)
        {
            why = $"{digits} is not a unique learner number: its last digit does not match the others. Check it against the learner's record.";
            return false;
        }

        why = string.Empty;
        uln = new Uln(digits);
        return true;
    }

    /// <summary>
    /// The check digit the first nine digits call for, or null when no digit can make them a ULN (a remainder of 0).
    /// </summary>
    private static int? CheckDigitOf(string digits)
    {
        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            sum += (digits[i] - '0') * (Length - i);
        }

        var remainder = sum % 11;
        return remainder == 0 ? null : 10 - remainder;
    }

    public override string ToString() => Value;
}
