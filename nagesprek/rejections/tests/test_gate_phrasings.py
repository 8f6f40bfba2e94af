"""Real phrasings against the default gate rules: what must be caught, and what must pass.

Sentences are the kind recruiters write in a rejection reason (Dutch and
English). Each caught sentence names the protected ground it must be refused
for. Borderline decisions are marked DECISION with the reasoning; change the
defaults (``rejections/defaults.py``) and this table together.
"""

import pytest

from nagesprek.rejections import gate
from nagesprek.rejections.constants import ProtectedGroundKind as G
from nagesprek.rejections.selectors import default_gate_rules

RULES = default_gate_rules()

MUST_BE_CAUGHT = [
    # Age
    ("Wij vinden u eerlijk gezegd te oud voor deze functie in ons team.", G.AGE),
    ("Gezien uw leeftijd verwachten wij dat u niet lang genoeg blijft.", G.AGE),
    ("We zijn een jong team en zoeken iemand die daar goed bij past.", G.AGE),
    ("De kandidaat is ouder dan de rest van de afdeling en zou lastig meedraaien.", G.AGE),
    ("Iemand die al wat op leeftijd is, past minder goed bij het tempo hier.", G.AGE),
    ("Als 55-plusser zult u moeite hebben met de nieuwe systemen die wij gebruiken.", G.AGE),
    ("Wij zochten geen vijftiger maar iemand aan het begin van de loopbaan.", G.AGE),
    ("U bent 58 jaar en de functie vraagt een lange inwerkperiode van twee jaar.", G.AGE),
    ("We hebben gekozen voor een jongere kandidaat met meer groeipotentie.", G.AGE),
    ("Uw leeftijdsgenoten in het team zijn al vertrokken, dus de aansluiting ontbreekt.", G.AGE),
    ("Het team bestaat uit jonge collega's en u zou daar niet goed in passen.", G.AGE),
    ("With your age you would be close to retirement before the training is done.", G.AGE),
    ("You would not fit in with our young team of recent graduates in this department.", G.AGE),
    ("We were looking for someone younger who can grow with the company for years.", G.AGE),
    ("Frankly, the panel felt you were too old to adapt to the new way of working.", G.AGE),
    # DECISION: "jonge organisatie" is caught. It describes the employer, but in a rejection it only
    # serves to say the candidate does not fit a young organisation, which the Netherlands Institute
    # for Human Rights treats as indirect age discrimination. Rephrase to the requirement itself.
    ("Wij zijn een jonge organisatie en zoeken iemand die daarbij past en meegroeit.", G.AGE),
    # Sex
    ("Voor dit team zoeken we liever een man, omdat het werk fysiek zwaar is.", G.SEX),
    ("Er werken al veel vrouwen op de afdeling, we willen meer balans in het team.", G.SEX),
    ("The client prefers a female caregiver for this position on the ward.", G.SEX),
    ("We need more men in the team to balance things out in the department.", G.SEX),
    # Pregnancy and parenthood
    ("U gaf aan zwanger te zijn en de functie start juist in de drukste periode.", G.PREGNANCY),
    ("Met een zwangerschapsverlof in het vooruitzicht is de inwerkperiode te kort.", G.PREGNANCY),
    ("U vertelde over uw kinderwens, en wij zoeken iemand voor langere tijd.", G.PREGNANCY),
    ("Als moeder van drie jonge kinderen is de onregelmatige dienst lastig voor u.", G.PREGNANCY),
    ("You mentioned you are pregnant, and the project starts in the spring.", G.PREGNANCY),
    ("Given your upcoming maternity leave we chose a candidate who can start now.", G.PREGNANCY),
    # Origin and race (language ability as origin)
    ("Uw accent was voor onze klanten aan de telefoon soms lastig te volgen.", G.ORIGIN),
    ("Wij zoeken iemand met Nederlands als moedertaal voor het schrijfwerk.", G.ORIGIN),
    ("Gezien uw afkomst verwachten wij dat de aansluiting met het team lastig is.", G.ORIGIN),
    ("Een kandidaat met een niet-westerse achtergrond zou hier niet goed landen.", G.ORIGIN),
    ("De Marokkaanse kandidaten uit deze ronde hebben we allemaal afgewezen.", G.ORIGIN),
    ("Onze klanten verwachten een autochtone medewerker aan de balie.", G.ORIGIN),
    ("The role requires a native speaker of Dutch for the written work.", G.ORIGIN),
    ("Your accent made it hard for the panel to follow your answers.", G.ORIGIN),
    ("Given your ethnic background, the clients might not feel at ease.", G.ORIGIN),
    ("We are looking for native Dutch colleagues for the customer desk.", G.ORIGIN),
    # Nationality
    ("Uw nationaliteit maakt het lastig om u in deze functie te plaatsen.", G.NATIONALITY),
    ("Wij nemen voor deze functie liever geen buitenlanders aan vanwege de klanten.", G.NATIONALITY),
    ("As a foreigner you would need too much time to learn our procedures.", G.NATIONALITY),
    ("As a refugee your situation seemed too uncertain for a long project.", G.NATIONALITY),
    # Religion or belief
    ("Het dragen van een hoofddoek past niet bij de uitstraling van de balie.", G.RELIGION),
    ("Omdat u gelovig bent, vragen wij ons af of u op zondag kunt werken.", G.RELIGION),
    ("Als moslim zou u tijdens de ramadan minder inzetbaar zijn in het rooster.", G.RELIGION),
    ("Uw religieuze overtuiging botst met de open cultuur van ons team.", G.RELIGION),
    ("Your religious beliefs may clash with some of the tasks in this role.", G.RELIGION),
    ("Wearing a headscarf does not match the image of our front desk.", G.RELIGION),
    # Disability and chronic illness
    ("Met uw handicap is de functie fysiek te zwaar voor u in de praktijk.", G.DISABILITY),
    ("Omdat u chronisch ziek bent, vrezen wij een hoog verzuim op de afdeling.", G.DISABILITY),
    ("U had vorig jaar een burn-out, en deze functie kent veel werkdruk.", G.DISABILITY),
    ("Uit uw ziekteverleden blijkt dat u vaak afwezig was bij uw vorige werkgever.", G.DISABILITY),
    ("De afdeling is niet geschikt voor iemand in een rolstoel door de trappen.", G.DISABILITY),
    ("Because of your disability the role would be too demanding for you.", G.DISABILITY),
    ("We felt that a wheelchair user would struggle with the layout of the ward.", G.DISABILITY),
    ("Your history of sick leave made the panel doubt your availability.", G.DISABILITY),
    # Sexual orientation
    ("Het team is vrij traditioneel, en als homo zou u zich er mogelijk niet thuis voelen.", G.SEXUAL_ORIENTATION),
    ("Uw geaardheid speelde geen rol, maar het team is er nog niet aan toe.", G.SEXUAL_ORIENTATION),
    ("Some clients may not be comfortable with a gay counsellor in this role.", G.SEXUAL_ORIENTATION),
    # Civil status
    ("Omdat u getrouwd bent, verwachten wij dat u minder flexibel bent met reizen.", G.CIVIL_STATUS),
    ("Als alleenstaande moeder zijn de avonddiensten voor u waarschijnlijk lastig.", G.CIVIL_STATUS),
    ("Since you are married we assumed you would not want to relocate for the job.", G.CIVIL_STATUS),
    ("As a single mother the night shifts would be hard for you to combine.", G.CIVIL_STATUS),
    # Political opinion
    ("Uw politieke voorkeur, die u op LinkedIn deelt, past niet bij onze neutrale rol.", G.POLITICAL_OPINION),
    ("Uw lidmaatschap van de PVV vinden wij lastig voor de klantcontacten.", G.POLITICAL_OPINION),
    ("Your political views as shared online do not fit a neutral public service role.", G.POLITICAL_OPINION),
    ("Your work as an activist might affect how citizens see our agency.", G.POLITICAL_OPINION),
    # Working-time preference
    ("U wil parttime werken en wij zoeken iemand die er de hele week is.", G.WORKING_TIME),
    ("U wilt maar 24 uur werken, dat is voor ons te weinig voor deze functie.", G.WORKING_TIME),
    ("Omdat u in deeltijd wilt werken, past u niet in het rooster van het team.", G.WORKING_TIME),
    ("You want to work part-time, and we need someone who is here every day.", G.WORKING_TIME),
    # Personal note is checked too: see test_personal_note_is_checked below.
]

