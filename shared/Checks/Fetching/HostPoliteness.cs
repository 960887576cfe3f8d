using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SocialWatch.Checks.Fetching;

/// <summary>
/// Politeness per host: at most <see cref="FetchOptions.PerHostConcurrency"/> requests in flight, request starts at least
/// <see cref="FetchOptions.MinimumInterval"/> apart, and nothing at all before a host's Retry-After has passed.
/// </summary>
public sealed class HostPoliteness(IOptions<FetchOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, HostGate> gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a slot to send one request to the host; dispose the lease when the request is done.</summary>
    /// <exception cref="HostDeferredException">The host asked us to wait (Retry-After) and that time has not come.</exception>
    public async ValueTask<IDisposable> EnterAsync(string host, CancellationToken cancellationToken)
    {
        var gate = Gate(host);
        gate.ThrowIfDeferred(host, time.GetUtcNow());
        await gate.Slots.WaitAsync(cancellationToken);
        try
        {
            var wait = gate.ReserveStart(time.GetUtcNow(), options.Value.MinimumInterval);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            return new Lease(gate.Slots);
        }
        catch
        {
            gate.Slots.Release();
            throw;
        }
    }

    /// <summary>Holds every request to the host until the given time (a long Retry-After).</summary>
    public void DeferUntil(string host, DateTimeOffset until) => Gate(host).DeferUntil(until);

    /// <summary>When the host's next request may start, as far as the interval is concerned: a hint for rescheduling.</summary>
    public DateTimeOffset NextStartAt(string host) => Gate(host).NextStart(time.GetUtcNow());

    private HostGate Gate(string host) => gates.GetOrAdd(host, _ => new HostGate(options.Value.PerHostConcurrency));

    private sealed class HostGate(int concurrency)
    {
        private readonly Lock sync = new();
        private DateTimeOffset nextStart = DateTimeOffset.MinValue;
        private DateTimeOffset deferredUntil = DateTimeOffset.MinValue;

        public SemaphoreSlim Slots { get; } = new(concurrency, concurrency);

        public TimeSpan ReserveStart(DateTimeOffset now, TimeSpan interval)
        {
            lock (sync)
            {
                var start = nextStart > now ? nextStart : now;
                nextStart = start + interval;
                return start - now;
            }
        }

        public DateTimeOffset NextStart(DateTimeOffset now)
        {
            lock (sync)
            {
                var next = nextStart > deferredUntil ? nextStart : deferredUntil;
                return next > now ? next : now;
            }
        }

        public void DeferUntil(DateTimeOffset until)
        {
            lock (sync)
            {
                if (until > deferredUntil)
                {
                    deferredUntil = until;
                }
            }
        }

        public void ThrowIfDeferred(string host, DateTimeOffset now)
        {
            lock (sync)
            {
                if (deferredUntil > now)
                {
                    throw new HostDeferredException(host, deferredUntil);
                }
            }
        }
    }

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

/// <summary>The host told us (Retry-After) not to call before <see cref="Until"/>: the check is rate-limited without a request.</summary>
public sealed class HostDeferredException(string host, DateTimeOffset until)
    : Exception($"{host} asked not to be called before {until:O}.")
{
    public DateTimeOffset Until { get; } = until;
}
