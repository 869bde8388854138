using Hub.Search.Contracts;

namespace Hub.Search.Tests;

/// <summary>The shared TEO services (plus three common ones), in Swedish and some in English.</summary>
internal static class TeoServices
{
    public static IReadOnlyList<ServiceSearchDocument> All { get; } =
    [
        Sv("bygglov", "Bygglovsansökan", "Ansök om bygglov, marklov eller rivningslov.", "Bygga och bo", "altan", "tillbyggnad"),
        Sv("modersmal", "Ansökan om modersmålsundervisning", "För elever med ett annat modersmål än svenska.", "Förskola och skola"),
        Sv("specialkost", "Ansökan om specialkost", "Specialkost i förskola och skola av medicinska skäl.", "Förskola och skola", "allergi"),
        Sv("livsmedel", "Registrering av livsmedelsverksamhet", "Anmäl att du startar en livsmedelsverksamhet.", "Näringsliv", "restaurang", "kafé"),
        Sv("fardtjanst", "Ansökan om färdtjänst", "Resor med taxi för dig som har svårt att åka kollektivt.", "Omsorg och stöd"),
        Sv("riksfardtjanst", "Ansökan om riksfärdtjänst", "Resor till en annan kommun för dig med funktionsnedsättning.", "Omsorg och stöd"),
        Sv("ekonomiskt-bistand", "Ansökan om ekonomiskt bistånd", "Försörjningsstöd när andra inkomster inte räcker.", "Omsorg och stöd", "socialbidrag"),
        Sv("foreningsbidrag", "Föreningsbidrag", "Bidrag till ideella föreningar i kommunen.", "Kultur och fritid"),
        Sv("synpunkter", "Synpunkter", "Lämna synpunkter, beröm eller klagomål till kommunen.", "Kommun och politik"),
        Sv("felanmalan", "Felanmälan", "Anmäl fel på gator, belysning och parker.", "Trafik och gator", "gatubelysning"),
        Sv("trygghetslarm", "Trygghetslarm", "Larm för dig som bor hemma och behöver kunna kalla på hjälp.", "Omsorg och stöd"),
        En("bygglov", "Building permit application", "Apply for a building, land or demolition permit.", "Building and housing"),
        En("fardtjanst", "Application for mobility service", "Taxi journeys for people who cannot use public transport.", "Care and support"),
        En("foreningsbidrag", "Grants for associations", "Grants for non-profit associations in the municipality.", "Culture and leisure"),
        En("specialkost", "Special diet application", "Special diets in preschool and school for medical reasons.", "Preschool and school", "allergy"),
    ];

    private static ServiceSearchDocument Sv(string key, string title, string summary, string category, params string[] keywords) =>
        new(key, "sv", title, summary, category, keywords);

    private static ServiceSearchDocument En(string key, string title, string summary, string category, params string[] keywords) =>
        new(key, "en", title, summary, category, keywords);
}
