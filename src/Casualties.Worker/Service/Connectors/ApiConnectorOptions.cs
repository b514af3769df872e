namespace Casualties.Worker.Service.Connectors;

/// <summary>
/// The API connectors' settings and credentials (issue 17). Section "ApiConnectorOptions"; credentials belong in the
/// environment or a secrets store (ApiConnectorOptions__Acled__Password=...), never in a feed's URL: they are sent
/// with each request and appear in no log, status output, stored URL or quarantine entry.
/// </summary>
public sealed class ApiConnectorOptions
{
    /// <summary>Section ApiConnectorOptions:Ucdp, for ucdp-api feeds.</summary>
    public UcdpApiOptions Ucdp { get; set; } = new();
    /// <summary>Section ApiConnectorOptions:Acled, for acled-api feeds.</summary>
    public AcledApiOptions Acled { get; set; } = new();
    /// <summary>Section ApiConnectorOptions:ReliefWeb, for reliefweb feeds.</summary>
    public ReliefWebApiOptions ReliefWeb { get; set; } = new();

    /// <summary>A run stops after this many pages (and keeps its cursor), so one run cannot go on for ever.</summary>
    public int MaxPages { get; set; } = 10_000;
}

/// <summary>UCDP API (ucdpapi.pcr.uu.se): the access token sent as the x-ucdp-access-token header.</summary>
public sealed class UcdpApiOptions
{
    /// <summary>The access token UCDP issued; null or empty: requests go without one (the API may then refuse them).</summary>
    public string? Token { get; set; }
    /// <summary>Events asked for per page (the API's <c>pagesize</c>).</summary>
    public int PageSize { get; set; } = 1000;
}

/// <summary>ACLED API: an account's e-mail and password, exchanged for a bearer token (OAuth password grant) each run.</summary>
public sealed class AcledApiOptions
{
    /// <summary>The ACLED account's e-mail address; an acled-api run without it fails and is not retried.</summary>
    public string? Username { get; set; }
    /// <summary>The ACLED account's password; an acled-api run without it fails and is not retried.</summary>
    public string? Password { get; set; }

    /// <summary>The OAuth token endpoint; default: /oauth/token on the feed's host.</summary>
    public string? TokenUrl { get; set; }

    /// <summary>The OAuth client_id sent with the password grant.</summary>
    public string ClientId { get; set; } = "acled";
    /// <summary>Events asked for per page (the API's <c>limit</c>); a shorter page is the last.</summary>
    public int PageSize { get; set; } = 5000;
}

/// <summary>ReliefWeb API: the pre-approved appname every request carries.</summary>
public sealed class ReliefWebApiOptions
{
    /// <summary>The appname ReliefWeb approved; a reliefweb run without it fails and is not retried.</summary>
    public string? AppName { get; set; }
    /// <summary>Reports asked for per page (the API's <c>limit</c>).</summary>
    public int PageSize { get; set; } = 100;
}
