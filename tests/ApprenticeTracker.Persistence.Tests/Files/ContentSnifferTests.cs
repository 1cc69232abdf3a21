using System.IO.Compression;
using System.Text;
using ApprenticeTracker.Persistence.Files;

namespace ApprenticeTracker.Persistence.Tests.Files;

public class ContentSnifferTests
{
    internal static byte[] OfficeZip(params string[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<xml/>");
            }
        }

        return memory.ToArray();
    }

    private static FileKind? Sniff(byte[] bytes) => ContentSniffer.Sniff(new MemoryStream(bytes));

    [Test]
    public void A_pdf_is_recognised_by_its_header()
    {
        var kind = Sniff(Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n"));

        Assert.That(kind, Is.EqualTo(FileKind.Pdf));
    }

    [Test]
    public void A_png_is_recognised_by_its_signature()
    {
        var kind = Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

        Assert.That(kind, Is.EqualTo(FileKind.Png));
    }

    [Test]
    public void A_jpeg_is_recognised_by_its_start_of_image_marker()
    {
        var kind = Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F']);

        Assert.That(kind, Is.EqualTo(FileKind.Jpeg));
    }

    [Test]
    public void A_zip_with_a_word_document_part_is_a_docx()
    {
        var kind = Sniff(OfficeZip("[Content_Types].xml", "word/document.xml"));

        Assert.That(kind, Is.EqualTo(FileKind.Docx));
    }

    [Test]
    public void A_zip_with_a_workbook_part_is_an_xlsx()
    {
        var kind = Sniff(OfficeZip("[Content_Types].xml", "xl/workbook.xml"));

        Assert.That(kind, Is.EqualTo(FileKind.Xlsx));
    }

    [Test]
    public void A_plain_zip_is_not_accepted()
    {
        var kind = Sniff(OfficeZip("notes.txt"));

        Assert.That(kind, Is.Null);
    }

    [Test]
    public void A_truncated_zip_is_not_accepted()
    {
        var kind = Sniff(OfficeZip("[Content_Types].xml", "word/document.xml")[..40]);

        Assert.That(kind, Is.Null);
    }

    [Test]
    public void Utf8_text_with_non_latin_characters_is_plain_text()
    {
        var kind = Sniff(Encoding.UTF8.GetBytes("Reflection by Łucja Wójcik\r\nNguyễn Thị Hà observed the calibration.\n"));

        Assert.That(kind, Is.EqualTo(FileKind.PlainText));
    }

    [Test]
    public void A_windows_executable_renamed_pdf_is_not_accepted()
    {
        var bytes = new byte[600];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        bytes[0x3C] = 0x80;

        var kind = Sniff(bytes);

        Assert.That(kind, Is.Null);
    }

    [Test]
    public void A_linux_executable_is_not_accepted()
    {
        var kind = Sniff([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        Assert.That(kind, Is.Null);
    }

    [Test]
    public void Text_that_is_not_valid_utf8_is_not_accepted()
    {
        var kind = Sniff([(byte)'a', 0xC3, 0x28, (byte)'b']);

        Assert.That(kind, Is.Null);
    }

    [Test]
    public void An_empty_stream_is_not_accepted()
    {
        var kind = Sniff([]);

        Assert.That(kind, Is.Null);
    }

    [TestCase("<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>", TestName = "A_page_with_a_doctype_is_html")]
    [TestCase("\uFEFF  <HTML lang=\"en\">\n<p>Hello</p>", TestName = "A_page_in_capitals_after_a_byte_order_mark_is_html")]
    [TestCase("Notes from the clinic\n<script src=x></script>\n", TestName = "A_script_element_anywhere_in_text_is_html")]
    [TestCase("<!doctype   HTML><title>x</title>", TestName = "A_doctype_with_extra_spaces_is_html")]
    public void Html_markup_is_recognised_as_a_web_page_and_not_accepted(string text)
    {
        var kind = Sniff(Encoding.UTF8.GetBytes(text));

        Assert.That(kind, Is.EqualTo(FileKind.Html));
        Assert.That(kind!.IsAccepted, Is.False);
    }

    [TestCase("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", TestName = "A_bare_svg_is_svg")]
    [TestCase("<?xml version=\"1.0\"?>\n<!-- drawn by hand -->\n<svg>\n<script>alert(1)</script></svg>", TestName = "An_svg_with_a_prolog_and_a_script_is_svg")]
    public void Svg_markup_is_recognised_as_an_svg_image_and_not_accepted(string text)
    {
        var kind = Sniff(Encoding.UTF8.GetBytes(text));

        Assert.That(kind, Is.EqualTo(FileKind.Svg));
        Assert.That(kind!.IsAccepted, Is.False);
    }

    [Test]
    public void Markup_far_into_a_long_text_is_found_even_where_a_read_block_ends()
    {
        // The sniffer reads 64 K characters at a time: the tag straddles the end of the first block.
        var text = new string('a', (64 * 1024) - 3) + "<script>alert(1)</script>";

        var kind = Sniff(Encoding.UTF8.GetBytes(text));

        Assert.That(kind, Is.EqualTo(FileKind.Html));
    }

    [TestCase("Blood pressure was < 140/90 and the score <3 on the scale.", TestName = "Comparisons_in_prose_are_plain_text")]
    [TestCase("We discussed the <svgs> in the report and the scripting rules.", TestName = "Words_that_start_like_tags_are_plain_text")]
    public void Text_with_angle_brackets_that_open_no_markup_is_plain_text(string text)
    {
        var kind = Sniff(Encoding.UTF8.GetBytes(text));

        Assert.That(kind, Is.EqualTo(FileKind.PlainText));
    }

    [Test]
    public void The_refusal_of_a_web_page_says_why_and_what_to_attach_instead()
    {
        var message = FileKind.RefusalMessage(FileKind.Html, "page.html");

        Assert.That(message, Is.EqualTo("'page.html' is a web page (HTML), which cannot be attached: a web page can carry scripts that run when it is opened. Save or print it as a PDF and attach that instead."));
    }
}
