# Part G's suggestion log lives in its own module; the vocabulary models (part F) go below.
from nagesprek.matching.models_log import SuggestionLog  # noqa: F401
