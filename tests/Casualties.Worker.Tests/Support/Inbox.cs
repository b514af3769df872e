namespace Casualties.Worker.Tests.Support;

/// <summary>A temporary inbox folder with small text files, deleted on dispose.</summary>
public sealed class Inbox : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "casualties-inbox-" + Guid.NewGuid().ToString("N")[..8]);

    public string Processed => Path.Combine(Folder, "processed");

    public string Quarantine => Path.Combine(Folder, "quarantine");

    public Inbox() => Directory.CreateDirectory(Folder);

    /// <summary>Writes <paramref name="count"/> distinct small articles, dated in the past so they count as stable.</summary>
    public IReadOnlyList<string> AddArticles(int count, string prefix = "article")
    {
        var paths = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(Folder, $"{prefix}-{i:D4}.txt");
            File.WriteAllText(path,
                $" date 2016-12-07 ALEPPO, Syria (Test {prefix} {i}) - At least {i + 3} people were killed in an air strike on Tuesday, the Syrian Observatory for Human Rights said.");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
            paths.Add(path);
        }
        return paths;
    }

    public int Waiting => Directory.EnumerateFiles(Folder).Count();

    public int ProcessedCount => Directory.Exists(Processed) ? Directory.EnumerateFiles(Processed).Count() : 0;

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
