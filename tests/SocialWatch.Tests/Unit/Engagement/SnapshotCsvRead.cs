using System.Text;
using SocialWatch.Engagement;
using SocialWatch.Profiles;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Engagement;

public sealed class SnapshotCsvRead
{
    private const string Header = "profileId,network,periodStart,periodEnd,followers,posts,reactions,comments,shares,repliesByBusiness,inboundNeedingAnswer,inboundAnswered,promotionalPosts,signedPosts";

    private static async Task<SnapshotUpload> Read(string csv, Action<ScoringOptions>? configure = null, IReadOnlyDictionary<string, Network>? profiles = null)
    {
        var reader = new SnapshotCsvReader(Snapshots.Options(configure), Snapshots.Validator());
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await reader.ReadAsync(stream, "bakery", profiles, TestContext.Current.CancellationToken);
    }

    private static string[] Messages(SnapshotUpload upload) => [.. upload.Errors.Select(e => e.ToString())];

    [Fact]
    public async Task ReadsEveryColumnInAnyOrderWithOptionalCellsLeftEmpty()
    {
        var csv = """
            Network,profileId,periodStart,periodEnd,followers,posts,reach,impressions,reactions,comments,shares,repliesByBusiness,inboundNeedingAnswer,inboundAnswered,medianFirstResponseMinutes,promotionalPosts,signedPosts,uniqueEngagers,returningEngagers,linkClicks,leads,conversions,snapshotId
            instagram,ig-1,2025-06-02,2025-06-08,2000,4,1500,5000,30,6,4,5,10,8,90,1,2,25,10,12,3,1,ig-1_20250602_20250608
            Facebook , fb-1 ,2025-06-02,2025-06-08,800,5,,,12,1,0,0,0,0,,0,5,,,,,,
            """;

        var upload = await Read(csv);

        Assert.Empty(upload.Errors);
        Assert.Equal(Snapshots.Week, upload.Snapshots[0]);
        var second = upload.Snapshots[1];
        Assert.Equal(("fb-1_20250602_20250608", "fb-1", Network.Facebook, (long?)null, (double?)null), (second.SnapshotId, second.ProfileId, second.Network, second.Reach, second.MedianFirstResponseMinutes));
    }

    [Fact]
    public async Task SkipsTrailingRowsOfEmptyCellsAsSpreadsheetsExportThem()
    {
        var upload = await Read($"{Header}\nig-1,instagram,2025-06-02,2025-06-08,2000,4,30,6,4,5,10,8,1,2\n,,,,,,,,,,,,,\n\n");

        Assert.True(upload.Accepted);
        Assert.Single(upload.Snapshots);
    }

    [Fact]
    public async Task RefusesUnknownDuplicateAndMissingColumnsNamingEach()
    {
        var upload = await Read("profileId,network,periodStart,periodEnd,followers,followers,likes,reactions,comments,shares,repliesByBusiness,inboundNeedingAnswer,inboundAnswered,promotionalPosts\nig-1");

        Assert.Equal(
            [
                "row 1, column followers: the column appears twice",
                "row 1, column likes: unknown column; the columns are " + string.Join(", ", SnapshotCsvReader.Columns.Select(c => c.Name)),
                "row 1, column posts: required column is missing",
                "row 1, column signedPosts: required column is missing",
            ],
            Messages(upload));
        Assert.Empty(upload.Snapshots);
    }

