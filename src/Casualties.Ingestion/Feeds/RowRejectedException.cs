namespace Casualties.Ingestion.Feeds;

/// <summary>A row that cannot be stored as it is; the message is the exact reason quarantine keeps.</summary>
public sealed class RowRejectedException(string reason) : Exception(reason);

/// <summary>A whole input that cannot be read (a missing required column, an unknown layout).</summary>
public sealed class InputRejectedException(string reason) : Exception(reason);
