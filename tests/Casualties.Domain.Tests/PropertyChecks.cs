using FsCheck;
using FsCheck.Fluent;

namespace Casualties.Domain.Tests;

/// <summary>
/// Runs FsCheck properties inside NUnit tests. A property returns a labelled <see cref="Property"/> rather than
/// calling NUnit's Assert (NUnit records a failed assertion even when FsCheck catches it to shrink); a failure throws
/// with the smallest input FsCheck shrank to and the seed that replays it.
/// </summary>
internal static class PropertyChecks
{
    public static void Check<T>(Arbitrary<T> inputs, Func<T, Property> property, int maxTest = 100) =>
        Prop.ForAll(inputs, property).Check(Config.QuickThrowOnFailure.WithMaxTest(maxTest));

    /// <summary>True when both texts are equal, else false labelled with the first line where they differ.</summary>
    public static Property Same(string actual, string expected, string what)
    {
        if (actual == expected) return true.ToProperty();
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        var line = 0;
        while (line < a.Length && line < e.Length && a[line] == e[line]) line++;
        return false.Label($"{what}: line {line + 1} is\n  {(line < a.Length ? a[line] : "(none)")}\nnot\n  {(line < e.Length ? e[line] : "(none)")}");
    }

    /// <summary>True when nothing is listed, else false labelled with the first few.</summary>
    public static Property None(IEnumerable<string> problems, string what)
    {
        var first = problems.Take(5).ToList();
        return first.Count == 0 ? true.ToProperty() : false.Label($"{what}:\n  " + string.Join("\n  ", first));
    }
}
