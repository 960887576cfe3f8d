using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;

namespace SocialWatch.Collectors.Feeds;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 and Atom (RFC 4287) feeds, YouTube channel feeds included (views from media:statistics, likes from
/// media:starRating), in one forward pass with XmlReader: never a whole document in memory, at most <see cref="CollectorOptions.MaxFeedBytes"/>
/// read and <see cref="CollectorOptions.MaxItems"/> kept. DTDs are refused (no entity expansion, no external entities), so
/// billion-laughs and XXE documents fail as invalid documents. Every failure is a result, never an exception.
/// </summary>
public sealed class FeedReader(IOptions<CollectorOptions> options, TimeProvider time)
{
    /// <summary>Ids, links and dates longer than this are cut: no real one is, and a hostile one costs no more.</summary>
    private const int FieldLength = 2048;

    public async Task<CollectedActivity> ReadAsync(SourceResponse response, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return response.Settle(SourceKind.Feed, now) ?? response.Stamp(await ParseAsync(response.Body, cancellationToken), now);
    }

    public Task<CollectedActivity> ParseAsync(Stream body, CancellationToken cancellationToken) =>
        ReadBudget.RunAsync(SourceKind.Feed, options.Value.MaxReadTime, time, budget => ParseWithinAsync(body, budget), cancellationToken);

    private async Task<CollectedActivity> ParseWithinAsync(Stream body, CancellationToken cancellation)
    {
        var limits = options.Value;
        var capped = new CappedStream(body, limits.MaxFeedBytes, cancellation);
        var names = new FeedNames();
        var document = new FeedDocument(limits, time.GetUtcNow() + limits.FutureDateTolerance);
        using var reader = XmlReader.Create(capped, new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            // Stray control characters are common in real feeds and harmless to counting.
            CheckCharacters = false,
            CloseInput = false,
            NameTable = names.Table,
        });
        try
        {
            await reader.MoveToContentAsync();
            if (names.FormatOf(reader) is not { } format)
            {
                return CollectedActivity.Failed(SourceKind.Feed, CollectionErrorKind.Unrecognised,
                    $"Not an RSS or Atom feed: the document starts with <{reader.Name}>.");
            }

            document.Source = names.DeclaresYouTube(reader) ? SourceKind.YouTube : SourceKind.Feed;
            await ReadItemsAsync(reader, names, format, document);
        }
        catch (XmlException) when (capped.CapReached)
        {
            document.Truncation = Truncation.ByteCap;
        }
        catch (XmlException e)
        {
            return CollectedActivity.Failed(document.Source, CollectionErrorKind.InvalidDocument, $"Invalid XML: {e.Message}");
        }

        return document.ToActivity();
    }

    private static async Task ReadItemsAsync(XmlReader reader, FeedNames names, FeedFormat format, FeedDocument document)
    {
        var titleDepth = format == FeedFormat.Atom ? 1 : 2;
        while (await reader.ReadAsync())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (names.IsItem(reader, format))
            {
                if (document.Items.Count >= document.Limits.MaxItems)
                {
                    document.Truncation = Truncation.ItemCap;
                    return;
                }

                document.Add(await ReadItemAsync(reader, names));
            }
            else if (reader.Depth == titleDepth && document.Title is null && names.IsTitle(reader))
            {
                document.Title = await ReadTextAsync(reader, document.Limits.MaxTitleLength);
            }
        }
    }

    private static async Task<ItemFields> ReadItemAsync(XmlReader reader, FeedNames names)
    {
        var fields = new ItemFields();
        if (reader.IsEmptyElement)
        {
            return fields;
        }

        var depth = reader.Depth;
        while (await reader.ReadAsync() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var name = reader.LocalName;
            var ns = reader.NamespaceURI;
            if (names.IsMedia(ns))
            {
                // media:community sits inside media:group in YouTube feeds, at other depths elsewhere: take it at any depth.
                if (Same(name, names.Statistics))
                {
                    fields.Views ??= Count(reader.GetAttribute("views"));
                }
                else if (Same(name, names.StarRating))
                {
                    fields.Likes ??= Count(reader.GetAttribute("count"));
                }

                continue;
            }

            if (reader.Depth != depth + 1)
            {
                continue;
            }

            if (names.IsAtom(ns))
            {
                await ReadAtomFieldAsync(reader, names, name, fields);
            }
            else if (names.IsRss(ns))
            {
                await ReadRssFieldAsync(reader, names, name, fields);
            }
            else if (Same(ns, names.DublinCore) && Same(name, names.Date))
            {
                fields.DcDate ??= await ReadTextAsync(reader, FieldLength);
            }
            else if (Same(ns, names.YouTube) && Same(name, names.VideoId))
            {
                fields.VideoId ??= await ReadTextAsync(reader, FieldLength);
            }
            else if ((Same(ns, names.Slash) && Same(name, names.Comments)) || (Same(ns, names.Thread) && Same(name, names.Total)))
            {
                fields.Replies ??= Count(await ReadTextAsync(reader, FieldLength));
            }
        }

        return fields;
    }

    private static async Task ReadAtomFieldAsync(XmlReader reader, FeedNames names, string name, ItemFields fields)
    {
        if (Same(name, names.Title))
        {
            fields.Title ??= await ReadTextAsync(reader, FieldLength);
        }
        else if (Same(name, names.Id))
        {
            fields.Id ??= await ReadTextAsync(reader, FieldLength);
        }
        else if (Same(name, names.Published) || Same(name, names.Issued))
        {
            fields.Published ??= await ReadTextAsync(reader, FieldLength);
        }
        else if (Same(name, names.Updated) || Same(name, names.Modified))
        {
            fields.Updated ??= await ReadTextAsync(reader, FieldLength);
        }
        else if (Same(name, names.Link))
        {
            var rel = reader.GetAttribute("rel");
            if (rel is null or "alternate")
            {
                fields.Link ??= reader.GetAttribute("href");
            }
            else if (rel == "replies")
            {
                // RFC 4685: <link rel="replies" thr:count="n"/> when the feed has no thr:total.
                fields.Replies ??= Count(reader.GetAttribute("count", names.Thread));
            }
        }
    }

    private static async Task ReadRssFieldAsync(XmlReader reader, FeedNames names, string name, ItemFields fields)
    {
        if (Same(name, names.Title))
        {
            fields.Title ??= await ReadTextAsync(reader, FieldLength);
        }
        else if (Same(name, names.Guid))
        {
            fields.Id ??= await ReadTextAsync(reader, FieldLength);
        }
        else if (Same(name, names.Link))
        {
            fields.Link ??= await ReadTextAsync(reader, FieldLength);
        }
        else if (Same(name, names.PubDate))
        {
            fields.PubDate ??= await ReadTextAsync(reader, FieldLength);
        }
    }

    /// <summary>
    /// The text of the current element, CDATA and nested markup's text included, leaving the reader on its end tag; at most
    /// <paramref name="maxChars"/> characters are kept.
    /// </summary>
    private static async Task<string?> ReadTextAsync(XmlReader reader, int maxChars)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        string? single = null;
        StringBuilder? joined = null;
        while (await reader.ReadAsync() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace))
            {
                continue;
            }

            var length = single?.Length ?? joined?.Length ?? 0;
            if (length >= maxChars)
            {
                continue;
            }

            var value = reader.Value;
            if (single is null && joined is null)
            {
                single = value;
                continue;
            }

            joined ??= new StringBuilder(single);
            joined.Append(value);
            single = null;
        }

        var text = joined?.ToString() ?? single;
        return text is not null && text.Length > maxChars ? text[..maxChars] : text;
    }

    private static long? Count(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    private static bool Same(string atomized, string expected) => ReferenceEquals(atomized, expected);

    private enum FeedFormat
    {
        Rss,
        Atom,
    }

    /// <summary>Element names and namespaces atomized once in the reader's name table, so every comparison is a reference compare.</summary>
    private sealed class FeedNames
    {
        public FeedNames()
        {
            Table = new NameTable();
            Rss = Table.Add("rss");
            Rdf = Table.Add("RDF");
            Feed = Table.Add("feed");
            Item = Table.Add("item");
            Entry = Table.Add("entry");
            Title = Table.Add("title");
            Link = Table.Add("link");
            Guid = Table.Add("guid");
            PubDate = Table.Add("pubDate");
            Id = Table.Add("id");
            Published = Table.Add("published");
            Updated = Table.Add("updated");
            Issued = Table.Add("issued");
            Modified = Table.Add("modified");
            Date = Table.Add("date");
            VideoId = Table.Add("videoId");
            Statistics = Table.Add("statistics");
            StarRating = Table.Add("starRating");
            Comments = Table.Add("comments");
            Total = Table.Add("total");
            NoNamespace = Table.Add(string.Empty);
            Atom = Table.Add("http://www.w3.org/2005/Atom");
            Atom03 = Table.Add("http://purl.org/atom/ns#");
            Rss10 = Table.Add("http://purl.org/rss/1.0/");
            Rss090 = Table.Add("http://my.netscape.com/rdf/simple/0.9/");
            RdfSyntax = Table.Add("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
            DublinCore = Table.Add("http://purl.org/dc/elements/1.1/");
            Media = Table.Add("http://search.yahoo.com/mrss/");
            MediaNoSlash = Table.Add("http://search.yahoo.com/mrss");
            YouTube = Table.Add("http://www.youtube.com/xml/schemas/2015");
            Slash = Table.Add("http://purl.org/rss/1.0/modules/slash/");
            Thread = Table.Add("http://purl.org/syndication/thread/1.0");
        }

        public NameTable Table { get; }

        public string Rss { get; }

        public string Rdf { get; }

        public string Feed { get; }

        public string Item { get; }

        public string Entry { get; }

        public string Title { get; }

        public string Link { get; }

        public string Guid { get; }

        public string PubDate { get; }

        public string Id { get; }

        public string Published { get; }

        public string Updated { get; }

        public string Issued { get; }

        public string Modified { get; }

        public string Date { get; }

        public string VideoId { get; }

        public string Statistics { get; }

        public string StarRating { get; }

        public string Comments { get; }

        public string Total { get; }

        public string NoNamespace { get; }

        public string Atom { get; }

        public string Atom03 { get; }

        public string Rss10 { get; }

        public string Rss090 { get; }

        public string RdfSyntax { get; }

        public string DublinCore { get; }

        public string Media { get; }

        public string MediaNoSlash { get; }

        public string YouTube { get; }

        public string Slash { get; }

        public string Thread { get; }

        public FeedFormat? FormatOf(XmlReader root) =>
            root.NodeType != XmlNodeType.Element ? null
            : Same(root.LocalName, Rss) && IsRss(root.NamespaceURI) ? FeedFormat.Rss
            : Same(root.LocalName, Rdf) && Same(root.NamespaceURI, RdfSyntax) ? FeedFormat.Rss
            : Same(root.LocalName, Feed) && IsAtom(root.NamespaceURI) ? FeedFormat.Atom
            : null;

        public bool DeclaresYouTube(XmlReader root)
        {
            for (var more = root.MoveToFirstAttribute(); more; more = root.MoveToNextAttribute())
            {
                if (root.Value == YouTube)
                {
                    root.MoveToElement();
                    return true;
                }
            }

            root.MoveToElement();
            return false;
        }

        public bool IsItem(XmlReader reader, FeedFormat format) => format == FeedFormat.Atom
            ? Same(reader.LocalName, Entry) && IsAtom(reader.NamespaceURI)
            : Same(reader.LocalName, Item) && IsRss(reader.NamespaceURI);

        public bool IsTitle(XmlReader reader) => Same(reader.LocalName, Title) && (IsRss(reader.NamespaceURI) || IsAtom(reader.NamespaceURI));

        public bool IsAtom(string ns) => Same(ns, Atom) || Same(ns, Atom03);

        public bool IsRss(string ns) => Same(ns, NoNamespace) || Same(ns, Rss10) || Same(ns, Rss090);

        public bool IsMedia(string ns) => Same(ns, Media) || Same(ns, MediaNoSlash);
    }

    private sealed class ItemFields
    {
        public string? Id { get; set; }

        public string? VideoId { get; set; }

        public string? Link { get; set; }

        public string? Title { get; set; }

        public string? PubDate { get; set; }

        public string? Published { get; set; }

        public string? DcDate { get; set; }

        public string? Updated { get; set; }

        public long? Replies { get; set; }

        public long? Likes { get; set; }

        public long? Views { get; set; }
    }

    /// <summary>What the pass has gathered so far.</summary>
    private sealed class FeedDocument(CollectorOptions limits, DateTimeOffset latestBelievable)
    {
        public CollectorOptions Limits { get; } = limits;

        public SourceKind Source { get; set; }

        public string? Title { get; set; }

        public Truncation Truncation { get; set; }

        public List<CollectedItem> Items { get; } = [];

        public void Add(ItemFields fields)
        {
            if (fields.VideoId is not null)
            {
                Source = SourceKind.YouTube;
            }

            var published = SourceDates.Parse(fields.PubDate ?? fields.Published ?? fields.DcDate ?? fields.Updated);
            var title = FeedText.Clean(fields.Title, Limits.MaxTitleLength);
            Items.Add(new CollectedItem
            {
                Id = (fields.VideoId ?? fields.Id ?? fields.Link)?.Trim() is { Length: > 0 } id ? id : title ?? $"#{Items.Count + 1}",
                Published = SourceDates.Believable(published, latestBelievable),
                Title = title,
                Replies = fields.Replies,
                Likes = fields.Likes,
                Views = fields.Views,
            });
        }

        public CollectedActivity ToActivity() => new()
        {
            Source = Source,
            Profile = new ProfileFacts { DisplayName = FeedText.Clean(Title, Limits.MaxTitleLength) },
            Items = Items,
            Truncation = Truncation,
        };
    }
}
