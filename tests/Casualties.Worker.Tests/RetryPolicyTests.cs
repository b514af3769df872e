using Casualties.Worker.Service.Jobs;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

[TestFixture]
[Property("Issue", "6")]
public sealed class RetryPolicyTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(10);

    [TestCase(1, 5)]
    [TestCase(2, 10)]
    [TestCase(4, 40)]
    [TestCase(30, 600)]
    public void The_delay_doubles_each_attempt_up_to_the_cap_with_jitter_in_the_upper_half(int attempt, double ceilingSeconds)
    {
        var random = new Random(attempt);
        var delays = Enumerable.Range(0, 200).Select(_ => RetryPolicy.Delay(attempt, Base, Max, random).TotalSeconds).ToList();
        Assert.That(delays, Is.All.InRange(ceilingSeconds / 2, ceilingSeconds));
        Assert.That(delays.Distinct().Count(), Is.GreaterThan(100), "jittered, so retries of many jobs spread out");
    }
}
