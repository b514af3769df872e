using System.Security.Cryptography;
using System.Text;
using Casualties.Domain.Extraction;
using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Casualties.Ingestion.Documents;
using Casualties.Ingestion.Feeds;
using Casualties.Ingestion.Input;
using Casualties.Postgres.Ingest;
using Npgsql;

namespace Casualties.Ingestion;

internal sealed partial class IngestSession
{
    /// <summary>
    /// A document: parsed, dated (sidecar, then its own date, then --date), its claims extracted, and stored with
    /// them in one transaction. Undated, empty or unextractable documents are quarantined with their text.
    /// </summary>
    private async Task IngestDocument(string origin, InputFormat format, Func<Stream> open, CancellationToken ct)
    {
        var decoding = new TolerantUtf8();
        string text;
        await using (var stream = open())
        using (var reader = decoding.Reader(stream))
        {
            text = await reader.ReadToEndAsync(ct);
        }
        if (decoding.Warning(origin) is { } warning) Warn(warning);
        await IngestDocumentText(origin, format, text, ct);
    }

    public async Task IngestDocumentText(string origin, InputFormat format, string text, CancellationToken ct)
    {
        var parsed = DocumentFile.Parse(format, text);
        var sidecar = File.Exists(origin) ? DocumentSidecar.For(origin) : null;
        var date = DocumentFile.DateOf(parsed, sidecar, options.Date);
        if (date is not { } published)
        {
            await QuarantineWhole(origin, format, text,
                "no date: start the text with ' date YYYY-MM-DD ', add a NAME.meta.json sidecar with \"date\", or pass --date", ct);
            return;
        }
        if (string.IsNullOrWhiteSpace(parsed.Body))
        {
            await QuarantineWhole(origin, format, text, format == InputFormat.Html ? "no article text found in the HTML" : "the document is empty", ct);
            return;
        }

        var carrier = sidecar?.Carrier ?? parsed.Carrier ?? options.Source;
        var defaultSource = sidecar?.Source ?? parsed.Source ?? carrier;
        IReadOnlyList<Claim> claims;
        try
        {
            claims = extractor.Extract(parsed.Body, published);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await QuarantineWhole(origin, format, text, $"the extractor failed: {e.GetType().Name}: {e.Message}", ct);
            return;
        }
        var unknownGroup = claims.FirstOrDefault(c => !victimGroups.Contains(c.Victims));
        if (unknownGroup is not null)
        {
            await QuarantineWhole(origin, format, text,
                $"claim '{unknownGroup.Quote}' names unknown victim group '{unknownGroup.Victims}' (add it to the reference data, then run 'quarantine retry')", ct);
            return;
        }

        var staged = claims.Select((claim, ordinal) => Stage(claim, ordinal, defaultSource, published)).ToList();
        var document = new StoredDocument(Hash(parsed.Body), origin, Path.GetFileNameWithoutExtension(origin), parsed.Format,
            carrier, sidecar?.Title ?? parsed.Title, published, parsed.Body);
        try
        {
            var stored = await documents.Store(document, staged, RunId, ct);
            if (stored is { } s)
            {
                documentCount++;
                documentClaims += s.Claims;
            }
            else
            {
                duplicates++;
            }
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            await QuarantineWhole(origin, format, text, $"the database refused its claims: {e.MessageText}", ct);
        }
    }

    private StagedClaim Stage(Claim claim, int ordinal, string? defaultSource, DateOnly published)
    {
        // A claim with no attribution is the carrier's own statement (domain.md, "Who says what").
        var sourceName = claim.Source ?? defaultSource;
        // The extractor names the gazetteer key it read. A place it kept as written has none, only its nearest known
        // parent: that parent is stored as the claim's place (the reconciler groups the name inside it, issue 14) and
        // as place_parent_id, which says the name is a place within it rather than the parent itself.
        var gazetteer = resolver.Reference.Gazetteer;
        var parent = claim.PlaceParentKey is { } parentKey ? gazetteer.ByKey(parentKey) : null;
        var place = claim.PlaceKey is { } key ? gazetteer.ByKey(key)
            : parent ?? (claim.Place is null ? null : resolver.Place(PlaceNames.FinestFirst(claim.Place)));
        var country = place is null ? null : gazetteer.CountryOf(place).Key;
        return new StagedClaim(ordinal, claim.Outcome, claim.Victims, claim.VictimSide, claim.Quantity, Best: null, claim.Parent,
            sourceName, resolver.Source(sourceName, country), claim.Perpetrator, claim.PerpetratorSide, claim.Place, place?.Key,
            place?.Latitude, place?.Longitude, claim.Period.Start, claim.Period.End, claim.Cumulative, published, claim.Quote,
            claim.Span, claim.Confidence)
        {
            PlaceScope = place is null ? null : PlaceScopeCues.Read(claim.Quote, OneDayEvent(claim),
                gazetteer.DepthOf(place) <= 1),
            PlaceParentKey = parent?.Key,
        };
    }

    /// <summary>A figure of one day that is not a running count (no period at all: the day it was reported).</summary>
    private static bool OneDayEvent(Claim claim)
    {
        if (claim.Cumulative) return false;
        if ((claim.Period.Start ?? claim.Period.End) is not { } first) return true;
        var last = claim.Period.End ?? first;
        return first.Precision == DatePrecision.Day && last.Precision == DatePrecision.Day && last.Date == first.Date;
    }

    private static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
