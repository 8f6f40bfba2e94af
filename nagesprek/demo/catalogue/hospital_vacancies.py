"""The hospital's vacancies: Dutch texts, published requirements and where each procedure stands."""

from __future__ import annotations

from nagesprek.demo.catalogue import common as c
from nagesprek.demo.catalogue.types import RequirementSpec, VacancySpec
from nagesprek.vacancies.constants import EducationLevel
from nagesprek.vacancies.constants import RequirementKind as K
from nagesprek.vacancies.constants import VacancyStatus as S

ANES = "Anesthesiologie"
OK = "Operatiekamers"
VPK = "Verpleegafdelingen"
MS = "Medisch secretariaat"
ONC = "Oncologiecentrum"
FAC = "Facilitair bedrijf"

NL_B2, NL_B1 = c.dutch("B2"), c.dutch("B1")
BIG = c.BIG_NURSE
MEDICAL_TERMS = RequirementSpec(
    K.CERTIFICATE,
    "Certificaat Medische terminologie",
    "Je kent de medische woorden die artsen gebruiken in brieven en dossiers. Dit leer je in een korte "
    "cursus of in de opleiding tot medisch secretaresse.",
)
HIX = RequirementSpec(
    K.SKILL,
    "Werken met een elektronisch patiëntendossier (HiX)",
    "Je hebt met HiX of een ander elektronisch patiëntendossier gewerkt.",
    must=False,
)

PARTIAL_CERTIFICATE = RequirementSpec(
    K.CERTIFICATE,
    "Deelcertificaat Anesthesiologie",
    "Je hebt het (deel)certificaat Anesthesiologie van een CZO-erkende opleiding. Daarmee mag je "
    "zelfstandig anesthesie voorbereiden en bewaken bij mensen.",
)

