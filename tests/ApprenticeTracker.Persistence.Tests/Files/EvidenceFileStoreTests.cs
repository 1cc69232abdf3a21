using System.Security.Cryptography;
using System.Text;
using ApprenticeTracker.Persistence.Files;

namespace ApprenticeTracker.Persistence.Tests.Files;

public class EvidenceFileStoreTests
{
    private string _root = string.Empty;
    private EvidenceFileStore _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _root = Path.Combine(Path.GetTempPath(), "at-files-" + Guid.NewGuid().ToString("N"));
        _store = new EvidenceFileStore(Path.Combine(_root, "files"), Path.Combine(_root, "staging"));
    }

    [TearDown]
    public void DeleteStore()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private async Task<StoredFile> StoreAsync(byte[] content, string name)
    {
        var staged = await _store.StageAsync(new MemoryStream(content), name, 10_000, CancellationToken.None);
        _store.Place(staged.StorageKey);
        return staged;
    }

    private string[] FilesOnDisk() => Directory.Exists(_root) ? Directory.GetFiles(_root, "*", SearchOption.AllDirectories) : [];

    [Test]
    public async Task A_stored_file_keeps_its_size_hash_and_kind_under_a_random_name()
    {
        var content = Pdf(5000);

        var stored = await StoreAsync(content, "report.pdf");

        Assert.Multiple(() =>
        {
            Assert.That(stored.SizeBytes, Is.EqualTo(5000));
            Assert.That(stored.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(content))));
            Assert.That(stored.Kind, Is.EqualTo(FileKind.Pdf));
            Assert.That(stored.StorageKey, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(FilesOnDisk().Select(Path.GetFileName), Is.EqualTo(new[] { stored.StorageKey }));
        });
    }

    [Test]
    public async Task A_stored_file_reads_back_byte_for_byte()
    {
        var content = Encoding.UTF8.GetBytes("Witness testimony from Siobhán Ó Súilleabháin.");
        var stored = await StoreAsync(content, "witness.txt");

        using var read = new MemoryStream();
        await using (var stream = _store.OpenRead(stored.StorageKey))
        {
            await stream.CopyToAsync(read);
        }

        Assert.That(read.ToArray(), Is.EqualTo(content));
    }

    [Test]
    public void A_file_over_the_limit_is_refused_and_leaves_nothing_on_disk()
    {
        var ex = Assert.ThrowsAsync<FileRejectedException>(() =>
            _store.StageAsync(new MemoryStream(Pdf(10_001)), "big.pdf", 10_000, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("big.pdf").And.Contain("larger than"));
            Assert.That(FilesOnDisk(), Is.Empty);
        });
    }

    [Test]
    public void A_file_exactly_at_the_limit_is_accepted()
    {
        Assert.DoesNotThrowAsync(() => _store.StageAsync(new MemoryStream(Pdf(10_000)), "exact.pdf", 10_000, CancellationToken.None));
    }

    [Test]
    public void An_executable_named_pdf_is_refused_and_leaves_nothing_on_disk()
    {
        var exe = new byte[2048];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';

        var ex = Assert.ThrowsAsync<FileRejectedException>(() =>
            _store.StageAsync(new MemoryStream(exe), "invoice.pdf", 10_000, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("invoice.pdf").And.Contain("not a kind of file"));
            Assert.That(FilesOnDisk(), Is.Empty);
        });
    }

    [Test]
    public void An_empty_file_is_refused()
    {
        var ex = Assert.ThrowsAsync<FileRejectedException>(() =>
            _store.StageAsync(new MemoryStream(), "empty.txt", 10_000, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("empty"));
    }

    [Test]
    public async Task A_deleted_file_is_gone()
    {
        var stored = await StoreAsync(Pdf(100), "a.pdf");

        _store.Delete(stored.StorageKey);

        Assert.That(_store.Exists(stored.StorageKey), Is.False);
    }

    [Test]
    public async Task A_staged_file_waits_in_the_staging_folder_until_it_is_placed()
    {
        var staged = await _store.StageAsync(new MemoryStream(Pdf(100)), "a.pdf", 10_000, CancellationToken.None);
        var beforePlacing = _store.Exists(staged.StorageKey);

        _store.Place(staged.StorageKey);

        Assert.Multiple(() =>
        {
            Assert.That(beforePlacing, Is.False);
            Assert.That(_store.Exists(staged.StorageKey), Is.True);
            Assert.That(Directory.GetFiles(_store.Staging), Is.Empty);
            Assert.That(_store.PathFor(staged.StorageKey), Does.StartWith(_store.Root));
        });
    }

    [Test]
    public async Task Discarding_removes_a_file_whether_staged_or_placed()
    {
        var staged = await _store.StageAsync(new MemoryStream(Pdf(100)), "a.pdf", 10_000, CancellationToken.None);
        var placed = await StoreAsync(Pdf(200), "b.pdf");

        _store.Discard(staged.StorageKey);
        _store.Discard(placed.StorageKey);

        Assert.That(FilesOnDisk(), Is.Empty);
    }

    [TestCase("../../etc/passwd")]
    [TestCase("ABCDEF0123456789ABCDEF0123456789")]
    [TestCase("")]
    public void A_key_that_is_not_a_store_key_is_refused(string key)
    {
        Assert.Throws<ArgumentException>(() => _store.OpenRead(key));
    }
}
