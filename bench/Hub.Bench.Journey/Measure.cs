using System.Globalization;

namespace Hub.Bench.Journey;

/// <summary>Latencies per request kind, in milliseconds; percentiles are nearest-rank.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double>[] _samples = Enum.GetValues<RequestKind>().Select(_ => new List<double>()).ToArray();

    public void Add(RequestKind kind, TimeSpan elapsed)
    {
        var list = _samples[(int)kind];
        lock (list)
        {
            list.Add(elapsed.TotalMilliseconds);
        }
    }

    public int Count => _samples.Sum(s => s.Count);

    public (int Count, double P50, double P99, double Max) Summary(RequestKind kind)
    {
        var sorted = _samples[(int)kind].Order().ToArray();
        return sorted.Length == 0 ? (0, double.NaN, double.NaN, double.NaN) : (sorted.Length, Rank(sorted, 50), Rank(sorted, 99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// CPU time from /proc, in clock ticks: the hub process, the database server (a PostgreSQL postmaster with its
/// children, the exited ones through the postmaster's cutime/cstime), this driver, and the whole machine's busy time.
/// </summary>
internal sealed record CpuSample(long Hub, long Database, long Driver, long Busy)
{
    public static CpuSample Take(int hubPid, int dbPid) =>
        new(hubPid > 0 ? Ticks(hubPid, children: false) : 0, dbPid > 0 ? TreeTicks(dbPid) : 0, Ticks(Environment.ProcessId, children: false), BusyTicks());

    public static CpuSample operator -(CpuSample after, CpuSample before) =>
        new(after.Hub - before.Hub, after.Database - before.Database, after.Driver - before.Driver, after.Busy - before.Busy);

    private static long Ticks(int pid, bool children)
    {
        var fields = StatFields(File.ReadAllText($"/proc/{pid}/stat"));
        var ticks = Field(fields, 14) + Field(fields, 15);
        return children ? ticks + Field(fields, 16) + Field(fields, 17) : ticks;
    }

    private static long TreeTicks(int root)
    {
        var total = Ticks(root, children: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == root)
            {
                continue;
            }

            try
            {
                var fields = StatFields(File.ReadAllText($"{dir}/stat"));
                if (Field(fields, 4) == root)
                {
                    total += Field(fields, 14) + Field(fields, 15);
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile; its time is in the postmaster's cutime/cstime.
            }
        }

        return total;
    }

    // user, nice, system, irq, softirq, steal: busy time as form-step.sh counts it (idle and iowait are not).
    private static readonly int[] BusyColumns = [1, 2, 3, 6, 7, 8];

    private static long BusyTicks()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return BusyColumns.Sum(i => long.Parse(cpu[i], CultureInfo.InvariantCulture));
    }

    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so fields are counted after the last ')'.
    private static string[] StatFields(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

    // Field numbers as in proc(5): 3 is the state, the first after the ')'.
    private static long Field(string[] fields, int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
}
