import pytest

from nagesprek.matching import index


@pytest.fixture(autouse=True)
def _fresh_indexes():
    """The matching engine's per-process index outlives a test's rolled-back rows; ids are reused, so start clean."""
    index._INDEXES.clear()
    yield
    index._INDEXES.clear()
