using System.Diagnostics;

namespace Hub.Cases.Tests.Documents;

/// <summary>The independent tools the XML, PDF and archive tests check with (scripts/test.sh installs them).</summary>
internal static class PdfTools
{
    public static async Task<(int Exit, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>
    /// Runs a pikepdf script with the first Python that has pikepdf: the one on the path (PyPI's) or Debian's
    /// (python3-pikepdf), which differ where Python is managed separately, e.g. by pyenv.
    /// </summary>
    public static async Task<(int Exit, string Output)> PikepdfAsync(string script, params string[] arguments)
    {
        foreach (var python in new[] { "python3", "/usr/bin/python3" })
        {
            var (exit, _) = await RunAsync(python, "-c", "import pikepdf");
            if (exit == 0)
            {
                return await RunAsync(python, [script, .. arguments]);
            }
        }

        return (-1, "No Python with pikepdf: run scripts/test.sh, which installs it.");
    }
}
