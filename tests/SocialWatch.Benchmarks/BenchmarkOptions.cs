using System.Globalization;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>A part of the benchmarks that <c>--only</c> runs alone.</summary>
internal enum BenchmarkPart
{
    /// <summary>The profile-checks sweep (issue 3).</summary>
    Sweep,

    /// <summary>The collection sweep of 1,000 profiles against the politeness bound and Azurite's ceiling.</summary>
    Collection,

    /// <summary>The collectors' parse throughput against a plain reader pass.</summary>
    Parse,

    /// <summary>Engagement scoring throughput, ingest to scored, and GET benchmark state (issue 4).</summary>
    Scoring,

    /// <summary>The dashboard's first render in Chromium (issue 7).</summary>
    Dashboard,

    /// <summary>Readiness: from starting the local host (which starts the worker) to the first 200 through it.</summary>
    Readiness,

    /// <summary>GET plan (50 profiles) against GET health through the local host, open loop.</summary>
    Http,

    /// <summary>The timers' own runs through the host and the cost model (alone: with the figures of the other parts left out).</summary>
    Cost,
}

/// <summary>What to measure and how hard; the defaults are the figures the README reports.</summary>
/// <param name="Worker">The worker folder the host starts (scripts/publish's artifacts/publish: what the zip deploys).</param>
/// <param name="Host">The local Functions host's SocialWatch.Host.dll.</param>
internal sealed record BenchmarkOptions(string Worker, string Host, int ReadinessRuns, int RequestsPerSecond, TimeSpan LoadDuration, int SweepProfiles = 10_000, int SweepHosts = 20, BenchmarkPart? Only = null, bool SeparateAzurite = false)
{
    public const string Usage = "usage: SocialWatch.Benchmarks [--worker DIR] [--host HOST_DLL] [--runs N] [--rate REQUESTS_PER_SECOND] [--seconds N] [--profiles N] [--hosts N (2 to 200)] [--only sweep|collection|parse|scoring|dashboard|readiness|http|cost] [--azurite single|split]";

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(RepositoryRoot.Combine("artifacts", "publish"), RepositoryRoot.Combine("host", "bin", "Release", "net10.0", "SocialWatch.Host.dll"), 10, 200, TimeSpan.FromSeconds(20));
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--worker" => options with { Worker = Path.GetFullPath(value) },
                "--host" => options with { Host = Path.GetFullPath(value) },
                "--runs" => options with { ReadinessRuns = Positive(args[i], value) },
                "--rate" => options with { RequestsPerSecond = Positive(args[i], value) },
                "--seconds" => options with { LoadDuration = TimeSpan.FromSeconds(Positive(args[i], value)) },
                "--profiles" => options with { SweepProfiles = Positive(args[i], value) },
                "--hosts" when Positive(args[i], value) is >= 2 and <= 200 and var hosts => options with { SweepHosts = hosts },
                "--only" when Enum.TryParse<BenchmarkPart>(value, ignoreCase: true, out var part) && Enum.IsDefined(part) => options with { Only = part },
                "--azurite" when value is "single" or "split" => options with { SeparateAzurite = value == "split" },
                _ => throw new ArgumentException($"Unknown option {args[i]}. {Usage}"),
            };
        }

        // Only the parts that run the app in process need neither.
        return options.Only is BenchmarkPart.Parse or BenchmarkPart.Collection || (File.Exists(Path.Combine(options.Worker, "worker.config.json")) && File.Exists(options.Host))
            ? options
            : throw new ArgumentException($"The worker folder {options.Worker} (with worker.config.json) and the host {options.Host} must exist: run scripts/publish and dotnet build host -c Release, or scripts/bench. {Usage}");
    }

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{option} takes a positive whole number; it is '{value}'. {Usage}");
}
