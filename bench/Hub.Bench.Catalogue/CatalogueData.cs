using System.Text;
using Hub.Catalog.Catalogue;

namespace Hub.Bench.Catalogue;

/// <summary>
/// A deterministic catalogue: the e-services Swedish municipalities actually run (the TEO, Tyresö, Oxelösund and Mjölby
/// services of the demo (docs/services.md) and the usual rest), shared by real municipalities, each with its own wording of title and
/// summary, English for most. The same seed gives the same catalogue, so runs compare.
/// </summary>
internal static class CatalogueData
{
    /// <summary>A service many municipalities run: category, title forms (first the plain one), English titles, search words.</summary>
    internal sealed record BaseService(string Key, string Category, string[] TitlesSv, string[] TitlesEn, string WhatSv, string WhatEn, string[] Keywords);

    public static IReadOnlyList<string> Municipalities { get; } =
    [
        "Ale", "Alingsås", "Alvesta", "Aneby", "Arboga", "Arjeplog", "Arvidsjaur", "Arvika", "Askersund", "Avesta",
        "Bengtsfors", "Berg", "Bjurholm", "Bjuv", "Boden", "Bollebygd", "Bollnäs", "Borgholm", "Borlänge", "Borås",
        "Botkyrka", "Boxholm", "Bromölla", "Bräcke", "Burlöv", "Båstad", "Dals-Ed", "Danderyd", "Degerfors", "Dorotea",
        "Eda", "Ekerö", "Eksjö", "Emmaboda", "Enköping", "Eskilstuna", "Eslöv", "Essunga", "Fagersta", "Falkenberg",
        "Falköping", "Falun", "Filipstad", "Finspång", "Flen", "Forshaga", "Färgelanda", "Gagnef", "Gislaved", "Gnesta",
        "Gnosjö", "Gotland", "Grums", "Grästorp", "Gullspång", "Gällivare", "Gävle", "Göteborg", "Götene", "Habo",
        "Hagfors", "Hallsberg", "Hallstahammar", "Halmstad", "Hammarö", "Haninge", "Haparanda", "Heby", "Hedemora", "Helsingborg",
        "Herrljunga", "Hjo", "Hofors", "Huddinge", "Hudiksvall", "Hultsfred", "Hylte", "Håbo", "Hällefors", "Härjedalen",
        "Härnösand", "Härryda", "Hässleholm", "Höganäs", "Högsby", "Hörby", "Höör", "Jokkmokk", "Järfälla", "Jönköping",
        "Kalix", "Kalmar", "Karlsborg", "Karlshamn", "Karlskoga", "Karlskrona", "Karlstad", "Katrineholm", "Kil", "Kinda",
        "Kiruna", "Klippan", "Knivsta", "Kramfors", "Kristianstad", "Kristinehamn", "Krokom", "Kumla", "Kungsbacka", "Kungsör",
        "Kungälv", "Kävlinge", "Köping", "Laholm", "Landskrona", "Laxå", "Lekeberg", "Leksand", "Lerum", "Lessebo",
        "Lidingö", "Lidköping", "Lilla Edet", "Lindesberg", "Linköping", "Ljungby", "Ljusdal", "Ljusnarsberg", "Lomma", "Ludvika",
        "Luleå", "Lund", "Lycksele", "Lysekil", "Malmö", "Malung-Sälen", "Malå", "Mariestad", "Mark", "Markaryd",
        "Mellerud", "Mjölby", "Mora", "Motala", "Mullsjö", "Munkedal", "Munkfors", "Mölndal", "Mönsterås", "Mörbylånga",
        "Nacka", "Nora", "Norberg", "Nordanstig", "Nordmaling", "Norrköping", "Norrtälje", "Norsjö", "Nybro", "Nykvarn",
        "Nyköping", "Nynäshamn", "Nässjö", "Ockelbo", "Olofström", "Orsa", "Orust", "Osby", "Oskarshamn", "Ovanåker",
        "Oxelösund", "Pajala", "Partille", "Perstorp", "Piteå", "Ragunda", "Robertsfors", "Ronneby", "Rättvik", "Sala",
        "Salem", "Sandviken", "Sigtuna", "Simrishamn", "Sjöbo", "Skara", "Skellefteå", "Skinnskatteberg", "Skurup", "Skövde",
        "Smedjebacken", "Sollefteå", "Sollentuna", "Solna", "Sorsele", "Sotenäs", "Staffanstorp", "Stenungsund", "Stockholm", "Storfors",
        "Storuman", "Strängnäs", "Strömstad", "Strömsund", "Sundbyberg", "Sundsvall", "Sunne", "Surahammar", "Svalöv", "Svedala",
        "Svenljunga", "Säffle", "Säter", "Sävsjö", "Söderhamn", "Söderköping", "Södertälje", "Sölvesborg", "Tanum", "Tibro",
        "Tidaholm", "Tierp", "Timrå", "Tingsryd", "Tjörn", "Tomelilla", "Torsby", "Torsås", "Tranemo", "Tranås",
        "Trelleborg", "Trollhättan", "Trosa", "Tyresö", "Täby", "Töreboda", "Uddevalla", "Ulricehamn", "Umeå", "Upplands Väsby",
        "Upplands-Bro", "Uppsala", "Uppvidinge", "Vadstena", "Vaggeryd", "Valdemarsvik", "Vallentuna", "Vansbro", "Vara", "Varberg",
        "Vaxholm", "Vellinge", "Vetlanda", "Vilhelmina", "Vimmerby", "Vindeln", "Vingåker", "Vårgårda", "Vänersborg", "Vännäs",
        "Värmdö", "Värnamo", "Västervik", "Västerås", "Växjö", "Ydre", "Ystad", "Åmål", "Ånge", "Åre",
        "Årjäng", "Åsele", "Åstorp", "Åtvidaberg", "Älmhult", "Älvdalen", "Älvkarleby", "Älvsbyn", "Ängelholm", "Öckerö",
        "Ödeshög", "Örebro", "Örkelljunga", "Örnsköldsvik", "Östersund", "Österåker", "Östhammar", "Östra Göinge", "Överkalix", "Övertorneå",
    ];

