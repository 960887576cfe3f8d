using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using SocialWatch.Settings;

namespace SocialWatch.Alerts;

/// <summary>How mail leaves SocialWatch. Locally: maildev on 127.0.0.1:1025; in Azure: any SMTP relay, password from Key Vault.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "SocialWatch:Smtp";

    [Required(ErrorMessage = "SocialWatch:Smtp:Host is required (maildev locally: 127.0.0.1).")]
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Auto: TLS on 465, STARTTLS when offered elsewhere. None only for a local relay such as maildev.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required(ErrorMessage = "SocialWatch:Smtp:From is required: the sender address of alert emails.")]
    public string From { get; set; } = "SocialWatch <alerts@socialwatch.local>";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var failures = new List<string>();
        if (!MailAddress.TryCreate(options.From, out _))
        {
            failures.Add($"SocialWatch:Smtp:From must be an email address (\"Name <address>\" allowed); it is '{options.From}'.");
        }

        if (KeyVaultReference.IsUnresolved(options.Password))
        {
            failures.Add(KeyVaultReference.Explain("SocialWatch:Smtp:Password"));
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("SocialWatch:Smtp:UserName and SocialWatch:Smtp:Password go together: set both or neither.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
