"""The hospital: Ziekenhuis Delftland (anaesthesia, operating theatre, nursing, secretariat, oncology, facilities)."""

from __future__ import annotations

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.candidates.constants import QualificationKind
from nagesprek.demo.catalogue.hospital_vacancies import ANES, FAC, MS, OK, ONC, VACANCIES, VPK
from nagesprek.demo.catalogue.types import (
    DemoOrganisation,
    DepartmentSpec,
    ScriptedApplication,
    ScriptedCandidate,
    StaffSpec,
)
from nagesprek.organisations.constants import OrganisationKind, Role
from nagesprek.vacancies.constants import EducationLevel

DEPARTMENTS = (
    DepartmentSpec(
        ANES,
        "De afdeling Anesthesiologie zorgt dat patiënten veilig en zonder pijn geopereerd worden. Het team bestaat "
        "uit anesthesiologen, anesthesiemedewerkers en sedatiepraktijkspecialisten.",
    ),
    DepartmentSpec(
        OK,
        "Op onze tien operatiekamers werken operatieassistenten, anesthesiemedewerkers en de Centrale "
        "Sterilisatieafdeling nauw samen, dag en nacht.",
    ),
    DepartmentSpec(
        VPK,
        "Op de verpleegafdelingen zorgen we voor patiënten die één of meer nachten blijven. Je werkt in een vast "
        "team met verpleegkundigen, zorgassistenten en leerlingen.",
    ),
    DepartmentSpec(
        MS,
        "Het medisch secretariaat is het visitekaartje van de poliklinieken. Secretaresses en doktersassistenten "
        "plannen afspraken, werken dossiers bij en ontvangen patiënten.",
    ),
    DepartmentSpec(
        ONC,
        "In het Oncologiecentrum krijgen patiënten met kanker hun onderzoek, chemotherapie en nazorg. "
        "Artsen, verpleegkundigen en secretaresses werken hier als één team rond de patiënt.",
    ),
    DepartmentSpec(
        FAC,
        "Het Facilitair bedrijf zorgt dat alles werkt: van maaltijden en schoonmaak tot techniek, post en "
        "secretariële ondersteuning.",
    ),
)

FAMILIES = ("Anesthesie en OK", "Verpleging", "Medisch secretariaat", "Oncologie", "Facilitair")

ABOUT = (
    "Ziekenhuis Delftland is een topklinisch ziekenhuis met locaties in Delft, Voorburg en Naaldwijk. "
    "Ruim vierduizend collega's zorgen er elke dag voor patiënten uit de regio."
)

OFFER = (
    "Wat bieden wij? Een salaris in {scale} volgens de cao Ziekenhuizen, een eindejaarsuitkering, pensioen "
    "bij PFZW en een eigen opleidingsbudget. Je werkt op onze locatie {location}. Twijfel je of je past? "
    "Kom langs op ons maandelijkse sollicitatiespreekuur: daar praat je een kwartier met een van onze recruiters."
)

STAFF = (
    StaffSpec("Lotte Hendriks", "recruiter", (Role.RECRUITER,), login=True),
    StaffSpec("Dr. Ahmed Benali", "beoordelaar", (Role.EVALUATOR,), login=True, departments=(ANES, OK, ONC)),
    StaffSpec("Marieke van Dijk", "loopbaanadviseur", (Role.ADVISOR,), login=True),
    StaffSpec("Johan Smit", "hr", (Role.HR_LEAD,), login=True),
    StaffSpec("Esther de Boer", "privacy", (Role.PRIVACY_OFFICER,), login=True),
    StaffSpec("Bram Mulder", "beheer", (Role.ORG_ADMIN,), login=True),
    StaffSpec("Femke Bos", "femke.bos", (Role.RECRUITER,)),
    StaffSpec("Rutger Haverkamp", "rutger.haverkamp", (Role.RECRUITER,)),
    StaffSpec("Dr. Karin Scholten", "karin.scholten", (Role.EVALUATOR,), departments=(ANES,)),
    StaffSpec("Wouter Meijer", "wouter.meijer", (Role.EVALUATOR,), departments=(OK,)),
    StaffSpec("Anja Brouwer", "anja.brouwer", (Role.EVALUATOR,), departments=(VPK,)),
    StaffSpec("Ilse Vos", "ilse.vos", (Role.EVALUATOR,), departments=(MS, ONC)),
    StaffSpec("Hans Wolters", "hans.wolters", (Role.EVALUATOR,), departments=(FAC,)),
    StaffSpec("Sophie Laurent", "sophie.laurent", (Role.ADVISOR,), language="en"),
)

