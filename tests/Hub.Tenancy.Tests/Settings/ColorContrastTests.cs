using Hub.Abstractions;
using Hub.Tenancy.Settings;

namespace Hub.Tenancy.Tests.Settings;

public sealed class ColorContrastTests
{
    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#767676", "#ffffff", 4.54)]
    [InlineData("#777777", "#ffffff", 4.48)]
    public void Ratio_matches_the_WCAG_formula(string foreground, string background, double expected) =>
        Assert.Equal(expected, ColorContrast.Ratio(foreground, background), precision: 2);

    [Fact]
    public void Header_text_below_4_5_to_1_is_refused_with_the_ratio()
    {
        var settings = TenantSettings.Default("Testkommun") with { PrimaryColor = "#1f3a5f", PrimaryTextColor = "#3a5f8a" };

        var error = Assert.Single(TenantSettingsValidator.Validate(settings));

        Assert.Equal("primaryTextColor", error.Field);
        Assert.Equal(SettingsErrorKind.LowContrast, error.Kind);
        Assert.Contains("4.5:1", error.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Accent_colour_too_light_for_a_white_page_is_refused() =>
        Assert.Contains(TenantSettingsValidator.Validate(TenantSettings.Default("X") with { AccentColor = "#8ab4f8" }),
            e => e.Field == "accentColor" && e.Kind == SettingsErrorKind.LowContrast);

    [Theory]
    [InlineData("blue")]
    [InlineData("#12345")]
    [InlineData("#gggggg")]
    [InlineData("")]
    public void Colours_not_written_as_hex_are_refused(string colour) =>
        Assert.Contains(TenantSettingsValidator.Validate(TenantSettings.Default("X") with { PrimaryColor = colour }),
            e => e.Field == "primaryColor" && e.Kind == SettingsErrorKind.NotAColor);

    [Fact]
    public void Default_settings_are_valid() => Assert.Empty(TenantSettingsValidator.Validate(TenantSettings.Default("X")));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/logo.png")]
    [InlineData("http://insecure.example/logo.png")]
    public void Logo_addresses_must_be_https_or_root_relative(string url) =>
        Assert.Contains(TenantSettingsValidator.Validate(TenantSettings.Default("X") with { LogoUrl = url }),
            e => e.Field == "logoUrl" && e.Kind == SettingsErrorKind.NotAUrl);
}
