using Casualties.Postgres.Feeds;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Service.Inbox;

/// <summary>The folders to watch: InboxOptions.Folders, <c>worker --inbox</c>, and the enabled inbox feeds.</summary>
public sealed class InboxFolders(IOptions<InboxOptions> options, FeedStore feeds, CommandLineInbox commandLine)
{
    /// <summary>Every folder to watch now, as full paths without duplicates (inbox feeds are read from the database each time).</summary>
    public async Task<IReadOnlyList<string>> All(CancellationToken ct)
    {
        var fromFeeds = (await feeds.List(ct)).Where(f => f is { IsInbox: true, Enabled: true }).Select(f => f.Folder!);
        return options.Value.Folders.Concat(commandLine.Folders).Concat(fromFeeds)
            .Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Where an ingested file of <paramref name="inbox"/> goes (InboxOptions.ProcessedFolder inside it).</summary>
    public string ProcessedFolder(string inbox) => Path.Combine(inbox, options.Value.ProcessedFolder);

    /// <summary>
    /// Where a rejected or dead-lettered file of <paramref name="inbox"/> goes (InboxOptions.QuarantineFolder inside it).
    /// </summary>
    public string QuarantineFolder(string inbox) => Path.Combine(inbox, options.Value.QuarantineFolder);

    /// <summary>Moves a file into a subfolder, adding a suffix when the name is taken; false when it was gone already.</summary>
    public static bool MoveInto(string path, string folder)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(path));
        for (var n = 1; File.Exists(target); n++)
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(path)}.{n}{Path.GetExtension(path)}");
        try
        {
            File.Move(path, target);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }
}

/// <summary>The folders given with <c>worker --inbox DIR</c>.</summary>
public sealed record CommandLineInbox(IReadOnlyList<string> Folders);