# The two stories from the article. Their CVs are written by hand; nothing in them names an age.
SCRIPTED = (
    ScriptedCandidate(
        full_name="Joyce van Leeuwen",
        email="joyce.vanleeuwen@example.net",
        phone="06-41872093",
        city="Rijswijk",
        language="nl",
        education_level=EducationLevel.MBO4,
        cv_text=(
            "Profiel\n"
            "Dierenartsassistent met acht jaar ervaring in anesthesie bij een specialistische dierenkliniek. "
            "Ik wil mijn kennis van anesthesie en bewaking nu inzetten in de zorg voor mensen.\n\n"
            "Werkervaring\n"
            "Dierenartsassistent anesthesie bij een verwijskliniek voor dieren (8 jaar)\n"
            "- Bereid de anesthesie voor: apparatuur controleren, medicijnen klaarzetten, infuus aansluiten.\n"
            "- Bewaak de patiënt tijdens de operatie: ademhaling, hartslag, bloeddruk en saturatie.\n"
            "- Assisteer de dierenarts-anesthesist bij inleiding, intubatie en uitleiding.\n"
            "- Werk met beademingsapparatuur, monitoring en infuuspompen.\n"
            "- Begeleid nieuwe collega's en stagiairs bij de anesthesie.\n\n"
            "Opleiding\n"
            "Mbo 4 Dierenartsassistent paraveterinair\n\n"
            "Cursussen\n"
            "- Anesthesie en pijnbestrijding bij gezelschapsdieren\n"
            "- Reanimatie (BLS)\n\n"
            "Talen\n"
            "Nederlands (C2), Engels (B2)"
        ),
        applications=(ScriptedApplication("zd-anes-medewerker", 1, ApplicationStatus.REJECTED),),
        qualifications=(
            ("Diploma Dierenartsassistent paraveterinair (mbo-4)", QualificationKind.DIPLOMA),
            ("Anesthesie en pijnbestrijding bij gezelschapsdieren", QualificationKind.CERTIFICATE),
            ("Reanimatie (BLS)", QualificationKind.CERTIFICATE),
        ),
        skills=("Bewaking vitale functies", "Luchtwegmanagement", "Werken met beademingsapparatuur"),
        languages=(("Nederlands", "C2"), ("Engels", "B2")),
        experiences=(("Dierenartsassistent anesthesie", "Dierenzorg (diergeneeskunde)", 8),),
    ),
    ScriptedCandidate(
        full_name="Marja de Groot",
        email="marja.degroot@example.com",
        phone="06-28394017",
        city="Delft",
        language="nl",
        education_level=EducationLevel.MBO4,
        cv_text=(
            "Profiel\n"
            "Ervaren secretaresse met ruim vijfentwintig jaar ervaring bij bedrijven en een gemeente. Georganiseerd, "
            "rustig en gewend om veel ballen tegelijk in de lucht te houden.\n\n"
            "Werkervaring\n"
            "Directiesecretaresse bij een bouwbedrijf (14 jaar)\n"
            "- Beheerde de agenda's van de directie en plande vergaderingen.\n"
            "- Notuleerde het managementoverleg en bewaakte de actielijst.\n"
            "- Handelde post, e-mail en telefoon af en was aanspreekpunt voor klanten.\n"
            "Secretaresse bij een gemeente, afdeling Welzijn (11 jaar)\n"
            "- Maakte brieven en verslagen, hield dossiers bij en ontving bezoekers.\n"
            "- Organiseerde bijeenkomsten met inwoners.\n\n"
            "Opleiding\n"
            "Mbo 4 Secretaresse\n\n"
            "Vaardigheden\n"
            "- Werken met Microsoft Office (Word, Outlook, Excel)\n"
            "- Notuleren\n"
            "- Agendabeheer\n\n"
            "Talen\n"
            "Nederlands (C2), Engels (B1), Duits (A2)"
        ),
        applications=(ScriptedApplication("zd-fac-secretaresse", 2, ApplicationStatus.REJECTED),),
        qualifications=(("Diploma Secretaresse (mbo-4)", QualificationKind.DIPLOMA),),
        skills=("Werken met Microsoft Office", "Notuleren", "Agendabeheer"),
        languages=(("Nederlands", "C2"), ("Engels", "B1"), ("Duits", "A2")),
        experiences=(("Directiesecretaresse", "Secretariaat", 14), ("Secretaresse", "Secretariaat", 11)),
    ),
)

HOSPITAL = DemoOrganisation(
    slug="ziekenhuis-delftland",
    name="Ziekenhuis Delftland",
    kind=OrganisationKind.HOSPITAL,
    brand_colour="#7a1f5c",
    domain="ziekenhuis-delftland.example",
    reference_prefix="ZD",
    about=ABOUT,
    offer=OFFER,
    staff=STAFF,
    departments=DEPARTMENTS,
    families=FAMILIES,
    vacancies=VACANCIES,
    scripted=SCRIPTED,
    cities=(
        "Delft",
        "Delft",
        "Delft",
        "Rijswijk",
        "Den Haag",
        "Den Haag",
        "Voorburg",
        "Naaldwijk",
        "Pijnacker",
        "Nootdorp",
        "Schiedam",
        "Maassluis",
        "Wateringen",
        "Zoetermeer",
        "Rotterdam",
        "Leidschendam",
    ),
)
