"""The default quality-gate rules every organisation starts with; org admins refine them on the rules page.

``install_default_gate_rules(organisation)`` is idempotent and never overwrites
an organisation's own edits: it only adds grounds and stock phrases that are
missing. Call it when an organisation is created (the lead wires it into the
organisation service and the demo); migration 0002 ran it for every existing one.

How the term lists were chosen — the cases decided on purpose are tested in
``tests/test_gate_phrasings.py`` with the reasoning next to each:

* Terms catch the *person's* characteristic, in Dutch and English, with the
  inflections recruiters write ("zwanger*", "vijftiger*", "55-plusser") and the
  paraphrases that give it away ("jong team", "op leeftijd", "moeder van",
  "native speaker").
* Words that are also ordinary job vocabulary are caught only in the phrase that
  makes them personal ("ouder dan", not "ouderenzorg"; "uw partner", not
  "ketenpartners"; "politieke voorkeur", not "politieke sensitiviteit"), or are
  excused by an allowed phrase ("oudere versie", "het accent op").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from nagesprek.rejections.constants import ProtectedGroundKind


@dataclass(frozen=True)
class DefaultGround:
    ground: str
    terms: tuple[str, ...]
    exceptions: tuple[str, ...]
    explanation_nl: str
    explanation_en: str


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


_REPHRASE_NL = (
    "Schrijf in plaats daarvan welke functie-eis of welk criterium niet werd gehaald en wat de kandidaat liet zien, "
    "bijvoorbeeld: 'De functie vraagt 4 jaar ervaring met roosters maken; u heeft 2 jaar ervaring.'"
)
_REPHRASE_EN = (
    "Instead, say which requirement or criterion was not met and what the candidate showed, for example: "
    "'The job asks for 4 years of experience in scheduling; you have 2.'"
)

DEFAULT_GROUNDS: tuple[DefaultGround, ...] = (
    DefaultGround(
        ProtectedGroundKind.AGE,
        _lines(
            """
            leeftijd*
            te oud
            te jong
            oud voor
            jong voor
            ouder dan
            jonger dan
            oudere
            jongere
            jong
            jonge
            jong team
            jonge collega*
            jeugdig*
            op leeftijd
            *plusser*
            40 plus
            45 plus
            50 plus
            55 plus
            60 plus
            dertiger*
            veertiger*
            vijftiger*
            zestiger*
            babyboomer*
            generatie*
            bent * jaar
            jaar oud
            geboortejaar
            geboortedatum
            met pensioen
            pensioenleeftijd
            aow*
            age
            aged
            too old
            too young
            older
            younger
            young
            young team
            elderly
            retire*
            generation*
            millennial*
            boomer*
            years old
            date of birth
            """
        ),
        _lines(
            """
            oudere versie*
            oudere client*
            oudere patient*
            oudere clienten
            jonge kinderen
            older version*
            older client*
            older patient*
            older adults
            older people
            aged care
            elderly care
            elderly client*
            elderly patient*
            young people
            young children
            nieuwe generatie
            new generation
            next generation
            """
        ),
        "Leeftijd is een beschermde grond (Wet gelijke behandeling op grond van leeftijd bij de arbeid). Een "
        "afwijzing mag niet naar leeftijd verwijzen, ook niet verhuld: 'jong team', 'op leeftijd', 'past bij een "
        "jonge organisatie'. " + _REPHRASE_NL,
        "Age is a protected ground (Dutch Equal Treatment in Employment (Age Discrimination) Act). A rejection "
        "must not refer to age, not even indirectly: 'young team', 'too senior in years', 'fits a young "
        "organisation'. " + _REPHRASE_EN,
    ),
    DefaultGround(
        ProtectedGroundKind.SEX,
        _lines(
            """
            man
            mannen
            mannelijk*
            vrouw
            vrouwen
            vrouwelijk*
            geslacht
            gender*
            transgender*
            meisje*
            jongen
            jongens
            heren
            dames
            men
            woman
            women
            female*
            male
            males
            girl*
            boy
            boys
            sex
            transgender
            """
        ),
        _lines(
            """
            mannen en vrouwen
            vrouwen en mannen
            men and women
            women and men
            dames en heren
            ladies and gentlemen
            """
        ),
        "Geslacht is een beschermde grond (Algemene wet gelijke behandeling en de Wet gelijke behandeling van "
        "mannen en vrouwen). Noem in een afwijzing niet of iemand man of vrouw is, en niet wat het team 'nodig "
        "heeft' aan mannen of vrouwen. " + _REPHRASE_NL,
        "Sex and gender are protected grounds (Dutch General Equal Treatment Act and Equal Treatment of Men and "
        "Women Act). A rejection must not mention whether someone is a man or a woman, nor what the team "
        "'needs' in men or women. " + _REPHRASE_EN,
    ),
    DefaultGround(
        ProtectedGroundKind.PREGNANCY,
        _lines(
            """
            zwanger*
            *zwangerschap*
            kinderwens*
            gezinsuitbreiding
            moeder van
            vader van
            moederschap*
            jonge moeder
            bevalling*
            bevallen
            ouderschapsverlof
            borstvoeding
            kleine kinderen
            kinderen thuis
            thuissituatie
            pregnan*
            maternity
            paternity
            parental leave
            mother of
            father of
            starting a family
            start a family
            family plans
            breastfeeding
            young children at home
            """
        ),
        (),
        "Zwangerschap, bevalling en moederschap vallen onder de grond geslacht (Algemene wet gelijke behandeling, "
        "art. 1). Een afwijzing mag niet verwijzen naar zwangerschap, een kinderwens of de zorg voor kinderen; "
        "daar vragen mag ook niet. " + _REPHRASE_NL,
        "Pregnancy, childbirth and motherhood count as sex discrimination (Dutch General Equal Treatment Act, "
        "art. 1). A rejection must not refer to pregnancy, plans for children or caring for children; asking "
        "about it is not allowed either. " + _REPHRASE_EN,
    ),
    DefaultGround(
        ProtectedGroundKind.ORIGIN,
        _lines(
            """
            afkomst*
            herkomst*
            migratieachtergrond
            migrantenachtergrond
            buitenlandse achtergrond
            culturele achtergrond
            niet westers*
            westerse achtergrond
            allochto*
            autochto*
            etnisch*
            etniciteit
            ras
            huidskleur
            getint*
            accent
            accenten
            moedertaal*
            native
            natives
            native speaker*
            marokkaan*
            turk
            turken
            turkse
            surinamer*
            surinaamse
            antilliaan*
            antilliaanse
            syrier*
            syrische
            afrikaan
            afrikanen
            afrikaanse
            aziatisch*
            oost europe*
            poolse
            roma
            ethnic*
            race
            racial
            skin colour
            skin color
            colour of their skin
            foreign background
            cultural background
            migration background
            immigrant background
            non western
            origin
            origins
            accent
            moroccan*
            turkish
            """
        ),
        _lines(
            """
            accent op
            accent ligt
            accent leggen
            accent gelegd
            accenten liggen
            accenten leggen
            accent on
            turkse taal
            poolse taal
            turkish language
            native app*
            native ios
            native android
            native mobile
            """
        ),
        "Afkomst en ras zijn beschermde gronden (Algemene wet gelijke behandeling). Noem in een afwijzing geen "
        "afkomst, accent of 'moedertaal': eis in plaats daarvan het taalniveau dat de functie vraagt (bijvoorbeeld "
        "Nederlands op C1-niveau, schriftelijk) en zeg welk niveau de kandidaat liet zien. " + _REPHRASE_NL,
        "Origin and race are protected grounds (Dutch General Equal Treatment Act). A rejection must not mention "
        "origin, an accent or being a 'native speaker': ask for the language level the job needs (for example "
        "Dutch at C1, written) and say which level the candidate showed. " + _REPHRASE_EN,
    ),
    DefaultGround(
        ProtectedGroundKind.NATIONALITY,
        _lines(
            """
            nationaliteit*
            buitenlander*
            expat*
            immigrant*
            vluchteling*
            statushouder*
            asielzoeker*
            niet nederlander*
            geen nederlander
            nederlander
            paspoort
            nationality
            nationalities
            foreigner*
            refugee*
            asylum
            citizenship
            passport
            non dutch
            """
        ),
        (),
        "Nationaliteit is een beschermde grond (Algemene wet gelijke behandeling). Alleen als de wet een "
        "nationaliteit eist (bijvoorbeeld voor sommige functies bij Defensie) mag die een functie-eis zijn; neem "
        "die dan als functie-eis op en voeg de formulering hier toe als toegestane zin. Een verblijfs- of "
        "werkvergunning is iets anders dan nationaliteit. " + _REPHRASE_NL,
        "Nationality is a protected ground (Dutch General Equal Treatment Act). Only where the law requires a "
        "nationality (some defence posts, for example) may it be a requirement; then publish it as a requirement "
        "and add the wording here as an allowed phrase. A residence or work permit is not the same as a "
        "nationality. " + _REPHRASE_EN,
    ),
    DefaultGround(
        ProtectedGroundKind.RELIGION,
        _lines(
            """
            gelovig*
            geloofsovertuiging*
            religie*
            religieu*
            godsdienst*
            levensovertuiging*
            moslim*
            islam*
            christen*
            christelijk*
            katholiek*
            protestant*
            joods*
            jood
            joden
            hindoe*
            boeddhis*
            atheist*
            hoofddoek*
            keppel*
            tulband
            sluier
            niqaab
            boerka
            bidden
            gebed*
            ramadan
            sabbat
            kerkgang*
            moskee*
            synagoge*
            religio*
            faith
            muslim*
            christian*
            jewish
            jew
            jews
            hindu*
            buddhis*
            atheist*
            headscarf*
            hijab*
            turban*
            veil
            pray
            praying
            prayer*
            church
            mosque*
            synagogue*
            belief
            beliefs
            """
        ),
        (),
        "Godsdienst en levensovertuiging zijn beschermde gronden (Algemene wet gelijke behandeling). Noem in een "
        "afwijzing geen geloof, kleding zoals een hoofddoek, gebed of feestdagen. Gaat het om een echte "
        "functie-eis (bijvoorbeeld beschermende kleding op de OK), noem dan die eis, niet het geloof. " + _REPHRASE_NL,
        "Religion and belief are protected grounds (Dutch General Equal Treatment Act). A rejection must not "
        "mention faith, clothing such as a headscarf, prayer or holidays. If a real job requirement is at stake "
        "(protective clothing in the operating theatre, say), name that requirement, not the faith. " + _REPHRASE_EN,
    ),
    DefaultGround(
        ProtectedGroundKind.DISABILITY,
        _lines(
            """
            handicap*
            gehandicapt*
            beperking
            beperkingen
            functiebeperking*
            arbeidsbeperking*
            arbeidsongeschikt*
            chronisch ziek*
            chronische ziekte*
            chronische aandoening*
            ziek
            uw ziekte
            je ziekte
            haar ziekte
            zijn ziekte
            ziekteverzuim
            ziekteverleden
            ziektegeschiedenis
            ziekgemeld
            ziekmelding*
            ziek geweest
            vaak ziek
            burn out
            burnout
            overspannen*
            depressief
            psychische klachten
            psychische problemen
            rolstoel*
            blind
            doof*
            slechthorend*
            slechtziend*
            autistisch
            adhd
            dyslect*
            dyslexie
            uw gezondheid
            je gezondheid
            gezondheidsklachten
            gezondheidsproblemen
            gezondheidsredenen
            belastbaar*
            wajong*
            disab*
            handicap*
            wheelchair*
            chronically ill
            chronic illness*
            chronic condition*
            your illness
            sick leave
            sickness absence
            off sick
            been sick
            was sick
            were sick
            medical condition*
            your health
            health reasons
            health problems
            health issues
            mental health issues
            mental health problems
            depressed
            deaf*
            dyslexi*
            burned out
            burnt out
            """
        ),
        _lines(
            """
            blinde vlek
            blind spot
            autistische kinderen
            autistische clienten
            """
        ),
        "Handicap en chronische ziekte zijn beschermde gronden (Wet gelijke behandeling op grond van handicap of "
        "chronische ziekte); naar gezondheid vragen bij werving is bovendien niet toegestaan. Noem in een afwijzing "
        "geen ziekte, beperking of verzuim. Als de functie iets lichamelijks vraagt, noem dan die eis zelf "
        "(bijvoorbeeld 'patiënten tillen met een tillift') en wat de kandidaat liet zien. " + _REPHRASE_NL,
        "Disability and chronic illness are protected grounds (Dutch Equal Treatment on the Grounds of Disability "
        "or Chronic Illness Act); asking about health during recruitment is not allowed either. A rejection must "
        "not mention illness, disability or sick leave. If the job has a physical demand, name that requirement "
        "itself ('moving patients with a hoist') and what the candidate showed. " + _REPHRASE_EN,
    ),
    DefaultGround(
        ProtectedGroundKind.SEXUAL_ORIENTATION,
        _lines(
            """
            homo
            homos
            homoseksu*
            homofiel*
            lesbi*
            biseksu*
            hetero
            heteroseksu*
            geaardheid
            seksuele gerichtheid
            seksuele voorkeur
            lhbt*
            lgbt*
            queer
            gay
            gays
            lesbian*
            bisexual*
            homosexual*
            heterosexual*
            sexual orientation
            same sex
            """
        ),
        (),
        "Seksuele gerichtheid is een beschermde grond (Algemene wet gelijke behandeling). Een afwijzing noemt "
        "nooit iemands geaardheid of relatie. " + _REPHRASE_NL,
        "Sexual orientation is a protected ground (Dutch General Equal Treatment Act). A rejection never mentions "
        "someone's orientation or relationship. " + _REPHRASE_EN,
    ),
    DefaultGround(
        ProtectedGroundKind.CIVIL_STATUS,
        _lines(
            """
            getrouwd
            gehuwd
            ongehuwd
            huwelijk*
            trouwen
            gescheiden
            echtscheiding
            weduwe*
            weduwnaar*
            alleenstaand*
            samenwonend*
            burgerlijke staat
            uw partner
            haar partner
            zijn partner
            je partner
            echtgeno*
            married
            unmarried
            divorce*
            widow*
            single mother*
            single parent*
            single father*
            marital status
            civil status
            spouse
            husband
            wife
            your partner
            her partner
            his partner
            """
        ),
        _lines(
            """
            gescheiden houden
            gescheiden van elkaar
            gescheiden afval
            """
        ),
        "Burgerlijke staat is een beschermde grond (Algemene wet gelijke behandeling). Een afwijzing noemt niet "
        "of iemand getrouwd, gescheiden, alleenstaand of samenwonend is, of wat een partner doet. " + _REPHRASE_NL,
        "Civil status is a protected ground (Dutch General Equal Treatment Act). A rejection does not mention "
        "whether someone is married, divorced, single or living together, or what a partner does. " + _REPHRASE_EN,
    ),
    DefaultGround(
        ProtectedGroundKind.POLITICAL_OPINION,
        _lines(
            """
            politieke voorkeur*
            politieke kleur
            politieke opvatting*
            politieke overtuiging*
            politieke gezindheid
            politieke partij*
            politieke mening
            politieke ideeen
            partijlid*
            partijlidmaatschap
            activist*
            actievoerder*
            pvv
            vvd
            groenlinks
            d66
            cda
            bbb
            nsc
            political view*
            political opinion*
            political affiliation*
            political party
            political beliefs
            politics
            activist*
            left wing
            right wing
            """
        ),
        (),
        "Politieke gezindheid is een beschermde grond (Algemene wet gelijke behandeling). Een afwijzing noemt geen "
        "partij, politieke opvatting of activisme. Politiek-bestuurlijke sensitiviteit is wél een competentie die "
        "u kunt noemen: beschrijf dan wat de kandidaat liet zien. " + _REPHRASE_NL,
        "Political opinion is a protected ground (Dutch General Equal Treatment Act). A rejection does not mention "
        "a party, political views or activism. Political sensitivity is a competency you may name: then say what "
        "the candidate showed. " + _REPHRASE_EN,
    ),
    DefaultGround(
        ProtectedGroundKind.WORKING_TIME,
        _lines(
            """
            parttime*
            part time
            deeltijd*
            fulltime*
            full time
            voltijd*
            minder uren
            meer uren
            urenwens*
            wil * uur
            wilt * uur
            wil maar * uur
            wilt maar * uur
            wil slechts
            wilt slechts
            fewer hours
            more hours
            wants to work * hours
            want to work * hours
            """
        ),
        _lines(
            """
            functie is fulltime
            functie is voltijd
            fulltime functie
            voltijdfunctie
            voltijdsfunctie
            full time role
            full time position
            role is full time
            position is full time
            """
        ),
        "Onderscheid naar de wens om in deeltijd of voltijd te werken is verboden (art. 7:648 Burgerlijk Wetboek). "
        "Het aantal uren dat de functie vraagt mag u wel noemen, als een eis van de functie: 'De functie is voor "
        "36 uur per week, verdeeld over vijf dagen.' Noem niet de urenwens van de kandidaat. " + _REPHRASE_NL,
        "Treating someone differently for wanting to work part-time or full-time is not allowed (Dutch Civil Code, "
        "art. 7:648). You may name the hours the job requires, as a requirement of the job: 'The job is 36 hours a "
        "week, over five days.' Do not mention the hours the candidate wants. " + _REPHRASE_EN,
    ),
)

DEFAULT_BOILERPLATE: tuple[str, ...] = (
    "we hebben voor een andere kandidaat gekozen",
    "wij hebben gekozen voor een kandidaat die beter aansluit",
    "er waren kandidaten die beter aansloten",
    "er waren kandidaten die beter aansloten bij het profiel",
    "andere kandidaten sloten beter aan bij de functie",
    "u past niet in het profiel",
    "u past niet bij de functie",
    "u past niet in het team",
    "niet geschikt bevonden",
    "onvoldoende geschikt",
    "er was een sterkere kandidaat",
    "we zijn met iemand anders verder gegaan",
    "we gaan verder met een andere kandidaat",
    "we hebben een andere sollicitant aangenomen",
    "het aantal sollicitanten was groot",
    "er waren veel goede sollicitanten",
    "de keuze is op een ander gevallen",
    "we kijken naar de beste match",
    "geen match",
    "helaas",
    "niet passend",
    "een andere kandidaat scoorde hoger",
    "not a fit",
    "not the right fit",
    "we went with another candidate",
    "we decided to move forward with other candidates",
    "we have decided to proceed with another candidate",
    "other candidates matched the profile better",
    "another candidate was a better match",
    "you were not selected",
    "your profile does not match",
    "we received many strong applications",
    "another candidate scored higher",
    "unfortunately",
)


@transaction.atomic
def install_default_gate_rules(organisation) -> tuple[int, int]:
    """Give the organisation the default protected grounds and stock phrases; returns (grounds, phrases) added.

    Idempotent: existing rows (perhaps edited by the organisation) are left as they are.
    """
    from nagesprek.rejections.models import BoilerplatePhrase, ProtectedGround

    return install_defaults_with(organisation, ProtectedGround, BoilerplatePhrase)


def install_defaults_with(organisation, protected_ground_model, boilerplate_model) -> tuple[int, int]:
    """The installation itself, for given model classes (the data migration passes its historical models)."""
    grounds_added = 0
    for default in DEFAULT_GROUNDS:
        _row, created = protected_ground_model.objects.get_or_create(
            organisation=organisation,
            ground=str(default.ground),
            defaults={
                "terms": "\n".join(default.terms),
                "exceptions": "\n".join(default.exceptions),
                "explanation_nl": default.explanation_nl,
                "explanation_en": default.explanation_en,
            },
        )
        grounds_added += created
    phrases_added = 0
    for phrase in DEFAULT_BOILERPLATE:
        _row, created = boilerplate_model.objects.get_or_create(organisation=organisation, phrase=phrase)
        phrases_added += created
    return grounds_added, phrases_added
