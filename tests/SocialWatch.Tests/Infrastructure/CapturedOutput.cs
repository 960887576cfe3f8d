using System.Diagnostics;
using System.Text;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>What a child process writes to standard output and error, kept for failure messages and assertions.</summary>
public sealed class CapturedOutput
{
    private readonly StringBuilder lines = new();

    public string Text
    {
        get
        {
            lock (lines)
            {
                return lines.ToString();
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
            lines.AppendLine(line);
        }
    }
}
