namespace Hub.Samples.BusinessSystem;

/// <summary>The command line: reads the options, runs once or polls, and turns the outcome into an exit code.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int SomeCasesFailed = 1;
    public const int BadArguments = 2;
    public const int Refused = 3;
    public const int Unreachable = 4;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            await output.WriteLineAsync(BusinessSystemOptions.Usage);
            return Ok;
        }

        var (options, problem) = BusinessSystemOptions.Parse(args, environment);
        if (options is null)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(BusinessSystemOptions.Usage);
            return BadArguments;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        var system = new BusinessSystem(options, http, output);
        try
        {
            while (true)
            {
                var run = await system.RunOnceAsync(cancellationToken);
                if (run.Outcome == RunOutcome.Refused)
                {
                    await error.WriteLineAsync(run.Problem);
                    return Refused;
                }

                if (run.Outcome == RunOutcome.Unreachable)
                {
                    await error.WriteLineAsync(run.Problem);
                    if (options.Once)
                    {
                        return Unreachable;
                    }
                }

                if (options.Once)
                {
                    return run.Failed + run.Skipped > 0 ? SomeCasesFailed : Ok;
                }

                await Task.Delay(options.Interval ?? TimeSpan.FromSeconds(60), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Ok;
        }
    }
}
