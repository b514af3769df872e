using System.Runtime.CompilerServices;
using System.Text;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Tests.Reference;

/// <summary>
/// The generated layer handed out by <see cref="GeneratedPlaces.Shared"/> (issue 18): shared while held, dropped when no
/// reference data holds it, and its checksum known without building it.
/// </summary>
[Property("Issue", "18")]
public class SharedLayerTests
{
    private static byte[] Csv() => Encoding.UTF8.GetBytes(GeneratedPlaces.Header + "\n" + "sy/deir,Deir,sy,city,,35.0,40.0\n");

    private static string UniqueChecksum() => "test-" + Guid.NewGuid().ToString("N");

    [Test]
    public void The_checksum_of_a_shared_layer_is_known_without_building_it()
    {
        var checksum = UniqueChecksum();
        var built = 0;
        var layer = GeneratedPlaces.Shared(checksum, () => { built++; return Csv(); });

        Assert.That(GeneratedPlaces.ChecksumOf(layer), Is.EqualTo(checksum));
        Assert.That((layer.IsValueCreated, built), Is.EqualTo((false, 0)));
        Assert.That(layer.Value.Checksum, Is.EqualTo(checksum), "the built layer carries the same checksum");
        Assert.That(built, Is.EqualTo(1));
    }

    [Test]
    public void A_layer_not_from_the_shared_cache_gives_its_built_checksum()
    {
        var layer = new Lazy<GeneratedPlaces>(() => new GeneratedPlaces(Csv(), "own"));

        Assert.That(GeneratedPlaces.ChecksumOf(layer), Is.EqualTo("own"));
    }

    [Test]
    public void Readers_of_one_checksum_share_one_layer_while_one_holds_it()
    {
        var checksum = UniqueChecksum();
        var built = 0;
        var first = GeneratedPlaces.Shared(checksum, () => { built++; return Csv(); });
        _ = first.Value;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var second = GeneratedPlaces.Shared(checksum, () => { built++; return Csv(); });

        Assert.That(second, Is.SameAs(first));
        Assert.That(second.Value, Is.SameAs(first.Value));
        Assert.That(built, Is.EqualTo(1));
        GC.KeepAlive(first);
    }

    [Test]
    public void A_layer_not_built_yet_reads_from_the_last_source_that_asked_for_it()
    {
        // The benchmarks' "ingest-acled ingest": the first scratch database's reader asked for the layer and was disposed
        // before anything built it; the second database's seeding then built it through the first one's closed source.
        var checksum = UniqueChecksum();
        var first = GeneratedPlaces.Shared(checksum, () => throw new ObjectDisposedException("the first scratch database"));
        var second = GeneratedPlaces.Shared(checksum, Csv);

        Assert.That(second, Is.SameAs(first), "still one layer per checksum");
        Assert.That(second.Value.Count, Is.EqualTo(1));
        GC.KeepAlive(first);
    }

    [Test]
    public void A_layer_nothing_holds_is_collected_and_built_again_when_asked()
    {
        var checksum = UniqueChecksum();
        var built = new StrongBox<int>(0);
        var dropped = BuildAndDrop(checksum, built);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.That(dropped.TryGetTarget(out _), Is.False, "the cache alone does not keep a layer alive");
        var again = GeneratedPlaces.Shared(checksum, () => { built.Value++; return Csv(); });
        Assert.That(again.Value.Checksum, Is.EqualTo(checksum));
        Assert.That(built.Value, Is.EqualTo(2));
    }

    /// <summary>Builds a shared layer in a frame of its own (no local outlives it) and returns a weak handle on it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<GeneratedPlaces> BuildAndDrop(string checksum, StrongBox<int> built)
    {
        var layer = GeneratedPlaces.Shared(checksum, () => { built.Value++; return Csv(); });
        return new WeakReference<GeneratedPlaces>(layer.Value);
    }
}
