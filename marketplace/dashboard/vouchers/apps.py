import oscar.apps.dashboard.vouchers.apps as apps


class VouchersDashboardConfig(apps.VouchersDashboardConfig):
    """Oscar's voucher dashboard, forked so a voucher set's code list is a safe CSV."""

    name = "marketplace.dashboard.vouchers"
