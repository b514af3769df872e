using Casualties.Ingestion.Resolution;

namespace Casualties.Ingestion.Feeds;

/// <summary>
/// What a feed reader needs besides its rows: where they come from, the names to resolve, the victim groups
/// the database accepts, the user's defaults (--source, --date), and a place to say what it noticed.
/// </summary>
public sealed class FeedContext(string origin, ReferenceResolver resolver, IReadOnlySet<string> victimGroups, IngestOptions options)
{
    /// <summary>The file path or URL the rows come from, as quarantine entries and warnings name it.</summary>
    public string Origin { get; } = origin;
    /// <summary>Resolves the rows' source, place and actor names against the reference data.</summary>
    public ReferenceResolver Resolver { get; } = resolver;
    /// <summary>The victim groups the claims table accepts (lower case).</summary>
    public IReadOnlySet<string> VictimGroups { get; } = victimGroups;
    /// <summary>The run's options: --source, --date and the limits.</summary>
    public IngestOptions Options { get; } = options;

    /// <summary>The dataset name for rows that do not name one: --source, else the file's name without extension.</summary>
    public string DefaultDataset => Options.Source ?? Path.GetFileNameWithoutExtension(Origin);

    /// <summary>How many warnings the rows gave so far (a row stored with something to say about it).</summary>
    public int Warnings { get; private set; }

    /// <summary>Called with each warning's text, for the run's list of problems; null: counted only.</summary>
    public Action<string>? OnWarning { get; init; }

    /// <summary>Counts a warning and passes <paramref name="message"/> on to <see cref="OnWarning"/>.</summary>
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
