"""The ORDER_STATUS_CHANGED communication event type.

Oscar records a CommunicationEvent for an order e-mail only when an event type with its code
exists; the buyer's status e-mail (marketplace/order/emails.py) is then listed on the order.
"""

from django.db import migrations

CODE = "ORDER_STATUS_CHANGED"


def create_event_type(apps, schema_editor):
    CommunicationEventType = apps.get_model("communication", "CommunicationEventType")
    CommunicationEventType.objects.get_or_create(
        code=CODE,
        defaults={"name": "Order status changed", "category": "Order related"},
    )


class Migration(migrations.Migration):
    dependencies = [("communication", "0004_auto_20200801_0817")]

    operations = [
        # Going back keeps the row: deleting it would cascade to the events already recorded.
        migrations.RunPython(create_event_type, migrations.RunPython.noop),
    ]
