"""Requirements that many vacancies share, written once in plain Dutch (B1)."""

from __future__ import annotations

from nagesprek.demo.catalogue.types import RequirementSpec
from nagesprek.vacancies.constants import EducationLevel, RequirementKind

K = RequirementKind


def dutch(level: str, must: bool = True) -> RequirementSpec:
    texts = {
        "C1": "Je spreekt en schrijft vlot Nederlands. Je schrijft brieven en e-mails zonder hulp "
        "en je legt lastige regels duidelijk uit.",
        "B2": "Je spreekt en schrijft goed Nederlands. Kleine foutjes zijn geen probleem, "
        "als klanten en collega's je goed begrijpen.",
        "B1": "Je spreekt Nederlands op een niveau dat patiënten en collega's je goed begrijpen "
        "bij het dagelijkse werk.",
    }
    return RequirementSpec(K.LANGUAGE, f"Nederlands {level}", texts[level], must=must, level=level)


def english(level: str, must: bool = False) -> RequirementSpec:
    return RequirementSpec(
        K.LANGUAGE,
        f"Engels {level}",
        "Je voert gesprekken en schrijft e-mails in het Engels, bijvoorbeeld met klanten die in het buitenland wonen.",
        must=must,
        level=level,
    )


def education(level: EducationLevel, label: str, description: str, must: bool = True) -> RequirementSpec:
    return RequirementSpec(K.EDUCATION_LEVEL, label, description, must=must, level=level.value)


def experience(years: int, what: str, description: str, must: bool = True) -> RequirementSpec:
    label = f"Minimaal {years} jaar ervaring {what}" if years > 1 else f"Minimaal 1 jaar ervaring {what}"
    return RequirementSpec(K.EXPERIENCE, label, description, must=must, years=years)


MBO4 = education(
    EducationLevel.MBO4,
    "Diploma op mbo-niveau 4",
    "Je hebt een diploma op mbo-niveau 4, of je hebt door werk en cursussen een vergelijkbaar niveau bereikt.",
)
MBO3 = education(
    EducationLevel.MBO3,
    "Diploma op mbo-niveau 3",
    "Je hebt een diploma op mbo-niveau 3 of hoger.",
)
HBO = education(
    EducationLevel.HBO,
    "Diploma op hbo-niveau",
    "Je hebt een hbo-bachelor, of je werkt aantoonbaar op hbo-niveau.",
)
WO = education(
    EducationLevel.WO,
    "Diploma op wo-niveau",
    "Je hebt een masterdiploma van een universiteit.",
)

CUSTOMER_FOCUS = RequirementSpec(
    K.COMPETENCY,
    "Klantgericht",
    "Je luistert goed, vraagt door en zoekt samen met de klant naar een oplossing. Ook als iemand boos is.",
)
ACCURACY = RequirementSpec(
    K.COMPETENCY,
    "Nauwkeurig",
    "Je werkt precies en controleert je eigen werk. Een fout in een betaling of dossier heeft gevolgen voor mensen.",
)
COLLABORATION = RequirementSpec(
    K.COMPETENCY,
    "Samenwerken",
    "Je deelt kennis, vraagt om hulp als dat nodig is en houdt je aan afspraken met het team.",
)
WRITING = RequirementSpec(
    K.COMPETENCY,
    "Helder schrijven",
    "Je schrijft in eenvoudige woorden, zodat iedereen begrijpt wat er staat (taalniveau B1).",
)
STRESS = RequirementSpec(
    K.COMPETENCY,
    "Rustig blijven onder druk",
    "Je houdt overzicht en blijft rustig als het druk is of als er iets onverwachts gebeurt.",
)
EMPATHY = RequirementSpec(
    K.COMPETENCY,
    "Empathisch",
    "Je voelt aan wat iemand nodig heeft en reageert vriendelijk en geduldig, ook bij verdriet of spanning.",
)
OFFICE = RequirementSpec(
    K.SKILL,
    "Werken met Microsoft Office",
    "Je werkt vlot met Word, Outlook en Excel.",
    must=False,
)
BIG_NURSE = RequirementSpec(
    K.REGISTRATION,
    "BIG-registratie als verpleegkundige",
    "Je staat als verpleegkundige ingeschreven in het BIG-register. Zonder deze registratie mag je "
    "voorbehouden handelingen niet zelfstandig doen.",
)

# What evaluators score besides the requirements, per kind of stage: (competency, what to look for).
CV_SCREENING_NOTE = "Te zien in het cv of het profiel van de kandidaat."
INTERVIEW_COMPETENCIES = (
    ("Motivatie voor deze functie", "Weet de kandidaat wat het werk inhoudt en waarom hij of zij het wil doen?"),
    ("Mondelinge communicatie", "Legt de kandidaat helder uit, luistert hij of zij en vraagt hij of zij door?"),
)
ASSESSMENT_COMPETENCIES = (
    ("Uitvoering van de opdracht", "Hoe pakt de kandidaat de opdracht aan, en wat is het resultaat?"),
)
