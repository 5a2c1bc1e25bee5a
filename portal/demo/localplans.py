"""Demo: the gminas of świętokrzyskie and local plans in several states.

Five gminas have an adopted plan (one with a PDF), four a plan in preparation, the rest none;
each plan's supporting OWES is the OWES serving the gmina's powiat. Expects the powiats and
organisations of the demo; idempotent (plans by gmina, the document by title).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from portal.demo.publishing import document
from portal.localplans.data import load_gminas_file
from portal.localplans.models import Gmina, LocalPlan, PlanStatus
from portal.organisations.models import Organisation

# TERYT code → (resolution number, date); every adopted plan runs 2024–2030.
ADOPTED = {
    "2661011": ("XII/85/2024", date(2024, 3, 21)),  # Kielce
    "2601013": ("XV/112/2024", date(2024, 5, 29)),  # Busko-Zdrój
    "2607011": ("IX/64/2024", date(2024, 6, 27)),  # Ostrowiec Świętokrzyski
    "2605033": ("XVIII/140/2024", date(2024, 9, 26)),  # Końskie
    "2609011": ("XXI/173/2024", date(2024, 11, 28)),  # Sandomierz
}
WITH_DOCUMENT = "2661011"
IN_PREPARATION = ("2604033", "2602023", "2612073", "2606043")  # Chęciny, Jędrzejów, Staszów, Opatów
DOCUMENT_TITLE = "Gminny program ekonomii spolecznej - Kielce 2024-2030"


def load_localplans(say: Callable[[str], None]) -> None:
    result = load_gminas_file()
    if not result.ok:
        raise RuntimeError(f"gminas: {result.errors}")
    gminas = {g.teryt: g for g in Gmina.objects.filter(teryt__in=[*ADOPTED, *IN_PREPARATION])}
    owes_of_powiat: dict[int, Organisation] = {}
    for owes in Organisation.objects.filter(kind=Organisation.Kind.OWES).prefetch_related(
        "powiats"
    ):
        for powiat in owes.powiats.all():
            owes_of_powiat.setdefault(powiat.pk, owes)
    for teryt, (number, adopted_on) in ADOPTED.items():
        gmina = gminas[teryt]
        _ensure_plan(
            gmina,
            {
                "status": PlanStatus.ADOPTED,
                "resolution_number": number,
                "resolution_date": adopted_on,
                "period_start": 2024,
                "period_end": 2030,
                "document": document(DOCUMENT_TITLE) if teryt == WITH_DOCUMENT else None,
                "supporting_owes": owes_of_powiat.get(gmina.powiat_id),
            },
        )
    for teryt in IN_PREPARATION:
        gmina = gminas[teryt]
        _ensure_plan(
            gmina,
            {
                "status": PlanStatus.IN_PREPARATION,
                "resolution_number": "",
                "resolution_date": None,
                "period_start": None,
                "period_end": None,
                "supporting_owes": owes_of_powiat.get(gmina.powiat_id),
            },
        )
    say(
        f"local plans: {Gmina.objects.count()} gminas, {len(ADOPTED)} adopted plans, "
        f"{len(IN_PREPARATION)} in preparation"
    )


def _ensure_plan(gmina: Gmina, fields: dict[str, object]) -> None:
    """Create the plan or bring it to these values; an unchanged plan is not saved again (its
    `updated` time stays, and the page cache is kept)."""
    plan = LocalPlan.objects.filter(gmina=gmina).first() or LocalPlan(gmina=gmina)
    changed = plan.pk is None
    for name, value in fields.items():
        if getattr(plan, name) != value:
            setattr(plan, name, value)
            changed = True
    if changed:
        plan.full_clean()
        plan.save()
