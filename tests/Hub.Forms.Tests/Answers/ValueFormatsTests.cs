using Hub.Forms.Answers;

namespace Hub.Forms.Tests.Answers;

public sealed class ValueFormatsTests
{
    [Theory]
    [InlineData("anna@example.se")]
    [InlineData("anna.andersson+skola@tyreso.se")]
    [InlineData("åsa@kommun.se")]
    [InlineData("a@b.co")]
    [InlineData("info@xn--tyres-jua.se")]
    public void Ordinary_email_addresses_are_accepted(string value) => Assert.True(ValueFormats.IsEmail(value));

    [Theory]
    [InlineData("")]
    [InlineData("anna")]
    [InlineData("anna@")]
    [InlineData("@example.se")]
    [InlineData("anna@example")]
    [InlineData("anna@@example.se")]
    [InlineData("anna@exa mple.se")]
    [InlineData("an na@example.se")]
    [InlineData(".anna@example.se")]
    [InlineData("anna..b@example.se")]
    [InlineData("anna@-example.se")]
    [InlineData("anna@example..se")]
    [InlineData("anna@127.0.0.1")]
    [InlineData("\"anna\"@example.se")]
    [InlineData("anna@example.se<script>")]
    public void Malformed_email_addresses_are_refused(string value) => Assert.False(ValueFormats.IsEmail(value));

    [Fact]
    public void Email_longer_than_254_characters_is_refused() =>
        Assert.False(ValueFormats.IsEmail(new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".se"));

    [Theory]
    [InlineData("08-123 456 78")]
    [InlineData("070-123 45 67")]
    [InlineData("0701234567")]
    [InlineData("+46 70 123 45 67")]
    [InlineData("+46701234567")]
    [InlineData("0123456")]
    public void Swedish_and_international_phone_numbers_are_accepted(string value) => Assert.True(ValueFormats.IsPhone(value));

    [Theory]
    [InlineData("")]
    [InlineData("70 123 45 67")]
    [InlineData("012345")]
    [InlineData("+4670123456789012")]
    [InlineData("070/1234567")]
    [InlineData("(08) 123 456")]
    [InlineData("+ 46 70 123 45 67")]
    [InlineData("070-123 45 67 ext 3")]
    public void Other_phone_text_is_refused(string value) => Assert.False(ValueFormats.IsPhone(value));

    [Theory]
    [InlineData("42", 42)]
    [InlineData("3,5", 3.5)]
    [InlineData("3.5", 3.5)]
    [InlineData("-2", -2)]
    [InlineData("\u22122", -2)]
    [InlineData("1 234 567,25", 1234567.25)]
    [InlineData("1\u00A0234", 1234)]
    [InlineData(" 7 ", 7)]
    public void Numbers_are_read_as_people_write_them(string value, double expected)
    {
        Assert.True(ValueFormats.TryParseNumber(value, out var number));
        Assert.Equal((decimal)expected, number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,2,3")]
    [InlineData("1.234,5")]
    [InlineData("1e5")]
    [InlineData(",5")]
    [InlineData("5,")]
    [InlineData("1 2 3 ,5")]
    [InlineData("--1")]
    [InlineData("12345678901234567890123456789")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Other_number_text_is_refused(string value) => Assert.False(ValueFormats.TryParseNumber(value, out _));

    [Fact]
    public void Stored_numbers_drop_trailing_zeros() => Assert.Equal("3.5", ValueFormats.FormatNumber(3.500m));

    [Theory]
    [InlineData("2026-03-15")]
    [InlineData("2024-02-29")]
    public void Iso_dates_are_accepted(string value) => Assert.True(ValueFormats.TryParseDate(value, out _));

    [Theory]
    [InlineData("2025-02-29")]
    [InlineData("2026-3-15")]
    [InlineData("15/03/2026")]
    [InlineData("2026-03-15T00:00")]
    [InlineData("20260315")]
    [InlineData("2026-13-01")]
    public void Other_date_text_is_refused(string value) => Assert.False(ValueFormats.TryParseDate(value, out _));

    [Theory]
    [InlineData("13560", "135 60")]
    [InlineData("135 60", "135 60")]
    [InlineData(" 13560 ", "135 60")]
    public void Postal_codes_are_normalized(string value, string expected)
    {
        Assert.True(ValueFormats.TryNormalizePostalCode(value, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("03560")]
    [InlineData("1356")]
    [InlineData("135600")]
    [InlineData("13 5 60")]
    [InlineData("SE-13560")]
    public void Other_postal_code_text_is_refused(string value) => Assert.False(ValueFormats.TryNormalizePostalCode(value, out _));

    [Theory]
    [InlineData(2008, 2, 29, 2026, 2, 28, 18)]
    [InlineData(2008, 2, 29, 2026, 2, 27, 17)]
    [InlineData(2008, 2, 29, 2028, 2, 29, 20)]
    [InlineData(2000, 1, 1, 2000, 1, 1, 0)]
    public void Ages_count_whole_years_with_leap_day_birthdays_on_28_february(int by, int bm, int bd, int ty, int tm, int td, int age) =>
        Assert.Equal(age, ValueFormats.AgeInYears(new DateOnly(by, bm, bd), new DateOnly(ty, tm, td)));
}
