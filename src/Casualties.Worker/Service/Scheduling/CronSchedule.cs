using Cronos;

namespace Casualties.Worker.Service.Scheduling;

/// <summary>A cron expression in a time zone: five fields (minutes) or six (seconds first).</summary>
public sealed class CronSchedule
{
    private readonly CronExpression expression;

    /// <summary>The zone the expression's times are read in (ticks themselves are UTC).</summary>
    public TimeZoneInfo TimeZone { get; }

    private CronSchedule(CronExpression expression, TimeZoneInfo timeZone)
    {
        this.expression = expression;
        TimeZone = timeZone;
    }

    /// <summary>Parses; throws <see cref="FormatException"/> naming the bad expression or time zone.</summary>
    public static CronSchedule Parse(string cron, string timeZone)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new FormatException($"'{cron}' is not a cron expression (five fields, or six with seconds first): {e.Message}", e);
        }
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new FormatException($"'{timeZone}' is not a known time zone (use an IANA name such as UTC or Europe/Berlin).", e);
        }
        return new CronSchedule(expression, zone);
    }

    /// <summary>
    /// Which ticks in (<paramref name="lastTick"/>, <paramref name="now"/>] to run. With no last tick only ticks
    /// within <paramref name="grace"/> count. A tick older than the grace was missed (no worker ran then): with
    /// catch-up <c>once</c> the latest one runs for all of them; with <c>skip</c> they are skipped. Of several due
    /// ticks only the latest runs; the others are recorded as skipped (at most <paramref name="maxSkipped"/>).
    /// </summary>
    public TickPlan Plan(DateTime? lastTick, DateTime now, TimeSpan grace, string catchUp, int maxSkipped = 100)
    {
        var from = lastTick ?? now - grace;
        var due = expression.GetOccurrences(from, now, TimeZone, fromInclusive: false, toInclusive: true).ToList();
        if (due.Count == 0) return TickPlan.Nothing;
        var latest = due[^1];
        var missed = now - latest > grace;
        if (missed && catchUp == "skip") return new TickPlan(due.TakeLast(maxSkipped).ToList(), null);
        return new TickPlan(due.SkipLast(1).TakeLast(maxSkipped).ToList(), latest);
    }
}

/// <summary>Ticks to record as skipped, and the tick to run (null: none).</summary>
public sealed record TickPlan(IReadOnlyList<DateTime> Skipped, DateTime? Run)
{
    /// <summary>Nothing to skip and nothing to run.</summary>
    public static readonly TickPlan Nothing = new([], null);
}
