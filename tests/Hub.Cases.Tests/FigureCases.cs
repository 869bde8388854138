using Hub.Testing;

namespace Hub.Cases.Tests;

/// <summary>The cases the figures tests count: five Synpunkter and one Specialkost here, three Synpunkter next door.</summary>
internal static class FigureCases
{
    public static async Task SubmitAsync(HubClient citizen, string own, string other)
    {
        for (var i = 0; i < 5; i++)
        {
            await citizen.SubmitFeedbackAsync(own, $"Synpunkt {i}.");
        }

        await citizen.SubmitSpecialkostAsync(own);
        for (var i = 0; i < 3; i++)
        {
            await citizen.SubmitFeedbackAsync(other, $"Grannens synpunkt {i}.");
        }
    }
}
