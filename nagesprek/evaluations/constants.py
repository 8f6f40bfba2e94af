from django.db import models
from django.utils.translation import gettext_lazy as _


class Rating(models.IntegerChoices):
    """The fixed 4-point scale, worded so a candidate can read it."""

    NOT_MET = 1, _("Does not meet the criterion")
    PARTLY_MET = 2, _("Partly meets the criterion")
    MET = 3, _("Meets the criterion")
    EXCEEDED = 4, _("Exceeds the criterion")


LOW_RATINGS = (Rating.NOT_MET, Rating.PARTLY_MET)
