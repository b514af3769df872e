using Casualties.Worker.Service.Connectors;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>How API connectors build their requests' URLs and show them (issue 17): no credential is ever shown.</summary>
[TestFixture]
[Property("Issue", "17")]
public sealed class ApiUrlsTests
{
    [TestCase("https://api.example.org/v2/reports?appname=org-purpose-x1&offset=0", "https://api.example.org/v2/reports?offset=0")]
    [TestCase("https://api.example.org/read?key=K1&email=a%40b.org&country=Sudan", "https://api.example.org/read?country=Sudan")]
    [TestCase("https://api.example.org/read?Password=p&TOKEN=t", "https://api.example.org/read")]
    [TestCase("https://api.example.org/api/gedevents/25.1?pagesize=2&page=0", "https://api.example.org/api/gedevents/25.1?pagesize=2&page=0")]
    public void A_URL_is_shown_without_its_credential_parameters(string url, string shown) =>
        Assert.That(ApiUrls.Shown(new Uri(url)), Is.EqualTo(shown));

    [Test]
    public void The_connector_s_parameters_replace_the_user_s_of_the_same_name_and_keep_the_others()
    {
        var url = ApiUrls.With(new Uri("https://api.example.org/v2/reports?query[value]=Sudan&limit=5&filter[field]=country"),
            [("limit", "100"), ("offset", "200"), ("filter[field]", "date.changed"), ("filter[value][from]", "2024-01-01T00:00:00+00:00")]);
        var query = ApiUrls.Query(url);
        Assert.That(query, Is.EqualTo(new[]
        {
            ("query[value]", "Sudan"), ("limit", "100"), ("offset", "200"), ("filter[field]", "date.changed"),
            ("filter[value][from]", "2024-01-01T00:00:00+00:00"),
        }));
    }

    [TestCase("https://ucdpapi.pcr.uu.se/api/gedevents/25.1", "25.1")]
    [TestCase("https://ucdpapi.pcr.uu.se/api/gedevents/25.0.10/?Country=652", "25.0.10")]
    [TestCase("https://ucdpapi.pcr.uu.se/api/gedevents", null)]
    public void A_GED_feed_URL_names_its_version_last(string url, string? version) =>
        Assert.That(UcdpGedApiConnector.Version(new Uri(url)), Is.EqualTo(version));

    [TestCase("https://api.example.org/read?email=a@b.org", "email")]
    [TestCase("https://api.example.org/read?country=Sudan", null)]
    public void A_credential_in_a_URL_is_found_by_name(string url, string? name) =>
        Assert.That(ApiUrls.SecretIn(new Uri(url)), Is.EqualTo(name));
}
