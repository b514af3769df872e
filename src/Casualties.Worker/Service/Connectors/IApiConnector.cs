namespace Casualties.Worker.Service.Connectors;

/// <summary>
/// One API as a feed kind (issue 17): reads the pages of what changed since the feed's cursor, hands them to
/// ingestion through <see cref="ApiFeedRun"/>, and says where the next run starts.
/// </summary>
public interface IApiConnector
{
    /// <summary>The feed kind (feeds.kind).</summary>
    string Kind { get; }

    /// <summary>
    /// Reads every page of the run. Returns the cursor for the next run (JSON), or null when the run stopped before
    /// its end (a page quarantined, the page limit reached): the cursor then stays, and the next run asks again.
    /// </summary>
    Task<string?> Run(ApiFeedRun run, CancellationToken ct);
}
