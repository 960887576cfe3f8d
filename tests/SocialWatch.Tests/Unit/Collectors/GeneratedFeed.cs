using System.Globalization;

namespace SocialWatch.Tests.Unit.Collectors;

/// <summary>RSS built on the fly for the size tests: a head, as many items as wanted, a tail.</summary>
internal static class GeneratedFeed
{
    public const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Generated</title><link>https://big.example/</link>\n";

    public const string Tail = "</channel></rss>\n";

    private static readonly DateTimeOffset First = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    public static string Item(int index) => string.Create(CultureInfo.InvariantCulture,
        $"<item><title>Post {index:D8} with some words to make it a realistic length</title><link>https://big.example/p/{index:D8}</link><guid>https://big.example/p/{index:D8}</guid><pubDate>{First.AddMinutes(-index):R}</pubDate><description>&lt;p&gt;Body of post {index:D8}, escaped HTML as feeds carry it.&lt;/p&gt;</description></item>\n");
}
