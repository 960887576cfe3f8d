namespace SocialWatch.Collectors;

/// <summary>
/// A read-only view of a stream that ends after <c>cap</c> bytes and records that it did, so a parser can tell "the source ended"
/// from "we stopped reading". Reads pass the collection's cancellation token to the inner stream, so a source that trickles
/// bytes slowly is cut off by the time budget even inside a parser that takes no token.
/// </summary>
internal sealed class CappedStream(Stream inner, long cap, CancellationToken cancellation) : Stream
{
    private long read;

    public bool CapReached { get; private set; }

    public long BytesRead => read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        cancellation.ThrowIfCancellationRequested();
        var allowed = Allowed(buffer.Length);
        return allowed == 0 ? 0 : Count(inner.Read(buffer[..allowed]));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var allowed = Allowed(buffer.Length);
        if (allowed == 0)
        {
            return 0;
        }

        if (!cancellationToken.CanBeCanceled)
        {
            return Count(await inner.ReadAsync(buffer[..allowed], cancellation));
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, cancellationToken);
        return Count(await inner.ReadAsync(buffer[..allowed], linked.Token));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Allowed(int requested)
    {
        var left = cap - read;
        if (left <= 0)
        {
            // Ending exactly at the cap is not proof of more: only say so when the reader asks beyond it.
            CapReached = requested > 0;
            return 0;
        }

        return (int)Math.Min(requested, left);
    }

    private int Count(int bytes)
    {
        read += bytes;
        return bytes;
    }
}
