using System.Globalization;
using SocialWatch.Collectors;

namespace SocialWatch.Tests.Unit.Collectors;

public sealed class SourceDatesParse
{
    [Theory]
    [InlineData("Tue, 03 Jun 2003 09:39:21 GMT", "2003-06-03T09:39:21Z")]
    [InlineData("Tue, 03 Jun 2003 09:39:21 +0000", "2003-06-03T09:39:21Z")]
    [InlineData("Tue, 03 Jun 2003 09:39:21 UT", "2003-06-03T09:39:21Z")]
    [InlineData("Sat, 07 Sep 02 00:00:01 EST", "2002-09-07T05:00:01Z")]
    [InlineData("Fri, 30 Dec 99 23:59:59 +0100", "1999-12-30T22:59:59Z")]
    [InlineData("07 Sep 2026 10:00 PDT", "2026-09-07T17:00:00Z")]
    [InlineData("Thu, 1 Oct 2026 6:05:09 PDT", "2026-10-01T13:05:09Z")]
    [InlineData("Thu, 27 Apr 2006", "2006-04-27T00:00:00Z")]
    [InlineData("Mon, 01 Jan 2024 10:00:00 -0530", "2024-01-01T15:30:00Z")]
    [InlineData("Mon, 01 Jan 2024 10:00:00 +05:30", "2024-01-01T04:30:00Z")]
    [InlineData("Mon, 01 Jan 2024 10:00:00 CEST", "2024-01-01T08:00:00Z")]
    [InlineData("Mon, 01 Jan 2024 10:00:00 XYZT", "2024-01-01T10:00:00Z")]
    [InlineData("Tue 03 Jun 2003 09:39:21 GMT", "2003-06-03T09:39:21Z")]
    [InlineData("tue, 03 june 2003 09:39:21 gmt", "2003-06-03T09:39:21Z")]
    [InlineData("Jun 03 2003 09:39:21 GMT", "2003-06-03T09:39:21Z")]
    [InlineData("03-Jun-2003 09:39:21 GMT", "2003-06-03T09:39:21Z")]
    [InlineData("Tue, 03 Jun 2003 09:39:21 +0000 (Coordinated Universal Time)", "2003-06-03T09:39:21Z")]
    [InlineData("Tue, 03 Jun 2003 09:39:21.250 GMT", "2003-06-03T09:39:21Z")]
    [InlineData("  Tue, 03 Jun 2003 09:39:21 GMT\n", "2003-06-03T09:39:21Z")]
    [InlineData("2026-11-14T18:30:00+02:00", "2026-11-14T16:30:00Z")]
    [InlineData("2026-11-14T16:30:00.123Z", "2026-11-14T16:30:00.123Z")]
    [InlineData("2026-11-09t20:00z", "2026-11-09T20:00:00Z")]
    [InlineData("2026-11-02T08:00", "2026-11-02T08:00:00Z")]
    [InlineData("2026-11-06", "2026-11-06T00:00:00Z")]
    [InlineData("2026-11-06 07:45:00", "2026-11-06T07:45:00Z")]
    public void ReadsTheFormsFeedsUse(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), SourceDates.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("sometime last autumn")]
    [InlineData("Tue, 31 Feb 2026 10:00:00 GMT")]
    [InlineData("Tue, 03 Foo 2003 09:39:21 GMT")]
    [InlineData("Tue, 03 Jun 2003 25:61:00 GMT")]
    [InlineData("Tue, 03 Jun 2003 09:39:21 +99999")]
    [InlineData("2026-13-45T10:00:00Z")]
    public void ReturnsNullForWhatIsNotADate(string text)
    {
        Assert.Null(SourceDates.Parse(text));
    }

    [Fact]
    public void ReadsMastodonLastStatusAtAsADateOrAnOlderServersDatetime()
    {
        Assert.Equal(new DateTimeOffset(2019, 11, 17, 0, 0, 0, TimeSpan.Zero), SourceDates.ParseDateOrDateTime("2019-11-17"));
        Assert.Equal(new DateTimeOffset(2019, 11, 17, 0, 2, 23, 693, TimeSpan.Zero), SourceDates.ParseDateOrDateTime("2019-11-17T00:02:23.693Z"));
        Assert.Null(SourceDates.ParseDateOrDateTime(null));
    }
}
