import oscar.apps.order.apps as apps
from oscar.apps.order.signals import order_status_changed


class OrderConfig(apps.OrderConfig):
    name = "marketplace.order"

    def ready(self) -> None:
        super().ready()
        # The receivers import Site models (via their e-mails): only once the registry is ready.
        from .receivers import on_order_status_changed

        order_status_changed.connect(
            on_order_status_changed, dispatch_uid="marketplace.order.status_changed"
        )
