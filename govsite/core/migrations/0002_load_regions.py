from django.db import migrations


def load(apps, schema_editor):
    from govsite.core.regions import load_regions

    load_regions(apps.get_model("core", "Region"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
