using Hub.Forms.Answers;
using Hub.Forms.Contracts;

namespace Hub.Forms.Tests.Answers;

public sealed class PersonalIdentityNumberTests
{
    private static readonly DateOnly Today = TestForms.Today;

    [Theory]
    [InlineData("19121212-1212", "19121212-1212")]
    [InlineData("191212121212", "19121212-1212")]
    [InlineData("  19121212-1212 ", "19121212-1212")]
    [InlineData("20000101-0008", "20000101-0008")]
    [InlineData("20000229-1235", "20000229-1235")]
    [InlineData("19811218-9876", "19811218-9876")]
    [InlineData("20080315-1232", "20080315-1232")]
    public void Valid_twelve_digit_numbers_are_read_and_normalized(string input, string expected)
    {
        Assert.True(PersonalIdentityNumber.TryParse(input, Today, out var number));
        Assert.Equal(expected, number.ToString());
        Assert.False(number.IsCoordinationNumber);
    }

    [Theory]
    [InlineData("121212-1212", "20121212-1212")]
    [InlineData("1212121212", "20121212-1212")]
    [InlineData("121212+1212", "19121212-1212")]
    [InlineData("991231-9994", "19991231-9994")]
    [InlineData("250101-1239", "20250101-1239")]
    [InlineData("260101-1238", "20260101-1238")]
    [InlineData("260401-1235", "19260401-1235")]
    [InlineData("260401+1235", "18260401-1235")]
    public void Ten_digit_numbers_get_the_latest_century_that_is_not_in_the_future(string input, string expected)
    {
        Assert.True(PersonalIdentityNumber.TryParse(input, Today, out var number));
        Assert.Equal(expected, number.ToString());
    }

    [Fact]
    public void Coordination_number_has_sixty_added_to_the_day()
    {
        Assert.True(PersonalIdentityNumber.TryParse("19121272-1219", Today, out var number));

        Assert.True(number.IsCoordinationNumber);
        Assert.Equal(new DateOnly(1912, 12, 12), number.BirthDate);
        Assert.Equal("191212721219", number.Digits);
    }

    [Theory]
    [InlineData("19121212-1213")]
    [InlineData("121212-1211")]
    [InlineData("19121272-1210")]
    public void Wrong_check_digit_is_refused(string input) =>
        Assert.False(PersonalIdentityNumber.TryParse(input, Today, out _));

    [Theory]
    [InlineData("19990230-1234")]
    [InlineData("19000229-1235")]
    [InlineData("19991301-0000")]
    [InlineData("19990100-0000")]
    [InlineData("19990160-0000")]
    public void Date_that_does_not_exist_is_refused_even_with_a_valid_check_digit(string input) =>
        Assert.False(PersonalIdentityNumber.TryParse(input, Today, out _));

    [Theory]
    [InlineData("9902301234")]
    [InlineData("0002291235")]
    public void Invalid_date_vectors_carry_a_valid_check_digit(string tenDigits) =>
        Assert.True(Luhn.IsValid(tenDigits), "so the date check, not the Luhn check, is what refuses them");

    [Fact]
    public void Birth_date_after_today_is_refused() =>
        Assert.False(PersonalIdentityNumber.TryParse("20991231-1231", Today, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("19121212")]
    [InlineData("19121212_1212")]
    [InlineData("1912121-21212")]
    [InlineData("19121212+1212")]
    [InlineData("121212--1212")]
    [InlineData("12121212121212")]
    [InlineData("１２１２１２-１２１２")]
    [InlineData("19121212-12１2")]
    public void Malformed_text_is_refused(string? input) =>
        Assert.False(PersonalIdentityNumber.TryParse(input, Today, out _));

    [Theory]
    [InlineData("20080315-1232", 18)]
    [InlineData("20080316-1231", 17)]
    [InlineData("19121212-1212", 113)]
    public void Age_counts_whole_years_including_a_birthday_today(string input, int age)
    {
        Assert.True(PersonalIdentityNumber.TryParse(input, Today, out var number));
        Assert.Equal(age, number.AgeOn(Today));
    }
}
