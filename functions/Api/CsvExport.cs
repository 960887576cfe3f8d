using System.Text;
using Microsoft.Net.Http.Headers;

namespace SocialWatch.Functions.Api;

/// <summary>CSV exports: asked for with Accept: text/csv, answered as a UTF-8 attachment.</summary>
public static class CsvExport
{
    public const string MediaType = "text/csv";

    /// <summary>True when the client asked for CSV (Accept naming text/csv); JSON stays the default.</summary>
    public static bool Wanted(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase));

    public static IResult File(string csv, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(csv), $"{MediaType}; charset=utf-8", fileName);
}
