using System.Globalization;
using System.IO.Compression;
using System.Text;
using ApprenticeTracker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Reports;

/// <summary>The enrolment a bulk export writes a report for, with the apprentice's name for the file name.</summary>
public sealed record ReportTarget(Guid EnrolmentId, string ApprenticeName);

/// <summary>
/// Writes many reports: into a folder (command line) or as a zip streamed to any stream (the web app), one report
/// at a time so that memory stays flat however many there are.
/// </summary>
public sealed class EpaReportExport
{
    private readonly IDbContextFactory<AppDbContext> _factory;
    private readonly EpaReportBuilder _builder;

    public EpaReportExport(IDbContextFactory<AppDbContext> factory, EpaReportBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(builder);
        _factory = factory;
        _builder = builder;
    }

    /// <summary>
    /// A file name from the apprentice's name, safe on every file system (letters and digits kept, accents too;
    /// anything else becomes a hyphen), with the first eight hex digits of the enrolment id so that namesakes differ.
    /// </summary>
    public static string FileName(string apprenticeName, Guid enrolmentId)
    {
        ArgumentNullException.ThrowIfNull(apprenticeName);
        var safe = new StringBuilder(apprenticeName.Length);
        foreach (var c in apprenticeName.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                safe.Append(c);
            }
            else if (safe.Length > 0 && safe[^1] != '-')
            {
                safe.Append('-');
            }
        }

        var name = safe.ToString().Trim('-');
        if (name.Length > 60)
        {
            name = name[..60].TrimEnd('-');
        }

        var id = enrolmentId.ToString("N", CultureInfo.InvariantCulture)[..8];
        return $"{(name.Length == 0 ? "apprentice" : name)}-{id}-epa-report.pdf";
    }

    /// <summary>The report of one enrolment as PDF bytes, or null when there is no such enrolment.</summary>
    public async Task<byte[]?> RenderAsync(Guid enrolmentId, CancellationToken ct)
    {
        var report = await _builder.BuildAsync(enrolmentId, withThumbnails: true, ct);
        return report is null ? null : EpaReportPdf.Render(report).Content;
    }

    /// <summary>Writes each report into <paramref name="folder"/>; reports "n of N" after each.</summary>
    /// <returns>The paths written.</returns>
    public async Task<IReadOnlyList<string>> WriteToFolderAsync(IReadOnlyList<ReportTarget> targets, string folder, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(targets);
        Directory.CreateDirectory(folder);
        var written = new List<string>(targets.Count);
        await using var db = await _factory.CreateDbContextAsync(ct);
        foreach (var target in targets)
        {
            var report = await _builder.BuildAsync(db, target.EnrolmentId, withThumbnails: true, ct);
            if (report is null)
            {
                continue;
            }

            var path = Path.Combine(folder, FileName(target.ApprenticeName, target.EnrolmentId));
            await File.WriteAllBytesAsync(path, EpaReportPdf.Render(report).Content, ct);
            written.Add(path);
            progress?.Report((written.Count, targets.Count));
        }

        return written;
    }

    /// <summary>
    /// Writes a zip of the reports to <paramref name="output"/>, which need not seek nor allow synchronous writes (an
    /// HTTP response body): each entry is compressed into a small buffer, which is then written out asynchronously,
    /// so no more than one report is held in memory.
    /// </summary>
    public async Task WriteZipAsync(IReadOnlyList<ReportTarget> targets, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(output);
        await using var db = await _factory.CreateDbContextAsync(ct);
        await using var buffer = new AsyncDrainStream(output);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var target in targets)
            {
                var report = await _builder.BuildAsync(db, target.EnrolmentId, withThumbnails: true, ct);
                if (report is null)
                {
                    continue;
                }

                var pdf = EpaReportPdf.Render(report).Content;

                // PDF content streams are already compressed; storing avoids compressing them twice.
                var entry = zip.CreateEntry(FileName(target.ApprenticeName, target.EnrolmentId), CompressionLevel.NoCompression);
                entry.LastWriteTime = report.ReportDate;
                using (var entryStream = entry.Open())
                {
                    entryStream.Write(pdf);
                }

                await buffer.DrainAsync(ct);
            }
        }

        await buffer.DrainAsync(ct);
    }

    /// <summary>
    /// Collects synchronous writes (ZipArchive only writes synchronously) in memory until <see cref="DrainAsync"/>
    /// hands them to the real stream asynchronously.
    /// </summary>
    private sealed class AsyncDrainStream(Stream inner) : Stream
    {
        private readonly MemoryStream _pending = new();
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _written;
            set => throw new NotSupportedException();
        }

        public async Task DrainAsync(CancellationToken ct)
        {
            if (_pending.Length == 0)
            {
                return;
            }

            await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
            await inner.FlushAsync(ct);
            _pending.SetLength(0);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _pending.Write(buffer);
            _written += buffer.Length;
        }

        public override void Flush()
        {
            // Flushing happens in DrainAsync; a synchronous flush of the inner stream is what must not happen.
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pending.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
