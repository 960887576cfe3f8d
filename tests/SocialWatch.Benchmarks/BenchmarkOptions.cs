using System.Globalization;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>What to measure and how hard; the defaults are the figures the README reports.</summary>
internal sealed record BenchmarkOptions(string Handler, int ReadinessRuns, int RequestsPerSecond, TimeSpan LoadDuration, int SweepProfiles = 10_000, int SweepHosts = 20, string? Only = null, bool SeparateAzurite = false)
{
    public const string Usage = "usage: SocialWatch.Benchmarks [--handler PATH] [--runs N] [--rate REQUESTS_PER_SECOND] [--seconds N] [--profiles N] [--hosts N (2 to 200)] [--only sweep|scoring|dashboard] [--azurite single|split]";

    public const string Sweep = "sweep";
    public const string Scoring = "scoring";
    public const string Dashboard = "dashboard";

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(RepositoryRoot.Combine("artifacts", "publish", "SocialWatch.Functions"), 10, 200, TimeSpan.FromSeconds(20));
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--handler" => options with { Handler = Path.GetFullPath(value) },
                "--runs" => options with { ReadinessRuns = Positive(args[i], value) },
                "--rate" => options with { RequestsPerSecond = Positive(args[i], value) },
                "--seconds" => options with { LoadDuration = TimeSpan.FromSeconds(Positive(args[i], value)) },
                "--profiles" => options with { SweepProfiles = Positive(args[i], value) },
                "--hosts" when Positive(args[i], value) is >= 2 and <= 200 and var hosts => options with { SweepHosts = hosts },
                "--only" when value is Sweep or Scoring or Dashboard => options with { Only = value },
                "--azurite" when value is "single" or "split" => options with { SeparateAzurite = value == "split" },
                _ => throw new ArgumentException($"Unknown option {args[i]}. {Usage}"),
            };
        }

        return options;
    }

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{option} takes a positive whole number; it is '{value}'. {Usage}");
}
