using Casualties.Postgres.Ingest;
using Npgsql;

namespace Casualties.Ingestion;

/// <summary>
/// The entry point of ingestion, for the CLI and the worker: files and folders, or one stream (a feed body
/// fetched over HTTP). Each call is one ingest run (ingest_runs) with its summary. Idempotent: documents are
/// identified by content hash and feed rows by dataset and record key with a version, so the same input twice,
/// or a rerun after a crash, leaves the database as one clean run would.
/// </summary>
public sealed class Ingestor(NpgsqlDataSource dataSource)
{
    /// <summary>Ingests files, and folders recursively (in name order; hidden files and document sidecars skipped).</summary>
    /// <exception cref="FileNotFoundException">A path names neither a file nor a folder.</exception>
    public async Task<IngestSummary> IngestPaths(IReadOnlyList<string> paths, IngestOptions options, CancellationToken ct)
    {
        var files = Expand(paths);
        var session = await IngestSession.Start(dataSource, options, ct);
        session.FilesTotal = files.Count;
        return await Run(session, async () =>
        {
            // Consecutive documents go together, in batches; a feed file between them is read alone.
            var documents = new List<IngestSession.DocumentInput>();
            foreach (var file in files)
            {
                ct.ThrowIfCancellationRequested();
                var format = InputFormats.ByName(file);
                if (format.IsDocument())
                {
                    documents.Add(new IngestSession.DocumentInput(file, format, () => File.OpenRead(file), new FileInfo(file).Length));
                    continue;
                }
                await session.IngestDocuments(documents, ct);
                documents.Clear();
                await session.Ingest(file, format, () => File.OpenRead(file), new FileInfo(file).Length, ct);
            }
            await session.IngestDocuments(documents, ct);
        }, ct);
    }

    /// <summary>Ingests one input read from a stream; <paramref name="name"/> (a URL or file name) is its origin, and with the content type tells the format.</summary>
    public async Task<IngestSummary> IngestStream(string name, string? contentType, Stream stream, IngestOptions options, CancellationToken ct)
    {
        var session = await IngestSession.Start(dataSource, options, ct);
        session.FilesTotal = 1;
        var format = InputFormats.ByName(name, contentType);
        long? length = stream.CanSeek ? stream.Length - stream.Position : null;
        var opened = false;
        return await Run(session, () => session.Ingest(name, format, () =>
        {
            // The stream can be read once: sniffing an unknown format needs a seekable stream.
            if (opened && !stream.CanSeek) throw new IOException("the stream cannot be read twice; give its name an extension or a content type");
            if (opened) stream.Position = 0;
            opened = true;
            return new NonClosingStream(stream);
        }, length, ct), ct);
    }

    /// <summary>
    /// Ingests documents given as text (an API's reports, issue 17) in one run: each read as <paramref name="format"/>,
    /// dated and extracted as a file would be, stored in batches; <c>Origin</c> names each one (no file is read).
    /// </summary>
    public async Task<IngestSummary> IngestDocuments(IReadOnlyList<(string Origin, string Text)> documents, InputFormat format, IngestOptions options,
        CancellationToken ct)
    {
        var session = await IngestSession.Start(dataSource, options, ct);
        session.FilesTotal = documents.Count;
        return await Run(session, () => session.IngestDocuments(
            documents.Select(d => new IngestSession.DocumentInput(d.Origin, format, null, d.Text.Length, d.Text)).ToList(), ct), ct);
    }