MUST_PASS = [
    "De functie vraagt Nederlands op C1-niveau, schriftelijk. Uw schrijfopdracht liet niveau B1 zien.",
    "U heeft 2 jaar ervaring als planner; de functie vraagt minimaal 5 jaar ervaring met roosters.",
    "Voor deze functie is een geldige BIG-registratie verplicht. De BIG-registratie ontbreekt in uw cv.",
    "Uw BIG-registratie is verlopen op 3 maart 2026; de functie vraagt een geldige registratie.",
    "Het deelcertificaat Anesthesiologie staat niet in uw profiel, en dat is voor deze functie verplicht.",
    # DECISION: the hours of the job are a requirement of the job, published in the vacancy; saying so
    # is not about the candidate's preference. Only the candidate's wish (parttime, minder uren) is caught.
    "De rol vraagt 36 uur per week, verdeeld over vijf dagen, ook in de avond.",
    "De functie is fulltime omdat de balie van maandag tot en met vrijdag open is.",
    # DECISION: "oudere versie" is about software, not people: an allowed phrase of the age ground.
    "Wij werken met een oudere versie van Excel, en zochten ervaring met VBA-macro's daarin.",
    "In het eerste gesprek kon u geen voorbeeld geven van een project dat u zelf plande en afrondde.",
    "Bij de casus over klachtafhandeling noemde u niet hoe u de klant op de hoogte zou houden.",
    "De functie vraagt een afgeronde hbo-opleiding; uw hoogste opleiding is mbo niveau 4.",
    "U heeft geen ervaring met het werken in een elektronisch patiëntendossier zoals HiX of Epic.",
    "Een andere kandidaat scoorde hoger op plannen en organiseren: 4 van 4, u scoorde 2 van 4.",
    "Uw rijbewijs B ontbreekt, en de functie vraagt dagelijks rijden naar cliënten in de regio.",
    "Voor de nachtdiensten is ervaring op een intensive care vereist; die heeft u nog niet opgedaan.",
    "In de assessment haalde u voor rekenvaardigheid een score onder de grens die wij vooraf stelden.",
    "De functie vraagt ervaring met de zorg voor oudere cliënten met dementie; die ervaring mist nog.",
    # DECISION: "het accent op" means "the emphasis on": an allowed phrase of the origin ground.
    "In deze functie ligt het accent op schriftelijke communicatie; uw schrijfopdracht was nog niet op niveau.",
    # DECISION: political sensitivity is a competency of government jobs, not a political opinion.
    "Politiek-bestuurlijke sensitiviteit is voor deze functie belangrijk; in het gesprek liet u dat nog weinig zien.",
    "U toonde in het gesprek weinig kennis van de Algemene wet bestuursrecht, die in deze functie dagelijks nodig is.",
    "Het werken met jonge kinderen vraagt een diploma Pedagogisch Medewerker, en dat diploma heeft u nog niet.",
    "Uw ervaring in het jongerenwerk is waardevol, maar de functie vraagt ervaring met schuldhulpverlening.",
    "Het gesprek liet zien dat u het tillen met een tillift nog niet heeft geoefend; dat is hier dagelijks werk.",
    "Voor deze functie is een Verklaring Omtrent het Gedrag nodig, en die kon u niet overleggen.",
    "U heeft ervaring met Excel, maar de functie vraagt ervaring met Power BI en SQL voor rapportages.",
    "De functie vraagt Engels op B2-niveau voor contact met internationale leveranciers; u gaf A2 aan.",
    "Bij de rollenspelopdracht bleef u in gesprek met de boze burger vooral uitleggen in plaats van luisteren.",
    "Uw cv laat geen ervaring zien met het begeleiden van stagiairs, wat voor deze functie gevraagd werd.",
    "Het team werkt samen met ketenpartners zoals gemeenten en UWV; die samenwerking kende u nog niet.",
    "The role asks for Dutch at C1 level in writing; your writing assignment showed B1.",
    "You have two years of experience in scheduling; the job asks for at least four years.",
    "Your BIG registration expired on 3 March 2026, and the job requires a valid registration.",
    "In the first interview you could not give an example of a project you planned and completed yourself.",
    "Another candidate scored higher on stakeholder management: 4 out of 4, you scored 2 out of 4.",
    # DECISION: "older version" is about software (allowed phrase), like "oudere versie".
    "We use an older version of SAP, and the role needs hands-on experience with its finance module.",
    "The job requires a valid driving licence and daily travel to clients; your application has none.",
    "The case study showed little experience with public procurement law, which this job uses daily.",
    "The role requires experience in aged care; your experience so far is in hospital logistics.",
    # DECISION: "native app development" is a skill; "native" alone (the person) is caught.
    "The job asks for native app development for iOS; your portfolio shows web development only.",
    "The job is 32 hours a week including two evening shifts, as published in the vacancy.",
    "Geachte dames en heren is geen goede aanhef; in de schrijfopdracht miste de brief een duidelijke kern.",
    "De functie vraagt kennis van de Wet gelijke behandeling; uw antwoord op de casus liet die nog niet zien.",
]

