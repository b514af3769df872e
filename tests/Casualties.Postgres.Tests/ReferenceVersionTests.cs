using Casualties.Postgres.Reference;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Postgres.Tests;

[Property("Issue", "5")]
public sealed class ReferenceVersionTests
{
    [Test]
    public async Task Any_change_to_reference_data_moves_its_version_and_reading_does_not()
    {
        await using var db = await TestCluster.CreateDatabase();
        var reader = new ReferenceDataReader(db.DataSource);
        var before = await reader.Version(CancellationToken.None);

        await reader.Read(CancellationToken.None);
        var afterRead = await reader.Version(CancellationToken.None);
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("UPDATE places SET aliases = aliases || '{Test Alias}'::text[] WHERE key = 'syria'");
        }
        var afterEdit = await reader.Version(CancellationToken.None);

        Assert.That(afterRead, Is.EqualTo(before));
        Assert.That(afterEdit, Is.GreaterThan(before));
    }
}
