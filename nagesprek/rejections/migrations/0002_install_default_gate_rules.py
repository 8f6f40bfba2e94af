"""Give every existing organisation the default protected grounds and stock phrases.

New organisations get them from ``rejections.defaults.install_default_gate_rules``
(called on creation). This migration uses the defaults as they are in the code
when it runs; later changes to the defaults reach existing organisations only
through the rules page ("Add the missing default rules").
"""

from django.db import migrations


def install(apps, schema_editor):
    from nagesprek.rejections.defaults import install_defaults_with

    Organisation = apps.get_model("organisations", "Organisation")
    ProtectedGround = apps.get_model("rejections", "ProtectedGround")
    BoilerplatePhrase = apps.get_model("rejections", "BoilerplatePhrase")
    for organisation in Organisation.objects.all():
        install_defaults_with(organisation, ProtectedGround, BoilerplatePhrase)


class Migration(migrations.Migration):
    dependencies = [("rejections", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