# DECISION, not caught: "overgekwalificeerd" / "overqualified". It is often a cover for age, but also a
# genuine judgement about fit with the tasks; the gate cannot tell which. The substance rule still asks
# which requirement or criterion is meant. Kept out of both tables on purpose.


def _grounds(sentence: str) -> set[str]:
    problems = gate.check([gate.ReasonText(sentence, requirement_id=1)], RULES, "nl")
    return {p.ground for p in problems if p.code == gate.ProblemCode.PROTECTED_GROUND}


def test_the_tables_are_big_enough():
    assert len(MUST_BE_CAUGHT) >= 60
    assert len(MUST_PASS) >= 40


@pytest.mark.parametrize(("sentence", "ground"), MUST_BE_CAUGHT, ids=[s[:40] for s, _g in MUST_BE_CAUGHT])
def test_caught(sentence, ground):
    assert ground in _grounds(sentence)


@pytest.mark.parametrize("sentence", MUST_PASS, ids=[s[:40] for s in MUST_PASS])
def test_passes_the_whole_gate(sentence):
    problems = gate.check([gate.ReasonText(sentence, requirement_id=1, target_label="")], RULES, "nl")
    assert problems == []


def test_personal_note_is_checked():
    problems = gate.check(
        [gate.ReasonText(MUST_PASS[0], requirement_id=1)],
        RULES,
        "nl",
        personal_note="Succes! Met uw leeftijd vindt u vast snel iets anders.",
    )
    assert [(p.field, p.ground) for p in problems] == [("personal_note", G.AGE)]


def test_explanation_is_in_the_requested_language():
    (problem,) = [p for p in gate.check([gate.ReasonText(MUST_BE_CAUGHT[0][0], 1)], RULES, "en") if p.ground]
    assert "Age Discrimination" in problem.message
    (problem,) = [p for p in gate.check([gate.ReasonText(MUST_BE_CAUGHT[0][0], 1)], RULES, "nl") if p.ground]
    assert "Wet gelijke behandeling op grond van leeftijd" in problem.message
