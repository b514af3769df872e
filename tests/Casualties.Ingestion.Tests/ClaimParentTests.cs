using Casualties.Postgres.Reconciliation;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

/// <summary>
/// A row of our own feed format that names a parent_record is a subset of that record's claim: linked once, when
/// the claims are stored (claims.parent_id), whichever of the two rows is stored first, and read so by reconciliation.
/// </summary>
[Property("Issue", "12")]
public sealed class ClaimParentTests : IngestFixture
{
    private const string Header = "dataset,record_id,version,date,outcome,victims,qualifier,value,source,place,start,end,quote,parent_record\n";

    private static string Row(string key, string version, string victims, int value, string? parent) =>
        $"parents,{key},{version},2016-12-07,killed,{victims},exact,{value},Syrian Observatory for Human Rights,Syria," +
        $"2016-12-06,2016-12-06,\"{value} {victims} killed\",{parent}\n";

    private Task<IReadOnlyList<(string Child, string Parent)>> Links() => Rows<(string, string)>("""
        SELECT cr.record_key, pr.record_key
        FROM claim_parents cp
        JOIN claims c ON c.id = cp.claim_id JOIN feed_records cr ON cr.id = c.record_id
        JOIN claims p ON p.id = cp.parent_claim_id JOIN feed_records pr ON pr.id = p.record_id
        ORDER BY 1
        """);

    private async Task<(IReadOnlyList<string> Rules, IReadOnlyList<string> Flags)> Reconciled()
    {
        await new ReconciliationRunner(Database.DataSource).Run(full: true);
        var rules = await Rows<string>("""
            SELECT s.rule FROM v_incident_sources s JOIN claims c ON c.id = s.claim_id
            JOIN feed_records f ON f.id = c.record_id WHERE f.record_key = 'children'
            """);
        var flags = await Rows<string>("SELECT kind FROM v_flags ORDER BY kind");
        return (rules, flags);
    }

    [Test]
    public async Task A_subset_listed_before_its_total_is_linked_and_raises_subset_exceeds_total_when_reconciled()
    {
        await Ingest(Write("feed.csv", Header + Row("children", "1", "children", 15, "total") + Row("total", "1", "people", 10, null)));

        Assert.That(await Links(), Is.EqualTo(new[] { ("children", "total") }));
        var (rules, flags) = await Reconciled();
        Assert.That(rules, Is.EqualTo(new[] { "subset_of_parent" }));
        Assert.That(flags, Does.Contain("subset_exceeds_total"));
    }

    [Test]
    public async Task A_subset_stored_before_the_file_with_its_total_is_linked_when_the_total_arrives()
    {
        await Ingest(Write("children.csv", Header + Row("children", "1", "children", 15, "total")));
        Assert.That(await Links(), Is.Empty, "no parent stored yet");

        await Ingest(Write("total.csv", Header + Row("total", "1", "people", 10, null)));

        Assert.That(await Links(), Is.EqualTo(new[] { ("children", "total") }));
        var (_, flags) = await Reconciled();
        Assert.That(flags, Does.Contain("subset_exceeds_total"));
    }

    [Test]
    public async Task A_subset_within_its_total_is_linked_and_raises_no_flag()
    {
        await Ingest(Write("feed.csv", Header + Row("total", "1", "people", 81, null) + Row("children", "1", "children", 31, "total")));

        Assert.That(await Links(), Is.EqualTo(new[] { ("children", "total") }));
        var (rules, flags) = await Reconciled();
        Assert.That(rules, Is.EqualTo(new[] { "subset_of_parent" }));
        Assert.That(flags, Does.Not.Contain("subset_exceeds_total"));
    }

    [Test]
    public async Task A_new_version_of_the_total_keeps_its_subset_linked()
    {
        await Ingest(Write("v1.csv", Header + Row("total", "1", "people", 81, null) + Row("children", "1", "children", 31, "total")));
        await Ingest(Write("v2.csv", Header + Row("total", "2", "people", 20, null)));

        Assert.That(await Links(), Is.EqualTo(new[] { ("children", "total") }));
        Assert.That(await Scalar<int>("""
            SELECT p.value FROM claim_parents cp JOIN claims p ON p.id = cp.parent_claim_id
            """), Is.EqualTo(20), "the new version's claim");
        var (_, flags) = await Reconciled();
        Assert.That(flags, Does.Contain("subset_exceeds_total"));
    }
}
