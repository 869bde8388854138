using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Hub.Integrations.Tests.Support;

/// <summary>
/// Just enough SMTP for MailKit (EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT), on a loopback port, with
/// switches to refuse: the next N messages at end of DATA (e.g. 451), every recipient (e.g. 550), or every connection
/// (stopped: the port refuses).
/// </summary>
internal sealed class TestSmtpServer : IAsyncDisposable
{
    private TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<string> failures = new();
    private Task accepting = Task.CompletedTask;
    private int connections;

    public TestSmtpServer()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>Envelope recipients per accepted message, in the order received.</summary>
    public ConcurrentQueue<string> Envelopes { get; } = new();

    public int Connections => Volatile.Read(ref connections);

    /// <summary>Every RCPT TO gets this reply when set (e.g. "550 5.1.1 No such user").</summary>
    public string? RecipientReply { get; set; }

    /// <summary>The next <paramref name="count"/> messages get <paramref name="reply"/> after DATA instead of 250.</summary>
    public void FailNext(int count, string reply = "451 4.3.0 Try again later")
    {
        for (var i = 0; i < count; i++)
        {
            failures.Enqueue(reply);
        }
    }

    /// <summary>Closes the port: connections are refused until <see cref="Resume"/>.</summary>
    public async Task PauseAsync()
    {
        listener.Stop();
        await accepting;
    }

    public void Resume()
    {
        // A stopped TcpListener would bind its original endpoint (port 0) again: listen anew on the same port.
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        accepting = AcceptAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.Latin1);
                var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 localhost test ESMTP");
                string? recipient = null;
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    if (verb is "EHLO" or "HELO")
                    {
                        await writer.WriteLineAsync("250 localhost");
                    }
                    else if (line.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase))
                    {
                        recipient = null;
                        await writer.WriteLineAsync("250 2.1.0 OK");
                    }
                    else if (line.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase))
                    {
                        recipient = line[8..].Trim().Trim('<', '>');
                        await writer.WriteLineAsync(RecipientReply ?? "250 2.1.5 OK");
                    }
                    else if (verb == "DATA")
                    {
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        if (failures.TryDequeue(out var failure))
                        {
                            await writer.WriteLineAsync(failure);
                            continue;
                        }

                        using var message = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString()));
                        Received.Enqueue(await MimeMessage.LoadAsync(message));
                        Envelopes.Enqueue(recipient ?? "");
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                    }
                    else if (verb is "RSET" or "NOOP")
                    {
                        await writer.WriteLineAsync("250 2.0.0 OK");
                    }
                    else if (verb == "QUIT")
                    {
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    }
                    else
                    {
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the server is stopping.
            }
        }
    }
}