    public static IReadOnlyList<BaseService> Services { get; } =
    [
        // Barn och utbildning
        S("specialkost", "barn-och-utbildning", ["Specialkost", "Ansökan om specialkost", "Specialkost i skolan och förskolan"], ["Special diet", "Special diet at school"], "specialkost av medicinska eller etiska skäl i förskola och skola", "a special diet at preschool or school", "kost", "allergi", "skolmat", "diet"),
        S("modersmal", "barn-och-utbildning", ["Ansökan om modersmålsundervisning", "Modersmålsundervisning", "Modersmål"], ["Mother-tongue tuition"], "undervisning i modersmål för elever med annat modersmål än svenska", "mother-tongue tuition for pupils", "modersmål", "språk", "elev", "tuition"),
        S("ledighet-elev", "barn-och-utbildning", ["Ansökan om ledighet för elev", "Ledighet för elev", "Elevledighet"], ["Leave of absence for a pupil", "Pupil leave"], "ledighet från skolan för ditt barn, som båda vårdnadshavarna skriver under", "leave from school for your child", "ledighet", "frånvaro", "skola", "absence"),
        S("skolskjuts", "barn-och-utbildning", ["Skolskjuts", "Ansökan om skolskjuts", "Skolskjuts vid växelvis boende"], ["School transport", "Application for school transport"], "skolskjuts för elever med lång skolväg eller särskilda behov", "school transport for pupils", "skolskjuts", "buss", "elevresor", "transport"),
        S("forskoleplats", "barn-och-utbildning", ["Ansökan om förskoleplats", "Förskola", "Plats i förskola"], ["Preschool place", "Application for preschool"], "plats i förskola för barn från ett år", "a preschool place for your child", "förskola", "barnomsorg", "dagis", "preschool"),
        S("fritidshem", "barn-och-utbildning", ["Ansökan om fritidshem", "Fritidshem", "Plats på fritidshem"], ["After-school centre"], "plats på fritidshem före och efter skoltid", "an after-school centre place", "fritids", "fritidshem", "barnomsorg", "after-school"),
        S("barnomsorg-obekvam-tid", "barn-och-utbildning", ["Omsorg på obekväm arbetstid", "Ansökan om barnomsorg på kvällar och helger"], ["Childcare at unsocial hours"], "barnomsorg på kvällar, nätter och helger", "childcare in the evening and at weekends", "barnomsorg", "kvällsomsorg", "nattis", "childcare"),
        S("byte-av-skola", "barn-och-utbildning", ["Byte av skola", "Ansökan om skolbyte", "Skolval"], ["Change of school", "School choice"], "byte till en annan grundskola", "a change of school", "skolval", "grundskola", "skolbyte", "school"),
        S("kulturskolan", "barn-och-utbildning", ["Kulturskolan", "Anmälan till kulturskolan", "Ansökan till musikskolan"], ["Arts school", "Music school"], "plats i kulturskolans kurser i musik, dans och teater", "a place at the arts school", "musik", "dans", "teater", "music"),
        S("komvux", "barn-och-utbildning", ["Ansökan till vuxenutbildning", "Komvux", "Vuxenutbildning"], ["Adult education", "Application for adult education"], "studier på komvux, grundläggande och gymnasial nivå", "adult education courses", "komvux", "vuxenutbildning", "studier", "education"),
        S("sfi", "barn-och-utbildning", ["Svenska för invandrare", "Anmälan till SFI", "SFI"], ["Swedish for immigrants"], "undervisning i svenska för vuxna invandrare", "Swedish lessons for adult immigrants", "sfi", "svenska", "språk", "immigrants"),
        S("inackordering", "barn-och-utbildning", ["Inackorderingstillägg", "Ansökan om inackorderingstillägg"], ["Boarding allowance"], "bidrag till boende för gymnasieelever som studerar på annan ort", "a boarding allowance for upper-secondary pupils", "gymnasium", "bidrag", "boende", "allowance"),
        S("barnomsorgsavgift", "barn-och-utbildning", ["Inkomstuppgift för barnomsorgsavgift", "Anmälan om ändrad inkomst", "Barnomsorgsavgift"], ["Income for childcare fees"], "hushållets inkomst som avgiften för förskola och fritidshem räknas på", "your income for childcare fees", "avgift", "inkomst", "maxtaxa", "fee"),
        S("uppsagning-barnomsorg", "barn-och-utbildning", ["Uppsägning av förskoleplats", "Uppsägning av plats i barnomsorg"], ["Cancel a childcare place"], "uppsägning av plats i förskola eller fritidshem", "cancelling a childcare place", "uppsägning", "förskola", "fritids", "cancel"),
        S("pedagogisk-omsorg", "barn-och-utbildning", ["Pedagogisk omsorg", "Ansökan om pedagogisk omsorg"], ["Family daycare"], "plats hos dagbarnvårdare i pedagogisk omsorg", "a place in family daycare", "dagbarnvårdare", "dagmamma", "barnomsorg", "daycare"),

        // Omsorg och stöd
        S("fardtjanst", "omsorg-och-stod", ["Färdtjänst", "Ansökan om färdtjänst", "Färdtjänst – ansökan om tillstånd"], ["Mobility service", "Application for mobility service"], "färdtjänst för dig som har svårt att resa med allmänna kommunikationer", "the local mobility service for people who cannot use public transport", "färdtjänst", "resor", "taxi", "mobility"),
        S("riksfardtjanst", "omsorg-och-stod", ["Riksfärdtjänst", "Ansökan om riksfärdtjänst"], ["National mobility service"], "riksfärdtjänst för längre resor inom Sverige", "the national mobility service for longer journeys", "riksfärdtjänst", "resor", "tåg", "travel"),
        S("ekonomiskt-bistand", "omsorg-och-stod", ["Ekonomiskt bistånd", "Ansökan om ekonomiskt bistånd", "Försörjningsstöd"], ["Social assistance", "Application for social assistance"], "ekonomiskt bistånd (försörjningsstöd) när du inte kan försörja dig på annat sätt", "social assistance when you cannot support yourself", "försörjningsstöd", "socialbidrag", "pengar", "benefit"),
        S("trygghetslarm", "omsorg-och-stod", ["Trygghetslarm", "Ansökan om trygghetslarm"], ["Safety alarm", "Personal safety alarm"], "trygghetslarm i hemmet så att du kan larma dygnet runt", "a safety alarm at home", "larm", "äldreomsorg", "trygghet", "alarm"),
        S("hemtjanst", "omsorg-och-stod", ["Hemtjänst", "Ansökan om hemtjänst", "Ansökan om hjälp i hemmet"], ["Home help", "Application for home care"], "hjälp i hemmet med vardagliga sysslor och personlig omvårdnad", "help at home", "äldreomsorg", "omvårdnad", "hjälp", "care"),
        S("sarskilt-boende", "omsorg-och-stod", ["Ansökan om särskilt boende", "Särskilt boende för äldre", "Äldreboende"], ["Residential care for older people"], "plats i särskilt boende för äldre", "a place in residential care", "äldreboende", "boende", "äldreomsorg", "nursing"),
        S("bostadsanpassning", "omsorg-och-stod", ["Bostadsanpassningsbidrag", "Ansökan om bostadsanpassningsbidrag", "Bostadsanpassning"], ["Housing adaptation grant"], "bidrag för att anpassa bostaden efter en funktionsnedsättning", "a grant to adapt your home", "bidrag", "funktionsnedsättning", "bostad", "grant"),
        S("kontaktperson", "omsorg-och-stod", ["Kontaktperson enligt LSS", "Ansökan om kontaktperson", "Bli kontaktperson"], ["Contact person"], "en kontaktperson enligt LSS eller SoL", "a contact person under the disability act", "lss", "stöd", "funktionsnedsättning", "support"),
        S("ledsagarservice", "omsorg-och-stod", ["Ledsagarservice", "Ansökan om ledsagarservice"], ["Escort service"], "ledsagning till fritidsaktiviteter och kultur", "an escort to leisure activities", "lss", "ledsagare", "fritid", "escort"),
        S("personlig-assistans", "omsorg-och-stod", ["Personlig assistans", "Ansökan om personlig assistans"], ["Personal assistance"], "personlig assistans enligt LSS", "personal assistance under the disability act", "lss", "assistans", "assistent", "assistance"),
        S("orosanmalan", "omsorg-och-stod", ["Orosanmälan", "Anmälan om oro för barn", "Orosanmälan för barn och unga"], ["Report concern about a child"], "en anmälan till socialtjänsten om du är orolig för ett barn", "a report to social services about a child", "barn", "socialtjänst", "oro", "concern"),
        S("god-man", "omsorg-och-stod", ["Ansökan om god man", "God man och förvaltare", "Bli god man"], ["Guardian ad litem", "Trustee"], "god man eller förvaltare genom överförmyndaren", "a trustee through the chief guardian", "överförmyndare", "förvaltare", "ställföreträdare", "trustee"),
        S("matdistribution", "omsorg-och-stod", ["Matdistribution", "Ansökan om matlåda", "Matleverans till äldre"], ["Meals on wheels"], "färdiga måltider levererade hem", "meals delivered to your home", "mat", "äldreomsorg", "matlåda", "meals"),
        S("anhorigstod", "omsorg-och-stod", ["Avlösning för anhöriga", "Anhörigstöd", "Ansökan om avlösning i hemmet"], ["Respite for carers", "Carer support"], "avlösning och stöd för dig som vårdar en närstående", "respite for family carers", "anhörig", "avlösning", "stöd", "carer"),
        S("skuldradgivning", "omsorg-och-stod", ["Budget- och skuldrådgivning", "Skuldrådgivning"], ["Debt counselling", "Budget and debt advice"], "rådgivning om budget och skulder", "advice on budget and debt", "skulder", "budget", "ekonomi", "debt"),
        S("dodsboanmalan", "omsorg-och-stod", ["Dödsboanmälan", "Anmälan om dödsbo"], ["Estate notification"], "dödsboanmälan när tillgångarna inte räcker till begravning", "notification of an estate", "dödsbo", "begravning", "arv", "estate"),

        // Bygga, bo och miljö
        S("bygglov", "bygga-bo-och-miljo", ["Bygglov", "Ansökan om bygglov", "Bygglov för en- och tvåbostadshus", "Bygglovsansökan"], ["Building permit", "Application for a building permit"], "bygglov för nybyggnad, tillbyggnad eller ändrad användning", "a building permit", "bygglov", "bygga", "tillbyggnad", "permit"),
        S("forhandsbesked", "bygga-bo-och-miljo", ["Förhandsbesked", "Ansökan om förhandsbesked"], ["Outline planning permission"], "förhandsbesked om en byggnad får placeras på en plats", "an advance ruling on building", "förhandsbesked", "bygga", "tomt", "planning"),
        S("rivningslov", "bygga-bo-och-miljo", ["Rivningslov", "Ansökan om rivningslov", "Anmälan om rivning"], ["Demolition permit"], "rivningslov eller anmälan om rivning av en byggnad", "a demolition permit", "rivning", "bygglov", "byggnad", "demolition"),
        S("attefall", "bygga-bo-och-miljo", ["Anmälan om attefallsåtgärd", "Attefallshus", "Attefallsåtgärder"], ["Notification of a small extension"], "anmälan om attefallshus, tillbyggnad eller takkupa", "notification of small buildings without a permit", "attefall", "bygganmälan", "komplementbostad", "extension"),
        S("strandskydd", "bygga-bo-och-miljo", ["Strandskyddsdispens", "Ansökan om strandskyddsdispens", "Dispens från strandskyddet"], ["Shoreline protection exemption"], "dispens från strandskyddet för att bygga nära vatten", "an exemption from shoreline protection", "strandskydd", "dispens", "sjö", "shoreline"),
        S("livsmedel", "bygga-bo-och-miljo", ["Registrering av livsmedelsverksamhet", "Anmälan om registrering av livsmedelsanläggning", "Livsmedelsregistrering"], ["Registration of a food business"], "registrering av en livsmedelsverksamhet innan du startar", "registration of a food business", "livsmedel", "restaurang", "kontroll", "food"),
        S("varmepump", "bygga-bo-och-miljo", ["Anmälan om värmepump", "Värmepump – anmälan", "Installation av värmepump"], ["Heat pump notification"], "anmälan om installation av värmepump", "notification of a heat pump", "värmepump", "energi", "bergvärme", "heat"),
        S("enskilt-avlopp", "bygga-bo-och-miljo", ["Enskilt avlopp", "Ansökan om enskilt avlopp", "Anmälan om avloppsanläggning"], ["Private sewage system"], "tillstånd för en enskild avloppsanläggning", "a permit for a private sewage system", "avlopp", "miljö", "vatten", "sewage"),
        S("tomtko", "bygga-bo-och-miljo", ["Tomtkö", "Anmälan till tomtkön", "Köp av villatomt"], ["Plot queue"], "plats i kommunens kö för villatomter", "a place in the queue for building plots", "tomt", "villatomt", "kö", "plot"),
        S("nybyggnadskarta", "bygga-bo-och-miljo", ["Beställning av nybyggnadskarta", "Nybyggnadskarta", "Beställ karta"], ["Order a site map"], "nybyggnadskarta till ansökan om bygglov", "a site map for a building permit", "karta", "bygglov", "mätning", "map"),
        S("slamtomning", "bygga-bo-och-miljo", ["Tömning av slamavskiljare", "Beställning av slamtömning", "Extra slamtömning"], ["Septic tank emptying"], "tömning av slamavskiljare och sluten tank", "emptying of a septic tank", "slam", "avlopp", "avfall", "septic"),
        S("grovavfall", "bygga-bo-och-miljo", ["Hämtning av grovavfall", "Beställ hämtning av grovsopor", "Grovavfall"], ["Bulky waste collection"], "hämtning av grovavfall vid fastigheten", "collection of bulky waste", "sopor", "avfall", "återvinning", "waste"),
        S("olagenhet", "bygga-bo-och-miljo", ["Anmälan om olägenhet", "Klagomål på inomhusmiljö", "Klagomål på buller"], ["Complaint about nuisance"], "en anmälan om buller, lukt eller fukt i bostaden", "a complaint about noise, smell or damp", "buller", "miljö", "klagomål", "complaint"),
        S("brandfarlig-vara", "bygga-bo-och-miljo", ["Tillstånd för brandfarlig vara", "Ansökan om tillstånd för hantering av brandfarlig vara"], ["Permit for flammable goods"], "tillstånd att hantera brandfarliga varor", "a permit to handle flammable goods", "räddningstjänst", "brand", "gasol", "fire"),
        S("sotning", "bygga-bo-och-miljo", ["Egensotning", "Ansökan om att sota själv", "Sotning"], ["Chimney sweeping by the owner"], "tillstånd att sota själv på den egna fastigheten", "a permit to sweep your own chimney", "sotning", "eldstad", "brand", "chimney"),
        S("eldningsforbud", "bygga-bo-och-miljo", ["Anmälan om eldning", "Eldning av trädgårdsavfall"], ["Burning garden waste"], "anmälan om eldning av trädgårdsavfall", "notification of burning garden waste", "eldning", "trädgård", "brand", "burning"),
        S("solceller", "bygga-bo-och-miljo", ["Bygglov för solceller", "Anmälan om solcellsanläggning", "Solceller"], ["Solar panels"], "bygglov eller anmälan för solceller på taket", "a permit for solar panels", "solceller", "energi", "tak", "solar"),

        // Trafik och infrastruktur
        S("felanmalan", "trafik-och-infrastruktur", ["Felanmälan", "Felanmälan gata och park", "Felanmälan med foto"], ["Report a fault", "Fault report"], "fel på gator, belysning, parker och lekplatser", "faults in streets, lighting and parks", "fel", "gata", "belysning", "fault"),
        S("parkeringstillstand", "trafik-och-infrastruktur", ["Parkeringstillstånd för rörelsehindrade", "Ansökan om parkeringstillstånd", "Parkeringstillstånd"], ["Disabled parking permit"], "parkeringstillstånd för dig med rörelsehinder", "a disabled parking permit", "parkering", "rörelsehinder", "bil", "parking"),
        S("boendeparkering", "trafik-och-infrastruktur", ["Boendeparkering", "Ansökan om boendeparkering"], ["Residents' parking"], "tillstånd för boendeparkering nära hemmet", "residents' parking near your home", "parkering", "boende", "bil", "parking"),
        S("gravtillstand", "trafik-och-infrastruktur", ["Grävtillstånd", "Ansökan om grävtillstånd", "Schakttillstånd"], ["Excavation permit"], "tillstånd att gräva i kommunens gator och mark", "a permit to dig in public land", "grävning", "schakt", "ledning", "excavation"),
        S("trafikanordningsplan", "trafik-och-infrastruktur", ["Trafikanordningsplan", "Ansökan om TA-plan"], ["Traffic management plan"], "godkännande av trafikanordningsplan vid arbete på väg", "approval of a traffic management plan", "trafik", "vägarbete", "avstängning", "traffic"),
        S("tung-transport", "trafik-och-infrastruktur", ["Dispens för tung transport", "Ansökan om transportdispens"], ["Exemption for heavy transport"], "dispens för bred, lång eller tung transport", "an exemption for heavy transport", "transport", "dispens", "lastbil", "heavy"),
        S("markupplatelse", "trafik-och-infrastruktur", ["Upplåtelse av offentlig plats", "Ansökan om markupplåtelse", "Uteservering på allmän plats"], ["Use of public space"], "att använda gata, torg eller park för till exempel uteservering", "use of public space", "torg", "uteservering", "mark", "space"),
        S("snorojning", "trafik-och-infrastruktur", ["Synpunkter på snöröjning", "Snöröjning och halkbekämpning"], ["Snow clearing"], "synpunkter på snöröjning och sandning", "feedback on snow clearing", "snö", "halka", "väg", "snow"),
        S("flytta-fordon", "trafik-och-infrastruktur", ["Anmälan om övergivet fordon", "Flyttning av fordon"], ["Abandoned vehicle"], "en anmälan om ett fordon som står övergivet", "a report of an abandoned vehicle", "fordon", "bil", "skrot", "vehicle"),
        S("vagbidrag", "trafik-och-infrastruktur", ["Bidrag till enskild väg", "Ansökan om vägbidrag"], ["Grant for private roads"], "bidrag till drift av enskilda vägar", "a grant for private roads", "väg", "bidrag", "vägförening", "road"),

        // Kultur och fritid
        S("foreningsbidrag", "kultur-och-fritid", ["Föreningsbidrag", "Ansökan om föreningsbidrag", "Aktivitetsbidrag till förening"], ["Association grant", "Grant for associations"], "bidrag till föreningar med verksamhet för barn och unga", "a grant to associations", "förening", "bidrag", "idrott", "grant"),
        S("kulturbidrag", "kultur-och-fritid", ["Kulturbidrag", "Ansökan om kulturbidrag", "Projektbidrag kultur"], ["Culture grant"], "bidrag till kulturprojekt och arrangemang", "a grant for cultural projects", "kultur", "bidrag", "projekt", "culture"),
        S("kulturstipendium", "kultur-och-fritid", ["Kulturstipendium", "Ansökan om kulturstipendium", "Nominering till kulturpris"], ["Culture scholarship"], "stipendium för kulturutövare", "a culture scholarship", "stipendium", "kultur", "pris", "scholarship"),
        S("lokalbokning", "kultur-och-fritid", ["Lokalbokning", "Boka idrottshall", "Bokning av lokal"], ["Book a venue", "Sports hall booking"], "bokning av sporthallar, lokaler och planer", "booking of halls and rooms", "bokning", "idrottshall", "lokal", "booking"),
        S("studieforbund", "kultur-och-fritid", ["Bidrag till studieförbund", "Ansökan om bidrag till studieförbund"], ["Grant for adult education associations"], "bidrag till studieförbundens verksamhet", "a grant to study associations", "studieförbund", "bidrag", "folkbildning", "grant"),
        S("fiskekort", "kultur-och-fritid", ["Fiskekort", "Köp av fiskekort"], ["Fishing licence"], "fiskekort för kommunens vatten", "a fishing licence", "fiske", "sjö", "fritid", "fishing"),
        S("lanekort", "kultur-och-fritid", ["Lånekort på biblioteket", "Ansökan om lånekort", "Biblioteket"], ["Library card"], "lånekort till folkbiblioteket", "a library card", "bibliotek", "böcker", "lån", "library"),
        S("evenemang", "kultur-och-fritid", ["Evenemangsstöd", "Ansökan om evenemangsbidrag", "Arrangemangsbidrag"], ["Event grant"], "stöd till evenemang som är öppna för alla", "support for public events", "evenemang", "bidrag", "arrangemang", "event"),
        S("kolonilott", "kultur-och-fritid", ["Kolonilott", "Ansökan om odlingslott", "Odlingslott"], ["Allotment"], "en koloni- eller odlingslott", "an allotment garden", "odling", "koloni", "trädgård", "allotment"),
        S("ledarutbildning", "kultur-och-fritid", ["Ledarutbildningsbidrag", "Bidrag till ledarutbildning"], ["Grant for leader training"], "bidrag till utbildning av ledare i föreningar", "a grant for leader training", "ledare", "förening", "bidrag", "training"),

        // Näringsliv och arbete
        S("serveringstillstand", "naringsliv-och-arbete", ["Serveringstillstånd", "Ansökan om serveringstillstånd", "Stadigvarande serveringstillstånd"], ["Alcohol licence", "Licence to serve alcohol"], "tillstånd att servera alkohol, ansökan med organisationsnummer", "a licence to serve alcohol", "alkohol", "restaurang", "tillstånd", "alcohol"),
        S("tillfalligt-servering", "naringsliv-och-arbete", ["Tillfälligt serveringstillstånd", "Ansökan om tillfälligt serveringstillstånd"], ["Temporary alcohol licence"], "tillfälligt tillstånd att servera alkohol vid ett evenemang", "a temporary licence to serve alcohol", "alkohol", "evenemang", "tillstånd", "alcohol"),
        S("tobak", "naringsliv-och-arbete", ["Tillstånd för försäljning av tobak", "Ansökan om tobakstillstånd"], ["Tobacco sales licence"], "tillstånd att sälja tobaksvaror", "a licence to sell tobacco", "tobak", "försäljning", "tillstånd", "tobacco"),
        S("arbetsgivarintyg", "naringsliv-och-arbete", ["Arbetsgivarintyg", "Beställning av arbetsgivarintyg"], ["Employer's certificate"], "arbetsgivarintyg för dig som har arbetat i kommunen", "an employer's certificate", "intyg", "anställning", "a-kassa", "certificate"),
        S("feriearbete", "naringsliv-och-arbete", ["Feriearbete", "Ansökan om sommarjobb för ungdomar", "Sommarjobb"], ["Summer job for young people"], "feriearbete för ungdomar under sommaren", "a summer job for young people", "sommarjobb", "ungdom", "arbete", "job"),
        S("lotteri", "naringsliv-och-arbete", ["Lotteritillstånd", "Registrering av lotteri", "Ansökan om lotteritillstånd"], ["Lottery licence"], "registrering av lotteri för ideella föreningar", "registration of a lottery", "lotteri", "förening", "tillstånd", "lottery"),
        S("lakemedel", "naringsliv-och-arbete", ["Anmälan om försäljning av receptfria läkemedel", "Receptfria läkemedel"], ["Sale of non-prescription medicines"], "anmälan om försäljning av receptfria läkemedel", "notification of selling medicines", "läkemedel", "försäljning", "butik", "medicines"),
        S("hygienisk", "naringsliv-och-arbete", ["Anmälan om hygienisk verksamhet", "Anmälan om stickande och skärande verksamhet"], ["Notification of a hygiene business"], "anmälan om tatuering, piercing och liknande verksamhet", "notification of tattooing and similar", "tatuering", "hygien", "miljö", "hygiene"),
        S("praktik", "naringsliv-och-arbete", ["Praktikplats", "Ansökan om praktik", "Prao"], ["Work placement"], "praktikplats i kommunens verksamheter", "a work placement", "praktik", "prao", "arbete", "placement"),
        S("torghandel", "naringsliv-och-arbete", ["Torghandel", "Ansökan om torgplats", "Försäljningsplats"], ["Market stall"], "plats för torghandel", "a market stall", "torg", "handel", "försäljning", "market"),

        // Kommun och politik
        S("synpunkter", "kommun-och-politik", ["Synpunkter", "Synpunkter och klagomål", "Lämna synpunkter"], ["Feedback", "Feedback and complaints"], "synpunkter, beröm och klagomål på kommunens verksamhet, gärna anonymt", "feedback and complaints", "synpunkt", "klagomål", "beröm", "feedback"),
        S("allman-handling", "kommun-och-politik", ["Begäran om allmän handling", "Beställ allmän handling", "Allmänna handlingar"], ["Request for public documents"], "att ta del av allmänna handlingar", "access to public documents", "handlingar", "offentlighet", "diarium", "documents"),
        S("medborgarforslag", "kommun-och-politik", ["Medborgarförslag", "Lämna medborgarförslag", "E-förslag"], ["Citizen proposal"], "ett förslag till kommunfullmäktige", "a proposal to the council", "förslag", "fullmäktige", "demokrati", "proposal"),
        S("registerutdrag", "kommun-och-politik", ["Registerutdrag", "Begäran om registerutdrag enligt GDPR", "Dina personuppgifter"], ["Data subject access request"], "utdrag om vilka personuppgifter kommunen behandlar om dig", "a copy of your personal data", "gdpr", "personuppgifter", "dataskydd", "data"),
        S("vigsel", "kommun-och-politik", ["Borgerlig vigsel", "Ansökan om borgerlig vigsel", "Vigsel"], ["Civil wedding"], "borgerlig vigsel i kommunens regi", "a civil wedding", "vigsel", "bröllop", "giftermål", "wedding"),
        S("rostmottagare", "kommun-och-politik", ["Intresseanmälan röstmottagare", "Bli röstmottagare"], ["Polling clerk"], "arbete som röstmottagare vid val", "working as a polling clerk", "val", "röstning", "arbete", "election"),
        S("forlorad-arbetsinkomst", "kommun-och-politik", ["Ersättning för förlorad arbetsinkomst", "Arvode för förtroendevalda"], ["Compensation for lost earnings"], "ersättning till förtroendevalda för förlorad arbetsinkomst", "compensation for elected members", "arvode", "förtroendevald", "ersättning", "compensation"),
        S("skadestand", "kommun-och-politik", ["Skadeståndsanspråk", "Anmälan om skada", "Ersättning för skada"], ["Claim for damages"], "ersättning för en skada som kommunen kan ha orsakat", "a claim for damages", "skada", "skadestånd", "ersättning", "claim"),
        S("overklagande", "kommun-och-politik", ["Överklagande av beslut", "Överklaga ett beslut"], ["Appeal a decision"], "överklagande av ett beslut som kommunen har fattat", "an appeal against a decision", "överklagan", "beslut", "laglighetsprövning", "appeal"),
        S("flaggning", "kommun-och-politik", ["Flaggning och flaggdagar", "Ansökan om flaggning"], ["Flag raising"], "flaggning på kommunens flaggstänger", "raising a flag on the municipality's poles", "flagga", "flaggdag", "torg", "flag"),
    ];

