using Casualties.Worker.Service.Scheduling;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

[TestFixture]
[Property("Issue", "6")]
public sealed class CronScheduleTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    private static DateTime Utc(int hour, int minute, int second = 0) => new(2026, 3, 2, hour, minute, second, DateTimeKind.Utc);

    [Test]
    public void The_tick_just_passed_runs_and_nothing_is_skipped()
    {
        var plan = CronSchedule.Parse("*/15 * * * *", "UTC").Plan(Utc(10, 0), Utc(10, 15, 20), Grace, "once");
        Assert.That(plan.Run, Is.EqualTo(Utc(10, 15)));
        Assert.That(plan.Skipped, Is.Empty);
    }

    [Test]
    public void Nothing_runs_before_the_next_tick()
    {
        var plan = CronSchedule.Parse("*/15 * * * *", "UTC").Plan(Utc(10, 15), Utc(10, 29, 59), Grace, "once");
        Assert.That(plan, Is.EqualTo(TickPlan.Nothing));
    }

    [Test]
    public void Ticks_missed_while_no_worker_ran_are_caught_up_once()
    {
        var plan = CronSchedule.Parse("0 * * * *", "UTC").Plan(Utc(6, 0), Utc(10, 30), Grace, "once");
        Assert.That(plan.Run, Is.EqualTo(Utc(10, 0)), "one run, for the latest missed tick");
        Assert.That(plan.Skipped, Is.EqualTo(new[] { Utc(7, 0), Utc(8, 0), Utc(9, 0) }));
    }

    [Test]
    public void Ticks_missed_while_no_worker_ran_are_skipped_when_catch_up_is_skip()
    {
        var plan = CronSchedule.Parse("0 * * * *", "UTC").Plan(Utc(6, 0), Utc(10, 30), Grace, "skip");
        Assert.That(plan.Run, Is.Null);
        Assert.That(plan.Skipped, Is.EqualTo(new[] { Utc(7, 0), Utc(8, 0), Utc(9, 0), Utc(10, 0) }));
    }

    [Test]
    public void A_tick_within_the_grace_runs_even_when_catch_up_is_skip()
    {
        var plan = CronSchedule.Parse("0 * * * *", "UTC").Plan(Utc(9, 0), Utc(10, 0, 30), Grace, "skip");
        Assert.That(plan.Run, Is.EqualTo(Utc(10, 0)));
    }

    [Test]
    public void The_cron_is_read_in_the_feed_time_zone()
    {
        // 06:00 in Berlin is 05:00 UTC in winter (CET, UTC+1).
        var plan = CronSchedule.Parse("0 6 * * *", "Europe/Berlin").Plan(Utc(4, 0), Utc(5, 0, 10), Grace, "once");
        Assert.That(plan.Run, Is.EqualTo(Utc(5, 0)));
    }

    [Test]
    public void Six_fields_are_read_with_seconds_first()
    {
        var plan = CronSchedule.Parse("*/10 * * * * *", "UTC").Plan(Utc(10, 0, 0), Utc(10, 0, 10), Grace, "once");
        Assert.That(plan.Run, Is.EqualTo(Utc(10, 0, 10)));
    }

    [TestCase("61 * * * *", "UTC", "not a cron expression")]
    [TestCase("0 * * * *", "Mars/Olympus", "not a known time zone")]
    public void A_bad_cron_or_time_zone_is_refused_naming_it(string cron, string zone, string message)
    {
        var e = Assert.Throws<FormatException>(() => CronSchedule.Parse(cron, zone));
        Assert.That(e!.Message, Does.Contain(message));
    }
}
