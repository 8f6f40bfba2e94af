"""Names for generated candidates: Dutch names and names that are common in the Netherlands today.

Names are only names: nothing about a person's origin is stored or derived from them.
E-mail addresses use the reserved example domains only (RFC 2606), never real ones.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _comma_list(text: str) -> tuple[str, ...]:
    return tuple(" ".join(item.split()) for item in text.split(",") if item.strip())


FIRST_NAMES = _words(
    """
    Anna Anouk Bart Bas Bram Britt Daan Demi Dennis Dirk Emma Esmee Eva Evelien Femke Floor Frank Gerrit Hanneke
    Hans Inge Iris Jan Jasper Jeroen Jesse Joost Jorien Julia Kevin Kim Koen Lars Laura Lieke Lisa Luuk Maaike
    Marco Mark Martijn Max Merel Michiel Milan Mirjam Nienke Niels Nina Noor Pim Renate Rik Robin Roos Ruben
    Sander Sanne Saskia Sem Sophie Stijn Suzanne Thijs Tim Tom Vera Wendy Willem Wouter Yvonne Zoë Marloes Gijs
    Hester Ilse Jolanda Karin Linda Monique Patrick Petra Remco Sylvia Ton
    """
)

SURNAMES = _comma_list(
    """
    de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de Boer, Mulder, de
    Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der
    Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn,
    de Bruin, van der Heijden, Schouten, van Beek, Willems, van Vliet, van de Ven, Hoekstra, Maas, Verhoeven,
    Koster, van Dam, van der Wal, Prins, Blom, Huisman, Peeters, de Ruiter, Kuipers, Veenstra, Post, Kramer, van
    den Bosch, Scholten, van Wijk, Postma, Martens, Vink, de Ridder, Groen, Bosman, Verbeek, Wolters, Boer,
    Timmermans, van Rijn, Evers, Goossens, Roelofs
    """
)

INTERNATIONAL_FIRST_NAMES = _words(
    """
    Ahmed Aisha Amir Ana Arjun Ayşe Bilal Carlos Chen Daniel Dilan Elif Emre Fatma Hamza Hana Ibrahim Imane Jamal
    Karim Katarzyna Kofi Lina Luca María Mei Mehmet Meryem Nadia Olena Omar Piotr Priya Rahul Rania Samira
    Santiago Sara Soufiane Tomasz Yasmina Youssef Zeynep Anjali Raj Shanti Kwame Ama Liam Olivia James Emily
    Giulia Marta Andrei Ioana
    """
)

INTERNATIONAL_SURNAMES = _comma_list(
    """
    Yilmaz, Kaya, Demir, Çelik, Şahin, El Idrissi, Bouzid, Amrani, Benali, El Khatib, Ramdin, Jagessar, Sewnath,
    Kartosen, Pinas, Nowak, Kowalski, Wiśniewska, Kovalenko, Shevchenko, García, Rodríguez, Rossi, Ferrari, Silva,
    Santos, Wang, Li, Zhang, Nguyen, Tran, Mensah, Owusu, Boateng, Patel, Sharma, Gupta, Haddad, Khalil,
    Al-Hassan, Smith, Brown, Taylor, Murphy, O'Brien, Popescu, Ionescu, Kowalczyk, Dubois, Müller
    """
)

EMAIL_DOMAINS = ("example.net", "example.com", "example.org")
