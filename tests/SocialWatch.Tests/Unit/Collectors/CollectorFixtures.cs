using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Collectors;
using SocialWatch.Collectors.Bluesky;
using SocialWatch.Collectors.Feeds;
using SocialWatch.Collectors.Mastodon;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Collectors;

/// <summary>Fixture files in each source's documented format, and readers on a fixed clock (16 Nov 2026, noon UTC).</summary>
internal static class CollectorFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 16, 12, 0, 0, TimeSpan.Zero);

    public static string PathOf(string name) => RepositoryRoot.Combine("tests", "SocialWatch.Tests", "Fixtures", "Collectors", name);

    public static Stream Open(string name) => File.OpenRead(PathOf(name));

    public static SourceResponse Answer(string fixture, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers) =>
        Answer(Open(fixture), status, headers);

    public static SourceResponse Answer(Stream body, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers) =>
        new(status, headers.Select(h => KeyValuePair.Create(h.Name, h.Value)), body);

    public static FakeTimeProvider Clock() => new(Now);

    public static FeedReader Feeds(CollectorOptions? options = null, TimeProvider? time = null) => new(Wrap(options), time ?? Clock());

    public static MastodonReader Mastodon(CollectorOptions? options = null) => new(Wrap(options), Clock());

    public static BlueskyReader Bluesky(CollectorOptions? options = null) => new(Wrap(options), Clock());

    private static IOptions<CollectorOptions> Wrap(CollectorOptions? options) => Options.Create(options ?? new CollectorOptions());
}
