import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    """Oscar's partner app, forked: a partner is a PES (social-economy entity)."""

    name = "marketplace.partner"
