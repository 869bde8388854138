using Hub.Packages.Contracts;

namespace Hub.Packages.Tests.Packages;

/// <summary>Notification templates run in a sandbox: plain values only, bounded work, plain text out.</summary>
public sealed class LiquidSandboxTests
{
    private static (string? Text, string? Problem) Render(string source, IReadOnlyDictionary<string, object>? values = null)
    {
        Assert.True(NotificationLiquid.TryParse(source, out var template, out var problem), problem);
        return NotificationLiquid.Render(template!, values ?? NotificationLiquid.SampleData("sv"));
    }

    [Fact]
    public void A_template_renders_the_sample_data_as_plain_text()
    {
        var (text, problem) = Render("Hej {{ citizen.name }}! Ärende {{ case.number | upcase }} <b>{{ tenant.name }}</b>");
        Assert.Null(problem);
        Assert.Equal("Hej Anna Andersson! Ärende 2026-000123 <b>Exempelkommun</b>", text);
    }

    [Fact]
    public void No_member_of_a_net_object_is_reachable()
    {
        var values = new Dictionary<string, object>
        {
            ["file"] = new FileInfo("/etc/passwd"),
            ["type"] = typeof(string),
            ["domain"] = AppDomain.CurrentDomain,
        };
        var (text, problem) = Render("[{{ file.FullName }}{{ file.Directory.Name }}{{ type.Assembly.Location }}{{ domain.BaseDirectory }}]", values);
        Assert.Null(problem);
        Assert.Equal("[]", text);
    }

    [Fact]
    public void A_loop_that_does_not_end_stops_at_the_step_limit()
    {
        var (text, problem) = Render(HostilePackages.Forty + "{% for a in xs %}{% for b in xs %}{% for c in xs %}{% for d in xs %}x{% endfor %}{% endfor %}{% endfor %}{% endfor %}");
        Assert.Null(text);
        Assert.Contains($"{NotificationLiquid.MaxSteps} steps", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_that_doubles_itself_is_stopped_before_it_is_built()
    {
        var (text, problem) = Render("{% assign s = 'aaaaaaaaaa' %}" + HostilePackages.Forty + "{% for i in xs %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}");
        Assert.Null(text);
        Assert.Contains("longer than", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_is_refused_before_it_is_built()
    {
        Assert.False(NotificationLiquid.TryParse("{% for i in (1..100000000) %}x{% endfor %}", out _, out var problem));
        Assert.Contains("range", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% include 'appsettings.json' %}", "self-contained")]
    [InlineData("{{ case | json }}", "json")]
    public void Files_and_serialisation_are_not_offered(string source, string expected)
    {
        var (text, problem) = Render(source);
        Assert.Null(text);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hej\n{% if case.number %}\nx", "line 3, column")]
    [InlineData("{{ case.number", "line 1, column")]
    [InlineData("a\nb\n{% nope %}", "line 3, column")]
    public void A_broken_template_is_refused_with_its_line_and_reason(string source, string expected)
    {
        Assert.False(NotificationLiquid.TryParse(source, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
