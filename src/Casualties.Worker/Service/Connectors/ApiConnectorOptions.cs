namespace Casualties.Worker.Service.Connectors;

/// <summary>
/// The API connectors' settings and credentials (issue 17). Section "ApiConnectorOptions"; credentials belong in the
/// environment or a secrets store (ApiConnectorOptions__Acled__Password=...), never in a feed's URL: they are sent
/// with each request and appear in no log, status output, stored URL or quarantine entry.
/// </summary>
public sealed class ApiConnectorOptions
{
    public UcdpApiOptions Ucdp { get; set; } = new();
    public AcledApiOptions Acled { get; set; } = new();
    public ReliefWebApiOptions ReliefWeb { get; set; } = new();

    /// <summary>A run stops after this many pages (and keeps its cursor), so one run cannot go on for ever.</summary>
    public int MaxPages { get; set; } = 10_000;
}

/// <summary>UCDP API (ucdpapi.pcr.uu.se): the access token sent as the x-ucdp-access-token header.</summary>
public sealed class UcdpApiOptions
{
    public string? Token { get; set; }
    public int PageSize { get; set; } = 1000;
}

/// <summary>ACLED API: an account's e-mail and password, exchanged for a bearer token (OAuth password grant) each run.</summary>
public sealed class AcledApiOptions
{
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The OAuth token endpoint; default: /oauth/token on the feed's host.</summary>
    public string? TokenUrl { get; set; }

    public string ClientId { get; set; } = "acled";
    public int PageSize { get; set; } = 5000;
}

/// <summary>ReliefWeb API: the pre-approved appname every request carries.</summary>
public sealed class ReliefWebApiOptions
{
    public string? AppName { get; set; }
    public int PageSize { get; set; } = 100;
}
