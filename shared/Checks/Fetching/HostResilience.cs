using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;

namespace SocialWatch.Checks.Fetching;

/// <summary>
/// One Polly pipeline per host: retries with exponential back-off and jitter on transient failures only, around a circuit
/// breaker that counts every attempt. Polly's defaults (and the standard HTTP pipeline's) need 100 requests in 30 s before
/// the breaker may open; a polite checker sends a host at most one request per <see cref="FetchOptions.MinimumInterval"/>,
/// so those defaults never trip. Ours (4 requests in 60 s, half of them failing) do, and then the host is left alone for
/// <see cref="FetchOptions.CircuitBreakDuration"/>.
/// </summary>
public sealed partial class HostResilience(IOptions<FetchOptions> options, TimeProvider time, ILogger<HostResilience> logger) : IDisposable
{
    private readonly ResiliencePipelineRegistry<string> registry = new();

    public ResiliencePipeline<HttpAttempt> For(string host) =>
        registry.GetOrAddPipeline<HttpAttempt>(host.ToLowerInvariant(), (builder, context) => Configure(builder, context.PipelineKey));

    /// <summary>Whether a failed attempt is worth another try: timeouts and connection failures, never a refused address.</summary>
    public static bool IsTransientException(Exception exception) => exception switch
    {
        AttemptTimeoutException => true,
        HttpRequestException http => !IsRefusal(http),
        IOException => true,
        _ => false,
    };

    public static bool IsRefusal(Exception exception) => exception is AddressRefusedException || (exception.InnerException is { } inner && IsRefusal(inner));

    public void Dispose() => registry.Dispose();

    private void Configure(ResiliencePipelineBuilder<HttpAttempt> builder, string host)
    {
        var settings = options.Value;
        builder.TimeProvider = time;
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpAttempt>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e
                    ? IsTransientException(e)
                    : args.Outcome.Result!.IsTransientFailure(settings.MaxRetryAfterWait)),
                // A short Retry-After is the delay to wait; otherwise exponential back-off with jitter.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } after && after <= settings.MaxRetryAfterWait ? after : (TimeSpan?)null),
                OnRetry = args =>
                {
                    LogRetry(host, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Result?.Status, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpAttempt>
        {
            FailureRatio = settings.CircuitFailureRatio,
            MinimumThroughput = settings.CircuitMinimumThroughput,
            SamplingDuration = settings.CircuitSamplingDuration,
            BreakDuration = settings.CircuitBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e ? IsTransientException(e) : args.Outcome.Result!.IsHostFailure),
            OnOpened = args =>
            {
                LogOpened(host, args.BreakDuration);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                LogClosed(host);
                return ValueTask.CompletedTask;
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retry {Retry} of a request to {Host} in {Delay}, after status {Status} / error {Error}")]
    private partial void LogRetry(string host, int retry, TimeSpan delay, int? status, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit opened for {Host}: it is left alone for {BreakDuration}")]
    private partial void LogOpened(string host, TimeSpan breakDuration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit closed for {Host}: it answers again")]
    private partial void LogClosed(string host);
}
