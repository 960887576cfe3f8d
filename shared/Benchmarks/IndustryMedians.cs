using System.Text.Json;
using System.Text.Json.Serialization;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Profiles;

namespace SocialWatch.Benchmarks;

/// <summary>Published medians of one network.</summary>
public sealed record NetworkMedian(double EngagementRatePercent, double PostsPerWeek);

/// <summary>A profile's engagement rate against the published median of its network, by the same method.</summary>
public sealed record IndustryComparison(Network Network, EngagementRate Rate, Measure MedianPercent, Change VsMedian, string Citation);

/// <summary>
/// Published industry medians, kept as versioned reference data (an embedded JSON document naming its source, year and
/// method) and checked when the app starts. Every comparison checks that both sides were computed by the same method.
/// </summary>
public sealed class IndustryMedians
{
    public const string ResourceName = "SocialWatch.Benchmarks.industry-medians.v1.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private IndustryMedians(Document document, EngagementMethod method, IReadOnlyDictionary<Network, NetworkMedian> networks)
    {
        Version = document.Version!.Value;
        Source = document.Source!;
        PublishedYear = document.PublishedYear!.Value;
        DataYear = document.DataYear!.Value;
        Industry = document.Industry!;
        Method = method;
        Networks = networks;
    }

    public int Version { get; }

    public string Source { get; }

    public int PublishedYear { get; }

    public int DataYear { get; }

    public string Industry { get; }

    public EngagementMethod Method { get; }

    public IReadOnlyDictionary<Network, NetworkMedian> Networks { get; }

    /// <summary>How a score cites these figures.</summary>
    public string Citation => $"{Source}, {DataYear} data, {Industry}";

    public NetworkMedian? For(Network network) => Networks.GetValueOrDefault(network);

    /// <summary>The median engagement rate of a network; refuses a caller that works with another method.</summary>
    public Measure Median(Network network, EngagementMethod method)
    {
        if (method != Method)
        {
            throw new EngagementMethodMismatchException(Method, method);
        }

        return For(network) is { } median ? Measure.Of(median.EngagementRatePercent) : Measure.NotAvailable($"no published median for {network.Name()}");
    }

    public IndustryComparison Compare(Network network, EngagementRate rate)
    {
        var median = Median(network, rate.Method);
        return new IndustryComparison(network, rate, median, Change.Between(rate.Percent, median.Value), Citation);
    }

    /// <summary>The figures shipped with the app (<c>industry-medians.v1.json</c>).</summary>
    public static IndustryMedians LoadEmbedded()
    {
        using var stream = typeof(IndustryMedians).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The embedded resource {ResourceName} is missing from {typeof(IndustryMedians).Assembly.GetName().Name}.");
        return Load(stream, ResourceName);
    }

    /// <summary>Reads and checks a reference document; <paramref name="origin"/> names it in errors.</summary>
    public static IndustryMedians Load(Stream json, string origin)
    {
        Document document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Json) ?? throw new InvalidDataException($"{origin} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{origin} is not valid reference data: {e.Message}", e);
        }

        var problems = new List<string>();
        Require(document.Version is >= 1, "version must be 1 or more");
        Require(!string.IsNullOrWhiteSpace(document.Source), "source is required");
        Require(!string.IsNullOrWhiteSpace(document.Industry), "industry is required");
        Require(document.PublishedYear is >= 2000 and <= 2100, "publishedYear must be a year");
        Require(document.DataYear is >= 2000 && document.DataYear <= document.PublishedYear, "dataYear must be a year no later than publishedYear");
        Require(document.Statistic == "median", "statistic must be \"median\"");
        Require(document.Method is not null, "method is required");
        Require(document.Networks is { Count: > 0 }, "networks must name at least one network");

        var networks = new Dictionary<Network, NetworkMedian>();
        foreach (var (name, median) in document.Networks ?? [])
        {
            if (!Profiles.Networks.TryParse(name, out var network))
            {
                problems.Add($"networks.{name} is not a known network (known: {string.Join(", ", Profiles.Networks.Names)})");
            }
            else if (median.EngagementRatePercent is not (> 0 and <= 100) || median.PostsPerWeek is not (> 0 and <= 1000))
            {
                problems.Add($"networks.{name} needs engagementRatePercent in (0, 100] and postsPerWeek in (0, 1000]");
            }
            else
            {
                networks[network] = new NetworkMedian(median.EngagementRatePercent.Value, median.PostsPerWeek.Value);
            }
        }

        return problems.Count == 0
            ? new IndustryMedians(document, document.Method!.Value, networks)
            : throw new InvalidDataException($"{origin} is not valid reference data: {string.Join("; ", problems)}.");

        void Require(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }
    }

    private sealed record Document(
        int? Version,
        string? Source,
        int? PublishedYear,
        int? DataYear,
        string? Industry,
        string? Statistic,
        EngagementMethod? Method,
        Dictionary<string, NetworkDocument>? Networks);

    private sealed record NetworkDocument(double? EngagementRatePercent, double? PostsPerWeek);
}
