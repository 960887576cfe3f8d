using Microsoft.Extensions.Options;

namespace SocialWatch.Host;

/// <summary>The local Functions host's own settings (section <c>Host</c>); every other setting is an app setting for the worker.</summary>
public sealed class FunctionsHostOptions
{
    public const string SectionName = "Host";

    /// <summary>The worker's build output: worker.config.json, functions.metadata, host.json and the worker assembly.</summary>
    public string WorkerDirectory { get; set; } = string.Empty;

    /// <summary>The loopback port of the gRPC channel the worker connects back to; 0 takes a free one.</summary>
    public int GrpcPort { get; set; }

    /// <summary>From starting the worker process to every function loaded; a worker slower than this is killed and started again.</summary>
    public TimeSpan WorkerStartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a worker told to stop (WorkerTerminate) may take before it is killed.</summary>
    public TimeSpan WorkerShutdownGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an HTTP request waits for a worker that is starting or restarting before it is answered 503.</summary>
    public TimeSpan HttpWorkerWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a received queue message stays invisible while its function runs, renewed at half this interval for long runs.
    /// The Functions host uses 10 minutes. Queue Storage counts visibility in whole seconds.
    /// </summary>
    public TimeSpan QueueMessageLease { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class FunctionsHostOptionsValidator : IValidateOptions<FunctionsHostOptions>
{
    /// <summary>What the worker's build writes beside its assembly, and what the host reads before it starts anything.</summary>
    public static readonly string[] RequiredFiles = ["worker.config.json", "functions.metadata", "host.json"];

    public ValidateOptionsResult Validate(string? name, FunctionsHostOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.WorkerDirectory))
        {
            failures.Add($"{FunctionsHostOptions.SectionName}:WorkerDirectory must name the worker's build output folder (for example --Host:WorkerDirectory=functions/bin/Debug/net10.0).");
        }
        else if (!Directory.Exists(options.WorkerDirectory))
        {
            failures.Add($"{FunctionsHostOptions.SectionName}:WorkerDirectory '{options.WorkerDirectory}' does not exist; build the worker first.");
        }
        else
        {
            failures.AddRange(RequiredFiles
                .Where(file => !File.Exists(Path.Combine(options.WorkerDirectory, file)))
                .Select(file => $"{FunctionsHostOptions.SectionName}:WorkerDirectory '{options.WorkerDirectory}' holds no {file}: it must be an isolated worker's build output."));
        }

        if (options.WorkerStartTimeout <= TimeSpan.Zero || options.WorkerShutdownGrace < TimeSpan.Zero || options.HttpWorkerWait < TimeSpan.Zero)
        {
            failures.Add($"{FunctionsHostOptions.SectionName}:WorkerStartTimeout must be positive, WorkerShutdownGrace and HttpWorkerWait not negative.");
        }

        if (options.QueueMessageLease < TimeSpan.FromSeconds(1) || options.QueueMessageLease > TimeSpan.FromDays(7) || options.QueueMessageLease.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add($"{FunctionsHostOptions.SectionName}:QueueMessageLease must be a whole number of seconds from 00:00:01 to 7.00:00:00 (Queue Storage's visibility limits); it is {options.QueueMessageLease}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
