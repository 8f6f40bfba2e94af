from django.db import models
from django.utils.translation import gettext_lazy as _


class RouteKind(models.TextChoices):
    CERTIFICATE = "certificate", _("Certificate")
    PARTIAL_CERTIFICATE = "partial_certificate", _("Partial certificate")
    DIPLOMA_PROGRAMME = "diploma_programme", _("Diploma programme")
    COURSE = "course", _("Course")
    REGISTRATION = "registration", _("Registration")
    LANGUAGE_EXAM = "language_exam", _("Language exam")
    WORK_EXPERIENCE = "work_experience", _("Work experience")
    INTERVIEW_PRACTICE = "interview_practice", _("Interview practice")
    CV_ADVICE = "cv_advice", _("CV advice")


class DeliveryMode(models.TextChoices):
    CLASSROOM = "classroom", _("Classroom")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")
    ON_THE_JOB = "on_the_job", _("On the job")


class RouteLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