    [Fact]
    public async Task RefusesAFileWithoutAHeader()
    {
        var upload = await Read("ig-1,instagram,2025-06-02,2025-06-08,2000,4,30,6,4,5,10,8,1,2\n");

        Assert.StartsWith("row 1: the first row must be a header naming the columns", Assert.Single(Messages(upload)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAnEmptyFile() =>
        Assert.StartsWith("row 1: the upload is empty", Assert.Single(Messages(await Read(string.Empty))), StringComparison.Ordinal);

    [Fact]
    public async Task RefusesTheWholeUploadNamingRowAndColumnOfEveryBadCell()
    {
        var csv = $"""
            {Header}
            ig-1,instagram,2025-06-02,2025-06-08,2000,4,30,6,4,5,10,8,1,2
            ig-1,myspace,2025-06-09,2025-06-15,2000,4.5,30,-6,4,5,10,8,1,2
            ig-1,instagram,15/06/2025,2025-06-22,2000,4,30,6,4,5,10,11,1,
            ig-1,instagram,2025-06-23,2025-06-29,2000,4,30,6,4,5,10,8,1
            """;

        var upload = await Read(csv);

        Assert.Equal(
            [
                "row 3, column network: 'myspace' is not a known network; the networks are " + string.Join(", ", Networks.Names),
                "row 3, column posts: '4.5' is not a whole number (digits only, no separators)",
                "row 4, column periodStart: '15/06/2025' is not a date written yyyy-MM-dd",
                "row 4, column signedPosts: a value is required",
                "row 5: the row does not have as many cells as the header has columns",
            ],
            Messages(upload));
        Assert.Empty(upload.Snapshots);
    }

    [Fact]
    public async Task ReportsValidatorErrorsByRowAndColumn()
    {
        var csv = $"{Header}\nig-1,instagram,2025-06-02,2025-06-08,2000,4,30,-6,4,5,10,11,5,2\n";

        var upload = await Read(csv);

        Assert.Equal(
            [
                "row 2, column comments: must not be negative; it is -6",
                "row 2, column promotionalPosts: is 5, more than posts (4) of which it is a part",
                "row 2, column inboundAnswered: is 11, more than inboundNeedingAnswer (10) of which it is a part",
            ],
            Messages(upload));
    }

    [Fact]
    public async Task RefusesTheSamePeriodTwiceAndAnUnknownProfile()
    {
        var csv = $"""
            {Header}
            ig-1,instagram,2025-06-02,2025-06-08,2000,4,30,6,4,5,10,8,1,2
            ig-1,instagram,2025-06-05,2025-06-11,2000,4,30,6,4,5,10,8,1,2
            tt-1,tiktok,2025-06-02,2025-06-08,2000,4,30,6,4,5,10,8,1,2
            """;

        var upload = await Read(csv, profiles: new Dictionary<string, Network> { ["ig-1"] = Network.Instagram });

        Assert.Equal(
            [
                "row 4, column profileId: no profile 'tt-1' in this business",
                "row 3, column periodStart: overlaps the period 2025-06-02 to 2025-06-08 of profile ig-1 in row 2",
            ],
            Messages(upload));
    }

    [Fact]
    public async Task RefusesAnUploadLargerThanTheCapWithoutReadingItAll()
    {
        var reader = new SnapshotCsvReader(Snapshots.Options(), Snapshots.Validator());
        await using var fiftyMegabytes = new CountingStream(50L * 1024 * 1024);

        var upload = await reader.ReadAsync(fiftyMegabytes, "bakery", null, TestContext.Current.CancellationToken);

        Assert.Equal("the upload is larger than 4194304 bytes; split it into smaller files", Assert.Single(Messages(upload)));
        Assert.InRange(fiftyMegabytes.Position, 4L * 1024 * 1024, 5L * 1024 * 1024);
    }

    [Fact]
    public async Task RefusesMoreRowsThanTheCap()
    {
        var rows = Enumerable.Range(0, 4).Select(i =>
            $"ig-1,instagram,{new DateOnly(2025, 5, 5).AddDays(7 * i):yyyy-MM-dd},{new DateOnly(2025, 5, 11).AddDays(7 * i):yyyy-MM-dd},2000,4,30,6,4,5,10,8,1,2");

        var upload = await Read(string.Join('\n', [Header, .. rows]), options => options.MaxUploadRows = 3);

        Assert.Equal("row 5: the upload has more than 3 rows; split it into smaller files", Assert.Single(Messages(upload)));
    }

    [Fact]
    public async Task StopsListingProblemsAfterTheHundredth()
    {
        var rows = Enumerable.Range(0, 150).Select(_ => "ig-1,instagram,2025-06-02,2025-06-08,-1,4,30,6,4,5,10,8,1,2");

        var upload = await Read(string.Join('\n', [Header, .. rows]));

        Assert.Equal(SnapshotCsvReader.MaxReportedErrors + 1, upload.Errors.Count);
        Assert.StartsWith("more problems were left out after the first 100", upload.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsAQuoteLeftOpen()
    {
        var upload = await Read($"{Header}\n\"ig-1,instagram,2025-06-02,2025-06-08,2000,4,30,6,4,5,10,8,1,2\n");

        Assert.Equal("row 2: a quoted cell is never closed", Assert.Single(Messages(upload)));
    }

    [Fact]
    public void DocumentsEveryColumnInTheColumnReference()
    {
        var reference = File.ReadAllText(RepositoryRoot.Combine("docs", "engagement.md"));

        Assert.All(SnapshotCsvReader.Columns, column =>
            Assert.Contains($"| `{column.Name}` | {(column.Required ? "yes" : "no")} | {column.Format} |", reference, StringComparison.Ordinal));
    }

    /// <summary>A stream of <c>a</c> bytes of the given length that records how far it was read.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            Position += n;
            return n;
        }

        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
