using System.Globalization;

namespace SocialWatch.Collectors;

/// <summary>
/// Reads the dates feeds actually carry, to UTC: RFC 822 / RFC 2822 (RSS pubDate: optional weekday, 2- or 4-digit years, optional
/// seconds, numeric zones or names like GMT, UT, EST, PDT), RFC 3339 (Atom, dc:date) with or without seconds, and plain dates.
/// Returns null for anything it cannot read: the item still counts, its date is unknown.
/// </summary>
public static class SourceDates
{
    private const string Months = "janfebmaraprmayjunjulaugsepoctnovdec";

    // RFC 822 names, then the abbreviations feeds use in practice. Military letters are ambiguous (RFC 2822 4.3): read as UTC.
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ZoneMinutes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0,
        ["EST"] = -5 * 60, ["EDT"] = -4 * 60, ["CST"] = -6 * 60, ["CDT"] = -5 * 60,
        ["MST"] = -7 * 60, ["MDT"] = -6 * 60, ["PST"] = -8 * 60, ["PDT"] = -7 * 60,
        ["AKST"] = -9 * 60, ["AKDT"] = -8 * 60, ["HST"] = -10 * 60, ["AST"] = -4 * 60, ["ADT"] = -3 * 60,
        ["NST"] = (-3 * 60) - 30, ["NDT"] = (-2 * 60) - 30,
        ["WET"] = 0, ["WEST"] = 60, ["BST"] = 60, ["IST"] = (5 * 60) + 30, ["CET"] = 60, ["CEST"] = 2 * 60,
        ["MET"] = 60, ["MEST"] = 2 * 60, ["EET"] = 2 * 60, ["EEST"] = 3 * 60, ["MSK"] = 3 * 60,
        ["JST"] = 9 * 60, ["KST"] = 9 * 60, ["AWST"] = 8 * 60, ["ACST"] = (9 * 60) + 30, ["AEST"] = 10 * 60, ["AEDT"] = 11 * 60,
        ["NZST"] = 12 * 60, ["NZDT"] = 13 * 60,
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    public static DateTimeOffset? Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        return IsIsoShaped(text) ? Iso(text) ?? Rfc822(text) : Rfc822(text) ?? Iso(text);
    }

    /// <summary>Mastodon's last_status_at: a date (since 3.1) or, on older servers, a datetime.</summary>
    public static DateTimeOffset? ParseDateOrDateTime(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date, TimeOnly.MinValue, TimeSpan.Zero)
            : Parse(text);

    /// <summary>A date the source states, unless it lies beyond what can be true yet (then the date is unknown).</summary>
    public static DateTimeOffset? Believable(DateTimeOffset? date, DateTimeOffset latestBelievable) => date <= latestBelievable ? date : null;

    private static bool IsIsoShaped(ReadOnlySpan<char> text) => text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-';

    private static DateTimeOffset? Iso(ReadOnlySpan<char> text)
    {
        // DateTimeOffset parsing wants upper-case T and Z; feeds sometimes write them in lower case.
        Span<char> upper = stackalloc char[Math.Min(text.Length, 64)];
        var length = text[..upper.Length].ToUpperInvariant(upper);
        return DateTimeOffset.TryParse(upper[..length], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;
    }

    private static DateTimeOffset? Rfc822(ReadOnlySpan<char> text)
    {
        var cursor = new Cursor(text);
        int day, month, year;
        var word = cursor.Word();
        if (!word.IsEmpty && (cursor.Skip(',') || Month(word) == 0))
        {
            word = cursor.Word(); // the weekday is decoration
        }

        if (!word.IsEmpty)
        {
            // "Jun 03 2003": month before day, seen in hand-written feeds.
            month = Month(word);
            if (!cursor.Number(out day, out _))
            {
                return null;
            }
        }
        else
        {
            if (!cursor.Number(out day, out _))
            {
                return null;
            }

            cursor.Skip('-'); // "03-Jun-2003"
            month = Month(cursor.Word());
            cursor.Skip('-');
        }

        if (month == 0 || !cursor.Number(out year, out var yearDigits))
        {
            return null;
        }

        // RFC 2822 4.3: two-digit years 00-49 are 2000-2049 and 50-99 are 1950-1999; three digits add 1900.
        year = yearDigits switch { 2 => year < 50 ? 2000 + year : 1900 + year, 3 => 1900 + year, _ => year };
        int hour = 0, minute = 0, second = 0;
        if (cursor.Number(out var h, out _))
        {
            if (!cursor.Skip(':') || !cursor.Number(out minute, out _))
            {
                return null;
            }

            hour = h;
            if (cursor.Skip(':') && !cursor.Number(out second, out _))
            {
                return null;
            }

            cursor.SkipFraction();
        }

        if (!cursor.Zone(out var offsetMinutes))
        {
            return null;
        }

        if (year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 24 || minute > 59 || second > 60
            || Math.Abs(offsetMinutes) > 14 * 60)
        {
            return null;
        }

        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            .AddHours(hour).AddMinutes(minute).AddSeconds(Math.Min(second, 59));
        return new DateTimeOffset(local, TimeSpan.FromMinutes(offsetMinutes)).ToUniversalTime();
    }

    private static int Month(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return 0;
        }

        Span<char> lower = stackalloc char[3];
        word[..3].ToLowerInvariant(lower);
        var index = Months.AsSpan().IndexOf(lower);
        return index >= 0 && index % 3 == 0 ? (index / 3) + 1 : 0;
    }

    private ref struct Cursor(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> text = text;
        private int position;

        public ReadOnlySpan<char> Word()
        {
            SkipSeparators();
            var start = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }

            return text[start..position];
        }

        public bool Number(out int value, out int digits)
        {
            SkipSeparators();
            value = 0;
            digits = 0;
            while (position < text.Length && char.IsAsciiDigit(text[position]) && digits < 9)
            {
                value = (value * 10) + (text[position] - '0');
                position++;
                digits++;
            }

            return digits > 0;
        }

        public bool Skip(char c)
        {
            SkipSpaces();
            if (position < text.Length && text[position] == c)
            {
                position++;
                return true;
            }

            return false;
        }

        public void SkipFraction()
        {
            if (position < text.Length && text[position] == '.')
            {
                position++;
                while (position < text.Length && char.IsAsciiDigit(text[position]))
                {
                    position++;
                }
            }
        }

        /// <summary>A numeric zone (+hhmm, -hh:mm, +hh), a zone name, or nothing (read as UTC); a trailing comment is ignored.</summary>
        public bool Zone(out int minutes)
        {
            minutes = 0;
            SkipSpaces();
            if (position >= text.Length || text[position] == '(')
            {
                return true;
            }

            if (text[position] is '+' or '-')
            {
                var sign = text[position] == '-' ? -1 : 1;
                position++;
                if (!Number(out var hours, out var digits))
                {
                    return false;
                }

                var zoneMinutes = 0;
                if (digits == 4)
                {
                    (hours, zoneMinutes) = (hours / 100, hours % 100);
                }
                else if (digits > 2 || (Skip(':') && !Number(out zoneMinutes, out _)))
                {
                    return false;
                }

                minutes = sign * ((hours * 60) + zoneMinutes);
                return true;
            }

            var name = Word();
            if (name.IsEmpty)
            {
                return false;
            }

            // Unknown names are read as UTC: at worst a few hours off, which staleness measured in days can bear.
            minutes = ZoneMinutes.TryGetValue(name, out var known) ? known : 0;
            return true;
        }

        private void SkipSpaces()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        private void SkipSeparators()
        {
            while (position < text.Length && (char.IsWhiteSpace(text[position]) || text[position] == ','))
            {
                position++;
            }
        }
    }
}
