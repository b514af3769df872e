using System.Text;
using Casualties.Domain.Model;
using Npgsql;
using NpgsqlTypes;

namespace Casualties.Postgres.Ingest;

/// <summary>
/// The session's staging table (db/ingest/stage.sql): created on a connection, filled by binary COPY
/// one row per claim (a record's columns repeated on each), emptied at commit.
/// </summary>
internal static class IngestStaging
{
    public const string CopySql = """
        COPY ingest_stage (item, document_id, dataset, record_key, version, content_hash, origin, line, event_key,
            parent_key, details, flags, retire_at, ordinal, outcome, victims, victim_side, qualifier, value, low, high,
            best, phrase, parent_ordinal, source_name, source_canonical, perpetrator, perpetrator_side, place_name,
            place_key, place_parent_key, latitude, longitude, start_date, start_precision, end_date, end_precision,
            cumulative, reported, quote, span_start, span_end, confidence, place_scope) FROM STDIN (FORMAT BINARY)
        """;

    private static readonly string CreateSql = SqlScripts.Load("ingest/stage.sql");

    public static async Task Create(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(CreateSql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One staging row: a claim of a document, a claim of a record, or a record without claims.</summary>
    public static void Write(NpgsqlBinaryImporter copy, int item, long? documentId, FeedRecord? record, StagedClaim? claim)
    {
        copy.StartRow();
        copy.Write(item, NpgsqlDbType.Integer);
        Nullable(copy, documentId, NpgsqlDbType.Bigint);
        Text(copy, record?.Dataset);
        Text(copy, record?.RecordKey);
        Text(copy, record?.Version);
        Text(copy, record?.ContentHash);
        Text(copy, record?.Origin);
        Nullable(copy, record?.Line, NpgsqlDbType.Integer);
        Text(copy, record?.EventKey);
        Text(copy, record?.ParentKey);
        if (record?.DetailsJson is { } details) copy.Write(Encoding.UTF8.GetString(details), NpgsqlDbType.Jsonb); else copy.WriteNull();
        if (record is not null) copy.Write(record.Flags as string[] ?? record.Flags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        else copy.WriteNull();
        Nullable(copy, record?.RetiredAt?.UtcDateTime, NpgsqlDbType.TimestampTz);
        if (claim is null)
        {
            for (var i = 0; i < 31; i++) copy.WriteNull();
            return;
        }
        WriteClaim(copy, claim, null);
    }

    /// <summary>
    /// A claim's columns from ordinal to place_scope. With <paramref name="ids"/> the source and place are written
    /// as their ids (the claims table), else as canonical name and key (the staging table).
    /// </summary>
    public static void WriteClaim(NpgsqlBinaryImporter copy, StagedClaim claim, ReferenceIds? ids)
    {
        var (claimed, quantity) = (claim.Claim, claim.Claim.Quantity);
        copy.Write(claim.Ordinal, NpgsqlDbType.Integer);
        copy.Write(claimed.Outcome.ToName(), NpgsqlDbType.Text);
        copy.Write(claimed.Victims, NpgsqlDbType.Text);
        Text(copy, claimed.VictimSide);
        copy.Write(quantity.Qualifier.ToName(), NpgsqlDbType.Text);
        Nullable(copy, quantity.Value, NpgsqlDbType.Integer);
        copy.Write(quantity.Low, NpgsqlDbType.Integer);
        Nullable(copy, quantity.High, NpgsqlDbType.Integer);
        Nullable(copy, claim.Best, NpgsqlDbType.Integer);
        Text(copy, quantity.Phrase);
        Nullable(copy, claimed.Parent, NpgsqlDbType.Integer);
        Text(copy, claimed.Source);
        if (ids is null) Text(copy, claim.SourceCanonical);
        else Nullable(copy, ids.Source(claim.SourceCanonical), NpgsqlDbType.Bigint);
        Text(copy, claimed.Perpetrator);
        Text(copy, claimed.PerpetratorSide);
        Text(copy, claimed.Place);
        if (ids is null) Text(copy, claim.PlaceKey);
        else Nullable(copy, ids.Place(claim.PlaceKey), NpgsqlDbType.Bigint);
        if (ids is null) Text(copy, claimed.PlaceParentKey);
        else Nullable(copy, ids.Place(claimed.PlaceParentKey), NpgsqlDbType.Bigint);
        Nullable(copy, claim.Latitude, NpgsqlDbType.Double);
        Nullable(copy, claim.Longitude, NpgsqlDbType.Double);
        Nullable(copy, claimed.Period.Start?.Date, NpgsqlDbType.Date);
        Text(copy, claimed.Period.Start is { } start ? PrecisionName(start.Precision) : null);
        Nullable(copy, claimed.Period.End?.Date, NpgsqlDbType.Date);
        Text(copy, claimed.Period.End is { } end ? PrecisionName(end.Precision) : null);
        copy.Write(claimed.Cumulative, NpgsqlDbType.Boolean);
        copy.Write(claim.Reported, NpgsqlDbType.Date);
        Text(copy, claimed.Quote);
        Nullable(copy, claimed.Span?.Start, NpgsqlDbType.Integer);
        Nullable(copy, claimed.Span?.End, NpgsqlDbType.Integer);
        copy.Write((float)claimed.Confidence, NpgsqlDbType.Real);
        Text(copy, claimed.PlaceScope?.ToName());
    }

    public static string PrecisionName(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Month => "month",
        _ => "year",
    };

    public static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    public static void Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) copy.Write(v, type);
        else copy.WriteNull();
    }
}
