using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Testing;

/// <summary>One post a <see cref="WebhookReceiver"/> received, with what it answered.</summary>
public sealed record ReceivedWebhook(string? EventId, string? EventType, string? Signature, string Body, int Answered)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>
    /// Whether <c>Hub-Signature</c> (<c>t=…,v1=…</c>) is the HMAC-SHA256 of <c>{t}.{body}</c> with <paramref name="secret"/>,
    /// computed here the way a receiver would, not with the hub's code.
    /// </summary>
    public bool IsSignedWith(string secret)
    {
        var parts = (Signature ?? "").Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var timestamp) || !parts.TryGetValue("v1", out var given))
        {
            return false;
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + Body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
    }
}

/// <summary>A webhook receiver on a real loopback port that records every post and answers as the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();

    private WebhookReceiver(WebApplication app) => this.app = app;

    /// <summary>The status code to answer a post with (default 200).</summary>
    public Func<ReceivedWebhook, int> Answer { get; set; } = _ => StatusCodes.Status200OK;

    /// <summary>The address to give the hub, e.g. <c>http://127.0.0.1:41234/hooks/hub</c>.</summary>
    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> All => [.. received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/{**rest}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var post = new ReceivedWebhook(
                context.Request.Headers["Hub-Event-Id"].FirstOrDefault(), context.Request.Headers["Hub-Event-Type"].FirstOrDefault(),
                context.Request.Headers["Hub-Signature"].FirstOrDefault(), body, 0);
            var status = receiver.Answer(post);
            receiver.received.Enqueue(post with { Answered = status });
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/hooks/hub");
        return receiver;
    }

    /// <summary>Waits (up to 30 s) for a post that matches, answered with 2xx.</summary>
    public async Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook, bool> match, string what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (received.FirstOrDefault(p => p.Answered is >= 200 and < 300 && match(p)) is { } post)
            {
                return post;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No webhook post for {what} within 30 s; got: {string.Join(" | ", received.Select(p => p.EventType + " " + p.Body))}");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