    /// <summary>
    /// Reads quarantined inputs again (one entry, or every open one), after the user fixed reference data or the
    /// file: a CSV or JSON Lines row alone (with its header), a whole file from its origin when it still exists,
    /// else the quarantined text. Entries that now go in are resolved; the others stay open with their new reason.
    /// </summary>
    public async Task<QuarantineRetrySummary> RetryQuarantine(long? id, IngestOptions options, CancellationToken ct)
    {
        var store = new QuarantineStore(dataSource);
        var open = id is { } one
            ? (await store.Show(one, ct) is { } item ? [item] : throw new ArgumentException($"There is no quarantine entry {one}."))
            : await OpenEntries(store, ct);
        var session = await IngestSession.Start(dataSource, options with { Trigger = "quarantine-retry" }, ct);
        session.FilesTotal = open.Count;
        session.Retrying = true;
        var resolved = 0;
        var stillFailing = new List<(long Id, string Reason)>();
        var summary = await Run(session, async () =>
        {
            foreach (var entry in open.Where(e => e.ResolvedAt is null))
            {
                await Retry(session, entry, ct);
                var failed = session.RejectedOrigins.Contains(entry.Origin) || session.RejectionReasons.ContainsKey((entry.Origin, entry.Line));
                if (failed)
                {
                    var reason = session.RejectionReasons.GetValueOrDefault((entry.Origin, entry.Line))
                        ?? session.RejectionReasons.GetValueOrDefault((entry.Origin, null)) ?? entry.Reason;
                    await store.MarkStillFailing(entry, reason, ct);
                    stillFailing.Add((entry.Id, reason));
                }
                else
                {
                    await store.MarkResolved(entry.Id, ct);
                    resolved++;
                }
            }
        }, ct);
        return new QuarantineRetrySummary(resolved, stillFailing, summary);
    }

    private static async Task Retry(IngestSession session, QuarantineItem entry, CancellationToken ct)
    {
        if (entry.Line is { } line && entry.Raw is { } raw)
        {
            if (entry.Header is { } header)
            {
                using var text = new StringReader(header + "\n" + raw);
                await session.IngestFeedText(entry.Origin, InputFormat.Csv, text, firstLine: line - 1, ct);
            }
            else
            {
                using var text = new StringReader(raw);
                await session.IngestFeedText(entry.Origin, InputFormat.JsonLines, text, firstLine: line, ct);
            }
            return;
        }
        var format = InputFormats.ByName(entry.Origin);
        if (File.Exists(entry.Origin))
        {
            await session.Ingest(entry.Origin, format, () => File.OpenRead(entry.Origin), new FileInfo(entry.Origin).Length, ct);
        }
        else if (entry.Raw is { } text && format.IsDocument())
        {
            await session.IngestDocumentText(entry.Origin, format, text, ct);
        }
        else
        {
            session.RejectedOrigins.Add(entry.Origin);
            session.RejectionReasons[(entry.Origin, null)] = $"{entry.Origin} no longer exists and its text was not kept: ingest it again";
        }
    }

    private static async Task<IReadOnlyList<QuarantineItem>> OpenEntries(QuarantineStore store, CancellationToken ct)
    {
        var items = new List<QuarantineItem>();
        foreach (var row in await store.List(includeResolved: false, int.MaxValue, ct))
        {
            if (await store.Show(row.Id, ct) is { } item) items.Add(item);
        }
        return items;
    }

    private static async Task<IngestSummary> Run(IngestSession session, Func<Task> work, CancellationToken ct)
    {
        try
        {
            await work();
        }
        catch (Exception e)
        {
            await session.Finish(e, ct);
            throw;
        }
        return await session.Finish(null, ct);
    }

    /// <summary>The files named, and the files under the folders named, in a stable order.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Select(Path.GetFullPath)
                    .Where(f => !Path.GetFileName(f).StartsWith('.') && !Documents.DocumentSidecar.IsSidecar(f))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new FileNotFoundException($"'{path}' is neither a file nor a folder.", path);
            }
        }
        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Lets a reader dispose its stream without closing the caller's.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>What a quarantine retry did: entries resolved, entries still failing with their reason, and the run.</summary>
public sealed record QuarantineRetrySummary(int Resolved, IReadOnlyList<(long Id, string Reason)> StillFailing, IngestSummary Run);
