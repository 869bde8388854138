using Hub.Forms.Contracts;

namespace Hub.Forms.Tests.Answers;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("556016-0680")]
    [InlineData("5560160680")]
    [InlineData("16556016-0680")]
    [InlineData("165560160680")]
    [InlineData(" 556016-0680 ")]
    [InlineData("212000-0142")]
    [InlineData("202100-5463")]
    public void Valid_numbers_are_read_and_normalized(string input)
    {
        Assert.True(OrganisationNumber.TryParse(input, out var number));
        Assert.Matches(@"^\d{6}-\d{4}$", number.ToString());
    }

    [Fact]
    public void Twelve_digit_form_normalizes_to_ten_digits()
    {
        Assert.True(OrganisationNumber.TryParse("16556016-0680", out var number));
        Assert.Equal("5560160680", number.Digits);
        Assert.Equal("556016-0680", number.ToString());
    }

    [Theory]
    [InlineData("556016-0681")]
    [InlineData("5560160689")]
    public void Wrong_check_digit_is_refused(string input) => Assert.False(OrganisationNumber.TryParse(input, out _));

    [Theory]
    [InlineData("551010-1230")]
    [InlineData("121212-1212")]
    public void Third_digit_below_two_is_a_person_not_a_legal_entity(string input) =>
        Assert.False(OrganisationNumber.TryParse(input, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("556016+0680")]
    [InlineData("17556016-0680")]
    [InlineData("55601-60680")]
    [InlineData("556016-068")]
    [InlineData("556016-06800")]
    [InlineData("5560l60680")]
    public void Malformed_text_is_refused(string? input) => Assert.False(OrganisationNumber.TryParse(input, out _));
}
