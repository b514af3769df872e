namespace Casualties.Worker.Service.Feeds;

/// <summary>What a conditional GET of a feed gave.</summary>
public abstract record FetchResult
{
    /// <summary>304: the content did not change since the validators were stored.</summary>
    public sealed record NotModified : FetchResult;

    /// <summary>A new body, with the validators to send next time.</summary>
    public sealed record Fetched(byte[] Body, string? ContentType, string? ETag, string? LastModified) : FetchResult;

    /// <summary>The body was longer than the limit and was cut off.</summary>
    public sealed record TooLarge(long Limit) : FetchResult;
}

/// <summary>The feed's server refused the request or answered with an error.</summary>
public sealed class FeedFetchException(string message, bool permanent) : Exception(message)
{
    /// <summary>
    /// True when asking again cannot help (a 3xx, since redirects are not followed, or a 4xx other than 408 and 429):
    /// the job fails without retries. False for 408, 429 and 5xx.
    /// </summary>
    public bool Permanent { get; } = permanent;
}
