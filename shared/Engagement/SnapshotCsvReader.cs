using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.Options;
using SocialWatch.Profiles;

namespace SocialWatch.Engagement;

/// <summary>One problem of an upload. <see cref="Row"/> is the line of the file, the header being row 1, as a spreadsheet numbers it.</summary>
public sealed record UploadError(int? Row, string? Column, string Message)
{
    public override string ToString() => (Row, Column) switch
    {
        (null, null) => Message,
        (null, { } column) => $"column {column}: {Message}",
        ({ } row, null) => $"row {row}: {Message}",
        ({ } row, { } column) => $"row {row}, column {column}: {Message}",
    };
}

/// <summary>The snapshots of an upload, or the reasons it was refused: never both, since an upload is taken whole or not at all.</summary>
public sealed record SnapshotUpload(IReadOnlyList<EngagementSnapshot> Snapshots, IReadOnlyList<UploadError> Errors)
{
    public bool Accepted => Errors.Count == 0;

    public static SnapshotUpload Refused(params IReadOnlyList<UploadError> errors) => new([], errors);
}

/// <summary>A column of the snapshot CSV; the column reference in docs/engagement.md lists the same.</summary>
public sealed record CsvColumn(string Name, bool Required, string Format);

/// <summary>
/// Reads a CSV upload of snapshots for one business: comma-separated, UTF-8, a header row naming the columns (in any
/// order, case ignored). Every cell is checked and every snapshot validated; one bad row refuses the whole upload, with
/// each problem named by row and column.
/// </summary>
public sealed class SnapshotCsvReader(IOptions<ScoringOptions> options, SnapshotValidator validator)
{
    /// <summary>Enough to fix a file in one pass without flooding the answer.</summary>
    public const int MaxReportedErrors = 100;

    private const string WholeNumber = "whole number";

    public static IReadOnlyList<CsvColumn> Columns { get; } =
    [
        new(SnapshotFields.SnapshotId, false, "text"),
        new(SnapshotFields.ProfileId, true, "text"),
        new(SnapshotFields.Network, true, "network name"),
        new(SnapshotFields.PeriodStart, true, "date yyyy-MM-dd"),
        new(SnapshotFields.PeriodEnd, true, "date yyyy-MM-dd"),
        new(SnapshotFields.Followers, true, WholeNumber),
        new(SnapshotFields.Posts, true, WholeNumber),
        new(SnapshotFields.Reach, false, WholeNumber),
        new(SnapshotFields.Impressions, false, WholeNumber),
        new(SnapshotFields.Reactions, true, WholeNumber),
        new(SnapshotFields.Comments, true, WholeNumber),
        new(SnapshotFields.Shares, true, WholeNumber),
        new(SnapshotFields.RepliesByBusiness, true, WholeNumber),
        new(SnapshotFields.InboundNeedingAnswer, true, WholeNumber),
        new(SnapshotFields.InboundAnswered, true, WholeNumber),
        new(SnapshotFields.MedianFirstResponseMinutes, false, "number"),
        new(SnapshotFields.PromotionalPosts, true, WholeNumber),
        new(SnapshotFields.SignedPosts, true, WholeNumber),
        new(SnapshotFields.UniqueEngagers, false, WholeNumber),
        new(SnapshotFields.ReturningEngagers, false, WholeNumber),
        new(SnapshotFields.LinkClicks, false, WholeNumber),
        new(SnapshotFields.Leads, false, WholeNumber),
        new(SnapshotFields.Conversions, false, WholeNumber),
    ];

    private static readonly Dictionary<string, CsvColumn> ColumnsByName = Columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    private readonly ScoringOptions options = options.Value;

