namespace Hub.Integrations.Contracts;

/// <summary>Wakes a node's worker when there is new work; a wake while it is busy is kept for after.</summary>
public class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    /// <summary>Wakes the worker (now, or after its current pass).</summary>
    public void Notify()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one pending wake covers any amount of new work.
        }
    }

    /// <summary>Waits until woken.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => semaphore.WaitAsync(cancellationToken);

    /// <summary>Sleeps for <paramref name="wait"/> or until woken, whichever comes first.</summary>
    public async Task SleepAsync(TimeSpan wait, TimeProvider clock, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = WaitAsync(stop.Token);
        var elapsed = Task.Delay(wait, clock, stop.Token);
        await Task.WhenAny(woken, elapsed);
        await stop.CancelAsync();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        semaphore.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The loop of the hub's background workers (e-mail, timers, webhooks, the catalogue's adoption follower).</summary>
public static class WorkerLoop
{
    /// <summary>
    /// Runs pass after pass until stopped: a pass returns how long the node may sleep; a pass that fails (a database
    /// outage, say) is logged and followed by a sleep of <paramref name="pollInterval"/>, so the worker never stops for good.
    /// </summary>
    public static async Task RunAsync(
        Func<CancellationToken, Task<TimeSpan>> pass, Func<TimeSpan, CancellationToken, Task> sleep, TimeSpan pollInterval,
        Action<Exception> logFailure, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await pass(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever a pass throws is logged; the next pass tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logFailure(exception);
                wait = pollInterval;
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await sleep(wait, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
