using System.Diagnostics;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// What a child process writes to standard output and error, kept for failure messages and assertions: the last
/// <c>maxLines</c> lines, so a long-running server (a benchmark's handler) does not grow without bound.
/// </summary>
public sealed class CapturedOutput(int maxLines = 10_000)
{
    private readonly Queue<string> lines = new();

    public string Text
    {
        get
        {
            lock (lines)
            {
                return string.Join(Environment.NewLine, lines);
            }
        }
    }

    /// <summary>Starts reading both streams of a process started with them redirected.</summary>
    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > maxLines)
            {
                lines.Dequeue();
            }
        }
    }
}
