namespace ApprenticeTracker.Domain.Tests.Evidence;

/// <summary>Describing a stored file, and showing its size.</summary>
public class AttachmentTests
{
    [Test]
    public void Describing_a_stored_file_keeps_its_metadata()
    {
        var attachment = Attachment.Describe("  Calibration log – März.pdf ", 48_213, Files.Sha256, "application/pdf", "a1b2c3", Clock.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(attachment.FileName, Is.EqualTo("Calibration log – März.pdf"));
            Assert.That(attachment.SizeBytes, Is.EqualTo(48_213));
            Assert.That(attachment.Sha256, Is.EqualTo(Files.Sha256));
            Assert.That(attachment.ContentType, Is.EqualTo("application/pdf"));
            Assert.That(attachment.StorageKey, Is.EqualTo("a1b2c3"));
            Assert.That(attachment.UploadedAt, Is.EqualTo(Clock.Now));
        }
    }

    [TestCase("../../etc/passwd", TestName = "A_file_name_with_a_slash_is_refused")]
    [TestCase("..\\windows\\system.ini", TestName = "A_file_name_with_a_backslash_is_refused")]
    [TestCase("C:report.pdf", TestName = "A_file_name_with_a_colon_is_refused")]
    [TestCase("report\u0000.pdf", TestName = "A_file_name_with_a_nul_character_is_refused")]
    [TestCase("report\u0007.pdf", TestName = "A_file_name_with_a_control_character_is_refused")]
    [TestCase("re\nport.pdf", TestName = "A_file_name_with_a_line_break_is_refused")]
    [TestCase("..", TestName = "A_file_name_of_two_dots_is_refused")]
    [TestCase(".", TestName = "A_file_name_of_one_dot_is_refused")]
    public void A_file_name_that_could_be_read_as_a_path_is_refused(string fileName)
    {
        var refusal = Assert.Throws<DomainException>(() => Describe(fileName));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Attachments").And.Message.Contains("not allowed in a file name"));
    }

