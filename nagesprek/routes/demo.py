"""The demo's route catalogue: realistic Dutch routes for the hospital and the government agency.

Providers are generic or clearly fictional (no claims about real companies or schools); costs and
durations are estimates of the kind a recruiter would enter. The target names are the demo
vacancies' requirement labels, so the scripted stories get advice that closes their gaps:
Joyce (missing "Deelcertificaat Anesthesiologie") and Marja (the medical-secretary diploma and the
medical-terminology certificate of "Medisch secretaresse Oncologie").
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from nagesprek.organisations.constants import OrganisationKind
from nagesprek.organisations.models import Organisation
from nagesprek.routes.constants import DeliveryMode as M
from nagesprek.routes.constants import RouteKind as R
from nagesprek.routes.models import Route, RouteTarget
from nagesprek.routes.targets import parse_targets


@dataclass(frozen=True)
class DemoRoute:
    kind: str
    title: str
    provider: str
    closes: str  # targets text, "|" between them
    weeks: int | None
    duration: str
    cost: str | None  # euros; None = unknown
    level: str
    mode: str
    description: str


CAREER = "Loopbaanadviseurs (eigen organisatie)"

COMMON = (
    DemoRoute(
        R.INTERVIEW_PRACTICE,
        "Sollicitatietraining",
        CAREER,
        "",
        2,
        "twee gesprekken van een uur",
        "0",
        "",
        M.CLASSROOM,
        "Je oefent een sollicitatiegesprek met een loopbaanadviseur. Je leert je ervaring te vertellen met "
        "voorbeelden. Je krijgt tips over wat goed ging.",
    ),
    DemoRoute(
        R.CV_ADVICE,
        "CV-advies",
        CAREER,
        "",
        1,
        "één gesprek van een uur",
        "0",
        "",
        M.ONLINE,
        "Een loopbaanadviseur kijkt met je naar je cv. Samen zorg je dat je diploma's, cursussen en ervaring "
        "er goed in staan.",
    ),
)

HOSPITAL = (
    DemoRoute(
        R.PARTIAL_CERTIFICATE,
        "Deelcertificaat Anesthesiologie",
        "Zorgacademie Zuid-Holland (fictief)",
        "certificate: Deelcertificaat Anesthesiologie",
        26,
        "6 maanden, één lesdag per week",
        "4500",
        "mbo 4",
        M.BLENDED,
        "Je leert anesthesie voorbereiden en de patiënt bewaken tijdens een operatie. Je werkt en leert "
        "tegelijk. De opleiding is CZO-erkend.",
    ),
    DemoRoute(
        R.DIPLOMA_PROGRAMME,
        "Opleiding Anesthesiemedewerker (in dienst)",
        "Eigen opleidingsafdeling",
        "diploma: Diploma Anesthesiemedewerker (CZO-erkend)",
        104,
        "2 jaar, leren en werken",
        "0",
        "hbo",
        M.ON_THE_JOB,
        "Je werkt als anesthesiemedewerker in opleiding en volgt de lessen. Het ziekenhuis betaalt de opleiding.",
    ),
    DemoRoute(
        R.DIPLOMA_PROGRAMME,
        "Operatieassistent (in dienst)",
        "Eigen opleidingsafdeling",
        "diploma: Diploma Operatieassistent (CZO-erkend)",
        156,
        "3 jaar, leren en werken",
        "0",
        "hbo",
        M.ON_THE_JOB,
        "Je leert assisteren bij operaties. Je werkt op de OK en volgt de lessen.",
    ),
    DemoRoute(
        R.REGISTRATION,
        "Inschrijving in het BIG-register",
        "BIG-register (overheid)",
        "registration: BIG-registratie als verpleegkundige",
        8,
        "ongeveer 8 weken",
        "110",
        "",
        M.ONLINE,
        "Met een diploma verpleegkunde vraag je de inschrijving zelf aan. Elke vijf jaar laat je die verlengen.",
    ),
    DemoRoute(
        R.DIPLOMA_PROGRAMME,
        "Medisch secretaresse (mbo 4, versneld)",
        "ROC Zorg en Welzijn (fictief)",
        "diploma: Diploma Medisch secretaresse (mbo-4)|certificate: Certificaat Medische terminologie",
        40,
        "40 weken, één avond per week",
        "2950",
        "mbo 4",
        M.BLENDED,
        "Een korte opleiding voor wie al secretaresse is. Je leert medische woorden, planning in de zorg en "
        "omgaan met patiënten. Je haalt ook het certificaat medische terminologie.",
    ),
    DemoRoute(
        R.COURSE,
        "Medische terminologie",
        "Leerhuis Medische Taal (fictief)",
        "certificate: Certificaat Medische terminologie",
        10,
        "10 weken, online in je eigen tempo",
        "425",
        "mbo 4",
        M.ONLINE,
        "Je leert de woorden die artsen gebruiken in brieven en dossiers. Je sluit af met een toets.",
    ),
    DemoRoute(
        R.DIPLOMA_PROGRAMME,
        "Verpleegkunde (mbo 4, leren en werken)",
        "ROC Zorg en Welzijn (fictief)",
        "diploma: Diploma Verpleegkunde (mbo-4 of hbo)",
        156,
        "3 jaar, leren en werken",
        "0",
        "mbo 4",
        M.ON_THE_JOB,
        "Je werkt op een afdeling en gaat één dag per week naar school. Het ziekenhuis betaalt.",
    ),
    DemoRoute(
        R.DIPLOMA_PROGRAMME,
        "Doktersassistent (mbo 4)",
        "ROC Zorg en Welzijn (fictief)",
        "diploma: Diploma Doktersassistent (mbo-4)",
        104,
        "2 jaar, deeltijd",
        "3400",
        "mbo 4",
        M.BLENDED,
        "Je leert patiënten helpen op de poli: afspraken, metingen en eenvoudige handelingen.",
    ),
    DemoRoute(
        R.COURSE,
        "Venapunctie",
        "Eigen opleidingsafdeling",
        "certificate: Certificaat Venapunctie",
        3,
        "3 weken, met oefenen op de afdeling",
        "0",
        "",
        M.BLENDED,
        "Je leert veilig bloed afnemen.",
    ),
    DemoRoute(
        R.CERTIFICATE,
        "Reanimatie (BLS) en EHBO",
        "Eigen reanimatie-instructeurs",
        "certificate: Reanimatie (BLS)|certificate: Certificaat reanimatie (BLS)|certificate: EHBO",
        1,
        "één dag",
        "0",
        "",
        M.CLASSROOM,
        "Je leert reanimeren en eerste hulp geven. Het certificaat is twee jaar geldig.",
    ),
    DemoRoute(
        R.COURSE,
        "E-learning HiX",
        "Eigen opleidingsafdeling",
        "skill: Werken met een elektronisch patiëntendossier (HiX)",
        2,
        "4 uur, online",
        "0",
        "",
        M.ONLINE,
        "Je leert werken met het elektronisch patiëntendossier van het ziekenhuis.",
    ),
    DemoRoute(
        R.COURSE,
        "SAP en Ultimo voor het secretariaat",
        "Eigen opleidingsafdeling",
        "skill: Werken met SAP en Ultimo",
        3,
        "3 weken, e-learning",
        "0",
        "",
        M.ONLINE,
        "Je leert bestellingen en meldingen verwerken in SAP en Ultimo.",
    ),
    DemoRoute(
        R.LANGUAGE_EXAM,
        "Staatsexamen NT2 programma II",
        "Taalcentrum Delft (fictief)",
        "language: Nederlands B2",
        30,
        "30 weken, twee ochtenden per week",
        "1250",
        "B2",
        M.CLASSROOM,
        "Je bereidt je voor op het staatsexamen Nederlands als tweede taal, niveau B2.",
    ),
    DemoRoute(
        R.COURSE,
        "Engels voor de zorg (B2)",
        "Talenschool Zuid (fictief)",
        "language: Engels B2",
        16,
        "16 weken, één avond per week",
        "690",
        "B2",
        M.ONLINE,
        "Je oefent gesprekken met patiënten in het Engels.",
    ),
    DemoRoute(
        R.LANGUAGE_EXAM,
        "Staatsexamen NT2 programma II",
        "Taalcentrum (fictief)",
        "language: Nederlands B2",
        36,
        "36 weken, één ochtend per week",
        None,
        "B2",
        M.CLASSROOM,
        "Zelfde examen, in een langzamer tempo.",
    ),
)

AGENCY = (
    DemoRoute(
        R.COURSE,
        "Klantgericht communiceren",
        "Opleidingscentrum Publieke Dienst (fictief)",
        "competency: Klantgericht",
        4,
        "4 dagdelen",
        "595",
        "mbo 4",
        M.CLASSROOM,
        "Je oefent gesprekken met klanten, ook als iemand boos is. Je leert doorvragen en samenvatten.",
    ),
    DemoRoute(
        R.COURSE,
        "Telefonisch klantcontact",
        "Opleidingscentrum Publieke Dienst (fictief)",
        "competency: Klantgericht|experience: klantcontact",
        2,
        "2 dagdelen",
        "295",
        "mbo 3",
        M.ONLINE,
        "Je leert een telefoongesprek goed voeren en afronden.",
    ),
    DemoRoute(
        R.COURSE,
        "Excel en Office voor kantoor",
        "Computeropleidingen (fictief)",
        "skill: Werken met Microsoft Office|skill: Excel",
        6,
        "6 weken, online",
        "249",
        "",
        M.ONLINE,
        "Je leert werken met Word, Outlook en Excel: formules, tabellen en samenvoegen.",
    ),
    DemoRoute(
        R.COURSE,
        "Nederlands C1: zakelijk schrijven",
        "Taalcentrum (fictief)",
        "language: Nederlands C1|competency: Helder schrijven",
        12,
        "12 weken, één avond per week",
        "850",
        "C1",
        M.BLENDED,
        "Je schrijft brieven en e-mails in helder Nederlands, op niveau C1.",
    ),
    DemoRoute(
        R.LANGUAGE_EXAM,
        "Staatsexamen NT2 programma II",
        "Taalcentrum (fictief)",
        "language: Nederlands B2",
        30,
        "30 weken",
        "1250",
        "B2",
        M.CLASSROOM,
        "Voorbereiding op het staatsexamen Nederlands, niveau B2.",
    ),
    DemoRoute(
        R.COURSE,
        "Module Algemene wet bestuursrecht (hbo)",
        "Hogeschool Recht en Bestuur (fictief)",
        "skill: Kennis van de Algemene wet bestuursrecht",
        10,
        "10 weken, deeltijd",
        "1150",
        "hbo",
        M.BLENDED,
        "Een losse module van de hbo-opleiding rechten: besluiten, bezwaar en beroep.",
    ),
    DemoRoute(
        R.COURSE,
        "Module arbeidsrecht (hbo)",
        "Hogeschool Recht en Bestuur (fictief)",
        "skill: Kennis van arbeidsrecht",
        10,
        "10 weken, deeltijd",
        "1150",
        "hbo",
        M.BLENDED,
        "Een losse module van de hbo-opleiding rechten over arbeidsovereenkomsten en ontslag.",
    ),
    DemoRoute(
        R.DIPLOMA_PROGRAMME,
        "Master Rechten (deeltijd)",
        "Universiteit (fictief)",
        "diploma: Masterdiploma Rechten",
        104,
        "2 jaar, deeltijd",
        "2600",
        "wo",
        M.BLENDED,
        "Een masteropleiding rechten naast je werk.",
    ),
    DemoRoute(
        R.CERTIFICATE,
        "ITIL 4 Foundation",
        "ICT-trainingen (fictief)",
        "certificate: ITIL 4 Foundation",
        1,
        "2 dagen en een examen",
        "995",
        "",
        M.CLASSROOM,
        "Je leert de basis van IT-servicemanagement.",
    ),
    DemoRoute(
        R.COURSE,
        "SQL voor analisten",
        "ICT-trainingen (fictief)",
        "skill: SQL",
        4,
        "4 weken, online",
        "450",
        "",
        M.ONLINE,
        "Je leert gegevens opvragen uit een database.",
    ),
    DemoRoute(
        R.CERTIFICATE,
        "VCA-VOL",
        "Veiligheidsopleidingen (fictief)",
        "licence: VCA-VOL|licence: VCA-Basis",
        1,
        "2 dagen en een examen",
        "375",
        "",
        M.CLASSROOM,
        "Je leert veilig werken. Het diploma is tien jaar geldig.",
    ),
    DemoRoute(
        R.CERTIFICATE,
        "Rijbewijs B",
        "Rijschool (fictief)",
        "licence: Rijbewijs B",
        12,
        "ongeveer 3 maanden",
        "2400",
        "",
        M.ON_THE_JOB,
        "Rijlessen en het praktijkexamen voor de auto.",
    ),
    DemoRoute(
        R.CERTIFICATE,
        "Rijbewijs C en code 95",
        "Beroepsrijschool (fictief)",
        "licence: Rijbewijs C",
        10,
        "ongeveer 10 weken",
        "3800",
        "",
        M.ON_THE_JOB,
        "Het rijbewijs voor een vrachtauto, met code 95.",
    ),
    DemoRoute(
        R.CERTIFICATE,
        "Rijbewijs CE",
        "Beroepsrijschool (fictief)",
        "licence: Rijbewijs CE",
        6,
        "ongeveer 6 weken",
        "2200",
        "",
        M.ON_THE_JOB,
        "Het rijbewijs voor een vrachtauto met aanhanger.",
    ),
    DemoRoute(
        R.WORK_EXPERIENCE,
        "Meewerkstage bezwaar en beroep",
        "Eigen organisatie",
        "experience: met bezwaarzaken",
        12,
        "3 maanden, twee dagen per week",
        "0",
        "",
        M.ON_THE_JOB,
        "Je werkt mee met het team bezwaar en beroep en doet zo ervaring op.",
    ),
)


def add_demo_routes(organisation: Organisation, rng: random.Random) -> list[Route]:
    """Add the demo catalogue for this organisation (hospital or agency). Idempotent per title and provider.

    ``rng`` only shuffles the insertion order, so nothing depends on ids being in catalogue order.
    """
    specs = list((HOSPITAL if organisation.kind == OrganisationKind.HOSPITAL else AGENCY) + COMMON)
    rng.shuffle(specs)
    routes = []
    for spec in specs:
        route, created = Route.objects.get_or_create(
            organisation=organisation,
            title=spec.title,
            provider=spec.provider,
            defaults={
                "kind": spec.kind, "duration_weeks": spec.weeks, "duration_text": spec.duration,
                "cost_eur": Decimal(spec.cost) if spec.cost is not None else None, "level": spec.level,
                "delivery_mode": spec.mode, "description": spec.description,
            },
        )  # fmt: skip
        if created:
            RouteTarget.objects.bulk_create(
                RouteTarget(route=route, kind=t.kind, name=t.name, level=t.level) for t in parse_targets(spec.closes)
            )
        routes.append(route)
    return routes