VACANCIES = (
    VacancySpec(
        key="zd-anes-medewerker",
        title="Anesthesiemedewerker",
        department=ANES,
        family="Anesthesie en OK",
        role="anesthesie",
        location="Delft",
        hours=(28, 36),
        scale="FWG 55",
        intro="Als anesthesiemedewerker bereid je de anesthesie voor en bewaak je de patiënt tijdens de "
        "operatie, samen met de anesthesioloog.",
        tasks="Je controleert apparatuur en medicijnen, begeleidt de patiënt bij het in slaap brengen en "
        "wakker worden en grijpt in als er iets verandert. Je werkt ook in avond- en weekenddiensten.",
        requirements=(
            PARTIAL_CERTIFICATE,
            RequirementSpec(
                K.DIPLOMA,
                "Diploma Anesthesiemedewerker (CZO-erkend)",
                "Je hebt de volledige opleiding tot anesthesiemedewerker afgerond.",
                must=False,
            ),
            c.experience(
                2,
                "als anesthesiemedewerker",
                "Je hebt minimaal twee jaar als anesthesiemedewerker gewerkt.",
                must=False,
            ),
            c.STRESS,
            NL_B2,
        ),
        pipeline="meeloopdag",
        status=S.CLOSED,
        closes=-35,
        at_stage=3,
    ),
    VacancySpec(
        key="zd-anes-dagbehandeling",
        title="Anesthesiemedewerker Dagbehandeling",
        department=ANES,
        family="Anesthesie en OK",
        role="anesthesie",
        location="Delft",
        hours=(24, 32),
        scale="FWG 55",
        intro="Op de dagbehandeling worden patiënten dezelfde dag geopereerd en gaan ze ook weer naar huis. "
        "Als anesthesiemedewerker zorg je dat dat veilig en rustig gebeurt.",
        tasks="Je bereidt de anesthesie voor, bewaakt de patiënt tijdens korte ingrepen en begeleidt het "
        "wakker worden. Je werkt alleen overdag, van maandag tot en met vrijdag.",
        requirements=(
            PARTIAL_CERTIFICATE,
            c.experience(
                1,
                "in de zorg of dierenzorg",
                "Je hebt in de zorg gewerkt, bijvoorbeeld in een ziekenhuis of een dierenkliniek.",
                must=False,
            ),
            NL_B2,
        ),
        pipeline="meeloopdag",
        status=S.OPEN,
        closes=28,
    ),
    VacancySpec(
        key="zd-anes-opleiding",
        title="Anesthesiemedewerker in opleiding",
        department=ANES,
        family="Anesthesie en OK",
        role="anesthesie",
        location="Delft",
        hours=(32, 36),
        scale="FWG 45 tijdens de opleiding",
        intro="Wil je anesthesiemedewerker worden? Wij leiden je op. Je werkt en leert tegelijk, met een vaste "
        "praktijkbegeleider.",
        tasks="Je volgt de CZO-erkende opleiding van drie jaar. Je begint met het deelcertificaat "
        "Anesthesiologie en werkt vanaf het begin mee op de operatiekamers.",
        requirements=(
            c.education(
                EducationLevel.MBO4,
                "Zorgopleiding op mbo-niveau 4 of hoger",
                "Je hebt een diploma in de zorg op mbo-niveau 4 of hoger, zoals verpleegkunde, doktersassistent, "
                "dierenartsassistent of een paramedische opleiding.",
            ),
            c.experience(
                1,
                "in de zorg of dierenzorg",
                "Je hebt in de zorg gewerkt, bijvoorbeeld in een ziekenhuis, "
                "een huisartsenpraktijk of een dierenkliniek.",
                must=False,
            ),
            c.STRESS,
            NL_B2,
        ),
        pipeline="meeloopdag",
        status=S.OPEN,
        closes=21,
    ),
    VacancySpec(
        key="zd-ok-operatieassistent",
        title="Operatieassistent",
        department=OK,
        family="Anesthesie en OK",
        role="operatieassistent",
        location="Delft",
        hours=(24, 36),
        scale="FWG 55",
        intro="Als operatieassistent sta je naast de chirurg. Je zorgt dat instrumenten klaarliggen en dat "
        "alles steriel blijft.",
        tasks="Je bereidt de operatiekamer voor, instrumenteert tijdens de ingreep en telt na afloop alle "
        "materialen. Je werkt bij verschillende specialismen.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA,
                "Diploma Operatieassistent (CZO-erkend)",
                "Je hebt de opleiding tot operatieassistent afgerond.",
            ),
            c.experience(
                1, "op een operatiekamer", "Je hebt na je opleiding op een operatiekamer gewerkt.", must=False
            ),
            c.COLLABORATION,
            NL_B2,
        ),
        pipeline="meeloopdag",
        status=S.OPEN,
        closes=9,
    ),
    VacancySpec(
        key="zd-ok-csa",
        title="Medewerker Centrale Sterilisatieafdeling",
        department=OK,
        family="Anesthesie en OK",
        role="csa",
        location="Delft",
        hours=(24, 36),
        scale="FWG 35",
        intro="Zonder schone instrumenten geen operatie. Op de Centrale Sterilisatieafdeling (CSA) maak je "
        "instrumenten weer klaar voor gebruik.",
        tasks="Je reinigt, controleert en steriliseert instrumenten en stelt netten samen voor de operaties "
        "van morgen. Je werkt in dagdiensten.",
        requirements=(
            RequirementSpec(
                K.CERTIFICATE,
                "Certificaat Medewerker Steriele Medische Hulpmiddelen",
                "Je hebt het certificaat SMH niveau 1 of wilt het bij ons halen.",
                must=False,
            ),
            c.ACCURACY,
            NL_B1,
        ),
        pipeline="kort",
        status=S.CLOSED,
        closes=-20,
        at_stage=1,
    ),
    VacancySpec(
        key="zd-anes-anesthesioloog",
        title="Anesthesioloog",
        department=ANES,
        family="Anesthesie en OK",
        role="anesthesioloog",
        location="Delft",
        hours=(36, 40),
        scale="de AMS-regeling voor medisch specialisten",
        intro="Onze vakgroep Anesthesiologie zoekt een collega met belangstelling voor regionale anesthesie "
        "en pijnbestrijding.",
        tasks="Je doet anesthesie bij operaties, werkt op de pijnpoli en de intensive care en draait mee in "
        "de diensten. Je begeleidt anesthesiemedewerkers in opleiding.",
        requirements=(
            RequirementSpec(
                K.REGISTRATION, "BIG-registratie als arts", "Je staat als arts ingeschreven in het BIG-register."
            ),
            RequirementSpec(
                K.REGISTRATION,
                "Registratie als medisch specialist Anesthesiologie",
                "Je staat in het specialistenregister van de RGS als anesthesioloog.",
            ),
            c.COLLABORATION,
            NL_B2,
        ),
        pipeline="twee_gesprekken",
        status=S.FILLED,
        closes=-90,
    ),
    VacancySpec(
        key="zd-vpk-interne",
        title="Verpleegkundige Interne Geneeskunde",
        department=VPK,
        family="Verpleging",
        role="verpleegkundige",
        location="Delft",
        hours=(24, 36),
        scale="FWG 50",
        intro="Op de afdeling Interne Geneeskunde liggen patiënten met heel verschillende aandoeningen. "
        "Geen dag is hetzelfde.",
        tasks="Je verpleegt vier tot zes patiënten per dienst, werkt samen met artsen en paramedici en "
        "bereidt het ontslag naar huis voor. Je werkt in wisseldiensten.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA, "Diploma Verpleegkunde (mbo-4 of hbo)", "Je hebt de opleiding verpleegkunde afgerond."
            ),
            BIG,
            c.EMPATHY,
            HIX,
            NL_B2,
        ),
        pipeline="meeloopdag",
        status=S.OPEN,
        closes=16,
    ),
    VacancySpec(
        key="zd-vpk-chirurgie",
        title="Verpleegkundige Chirurgie",
        department=VPK,
        family="Verpleging",
        role="verpleegkundige",
        location="Delft",
        hours=(24, 36),
        scale="FWG 50",
        intro="Op de afdeling Chirurgie verpleeg je patiënten voor en na een operatie. Het tempo is hoog en "
        "het team hecht.",
        tasks="Je bereidt patiënten voor op de operatie, controleert wonden en pijn na de ingreep en geeft "
        "uitleg aan patiënt en familie.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA, "Diploma Verpleegkunde (mbo-4 of hbo)", "Je hebt de opleiding verpleegkunde afgerond."
            ),
            BIG,
            c.STRESS,
            HIX,
            NL_B2,
        ),
        pipeline="meeloopdag",
        status=S.CLOSED,
        closes=-22,
        at_stage=2,
    ),
    VacancySpec(
        key="zd-vpk-seh",
        title="Verpleegkundige Spoedeisende Hulp",
        department=VPK,
        family="Verpleging",
        role="verpleegkundige",
        location="Delft",
        hours=(28, 36),
        scale="FWG 55",
        intro="Op de Spoedeisende Hulp weet je nooit wat er binnenkomt. Jij houdt overzicht en handelt snel.",
        tasks="Je beoordeelt patiënten met de triage, assisteert bij behandelingen en werkt nauw samen met "
        "ambulance, huisartsenpost en specialisten.",
        requirements=(
            BIG,
            RequirementSpec(
                K.DIPLOMA,
                "Diploma SEH-verpleegkundige (CZO-erkend)",
                "Je hebt de vervolgopleiding Spoedeisende Hulp, of je wilt die bij ons volgen.",
                must=False,
            ),
            c.STRESS,
            NL_B2,
        ),
        pipeline="meeloopdag",
        status=S.CLOSED,
        closes=-8,
        at_stage=1,
    ),
    VacancySpec(
        key="zd-vpk-zorgassistent",
        title="Zorgassistent",
        department=VPK,
        family="Verpleging",
        role="zorgassistent",
        location="Voorburg",
        hours=(16, 32),
        scale="FWG 30",
        intro="Als zorgassistent help je patiënten bij eten, drinken en wassen. Zo hebben de verpleegkundigen "
        "meer tijd voor medische zorg.",
        tasks="Je deelt maaltijden rond, helpt bij de persoonlijke verzorging, houdt de kamers op orde en "
        "signaleert als een patiënt verandert.",
        requirements=(
            c.MBO3,
            c.EMPATHY,
            c.experience(1, "in de zorg", "Ervaring in de zorg of in een gastvrije functie is een plus.", must=False),
            NL_B1,
        ),
        pipeline="kort",
        status=S.OPEN,
        closes=11,
    ),
    VacancySpec(
        key="zd-vpk-flexpool",
        title="Verpleegkundige Flexpool",
        department=VPK,
        family="Verpleging",
        role="verpleegkundige",
        location="Delft",
        hours=(16, 36),
        scale="FWG 50",
        intro="In de flexpool werk je op verschillende afdelingen, daar waar je het meest nodig bent.",
        tasks="Je springt bij op de verpleegafdelingen, in roosters die je zelf mee bepaalt. Je werkt je in "
        "op drie vaste afdelingen.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA, "Diploma Verpleegkunde (mbo-4 of hbo)", "Je hebt de opleiding verpleegkunde afgerond."
            ),
            BIG,
            RequirementSpec(K.COMPETENCY, "Flexibel", "Je went snel aan een nieuwe afdeling en nieuwe collega's."),
            NL_B2,
        ),
        pipeline="kort",
        status=S.CLOSED,
        closes=-3,
        at_stage=0,
    ),
    VacancySpec(
        key="zd-ms-oncologie",
        title="Medisch secretaresse Oncologie",
        department=ONC,
        family="Medisch secretariaat",
        role="med_secretaresse",
        location="Delft",
        hours=(24, 32),
        scale="FWG 40",
        intro="Patiënten die bij het Oncologiecentrum komen, maken vaak een zware tijd door. Als medisch "
        "secretaresse ben jij hun vaste aanspreekpunt.",
        tasks="Je plant onderzoeken en behandelingen, verwerkt brieven van de oncologen en ontvangt patiënten "
        "en hun naasten aan de balie. Je werkt samen met verpleegkundigen en artsen.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA,
                "Diploma Medisch secretaresse (mbo-4)",
                "Je hebt de opleiding tot medisch "
                "secretaresse afgerond, of je volgt die en rondt hem binnen een jaar af.",
            ),
            MEDICAL_TERMS,
            c.EMPATHY,
            c.experience(
                2,
                "als secretaresse",
                "Je hebt minimaal twee jaar als secretaresse gewerkt, in of buiten de zorg.",
                must=False,
            ),
            HIX,
            NL_B2,
        ),
        pipeline="twee_gesprekken",
        status=S.OPEN,
        closes=20,
    ),
    VacancySpec(
        key="zd-ms-cardiologie",
        title="Medisch secretaresse Cardiologie",
        department=MS,
        family="Medisch secretariaat",
        role="med_secretaresse",
        location="Voorburg",
        hours=(24, 36),
        scale="FWG 40",
        intro="De polikliniek Cardiologie zoekt een medisch secretaresse die van aanpakken houdt.",
        tasks="Je plant afspraken en onderzoeken, werkt de agenda's van de cardiologen bij en maakt brieven "
        "voor huisartsen klaar.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA,
                "Diploma Medisch secretaresse (mbo-4)",
                "Je hebt de opleiding tot medisch secretaresse afgerond.",
            ),
            MEDICAL_TERMS,
            HIX,
            NL_B2,
        ),
        pipeline="kort",
        status=S.CLOSED,
        closes=-26,
        at_stage=1,
    ),
    VacancySpec(
        key="zd-ms-doktersassistent",
        title="Doktersassistent Polikliniek Chirurgie",
        department=MS,
        family="Medisch secretariaat",
        role="doktersassistent",
        location="Voorburg",
        hours=(24, 32),
        scale="FWG 40",
        intro="Als doktersassistent op de polikliniek Chirurgie help je patiënten voor en na hun afspraak "
        "met de chirurg.",
        tasks="Je verwijdert hechtingen, verzorgt wonden, meet bloeddruk en plant vervolgafspraken. Je "
        "werkt samen met het medisch secretariaat.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA, "Diploma Doktersassistent (mbo-4)", "Je hebt de opleiding tot doktersassistent afgerond."
            ),
            c.experience(1, "als doktersassistent", "Je hebt al als doktersassistent gewerkt.", must=False),
            HIX,
            NL_B2,
        ),
        pipeline="kort",
        status=S.CLOSED,
        closes=-14,
        at_stage=1,
    ),
    VacancySpec(
        key="zd-onc-verpleegkundige",
        title="Oncologieverpleegkundige",
        department=ONC,
        family="Oncologie",
        role="oncologie_vpk",
        location="Delft",
        hours=(24, 36),
        scale="FWG 55",
        intro="Op de dagbehandeling Oncologie geef je chemotherapie en begeleid je patiënten tijdens hun behandeling.",
        tasks="Je dient medicijnen toe, let op bijwerkingen, voert gesprekken met patiënten en naasten en "
        "werkt samen met de oncologen en de verpleegkundig specialist.",
        requirements=(
            BIG,
            RequirementSpec(
                K.DIPLOMA,
                "Diploma Oncologieverpleegkundige (CZO-erkend)",
                "Je hebt de vervolgopleiding oncologie, of je wilt die bij ons volgen.",
                must=False,
            ),
            c.EMPATHY,
            NL_B2,
        ),
        pipeline="twee_gesprekken",
        status=S.OPEN,
        closes=25,
    ),
    VacancySpec(
        key="zd-onc-verpleegkundig-specialist",
        title="Verpleegkundig specialist Oncologie",
        department=ONC,
        family="Oncologie",
        role="oncologie_vpk",
        location="Delft",
        hours=(32, 36),
        scale="FWG 70",
        intro="Als verpleegkundig specialist heb je je eigen spreekuur voor patiënten met borstkanker.",
        tasks="Je voert controles uit, schrijft medicatie voor binnen je bevoegdheid en coördineert de zorg "
        "met het multidisciplinaire team.",
        requirements=(
            RequirementSpec(
                K.REGISTRATION,
                "Registratie als verpleegkundig specialist",
                "Je staat als verpleegkundig specialist ingeschreven in het specialistenregister.",
            ),
            RequirementSpec(
                K.DIPLOMA, "Master Advanced Nursing Practice", "Je hebt de master Advanced Nursing Practice afgerond."
            ),
            c.experience(3, "in de oncologie", "Je hebt minimaal drie jaar met patiënten met kanker gewerkt."),
            NL_B2,
        ),
        pipeline="twee_gesprekken",
        status=S.DRAFT,
        closes=40,
    ),
    VacancySpec(
        key="zd-onc-doktersassistent",
        title="Doktersassistent Dagbehandeling Oncologie",
        department=ONC,
        family="Oncologie",
        role="doktersassistent",
        location="Delft",
        hours=(24, 32),
        scale="FWG 40",
        intro="Op de dagbehandeling Oncologie ontvang je patiënten, neem je bloed af en zorg je dat de dag "
        "soepel verloopt.",
        tasks="Je prikt bloed, meet lengte en gewicht voor de dosering, plant behandelingen en vangt "
        "patiënten en hun naasten op.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA, "Diploma Doktersassistent (mbo-4)", "Je hebt de opleiding tot doktersassistent afgerond."
            ),
            RequirementSpec(K.CERTIFICATE, "Certificaat Venapunctie", "Je mag zelfstandig bloed afnemen."),
            c.EMPATHY,
            NL_B2,
        ),
        pipeline="twee_gesprekken",
        status=S.CLOSED,
        closes=-32,
        at_stage=2,
    ),
    VacancySpec(
        key="zd-fac-secretaresse",
        title="Secretaresse",
        department=FAC,
        family="Facilitair",
        role="secretaresse",
        location="Delft",
        hours=(24, 32),
        scale="FWG 35",
        intro="Het managementteam van het Facilitair bedrijf zoekt een secretaresse die overzicht houdt en "
        "vooruit denkt.",
        tasks="Je beheert agenda's, plant vergaderingen, notuleert en handelt post en e-mail af. Je bent het "
        "aanspreekpunt voor leveranciers en collega's.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA,
                "Diploma Secretaresse (mbo-4)",
                "Je hebt een secretariële opleiding op mbo-niveau 4.",
            ),
            c.experience(2, "als secretaresse", "Je hebt minimaal twee jaar als secretaresse gewerkt."),
            c.OFFICE,
            RequirementSpec(
                K.SKILL,
                "Werken met SAP en Ultimo",
                "Ervaring met ons inkoop- en meldingensysteem is een plus.",
                must=False,
            ),
            NL_B2,
        ),
        pipeline="twee_gesprekken",
        status=S.CLOSED,
        closes=-38,
        at_stage=3,
    ),
    VacancySpec(
        key="zd-fac-servicedesk",
        title="Medewerker Facilitaire Servicedesk",
        department=FAC,
        family="Facilitair",
        role="servicedesk_fac",
        location="Delft",
        hours=(24, 36),
        scale="FWG 30",
        intro="Een kapotte lamp, een verhuizing of een vergaderzaal nodig? Alle vragen komen binnen bij de "
        "Facilitaire Servicedesk.",
        tasks="Je neemt meldingen aan, zet opdrachten uit bij de technische dienst en schoonmaak, en houdt "
        "de melder op de hoogte.",
        requirements=(c.MBO3, c.CUSTOMER_FOCUS, c.OFFICE, NL_B2),
        pipeline="kort",
        status=S.OPEN,
        closes=6,
    ),
    VacancySpec(
        key="zd-fac-voeding",
        title="Voedingsassistent",
        department=FAC,
        family="Facilitair",
        role="voeding",
        location="Naaldwijk",
        hours=(12, 24),
        scale="FWG 25",
        intro="Goed eten helpt bij herstel. Als voedingsassistent bespreek je met patiënten wat ze willen eten "
        "en breng je het rond.",
        tasks="Je neemt bestellingen op aan het bed, let op diëten en allergieën en serveert de maaltijden. "
        "Je werkt in dag- en avonddiensten.",
        requirements=(
            RequirementSpec(
                K.CERTIFICATE,
                "HACCP-certificaat",
                "Je kent de regels voor hygiënisch werken met voedsel, of je leert ze bij ons.",
                must=False,
            ),
            c.CUSTOMER_FOCUS,
            NL_B1,
        ),
        pipeline="kort",
        status=S.CLOSED,
        closes=-10,
        at_stage=1,
    ),
    VacancySpec(
        key="zd-fac-techniek",
        title="Technisch medewerker Installaties",
        department=FAC,
        family="Facilitair",
        role="technisch",
        location="Delft",
        hours=(36, 38),
        scale="FWG 45",
        intro="Medische gassen, luchtbehandeling en noodstroom: in een ziekenhuis moet alles altijd werken. "
        "Jij zorgt daarvoor.",
        tasks="Je doet onderhoud en storingen aan installaties, werkt met het onderhoudssysteem Ultimo en "
        "draait mee in de storingsdienst.",
        requirements=(
            RequirementSpec(
                K.DIPLOMA,
                "Diploma Elektrotechniek (mbo-4)",
                "Je hebt een technische opleiding op mbo-niveau 4.",
            ),
            RequirementSpec(K.LICENCE, "VCA-VOL", "Je hebt een geldig VCA-VOL-diploma voor veilig werken."),
            RequirementSpec(
                K.CERTIFICATE,
                "NEN 3140 (vakbekwaam persoon)",
                "Je mag zelfstandig aan elektrische installaties werken.",
                must=False,
            ),
            RequirementSpec(K.LICENCE, "Rijbewijs B", "Je rijdt tussen onze drie locaties."),
            NL_B1,
        ),
        pipeline="kort",
        status=S.FILLED,
        closes=-70,
    ),
)
