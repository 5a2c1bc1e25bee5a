"""Certificate application attachments move from the public media folder to private storage.

Existing files are moved along (copied into the "private" storage, then deleted from the
public one), so no attachment stays reachable under /media/.
"""

from django.core.files.storage import storages
from django.db import migrations, models

import marketplace.certificates.models
import portal.uploads


def move_to_private(apps, schema_editor):
    public, private = storages["default"], storages["private"]
    Attachment = apps.get_model("certificates", "ApplicationAttachment")
    for name in Attachment.objects.exclude(file="").values_list("file", flat=True):
        if not public.exists(name):
            continue
        if not private.exists(name):
            with public.open(name, "rb") as source:
                saved = private.save(name, source)
            if saved != name:  # never expected: the names are random; keep the row pointing right
                Attachment.objects.filter(file=name).update(file=saved)
        public.delete(name)


def move_to_public(apps, schema_editor):
    public, private = storages["default"], storages["private"]
    Attachment = apps.get_model("certificates", "ApplicationAttachment")
    for name in Attachment.objects.exclude(file="").values_list("file", flat=True):
        if private.exists(name) and not public.exists(name):
            with private.open(name, "rb") as source:
                public.save(name, source)
            private.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0004_text_length_limits"),
    ]

    operations = [
        migrations.AlterField(
            model_name="applicationattachment",
            name="file",
            field=models.FileField(
                storage=portal.uploads.private_storage,
                upload_to=marketplace.certificates.models._attachment_path,
                validators=[marketplace.certificates.models.validate_pdf_upload],
                verbose_name="file",
            ),
        ),
        migrations.RunPython(move_to_private, move_to_public),
    ]
