using Microsoft.Extensions.Options;

namespace SocialWatch.Functions.Hosting;

/// <summary>Where the app's function files live, and how the local runtime holds a queue message while it runs.</summary>
public sealed class FunctionsOptions
{
    public const string SectionName = "SocialWatch:Functions";

    /// <summary>The folder holding host.json and one folder per function (the build output by default; tests point it at a copy with test-only functions).</summary>
    public string AppRoot { get; set; } = AppContext.BaseDirectory;

    /// <summary>
    /// Local runtime: how long a received message stays invisible while its function runs; renewed at half this interval for long runs.
    /// The Functions host uses 10 minutes. Queue Storage counts visibility in whole seconds.
    /// </summary>
    public TimeSpan QueueMessageLease { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class FunctionsOptionsValidator : IValidateOptions<FunctionsOptions>
{
    public ValidateOptionsResult Validate(string? name, FunctionsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppRoot))
        {
            failures.Add($"{FunctionsOptions.SectionName}:AppRoot must name the folder holding host.json.");
        }

        if (options.QueueMessageLease < TimeSpan.FromSeconds(1) || options.QueueMessageLease > TimeSpan.FromDays(7) || options.QueueMessageLease.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add($"{FunctionsOptions.SectionName}:QueueMessageLease must be a whole number of seconds from 00:00:01 to 7.00:00:00 (Queue Storage's visibility limits); it is {options.QueueMessageLease}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
