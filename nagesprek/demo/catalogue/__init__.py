"""The demo catalogue: the Dutch texts and facts the generator draws from, as plain data."""

from nagesprek.demo.catalogue.agency import AGENCY
from nagesprek.demo.catalogue.hospital import HOSPITAL
from nagesprek.demo.catalogue.types import DemoOrganisation

ORGANISATIONS: tuple[DemoOrganisation, ...] = (AGENCY, HOSPITAL)

__all__ = ["ORGANISATIONS"]