    [Test]
    public void A_refused_file_name_is_shown_without_its_control_characters()
    {
        var refusal = Assert.Throws<DomainException>(() => Describe("bad\u001bname.pdf"));

        Assert.That(refusal, Has.Message.Contains("'bad?name.pdf'"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_file_without_a_name_is_refused(string fileName)
    {
        var refusal = Assert.Throws<DomainException>(() => Describe(fileName));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Attachments").And.Message.EqualTo("The file has no name."));
    }

    [Test]
    public void A_file_name_longer_than_255_characters_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => Describe(new string('a', Attachment.FileNameMaxLength - 3) + ".pdf"));

        Assert.That(refusal, Has.Message.EqualTo("The file name must be 255 characters or fewer."));
    }

    [Test]
    public void A_file_name_of_exactly_255_characters_is_allowed()
    {
        var attachment = Describe(new string('a', Attachment.FileNameMaxLength - 4) + ".pdf");

        Assert.That(attachment.FileName, Has.Length.EqualTo(255));
    }

    [Test]
    public void A_name_with_dots_inside_it_is_allowed()
    {
        var attachment = Describe("report..v2.pdf");

        Assert.That(attachment.FileName, Is.EqualTo("report..v2.pdf"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void An_empty_file_is_refused(long size)
    {
        var refusal = Assert.Throws<DomainException>(() =>
            Attachment.Describe("notes.pdf", size, Files.Sha256, "application/pdf", "key", Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Attachments").And.Message.EqualTo("The file 'notes.pdf' is empty."));
    }

    [TestCase("", TestName = "An_empty_SHA_256_is_a_programming_error")]
    [TestCase("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0", TestName = "A_SHA_256_of_63_digits_is_a_programming_error")]
    [TestCase("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", TestName = "An_upper_case_SHA_256_is_a_programming_error")]
    [TestCase("zf86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", TestName = "A_SHA_256_with_a_non_hexadecimal_digit_is_a_programming_error")]
    public void A_malformed_SHA_256_is_a_programming_error(string sha256)
    {
        Assert.Throws<ArgumentException>(() => Attachment.Describe("notes.pdf", 10, sha256, "application/pdf", "key", Clock.Now));
    }

    [Test]
    public void A_missing_content_type_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Attachment.Describe("notes.pdf", 10, Files.Sha256, " ", "key", Clock.Now));
    }

    [Test]
    public void A_missing_storage_key_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Attachment.Describe("notes.pdf", 10, Files.Sha256, "application/pdf", "", Clock.Now));
    }

    [TestCase(900, "900 bytes")]
    [TestCase(1023, "1023 bytes")]
    [TestCase(1024, "1 KB")]
    [TestCase(1536, "1.5 KB")]
    [TestCase(524_288, "512 KB")]
    [TestCase(1_048_576, "1 MB")]
    [TestCase(2_516_582, "2.4 MB")]
    [TestCase(1_610_612_736, "1.5 GB")]
    public void Sizes_are_shown_in_bytes_KB_MB_or_GB(long bytes, string shown)
    {
        Assert.That(Attachment.FormatSize(bytes), Is.EqualTo(shown));
    }

    [TestCase(1075, "1 KB", TestName = "Just_under_1_05_KB_rounds_down_to_1_KB")]
    [TestCase(1076, "1.1 KB", TestName = "Just_over_1_05_KB_rounds_up_to_1_1_KB")]
    [TestCase(1280, "1.3 KB", TestName = "Exactly_1_25_KB_rounds_half_away_from_zero_to_1_3_KB")]
    public void Sizes_are_rounded_to_one_decimal_place(long bytes, string shown)
    {
        Assert.That(Attachment.FormatSize(bytes), Is.EqualTo(shown));
    }

    [TestCase(1_048_524, "1023.9 KB", TestName = "A_size_that_rounds_below_1024_KB_stays_in_KB")]
    [TestCase(1_048_525, "1 MB", TestName = "A_size_that_rounds_to_1024_KB_is_shown_as_1_MB")]
    [TestCase(1_048_575, "1 MB", TestName = "One_byte_short_of_a_megabyte_is_shown_as_1_MB")]
    [TestCase(1_073_689_395, "1023.9 MB", TestName = "A_size_that_rounds_below_1024_MB_stays_in_MB")]
    [TestCase(1_073_689_396, "1 GB", TestName = "A_size_that_rounds_to_1024_MB_is_shown_as_1_GB")]
    [TestCase(1_073_741_823, "1 GB", TestName = "One_byte_short_of_a_gigabyte_is_shown_as_1_GB")]
    [TestCase(1_073_741_824, "1 GB", TestName = "Exactly_a_gigabyte_is_shown_as_1_GB")]
    public void A_size_just_short_of_the_next_unit_rolls_over_to_it(long bytes, string shown)
    {
        Assert.That(Attachment.FormatSize(bytes), Is.EqualTo(shown));
    }

    [Test]
    public void A_content_type_longer_than_its_column_is_refused_with_the_file_named()
    {
        var contentType = "application/" + new string('x', Attachment.ContentTypeMaxLength - "application/".Length + 1);

        var refusal = Assert.Throws<DomainException>(() =>
            Attachment.Describe("notes.pdf", 10, Files.Sha256, contentType, "key", Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Attachments"));
        Assert.That(refusal, Has.Message.EqualTo("The file 'notes.pdf' cannot be stored: its content type is longer than 100 characters."));
    }

    [Test]
    public void A_content_type_of_exactly_its_column_length_is_kept()
    {
        var contentType = "application/" + new string('x', Attachment.ContentTypeMaxLength - "application/".Length);

        var attachment = Attachment.Describe("notes.pdf", 10, Files.Sha256, contentType, "key", Clock.Now);

        Assert.That(attachment.ContentType, Is.EqualTo(contentType));
    }

    [Test]
    public void A_storage_key_longer_than_its_column_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() =>
            Attachment.Describe("notes.pdf", 10, Files.Sha256, "application/pdf", new string('k', Attachment.StorageKeyMaxLength + 1), Clock.Now));
    }

    [TestCase("invoice\u202Efdp.exe", "'invoice?fdp.exe'", TestName = "A_file_name_with_a_right_to_left_override_is_refused")]
    [TestCase("report\u200B.pdf", "'report?.pdf'", TestName = "A_file_name_with_a_zero_width_space_is_refused")]
    [TestCase("report\u2028.pdf", "'report?.pdf'", TestName = "A_file_name_with_a_line_separator_is_refused")]
    [TestCase("report\u0085.pdf", "'report?.pdf'", TestName = "A_file_name_with_a_next_line_control_is_refused")]
    public void A_file_name_with_invisible_characters_is_refused_and_shown_with_them_marked(string fileName, string shown)
    {
        var refusal = Assert.Throws<DomainException>(() => Describe(fileName));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Attachments"));
        Assert.That(refusal, Has.Message.Contains(shown).And.Message.Contains("invisible characters"));
    }

    [TestCase("notes.txt", "notes.txt")]
    [TestCase("NOTES.TXT", "NOTES.TXT")]
    [TestCase("notes", "notes.txt")]
    [TestCase("readings.csv", "readings.csv.txt")]
    [TestCase("data.xml", "data.xml.txt")]
    [TestCase("report.pdf.", "report.pdf..txt")]
    public void Plain_text_is_kept_under_a_name_that_ends_in_txt(string fileName, string kept)
    {
        var attachment = Attachment.Describe(fileName, 10, Files.Sha256, "text/plain; charset=utf-8", "key", Clock.Now);

        Assert.That(attachment.FileName, Is.EqualTo(kept));
    }

    [TestCase("report.pdf", "a PDF document")]
    [TestCase("page.HTML", "a web page")]
    [TestCase("logo.svg", "an SVG image")]
    [TestCase("photo.jpeg", "an image")]
    [TestCase("setup.exe", "a program")]
    public void Plain_text_whose_name_claims_another_kind_is_refused(string fileName, string claimed)
    {
        var refusal = Assert.Throws<DomainException>(() =>
            Attachment.Describe(fileName, 10, Files.Sha256, "text/plain; charset=utf-8", "key", Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Attachments"));
        Assert.That(refusal, Has.Message.EqualTo($"'{fileName}' holds plain text, but its name says it is {claimed}. Attach the real file, or rename this one to end in .txt."));
    }

    [Test]
    public void Plain_text_whose_name_would_pass_the_limit_with_txt_added_is_refused()
    {
        var name = new string('a', Attachment.FileNameMaxLength - 4) + ".csv";

        var refusal = Assert.Throws<DomainException>(() =>
            Attachment.Describe(name, 10, Files.Sha256, "text/plain; charset=utf-8", "key", Clock.Now));

        Assert.That(refusal, Has.Message.Contains("longer than 255 characters"));
    }

    [Test]
    public void A_file_of_another_kind_keeps_its_name()
    {
        var attachment = Attachment.Describe("scan", 10, Files.Sha256, "application/pdf", "key", Clock.Now);

        Assert.That(attachment.FileName, Is.EqualTo("scan"));
    }

    private static Attachment Describe(string fileName) =>
        Attachment.Describe(fileName, 10, Files.Sha256, "application/pdf", "key", Clock.Now);
}