    private static readonly string[] SummaryEndsSv =
    [
        "Du loggar in med e-legitimation och följer ärendet på Mina sidor.",
        "Beslutet kommer inom fyra veckor.",
        "Bifoga intyg om det behövs.",
        "Handläggaren kontaktar dig om något saknas.",
        "Du kan spara ansökan och fortsätta senare.",
        "Avgift enligt taxa.",
    ];

    private static readonly string[] SummaryEndsEn =
    [
        "You log in with e-ID and follow the case on My pages.",
        "You get a decision within four weeks.",
        "Attach certificates if needed.",
    ];

    public static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(c switch
            {
                'å' or 'ä' => 'a',
                'ö' => 'o',
                'é' => 'e',
                ' ' or '-' => '-',
                _ => char.IsAsciiLetterOrDigit(c) ? c : '-',
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="count"/> published packages over the owners, round-robin: owner k's n-th package is the n-th
    /// service of the owner's own shuffled list, in one of its wordings; a wording that names the municipality now and
    /// then; English for about two in three.
    /// </summary>
    public static List<CataloguePackage> Packages(int count, IReadOnlyList<(string Name, Guid Id)> owners, int seed, DateTime now)
    {
        var random = new Random(seed);
        var orders = owners.Select(_ => Services.OrderBy(_ => random.Next()).ToArray()).ToArray();
        var packages = new List<CataloguePackage>(count);
        for (var i = 0; i < count; i++)
        {
            var o = i % owners.Count;
            var round = i / owners.Count;
            var (name, ownerId) = owners[o];
            var service = orders[o][round % Services.Count];
            var copy = round / Services.Count;
            var key = copy == 0 ? service.Key : $"{service.Key}-{copy + 1}";
            var title = service.TitlesSv[random.Next(service.TitlesSv.Length)];
            if (random.Next(8) == 0)
            {
                title += $" – {name} kommun";
            }
            else if (copy > 0)
            {
                title += copy == 1 ? " för företag" : $" ({copy + 1})";
            }

            var english = random.Next(3) != 0;
            var summarySv = $"Här ansöker du om {service.WhatSv} hos {name} kommun. {SummaryEndsSv[random.Next(SummaryEndsSv.Length)]}";
            var created = now.AddDays(-random.Next(1, 2000));
            packages.Add(new CataloguePackage
            {
                Id = Guid.CreateVersion7(), OwnerTenantId = ownerId, ServiceKey = key, Status = CatalogueStatus.Published,
                Category = service.Category, TitleSv = title,
                TitleEn = english ? service.TitlesEn[random.Next(service.TitlesEn.Length)] : null,
                SummarySv = summarySv,
                SummaryEn = english ? $"Apply for {service.WhatEn} in {name}. {SummaryEndsEn[random.Next(SummaryEndsEn.Length)]}" : null,
                Keywords = string.Join('\n', service.Keywords),
                CreatedUtc = created, UpdatedUtc = created.AddDays(random.Next(0, 300)), Revision = Guid.NewGuid(),
            });
        }

        return packages;
    }

    /// <summary>The package's published version: its metadata as a submission would give it; a small placeholder as content (search never reads it).</summary>
    public static CataloguePackageVersion PublishedVersion(CataloguePackage package, string ownerName) => new()
    {
        Id = Guid.CreateVersion7(), PackageId = package.Id, Version = "1.0.0", SourceVersionId = Guid.CreateVersion7(),
        Content = "{}", ContentHash = new string('0', 64), Changelog = "Första versionen i katalogen.", Status = CatalogueStatus.Published,
        Category = package.Category, Description = package.SummarySv ?? "", Origin = CatalogueOrigin.Own, LegalBasis = "Kommunallagen (2017:725)",
        Maturity = CatalogueMaturity.InUse, ContactName = $"E-tjänsteansvarig {ownerName}", ContactEmail = $"e-tjanster@{Slug(ownerName)}.example",
        Documents = "[]", QualityFindings = "[]", SubmittedBy = "agare", SubmittedUtc = package.CreatedUtc, DecidedUtc = package.CreatedUtc,
        PublishedUtc = package.CreatedUtc,
    };

    private static BaseService S(string key, string category, string[] sv, string[] en, string whatSv, string whatEn, params string[] keywords) =>
        new(key, category, sv, en, whatSv, whatEn, keywords);
}
