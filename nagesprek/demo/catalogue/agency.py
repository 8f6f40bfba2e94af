"""The government agency: Landelijke Uitvoeringsdienst (client contact, ICT, legal, finance, HR)."""

from __future__ import annotations

from nagesprek.demo.catalogue.agency_vacancies import FIN, HR, ICT, JZ, KCC, VACANCIES
from nagesprek.demo.catalogue.types import DemoOrganisation, DepartmentSpec, StaffSpec
from nagesprek.organisations.constants import OrganisationKind, Role

DEPARTMENTS = (
    DepartmentSpec(
        KCC,
        "Het Klantcontactcentrum is de plek waar klanten ons bereiken: via telefoon, chat en e-mail. "
        "Je werkt in een team van ongeveer vijftien collega's, met een eigen teamleider en een kwaliteitscoach.",
    ),
    DepartmentSpec(
        ICT,
        "Informatievoorziening en ICT bouwt en beheert de systemen waarmee wij elke maand uitkeringen betalen. "
        "We werken in vaste teams met ontwikkelaars, testers, beheerders en een product owner.",
    ),
    DepartmentSpec(
        JZ,
        "Juridische Zaken behandelt bezwaren, beroepen en klachten en adviseert over nieuwe wetten en regels. "
        "Je werkt samen met juristen, beleidsmedewerkers en de privacy officer.",
    ),
    DepartmentSpec(
        FIN,
        "Financiën en Control zorgt voor een kloppende administratie, betrouwbare cijfers en een goede "
        "verantwoording aan het ministerie.",
    ),
    DepartmentSpec(
        HR,
        "HR en Organisatie helpt leidinggevenden en medewerkers bij werving, ontwikkeling en loopbaan. "
        "Ook de loopbaanadviseurs en recruiters horen bij dit team.",
    ),
)

FAMILIES = ("Klantcontact", "ICT", "Juridisch", "Financiën", "HR")

ABOUT = (
    "De Landelijke Uitvoeringsdienst zorgt ervoor dat ruim vier miljoen mensen op tijd hun uitkering of "
    "toelage krijgen. Wij werken voor iedereen in Nederland en voor mensen die in het buitenland wonen."
)

OFFER = (
    "Wat bieden wij? Een salaris in {scale} volgens de cao Rijk, een Individueel Keuzebudget dat je zelf "
    "inzet, een goed pensioen bij het ABP en ruimte om te leren. Je werkt op ons kantoor in {location} en "
    "deels thuis. Solliciteren doe je met je cv en een korte motivatie. Iedereen die een gesprek heeft gehad "
    "en het niet wordt, krijgt een nagesprek aangeboden met een van onze loopbaanadviseurs."
)

STAFF = (
    StaffSpec("Sanne de Vries", "recruiter", (Role.RECRUITER,), login=True),
    StaffSpec("Mohamed El Amrani", "beoordelaar", (Role.EVALUATOR,), login=True, departments=(KCC, ICT)),
    StaffSpec("Ingrid Bakker", "loopbaanadviseur", (Role.ADVISOR,), login=True),
    StaffSpec("Peter Jansen", "hr", (Role.HR_LEAD,), login=True),
    StaffSpec("Fatima Yilmaz", "privacy", (Role.PRIVACY_OFFICER,), login=True),
    StaffSpec("Kees Visser", "beheer", (Role.ORG_ADMIN,), login=True),
    StaffSpec("Daan Willems", "daan.willems", (Role.RECRUITER,)),
    StaffSpec("Noor Hoekstra", "noor.hoekstra", (Role.RECRUITER,)),
    StaffSpec("Ruud Kuipers", "ruud.kuipers", (Role.EVALUATOR,), departments=(KCC,)),
    StaffSpec("Priya Ramdin", "priya.ramdin", (Role.EVALUATOR,), departments=(ICT,)),
    StaffSpec("Thomas van den Berg", "thomas.vandenberg", (Role.EVALUATOR,), departments=(JZ,)),
    StaffSpec("Eline Dekker", "eline.dekker", (Role.EVALUATOR,), departments=(FIN, HR)),
    StaffSpec("Grace Mensah", "grace.mensah", (Role.ADVISOR,), language="en"),
)

AGENCY = DemoOrganisation(
    slug="uitvoeringsdienst",
    name="Landelijke Uitvoeringsdienst",
    kind=OrganisationKind.GOVERNMENT,
    brand_colour="#154273",
    domain="uitvoeringsdienst.example",
    reference_prefix="LUD",
    about=ABOUT,
    offer=OFFER,
    staff=STAFF,
    departments=DEPARTMENTS,
    families=FAMILIES,
    vacancies=VACANCIES,
    cities=(
        "Den Haag",
        "Den Haag",
        "Den Haag",
        "Amsterdam",
        "Amsterdam",
        "Rijswijk",
        "Zoetermeer",
        "Leiden",
        "Delft",
        "Utrecht",
        "Haarlem",
        "Leidschendam",
        "Voorburg",
        "Almere",
        "Gouda",
        "Alphen aan den Rijn",
    ),
)
