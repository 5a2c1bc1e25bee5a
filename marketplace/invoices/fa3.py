"""The invoice as a KSeF FA(3) structured document, built with ksef-client's FA(3) builder.

The builder checks the document's arithmetic and shape; `xml_for(..., xsd=True)` also checks it
against the FA(3) schema shipped inside ksef-client (offline, with lxml).
"""

from __future__ import annotations

from ksef_client.documents.fa3 import (
    FA3Invoice,
    InvoiceParty,
    TaxCategory,
)

from .models import Invoice, VatRate

FA3_NAMESPACE = "http://crd.gov.pl/wzor/2025/06/25/13775/"


def tax_category(invoice: Invoice) -> TaxCategory:
    if invoice.vat_rate == VatRate.EXEMPT:
        return TaxCategory.exempt(invoice.exemption_basis)
    return TaxCategory.from_vat_rate(invoice.vat_rate)


def build(invoice: Invoice) -> FA3Invoice:
    """The FA(3) document: parties, dates, one row per stored line with its stored amounts."""
    builder = (
        FA3Invoice.basic(invoice.number)
        .issued_on(invoice.issue_date)
        .sale_date(invoice.sale_date)
        .currency(invoice.currency)
        .seller(
            InvoiceParty.polish_company(
                nip=invoice.seller_nip, name=invoice.seller_name, address=invoice.seller_address
            )
        )
        .buyer(
            InvoiceParty.polish_company(
                nip=invoice.buyer_nip, name=invoice.buyer_name, address=invoice.buyer_address
            )
        )
    )
    tax = tax_category(invoice)
    for line in invoice.line_items():
        builder.add_line(
            line["name"],
            quantity=line["quantity"],
            unit_net_price=line["unit_net"],
            tax=tax,
            net_amount=line["net"],
            **({} if invoice.is_exempt else {"vat_amount": line["vat"]}),
        )
    if invoice.is_exempt:
        builder.exemption(invoice.exemption_basis)
    if invoice.seller_iban:
        builder.bank_account(invoice.seller_iban.removeprefix("PL"))
    return builder.build()


def xml_for(invoice: Invoice, *, xsd: bool = False) -> bytes:
    return build(invoice).to_xml(xsd_validate=xsd)
