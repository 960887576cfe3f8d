using System.Net;
using System.Text;

namespace SocialWatch.Alerts;

/// <summary>An email's content as paragraphs and lists, rendered once to plain text and once to HTML so the two never drift.</summary>
public sealed class EmailDocument
{
    private readonly List<(string? Paragraph, IReadOnlyList<string>? Items, bool Numbered)> blocks = [];

    public EmailDocument Paragraph(string text)
    {
        blocks.Add((text, null, false));
        return this;
    }

    public EmailDocument List(IReadOnlyList<string> items, bool numbered = false)
    {
        if (items.Count > 0)
        {
            blocks.Add((null, items, numbered));
        }

        return this;
    }

    public EmailMessage ToEmail(string to, string subject) => new(to, subject, Text(), Html(subject));

    private string Text()
    {
        var text = new StringBuilder();
        foreach (var (paragraph, items, numbered) in blocks)
        {
            if (paragraph is not null)
            {
                text.Append(paragraph).Append("\n\n");
                continue;
            }

            for (var i = 0; i < items!.Count; i++)
            {
                text.Append(numbered ? $"  {i + 1}. " : "  - ").Append(items[i]).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private string Html(string subject)
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject))
            .Append("</title></head><body style=\"font-family:system-ui,sans-serif;line-height:1.5;max-width:40em\">");
        foreach (var (paragraph, items, numbered) in blocks)
        {
            if (paragraph is not null)
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
                continue;
            }

            html.Append(numbered ? "<ol>" : "<ul>");
            foreach (var item in items!)
            {
                html.Append("<li>").Append(WebUtility.HtmlEncode(item)).Append("</li>");
            }

            html.Append(numbered ? "</ol>" : "</ul>");
        }

        return html.Append("</body></html>").ToString();
    }
}
