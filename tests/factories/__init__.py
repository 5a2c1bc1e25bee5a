"""Test data builders, one module per area; the shared ones are re-exported here
(`from tests.factories import PartnerFactory, sell`), the builders of one area only are imported
from their module (`from tests.factories.monitoring import ReportFactory`). Oscar's own
catalogue helpers come from oscar.test.factories; a PES with products is always built through
`catalogue`."""

from .catalogue import VALID_IBANS, pes_with_products, sell, seller_with_product
from .certificates import certificate
from .orders import create_pes_order
from .organisations import OrganisationFactory, PowiatFactory
from .pages import make_news, nominate, publish
from .partners import ActivityFieldFactory, DeliveryOptionFactory, PartnerFactory
from .procurement import BuyerFactory, BuyerUserFactory, NoticeFactory, OfferFactory, valid_nip
from .users import COMMITTEE, PesUserFactory, UserFactory, committee_member

__all__ = [
    "COMMITTEE",
    "VALID_IBANS",
    "ActivityFieldFactory",
    "BuyerFactory",
    "BuyerUserFactory",
    "DeliveryOptionFactory",
    "NoticeFactory",
    "OfferFactory",
    "OrganisationFactory",
    "PartnerFactory",
    "PesUserFactory",
    "PowiatFactory",
    "UserFactory",
    "certificate",
    "committee_member",
    "create_pes_order",
    "make_news",
    "nominate",
    "pes_with_products",
    "publish",
    "sell",
    "seller_with_product",
    "valid_nip",
]
