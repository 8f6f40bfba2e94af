"""The agency's vacancies: Dutch texts, published requirements and where each procedure stands."""

from __future__ import annotations

from nagesprek.demo.catalogue import common as c
from nagesprek.demo.catalogue.types import RequirementSpec, VacancySpec
from nagesprek.vacancies.constants import EducationLevel
from nagesprek.vacancies.constants import RequirementKind as K
from nagesprek.vacancies.constants import VacancyStatus as S

KCC = "Klantcontactcentrum"
ICT = "Informatievoorziening en ICT"
JZ = "Juridische Zaken"
FIN = "Financiën en Control"
HR = "HR en Organisatie"

NL_C1, NL_B2 = c.dutch("C1"), c.dutch("B2")

VACANCIES = (
    VacancySpec(
        key="lud-kcc-telefoon",
        title="Medewerker Klantcontact",
        department=KCC,
        family="Klantcontact",
        role="klantcontact",
        location="Den Haag",
        hours=(24, 36),
        scale="schaal 6",
        intro="Heb je een vraag over je uitkering? Dan bel je met iemand zoals jij. Als medewerker Klantcontact "
        "help je klanten aan de telefoon en via de chat. Je zoekt uit wat er speelt en legt het uit in gewone woorden.",
        tasks="Je beantwoordt vragen over betalingen, wijzigingen en brieven. Je past gegevens aan in ons systeem "
        "en zet een verzoek door als een collega het moet oppakken. Je krijgt eerst zes weken een opleiding.",
        requirements=(
            c.MBO4,
            NL_C1,
            c.CUSTOMER_FOCUS,
            c.experience(
                1,
                "in klantcontact",
                "Je hebt al eens met klanten gewerkt, bijvoorbeeld in een klantenservice, winkel of callcenter.",
                must=False,
            ),
            c.english("B1"),
        ),
        pipeline="rollenspel",
        status=S.OPEN,
        closes=14,
    ),
    VacancySpec(
        key="lud-kcc-avond",
        title="Medewerker Klantcontact avond en zaterdag",
        department=KCC,
        family="Klantcontact",
        role="klantcontact",
        location="Amsterdam",
        hours=(16, 24),
        scale="schaal 6",
        intro="Veel klanten bellen ons pas na hun werk. Daarom zoeken wij collega's die op doordeweekse avonden "
        "en op zaterdag klanten te woord staan.",
        tasks="Je beantwoordt vragen aan de telefoon en in de chat, legt brieven uit en maakt afspraken voor een "
        "terugbelverzoek. Je werkt minimaal drie avonden per week tot 21.00 uur.",
        requirements=(
            c.MBO4,
            NL_C1,
            c.CUSTOMER_FOCUS,
            RequirementSpec(K.COMPETENCY, "Flexibel", "Je kunt op vaste avonden en op zaterdag werken."),
        ),
        pipeline="rollenspel",
        status=S.CLOSED,
        closes=-12,
        at_stage=1,
    ),
    VacancySpec(
        key="lud-kcc-internationaal",
        title="Medewerker Klantcontact Internationaal",
        department=KCC,
        family="Klantcontact",
        role="klantcontact",
        location="Den Haag",
        hours=(32, 36),
        scale="schaal 7",
        intro="Een deel van onze klanten woont in het buitenland. In het team Internationaal help je hen in het "
        "Nederlands en in het Engels.",
        tasks="Je beantwoordt telefoon, chat en e-mail van klanten in het buitenland. Je legt uit welke papieren "
        "nodig zijn en hoe een betaling naar een buitenlandse rekening werkt.",
        requirements=(
            c.MBO4,
            NL_B2,
            c.english("C1", must=True),
            RequirementSpec(
                K.LANGUAGE,
                "Duits B1",
                "Je voert eenvoudige gesprekken in het Duits.",
                must=False,
                level="B1",
            ),
            c.CUSTOMER_FOCUS,
        ),
        pipeline="rollenspel",
        status=S.OPEN,
        closes=21,
    ),
    VacancySpec(
        key="lud-kcc-kwaliteitscoach",
        title="Kwaliteitscoach Klantcontact",
        department=KCC,
        family="Klantcontact",
        role="leiding_klantcontact",
        location="Den Haag",
        hours=(32, 36),
        scale="schaal 8",
        intro="Als kwaliteitscoach help je collega's om klanten nog beter te helpen. Je luistert gesprekken terug, "
        "geeft feedback en maakt korte trainingen.",
        tasks="Je coacht zo'n dertig medewerkers, analyseert klachten en meet de kwaliteit van gesprekken. "
        "Je denkt mee over nieuwe werkinstructies.",
        requirements=(
            c.MBO4,
            c.experience(
                3, "in klantcontact", "Je hebt minimaal drie jaar in een klantenservice of contactcenter gewerkt."
            ),
            RequirementSpec(
                K.SKILL,
                "Coachen en feedback geven",
                "Je geeft feedback die mensen verder helpt en je weet hoe je een training opbouwt.",
            ),
            NL_C1,
            RequirementSpec(
                K.CERTIFICATE,
                "Certificaat Coachvaardigheden",
                "Een afgeronde cursus coachen of trainen is een plus.",
                must=False,
            ),
        ),
        pipeline="twee_gesprekken",
        status=S.CLOSED,
        closes=-30,
        at_stage=3,
    ),
    VacancySpec(
        key="lud-kcc-teamleider",
        title="Teamleider Klantcontact",
        department=KCC,
        family="Klantcontact",
        role="leiding_klantcontact",
        location="Amsterdam",
        hours=(32, 36),
        scale="schaal 10",
        intro="Als teamleider geef je leiding aan een team van vijftien medewerkers Klantcontact. Je zorgt dat "
        "klanten goed geholpen worden en dat je team met plezier werkt.",
        tasks="Je voert gesprekken over ontwikkeling en verzuim, maakt de planning met de roosteraar en stuurt "
        "op kwaliteit en bereikbaarheid.",
        requirements=(
            c.HBO,
            c.experience(2, "als teamleider", "Je hebt minimaal twee jaar leiding gegeven aan een team."),
            NL_C1,
            RequirementSpec(
                K.COMPETENCY,
                "Leidinggeven",
                "Je geeft richting, maakt duidelijke afspraken en spreekt mensen aan als dat nodig is.",
            ),
        ),
        pipeline="volledig",
        status=S.FILLED,
        closes=-80,
    ),
    VacancySpec(
        key="lud-kcc-webcare",
        title="Medewerker Webcare",
        department=KCC,
        family="Klantcontact",
        role="klantcontact",
        location="Den Haag",
        hours=(24, 32),
        scale="schaal 7",
        intro="Klanten stellen hun vragen steeds vaker via sociale media en ons webformulier. Als medewerker "
        "Webcare geef je snel en vriendelijk antwoord.",
        tasks="Je beantwoordt berichten, schrijft korte antwoorden die iedereen begrijpt en signaleert als er "
        "veel vragen over hetzelfde onderwerp binnenkomen.",
        requirements=(c.MBO4, NL_C1, c.WRITING, c.CUSTOMER_FOCUS),
        pipeline="kort",
        status=S.CANCELLED,
        closes=-35,
        at_stage=1,
    ),
    VacancySpec(
        key="lud-ict-python",
        title="Python-ontwikkelaar",
        department=ICT,
        family="ICT",
        role="ontwikkelaar",
        location="Den Haag",
        hours=(32, 36),
        scale="schaal 10",
        intro="Ons betaalsysteem moet elke maand foutloos werken. Als Python-ontwikkelaar bouw je mee aan de "
        "nieuwe versie, in een team met testers en een product owner.",
        tasks="Je schrijft en test code in Python en Django, beoordeelt code van collega's en werkt mee aan "
        "het overzetten van oude systemen. We werken in sprints van twee weken.",
        requirements=(
            c.HBO,
            RequirementSpec(K.SKILL, "Programmeren in Python", "Je schrijft goed leesbare en geteste Python-code."),
            c.experience(
                3, "als softwareontwikkelaar", "Je hebt minimaal drie jaar software gebouwd die echt gebruikt wordt."
            ),
            RequirementSpec(K.SKILL, "Ervaring met Django", "Je hebt met het Django-framework gewerkt.", must=False),
            RequirementSpec(K.SKILL, "Kennis van PostgreSQL", "Je schrijft SQL en begrijpt indexen.", must=False),
            NL_B2,
        ),
        pipeline="technisch",
        status=S.CLOSED,
        closes=-24,
        at_stage=2,
    ),
    VacancySpec(
        key="lud-ict-security",
        title="Security officer",
        department=ICT,
        family="ICT",
        role="security",
        location="Den Haag",
        hours=(36, 36),
        scale="schaal 11",
        intro="Wij bewaren gegevens van miljoenen mensen. Als security officer zorg je dat die gegevens veilig zijn "
        "en dat we voldoen aan de Baseline Informatiebeveiliging Overheid (BIO).",
        tasks="Je doet risicoanalyses, adviseert teams over veilige oplossingen, volgt beveiligingsincidenten op "
        "en rapporteert aan de CISO.",
        requirements=(
            c.HBO,
            RequirementSpec(
                K.CERTIFICATE,
                "CISSP",
                "Je hebt het certificaat CISSP. Dat laat zien dat je de basis van informatiebeveiliging beheerst.",
            ),
            RequirementSpec(
                K.CERTIFICATE,
                "CISM",
                "Het certificaat CISM, voor het leiden van beveiligingswerk, is een plus.",
                must=False,
            ),
            c.experience(4, "in informatiebeveiliging", "Je hebt minimaal vier jaar in informatiebeveiliging gewerkt."),
            RequirementSpec(K.SKILL, "Kennis van de BIO en ISO 27001", "Je kent de normen en weet hoe je ze toepast."),
            NL_C1,
        ),
        pipeline="volledig",
        status=S.OPEN,
        closes=10,
    ),
    VacancySpec(
        key="lud-ict-functioneel-beheer",
        title="Functioneel beheerder Uitkeringssystemen",
        department=ICT,
        family="ICT",
        role="functioneel_beheer",
        location="Den Haag",
        hours=(32, 36),
        scale="schaal 9",
        intro="Als functioneel beheerder ben je de schakel tussen de gebruikers van onze uitkeringssystemen en de "
        "ontwikkelaars.",
        tasks="Je verzamelt wensen van gebruikers, schrijft wijzigingsverzoeken, test nieuwe versies en helpt "
        "collega's bij problemen. Je werkt volgens BiSL.",
        requirements=(
            c.HBO,
            c.experience(
                2,
                "in functioneel beheer",
                "Je hebt minimaal twee jaar als functioneel beheerder of informatieanalist gewerkt.",
            ),
            RequirementSpec(
                K.CERTIFICATE,
                "Certificaat BiSL Foundation",
                "Je kent het BiSL-model voor functioneel beheer.",
                must=False,
            ),
            RequirementSpec(K.SKILL, "Testen", "Je schrijft testgevallen en voert acceptatietests uit."),
            NL_C1,
        ),
        pipeline="twee_gesprekken",
        status=S.CLOSED,
        closes=-18,
        at_stage=2,
    ),
    VacancySpec(
        key="lud-ict-data",
        title="Data-analist",
        department=ICT,
        family="ICT",
        role="data",
        location="Den Haag",
        hours=(32, 36),
        scale="schaal 10",
        intro="Hoeveel klanten bellen twee keer over dezelfde brief? Als data-analist zoek je het uit en maak je "
        "het zichtbaar, zodat we onze dienstverlening kunnen verbeteren.",
        tasks="Je maakt analyses en dashboards, schrijft SQL en Python en legt je uitkomsten uit aan managers "
        "zonder technische achtergrond.",
        requirements=(
            c.HBO,
            RequirementSpec(K.SKILL, "SQL", "Je haalt zelf gegevens op uit een database."),
            RequirementSpec(
                K.SKILL, "Data-analyse met Python", "Je analyseert gegevens met Python, bijvoorbeeld met pandas."
            ),
            c.experience(2, "als data-analist", "Je hebt minimaal twee jaar als analist gewerkt."),
            RequirementSpec(K.SKILL, "Power BI", "Je hebt dashboards gebouwd in Power BI.", must=False),
            NL_B2,
        ),
        pipeline="technisch",
        status=S.OPEN,
        closes=28,
    ),
    VacancySpec(
        key="lud-ict-servicedesk",
        title="Medewerker ICT-servicedesk",
        department=ICT,
        family="ICT",
        role="servicedesk_ict",
        location="Amsterdam",
        hours=(32, 36),
        scale="schaal 7",
        intro="Loopt een laptop vast of werkt een account niet? Dan helpt de servicedesk. Jij lost het op, aan "
        "de telefoon of aan de balie.",
        tasks="Je registreert meldingen, lost eenvoudige storingen zelf op en zet lastige vragen door naar de "
        "juiste beheerder. Je werkt met TOPdesk.",
        requirements=(
            c.MBO4,
            RequirementSpec(
                K.CERTIFICATE, "ITIL 4 Foundation", "Je kent de basis van ITIL voor IT-dienstverlening.", must=False
            ),
            c.CUSTOMER_FOCUS,
            NL_B2,
        ),
        pipeline="kort",
        status=S.CLOSED,
        closes=-5,
        at_stage=0,
    ),
    VacancySpec(
        key="lud-jz-bezwaar",
        title="Juridisch medewerker Bezwaar en Beroep",
        department=JZ,
        family="Juridisch",
        role="jurist",
        location="Den Haag",
        hours=(32, 36),
        scale="schaal 9",
        intro="Is een klant het niet eens met een besluit? Dan kan hij bezwaar maken. Jij behandelt dat bezwaar: "
        "zorgvuldig, snel en in begrijpelijke taal.",
        tasks="Je bestudeert dossiers, belt klanten voor een hoorzitting, schrijft beslissingen op bezwaar en "
        "bereidt beroepszaken bij de rechtbank voor.",
        requirements=(
            c.education(
                EducationLevel.HBO,
                "Diploma Rechten op hbo- of wo-niveau",
                "Je hebt rechten gestudeerd aan een hogeschool of universiteit.",
            ),
            RequirementSpec(
                K.SKILL, "Kennis van de Algemene wet bestuursrecht", "Je kent de regels voor bezwaar en beroep (Awb)."
            ),
            c.WRITING,
            c.experience(1, "met bezwaarzaken", "Ervaring met bezwaar of beroep is een plus.", must=False),
            NL_C1,
        ),
        pipeline="volledig",
        status=S.CLOSED,
        closes=-40,
        at_stage=2,
    ),
    VacancySpec(
        key="lud-jz-privacy",
        title="Privacyjurist",
        department=JZ,
        family="Juridisch",
        role="privacy",
        location="Den Haag",
        hours=(32, 36),
        scale="schaal 11",
        intro="Wij werken met veel persoonsgegevens. Als privacyjurist zorg je dat we dat zorgvuldig doen en "
        "dat klanten hun rechten kunnen gebruiken.",
        tasks="Je adviseert over de AVG, schrijft DPIA's, behandelt verzoeken om inzage en werkt samen met de "
        "functionaris gegevensbescherming.",
        requirements=(
            RequirementSpec(K.DIPLOMA, "Masterdiploma Rechten", "Je hebt een master Rechten van een universiteit."),
            c.experience(2, "met privacyrecht", "Je hebt minimaal twee jaar met de AVG gewerkt."),
            RequirementSpec(K.CERTIFICATE, "CIPP/E", "Het certificaat CIPP/E is een plus.", must=False),
            NL_C1,
        ),
        pipeline="twee_gesprekken",
        status=S.OPEN,
        closes=18,
    ),
    VacancySpec(
        key="lud-jz-beleid",
        title="Beleidsjurist wetgeving",
        department=JZ,
        family="Juridisch",
        role="jurist",
        location="Den Haag",
        hours=(36, 36),
        scale="schaal 11",
        intro="Nieuwe wetten moeten goed uit te voeren zijn. Als beleidsjurist beoordeel je wetsvoorstellen en "
        "laat je het ministerie weten wat ze betekenen voor onze klanten.",
        tasks="Je schrijft uitvoeringstoetsen, werkt regels uit in werkinstructies en overlegt met het ministerie.",
        requirements=(
            RequirementSpec(K.DIPLOMA, "Masterdiploma Rechten", "Je hebt een master Rechten van een universiteit."),
            c.experience(3, "met wetgeving of beleid", "Je hebt minimaal drie jaar aan wetgeving of beleid gewerkt."),
            c.WRITING,
            NL_C1,
        ),
        pipeline="twee_gesprekken",
        status=S.DRAFT,
        closes=45,
    ),
    VacancySpec(
        key="lud-fin-administratie",
        title="Financieel administratief medewerker",
        department=FIN,
        family="Financiën",
        role="fin_admin",
        location="Den Haag",
        hours=(24, 36),
        scale="schaal 7",
        intro="Facturen, terugvorderingen en betalingen: jij zorgt dat ze kloppen en op tijd verwerkt worden.",
        tasks="Je verwerkt inkoopfacturen, boekt betalingen, stemt rekeningen af en helpt bij de maandafsluiting. "
        "Je werkt met SAP.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA,
                "Diploma mbo-4 Financiële administratie",
                "Je hebt een mbo-4-diploma in de richting financiële administratie, of een vergelijkbare opleiding.",
            ),
            c.ACCURACY,
            RequirementSpec(
                K.SKILL, "Werken met SAP", "Je hebt met SAP of een ander groot boekhoudpakket gewerkt.", must=False
            ),
            c.experience(1, "in een financiële administratie", "Je hebt al in een administratie gewerkt."),
            NL_B2,
        ),
        pipeline="kort",
        status=S.CLOSED,
        closes=-15,
        at_stage=1,
    ),
    VacancySpec(
        key="lud-fin-controller",
        title="Business controller",
        department=FIN,
        family="Financiën",
        role="controller",
        location="Den Haag",
        hours=(36, 36),
        scale="schaal 11",
        intro="Als business controller ben je sparringpartner van de directie. Je laat zien wat keuzes kosten "
        "en wat ze opleveren.",
        tasks="Je stelt de begroting en prognoses op, analyseert afwijkingen en adviseert over investeringen. "
        "Je schrijft de kwartaalrapportage aan het ministerie.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA,
                "Masterdiploma Bedrijfseconomie",
                "Je hebt een master in bedrijfseconomie. De opleiding Register Controller (RC) telt ook.",
            ),
            c.experience(4, "als controller", "Je hebt minimaal vier jaar als controller gewerkt."),
            RequirementSpec(
                K.SKILL, "Kennis van de rijksbegroting", "Je weet hoe de begroting van het Rijk werkt.", must=False
            ),
            NL_C1,
        ),
        pipeline="volledig",
        status=S.OPEN,
        closes=7,
    ),
    VacancySpec(
        key="lud-hr-adviseur",
        title="HR-adviseur",
        department=HR,
        family="HR",
        role="hr_adviseur",
        location="Den Haag",
        hours=(32, 36),
        scale="schaal 10",
        intro="Als HR-adviseur ben je het aanspreekpunt voor leidinggevenden over mensen en organisatie.",
        tasks="Je adviseert over verzuim, functioneren, reorganisaties en de cao Rijk. Je begeleidt lastige "
        "gesprekken en werkt samen met de bedrijfsarts.",
        requirements=(
            c.HBO,
            c.experience(3, "als HR-adviseur", "Je hebt minimaal drie jaar als HR-adviseur gewerkt."),
            RequirementSpec(K.SKILL, "Kennis van arbeidsrecht", "Je kent de hoofdlijnen van het arbeidsrecht."),
            NL_C1,
        ),
        pipeline="twee_gesprekken",
        status=S.CLOSED,
        closes=-28,
        at_stage=2,
    ),
    VacancySpec(
        key="lud-hr-recruiter",
        title="Recruiter",
        department=HR,
        family="HR",
        role="recruiter",
        location="Den Haag",
        hours=(32, 36),
        scale="schaal 9",
        intro="Jij vindt de nieuwe collega's van de Landelijke Uitvoeringsdienst. En je zorgt dat iedere "
        "sollicitant een eerlijk en duidelijk antwoord krijgt.",
        tasks="Je schrijft vacatureteksten, zoekt actief naar kandidaten, voert gesprekken en adviseert "
        "leidinggevenden. Je werkt nauw samen met de loopbaanadviseurs.",
        requirements=(
            c.HBO,
            c.experience(2, "in werving en selectie", "Je hebt minimaal twee jaar als recruiter gewerkt."),
            RequirementSpec(
                K.SKILL,
                "Actief zoeken naar kandidaten",
                "Je zoekt zelf kandidaten via netwerken en databanken.",
                must=False,
            ),
            NL_C1,
        ),
        pipeline="twee_gesprekken",
        status=S.OPEN,
        closes=12,
    ),
    VacancySpec(
        key="lud-hr-loopbaan",
        title="Loopbaanadviseur",
        department=HR,
        family="HR",
        role="loopbaan",
        location="Den Haag",
        hours=(28, 36),
        scale="schaal 10",
        intro="Als loopbaanadviseur help je collega's en afgewezen sollicitanten verder. Je vertelt eerlijk "
        "waarom iets niet lukte en wat iemand eraan kan doen.",
        tasks="Je voert loopbaangesprekken en nagesprekken, geeft concreet advies over opleidingen en verwijst "
        "mensen door naar een andere vacature als die beter past.",
        requirements=(
            c.HBO,
            RequirementSpec(
                K.REGISTRATION,
                "Registratie als Register Loopbaanprofessional (NOLOC)",
                "Je bent geregistreerd bij NOLOC of bent bereid dat binnen een jaar te doen.",
                must=False,
            ),
            c.experience(3, "als loopbaanadviseur", "Je hebt minimaal drie jaar loopbaangesprekken gevoerd."),
            c.EMPATHY,
            NL_C1,
        ),
        pipeline="volledig",
        status=S.CLOSED,
        closes=-45,
        at_stage=3,
    ),
)
