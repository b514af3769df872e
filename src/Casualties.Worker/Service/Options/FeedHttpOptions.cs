namespace Casualties.Worker.Service.Options;

/// <summary>Outbound HTTP for feeds: timeouts, retries, size limit. Section "FeedHttpOptions".</summary>
public sealed class FeedHttpOptions
{
    /// <summary>One request until its response headers arrive.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A whole fetch, retries and the body included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries of a transient failure (network error, timeout, 408, 429, 5xx) within one fetch.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The delay before the first retry within a fetch; it grows exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A larger response is cut off and the feed run quarantined.</summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The User-Agent header of every feed and API request.</summary>
    public string UserAgent { get; set; } = "casualties-worker/1.0";
}
