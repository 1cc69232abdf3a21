namespace ApprenticeTracker.Domain.Tests.Enrolments;

/// <summary>The unique learner number and its check digit.</summary>
public class UlnTests
{
    // First nine digits weighted 10…2: 1×10 + 2×9 + 3×8 + 4×7 + 5×6 + 6×5 + 7×4 + 8×3 + 9×2 = 210; 210 mod 11 = 1; 10 − 1 = 9.
    [TestCase("1234567899")]
    [TestCase("1000000043")]
    [TestCase("2468135791")]
    [TestCase("3004829176")]
    [TestCase("7712635403")]
    [TestCase("5550123451")]
    public void A_number_whose_check_digit_matches_is_a_uln(string digits)
    {
        var uln = Uln.Parse(digits, Enrolment.Fields.Uln);

        Assert.That(uln.Value, Is.EqualTo(digits));
    }

    [Test]
    public void Spaces_typed_between_the_digits_are_ignored()
    {
        var uln = Uln.Parse(" 12345 67899 ", Enrolment.Fields.Uln);

        Assert.That(uln.Value, Is.EqualTo("1234567899"));
    }

    [TestCase("1234567890")]
    [TestCase("1234567898")]
    [TestCase("1000000042")]
    [TestCase("7712635430")]
    public void A_number_whose_check_digit_does_not_match_is_refused(string digits)
    {
        var refused = Assert.Throws<DomainException>(() => Uln.Parse(digits, Enrolment.Fields.Uln));

        Assert.That(refused.Message, Does.Contain("its last digit does not match"));
        Assert.That(refused.Field, Is.EqualTo(Enrolment.Fields.Uln));
    }

    // 9×10 + 8×9 + 7×8 + 6×7 + 5×6 + 4×5 + 3×4 + 2×3 + 1×2 = 330 = 30 × 11: remainder 0, so no check digit fits.
    [TestCase("9876543210")]
    [TestCase("9876543211")]
    [TestCase("9876543219")]
    public void Nine_digits_whose_weighted_sum_divides_by_eleven_make_no_uln_whatever_the_last(string digits)
    {
        Assert.That(Uln.TryParse(digits, out var uln, out var why), Is.False);
        Assert.That(uln, Is.Null);
        Assert.That(why, Does.Contain("is not a unique learner number"));
    }

    [TestCase("123456789", TestName = "Nine_digits_are_not_a_uln")]
    [TestCase("12345678990", TestName = "Eleven_digits_are_not_a_uln")]
    [TestCase("12345678a9", TestName = "A_letter_among_the_digits_is_not_a_uln")]
    [TestCase("1234-567899", TestName = "A_hyphen_among_the_digits_is_not_a_uln")]
    [TestCase("١٢٣٤٥٦٧٨٩٩", TestName = "Digits_of_another_script_are_not_a_uln")]
    public void Anything_but_ten_digits_is_refused_with_an_example(string text)
    {
        var refused = Assert.Throws<DomainException>(() => Uln.Parse(text, Enrolment.Fields.Uln));

        Assert.That(refused.Message, Is.EqualTo("A unique learner number is 10 digits, for example 1234567899."));
    }

    [Test]
    public void The_example_in_messages_is_itself_a_uln()
    {
        Assert.That(Uln.TryParse(Uln.Example, out _, out _), Is.True);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_optional_uln_is_none(string? text)
    {
        Assert.That(Uln.ParseOptional(text, Enrolment.Fields.Uln), Is.Null);
    }

    [Test]
    public void A_blank_uln_where_one_is_required_is_refused()
    {
        var refused = Assert.Throws<DomainException>(() => Uln.Parse(" ", Enrolment.Fields.Uln));

        Assert.That(refused.Message, Is.EqualTo("Enter the unique learner number (ULN)."));
    }

    [Test]
    public void Two_readings_of_one_number_are_equal()
    {
        Assert.That(Uln.Parse("1234567899", "f"), Is.EqualTo(Uln.Parse("12345 67899", "f")));
    }

    [Test]
    public void Recording_a_uln_on_an_enrolment_keeps_it_and_is_audited()
    {
        var enrolment = new EnrolmentBuilder().Build();
        enrolment.DequeueAuditEvents();

        enrolment.RecordUln(Uln.Parse("1234567899", Enrolment.Fields.Uln), Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.Uln, Is.EqualTo("1234567899"));
        Assert.That(enrolment.PendingAuditEvents().Single().Action, Is.EqualTo("enrolment.uln-recorded"));
    }

    [Test]
    public void Recording_the_same_uln_again_changes_nothing()
    {
        var enrolment = new EnrolmentBuilder().Build();
        enrolment.RecordUln(Uln.Parse("1234567899", Enrolment.Fields.Uln), Actors.ProviderAdmin, Clock.Now);
        enrolment.DequeueAuditEvents();
        var stamp = enrolment.ConcurrencyStamp;

        enrolment.RecordUln(Uln.Parse("1234567899", Enrolment.Fields.Uln), Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.PendingAuditEvents(), Is.Empty);
        Assert.That(enrolment.ConcurrencyStamp, Is.EqualTo(stamp));
    }

    [Test]
    public void Recording_no_uln_removes_it()
    {
        var enrolment = new EnrolmentBuilder().Build();
        enrolment.RecordUln(Uln.Parse("1234567899", Enrolment.Fields.Uln), Actors.ProviderAdmin, Clock.Now);

        enrolment.RecordUln(null, Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.Uln, Is.Null);
    }
}