    /// <param name="businessId">The business the upload belongs to (from the request, never from the file).</param>
    /// <param name="knownProfiles">When given, every row must name one of these profiles, on its network.</param>
    public async Task<SnapshotUpload> ReadAsync(Stream upload, string businessId, IReadOnlyDictionary<string, Network>? knownProfiles, CancellationToken cancellationToken)
    {
        var bytes = await ReadBoundedAsync(upload, options.MaxUploadBytes, cancellationToken);
        if (bytes is null)
        {
            return SnapshotUpload.Refused(new UploadError(null, null, $"the upload is larger than {options.MaxUploadBytes} bytes; split it into smaller files"));
        }

        var errors = new ErrorList();
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => errors.Add(new UploadError(checked((int)record.LineNumber), null, Malformed(record.Reason))),
        });

        await csv.ReadHeaderAsync(cancellationToken);
        var header = ReadHeader(csv.Headers);
        if (header.Errors.Count > 0)
        {
            return SnapshotUpload.Refused(header.Errors);
        }

        var snapshots = new List<EngagementSnapshot>();
        var rows = new List<int>();
        while (await csv.ReadAsync(cancellationToken) && !errors.Full)
        {
            var row = checked((int)csv.LineNumber);
            var cells = header.Columns.Select((column, i) => (column, value: csv.GetString(i))).ToDictionary(c => c.column.Name, c => c.value);
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue; // A spreadsheet export often ends with rows of empty cells.
            }

            if (csv.RowNumber > options.MaxUploadRows)
            {
                errors.Add(new UploadError(row, null, $"the upload has more than {options.MaxUploadRows} rows; split it into smaller files"));
                break;
            }

            var cellReader = new RowCells(row, cells, errors);
            var snapshot = cellReader.Snapshot(businessId);
            if (snapshot is null)
            {
                continue;
            }

            var fieldErrors = validator.Validate(snapshot, "$", knownProfiles);
            errors.AddRange(fieldErrors.Select(e => new UploadError(row, e.Field, e.Message)));
            if (fieldErrors.Count == 0)
            {
                snapshots.Add(snapshot);
                rows.Add(row);
            }
        }

        errors.AddRange(SnapshotValidator.BatchClashes(snapshots).Select(clash =>
            new UploadError(rows[clash.Index], clash.Field, $"{clash.Problem} row {rows[clash.Other]}")));
        return errors.Count == 0 ? new SnapshotUpload(snapshots, []) : SnapshotUpload.Refused(errors.ToList());
    }

    /// <summary>The whole upload, or null as soon as it exceeds <paramref name="maxBytes"/> (a huge upload is not read to its end).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream upload, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static (IReadOnlyList<CsvColumn> Columns, List<UploadError> Errors) ReadHeader(IReadOnlyList<string> names)
    {
        var errors = new List<UploadError>();
        var columns = new List<CsvColumn>();
        if (names.Count == 0 || names.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new UploadError(1, null, $"the upload is empty; its first row must name the columns, such as {string.Join(",", Columns.Where(c => c.Required).Select(c => c.Name))}"));
            return (columns, errors);
        }

        if (!names.Any(ColumnsByName.ContainsKey))
        {
            errors.Add(new UploadError(1, null, $"the first row must be a header naming the columns, and none of its cells is a column name; the columns are {string.Join(", ", Columns.Select(c => c.Name))}"));
            return (columns, errors);
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                errors.Add(new UploadError(1, null, $"column {i + 1} of the header has no name"));
            }
            else if (!ColumnsByName.TryGetValue(names[i], out var column))
            {
                errors.Add(new UploadError(1, names[i], $"unknown column; the columns are {string.Join(", ", Columns.Select(c => c.Name))}"));
            }
            else if (columns.Contains(column))
            {
                errors.Add(new UploadError(1, column.Name, "the column appears twice"));
            }
            else
            {
                columns.Add(column);
            }
        }

        errors.AddRange(Columns.Where(c => c.Required && !columns.Contains(c)).Select(c => new UploadError(1, c.Name, "required column is missing")));
        return (columns, errors);
    }

    private static string Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => "the row does not have as many cells as the header has columns",
        CsvMalformedReason.UnterminatedQuote => "a quoted cell is never closed",
        _ => "a cell has a misplaced quote (\"); quote a whole cell, and double a quote inside it",
    };

    /// <summary>Collects errors up to <see cref="MaxReportedErrors"/>, then one line saying that more were left out.</summary>
    private sealed class ErrorList
    {
        private readonly List<UploadError> errors = [];

        public int Count => errors.Count;

        public bool Full => errors.Count > MaxReportedErrors;

        public void Add(UploadError error)
        {
            if (errors.Count < MaxReportedErrors)
            {
                errors.Add(error);
            }
            else if (errors.Count == MaxReportedErrors)
            {
                errors.Add(new UploadError(null, null, $"more problems were left out after the first {MaxReportedErrors}; fix these and upload again"));
            }
        }

        public void AddRange(IEnumerable<UploadError> range)
        {
            foreach (var error in range)
            {
                Add(error);
            }
        }

        public List<UploadError> ToList() => [.. errors];
    }

    /// <summary>The cells of one row by column, parsed into a snapshot; a cell that does not parse adds an error naming it.</summary>
    private sealed class RowCells(int row, Dictionary<string, string> cells, ErrorList errors)
    {
        private bool failed;

        public EngagementSnapshot? Snapshot(string businessId)
        {
            var profileId = Required(SnapshotFields.ProfileId) ?? string.Empty;
            var periodStart = Date(SnapshotFields.PeriodStart);
            var periodEnd = Date(SnapshotFields.PeriodEnd);
            var snapshot = new EngagementSnapshot
            {
                SnapshotId = Text(SnapshotFields.SnapshotId) ?? EngagementSnapshot.NaturalId(profileId, periodStart, periodEnd),
                BusinessId = businessId,
                ProfileId = profileId,
                Network = NetworkName(),
                PeriodStart = periodStart,
                PeriodEnd = periodEnd,
                Followers = RequiredCount(SnapshotFields.Followers),
                Posts = RequiredCount(SnapshotFields.Posts),
                Reach = OptionalCount(SnapshotFields.Reach),
                Impressions = OptionalCount(SnapshotFields.Impressions),
                Reactions = RequiredCount(SnapshotFields.Reactions),
                Comments = RequiredCount(SnapshotFields.Comments),
                Shares = RequiredCount(SnapshotFields.Shares),
                RepliesByBusiness = RequiredCount(SnapshotFields.RepliesByBusiness),
                InboundNeedingAnswer = RequiredCount(SnapshotFields.InboundNeedingAnswer),
                InboundAnswered = RequiredCount(SnapshotFields.InboundAnswered),
                MedianFirstResponseMinutes = Minutes(),
                PromotionalPosts = RequiredCount(SnapshotFields.PromotionalPosts),
                SignedPosts = RequiredCount(SnapshotFields.SignedPosts),
                UniqueEngagers = OptionalCount(SnapshotFields.UniqueEngagers),
                ReturningEngagers = OptionalCount(SnapshotFields.ReturningEngagers),
                LinkClicks = OptionalCount(SnapshotFields.LinkClicks),
                Leads = OptionalCount(SnapshotFields.Leads),
                Conversions = OptionalCount(SnapshotFields.Conversions),
            };
            return failed ? null : snapshot;
        }

        private string? Text(string column) => cells.GetValueOrDefault(column) is { Length: > 0 } value ? value : null;

        private string? Required(string column)
        {
            var value = Text(column);
            if (value is null)
            {
                Fail(column, "a value is required");
            }

            return value;
        }

        private DateOnly Date(string column)
        {
            if (Required(column) is not { } text)
            {
                return default;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Fail(column, $"'{text}' is not a date written yyyy-MM-dd");
            return default;
        }

        private Network NetworkName()
        {
            if (Required(SnapshotFields.Network) is not { } text)
            {
                return default;
            }

            if (Networks.TryParse(text.ToLowerInvariant(), out var network))
            {
                return network;
            }

            Fail(SnapshotFields.Network, $"'{text}' is not a known network; the networks are {string.Join(", ", Networks.Names)}");
            return default;
        }

        private long RequiredCount(string column) => Required(column) is { } text ? ParseCount(column, text) ?? 0 : 0;

        private long? OptionalCount(string column) => Text(column) is { } text ? ParseCount(column, text) : null;

        private long? ParseCount(string column, string text)
        {
            // A sign is accepted so that a negative count gets the validator's "must not be negative".
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
            {
                return count;
            }

            Fail(column, $"'{text}' is not a whole number (digits only, no separators)");
            return null;
        }

        private double? Minutes()
        {
            var text = Text(SnapshotFields.MedianFirstResponseMinutes);
            if (text is null)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes))
            {
                return minutes;
            }

            Fail(SnapshotFields.MedianFirstResponseMinutes, $"'{text}' is not a number of minutes (a point before decimals, such as 90.5)");
            return null;
        }

        private void Fail(string column, string message)
        {
            failed = true;
            errors.Add(new UploadError(row, column, message));
        }
    }
}
