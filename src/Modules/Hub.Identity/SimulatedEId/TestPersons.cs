namespace Hub.Identity.SimulatedEId;

/// <summary>A person the simulated provider offers to log in as.</summary>
internal sealed record TestPerson(string PersonalIdentityNumber, string GivenName, string FamilyName, string DescriptionKey)
{
    public string Name => $"{GivenName} {FamilyName}";
}

/// <summary>
/// Test persons. Tolvan Tolvansson is Skatteverket's well-known test number; the others are fictional numbers with
/// valid check digits. Two guardians of one household (Anna and Erik Andersson) let family services be tried.
/// </summary>
internal static class TestPersons
{
    public static IReadOnlyList<TestPerson> All { get; } =
    [
        new("19121212-1212", "Tolvan", "Tolvansson", "TestEId.Person.Tolvan"),
        new("19850417-2381", "Anna", "Andersson", "TestEId.Person.Guardian"),
        new("19870903-2190", "Erik", "Andersson", "TestEId.Person.SecondGuardian"),
        new("19900220-3421", "Karin", "Lind", "TestEId.Person.Adult"),
    ];

    public static TestPerson? Find(string? personalIdentityNumber) =>
        All.FirstOrDefault(p => p.PersonalIdentityNumber == personalIdentityNumber);
}
