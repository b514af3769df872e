using Casualties.Ingestion.Resolution;

namespace Casualties.Ingestion.Feeds;

/// <summary>
/// What a feed reader needs besides its rows: where they come from, the names to resolve, the victim groups
/// the database accepts, the user's defaults (--source, --date), and a place to say what it noticed.
/// </summary>
public sealed class FeedContext(string origin, ReferenceResolver resolver, IReadOnlySet<string> victimGroups, IngestOptions options)
{
    public string Origin { get; } = origin;
    public ReferenceResolver Resolver { get; } = resolver;
    public IReadOnlySet<string> VictimGroups { get; } = victimGroups;
    public IngestOptions Options { get; } = options;

    /// <summary>The dataset name for rows that do not name one: --source, else the file's name without extension.</summary>
    public string DefaultDataset => Options.Source ?? Path.GetFileNameWithoutExtension(Origin);

    public int Warnings { get; private set; }

    public Action<string>? OnWarning { get; init; }

    public void Warn(string message)
    {
        Warnings++;
        OnWarning?.Invoke(message);
    }

    /// <summary>A victim group the claims table accepts, else a rejection naming it.</summary>
    public string VictimGroup(string? name)
    {
        var group = name?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(group)) throw new RowRejectedException("victims is empty");
        return VictimGroups.Contains(group) ? group
            : throw new RowRejectedException($"unknown victim group '{group}' (add it to the reference data, then run 'quarantine retry')");
    }
}
