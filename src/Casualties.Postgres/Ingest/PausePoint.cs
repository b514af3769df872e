namespace Casualties.Postgres.Ingest;

/// <summary>
/// Named points of the feed and document write pipelines where a test can hold the process so it can be killed exactly there
/// (issue 18's kill test): <c>CASUALTIES_PAUSE_AT=stage@batch</c>, e.g. <c>mid-copy@2</c>. Stages: <c>batch-open</c>
/// (transaction and lock taken, nothing written), <c>mid-copy</c> (half of a chunk's records sent inside an open
/// COPY), <c>before-commit</c> (everything of the batch written, not committed), <c>after-commit</c> (the batch
/// committed, the next not begun). The document pipeline's stages: <c>documents-open</c> (a batch's transaction
/// begun, nothing written), <c>documents-before-commit</c> (its documents, claims and quarantine entries written, not
/// committed), <c>documents-after-commit</c> (committed; the next batch may be gathered and waiting). At the point the process writes "paused at STAGE@N" to standard error and waits
/// for ever. Unset (always, outside tests), every check is one comparison.
/// </summary>
internal static class PausePoint
{
    public const string Variable = "CASUALTIES_PAUSE_AT";

    private static readonly string? Armed = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Whether the process is to pause at <paramref name="stage"/> of batch <paramref name="batch"/> (1-based).</summary>
    public static bool Is(string stage, int batch) => Armed is not null && Armed == $"{stage}@{batch}";

    /// <summary>Pauses for ever when armed for this stage and batch.</summary>
    public static async Task At(string stage, int batch)
    {
        if (!Is(stage, batch)) return;
        await Console.Error.WriteLineAsync($"paused at {stage}@{batch}");
        await Console.Error.FlushAsync();
        await Task.Delay(Timeout.Infinite);
    }
}
