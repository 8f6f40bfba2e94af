"""CV raw material per role: job titles, duties and credentials, in Dutch and English.

Generated CVs are built from these sentences, so a candidate's CV mentions the same
diplomas, certificates and skills that the vacancies ask for: later matching has signal.
"""

from __future__ import annotations

from nagesprek.demo.catalogue.agency_profiles import AGENCY_PROFILES
from nagesprek.demo.catalogue.hospital_profiles import HOSPITAL_PROFILES
from nagesprek.demo.catalogue.types import CvProfile
from nagesprek.vacancies.constants import EducationLevel as E

PROFILES: dict[str, CvProfile] = {p.key: p for p in (*AGENCY_PROFILES, *HOSPITAL_PROFILES)}

# Jobs people hold before their current one, for a second CV line: (role, employer) in Dutch and English.
EARLIER_JOBS = (
    ("Verkoopmedewerker", "een supermarkt", "Sales assistant", "a supermarket"),
    ("Administratief medewerker", "een uitzendbureau", "Administrative assistant", "a staffing agency"),
    ("Baliemedewerker", "een gemeente", "Front desk assistant", "a municipality"),
    ("Medewerker bediening", "een restaurant", "Waiter", "a restaurant"),
    ("Vrijwilliger", "een buurthuis", "Volunteer", "a community centre"),
    ("Stagiair", "een adviesbureau", "Intern", "a consultancy"),
    ("Medewerker klantenservice", "een webwinkel", "Customer service agent", "an online shop"),
    ("Logistiek medewerker", "een distributiecentrum", "Warehouse operative", "a distribution centre"),
)

# A diploma outside the role, one level below the role's own, for candidates who fit less well:
# (Dutch CV line, English CV line, diploma as recorded).
OTHER_EDUCATION = {
    E.VMBO: ("Vmbo-diploma (kaderberoepsgerichte leerweg)", "Pre-vocational secondary diploma (vmbo)", "Vmbo-diploma"),
    E.MBO2: ("Mbo 2 Medewerker retail", "Vocational diploma (level 2) in Retail", "Diploma Medewerker retail (mbo-2)"),
    E.MBO3: (
        "Mbo 3 Medewerker secretariaat en receptie",
        "Vocational diploma (level 3) Office and reception",
        "Diploma Medewerker secretariaat en receptie (mbo-3)",
    ),
    E.MBO4: ("Mbo 4 Sociaal werk", "Vocational diploma (level 4) in Social Work", "Diploma Sociaal werk (mbo-4)"),
    E.HBO: ("Hbo Communicatie", "Bachelor's degree in Communication", "Diploma Communicatie (hbo)"),
    E.WO: ("Master Geschiedenis", "Master's degree in History", "Masterdiploma Geschiedenis"),
}

# English for the skills above; names of tools and standards stay as they are.
SKILLS_EN = {
    "Werken met Microsoft Office": "Microsoft Office",
    "Programmeren in Python": "Programming in Python",
    "Ervaring met Django": "Django",
    "Kennis van PostgreSQL": "PostgreSQL",
    "Kennis van de BIO en ISO 27001": "BIO and ISO 27001",
    "Testen": "Testing",
    "Data-analyse met Python": "Data analysis in Python",
    "Kennis van de Algemene wet bestuursrecht": "Dutch administrative law (Awb)",
    "Werken met SAP": "SAP",
    "Kennis van de rijksbegroting": "Central government budgeting",
    "Kennis van arbeidsrecht": "Employment law",
    "Actief zoeken naar kandidaten": "Sourcing candidates",
    "Werken met een elektronisch patiëntendossier (HiX)": "Electronic patient record (HiX)",
    "Werken met SAP en Ultimo": "SAP and Ultimo",
    "Telefonisch en schriftelijk klantcontact": "Customer contact by phone and in writing",
    "Werken met een CRM-systeem": "Working with a CRM system",
    "Coachen en feedback geven": "Coaching and giving feedback",
    "Planning en roosters": "Planning and rosters",
    "Kwaliteitsmetingen": "Quality monitoring",
    "Risicoanalyse": "Risk assessment",
    "Incidentmanagement": "Incident management",
    "Acceptatietesten": "Acceptance testing",
    "Documentatie": "Documentation",
    "Statistiek": "Statistics",
    "Klantgericht": "Customer focus",
    "Bestuursrecht": "Administrative law",
    "Juridisch schrijven": "Legal writing",
    "Hoorzittingen": "Hearings",
    "AVG": "GDPR",
    "Verwerkersovereenkomsten": "Data processing agreements",
    "Afletteren": "Reconciliation",
    "Begroten": "Budgeting",
    "Analyse": "Analysis",
    "Verzuimbegeleiding": "Absence management",
    "Adviseren": "Advising",
    "Werving en selectie": "Recruitment and selection",
    "Gespreksvoering": "Interviewing",
    "Arbeidsmarktkennis": "Labour market knowledge",
    "Bewaking vitale functies": "Monitoring vital signs",
    "Luchtwegmanagement": "Airway management",
    "Instrumenteren": "Scrubbing and instrument handling",
    "Steriel werken": "Sterile technique",
    "Samenwerken in het OK-team": "Teamwork in the operating room",
    "Nauwkeurig werken": "Working accurately",
    "Hygiëneprotocollen": "Hygiene protocols",
    "Regionale anesthesie": "Regional anaesthesia",
    "Pijnbestrijding": "Pain management",
    "Medicatie toedienen": "Administering medication",
    "Wondzorg": "Wound care",
    "Klinisch redeneren": "Clinical reasoning",
    "Persoonlijke verzorging": "Personal care",
    "Gastvrijheid": "Hospitality",
    "Observeren": "Observation",
    "Medische terminologie": "Medical terminology",
    "Agendabeheer": "Diary management",
    "Patiëntcontact": "Patient contact",
    "Bloedafname": "Taking blood samples",
    "Wondverzorging": "Wound dressing",
    "Chemotherapie": "Chemotherapy",
    "Psychosociale begeleiding": "Psychosocial support",
    "Notuleren": "Minute taking",
    "Meldingen registreren": "Logging requests",
    "Plannen": "Planning",
    "Samenwerken": "Teamwork",
    "Storingen zoeken": "Fault finding",
    "Elektrotechniek": "Electrical engineering",
}
