"""Search at scale, run by ``make bench-search``: 10,000 PES and 100,000 products.

For each backend that can run here — the database backend on SQLite (always) and on
PostgreSQL (when 127.0.0.1:5432 answers), and Elasticsearch (``ELASTICSEARCH_URL``, else an
in-memory osmem-server started here) — one worker process:

1. migrates its own bench database (``var/bench-search.sqlite3`` / ``portal_bench_search``),
2. seeds it deterministically (``random.Random(2026)``) unless the row counts already match,
3. times ``get_backend().rebuild()``,
4. runs a fixed mix of queries through ``search.service`` (a warm-up, then ``--runs`` timed
   calls each) and reports p50/p95 wall time and hits.

The parent re-executes this file once per backend (settings are read from the environment
at start-up, so each database needs its own process) and prints one table. Progress goes to
stderr, the table to stdout; the figures are also saved to ``var/bench/search-latest.json``.

    python -m tests.bench.search_bench [--runs 30] [--only sqlite,postgresql,elasticsearch]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import subprocess
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SQLITE_FILE = ROOT / "var" / "bench-search.sqlite3"
RESULTS_FILE = ROOT / "var" / "bench" / "search-latest.json"
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
PG_DATABASE = "portal_bench_search"
SEED = 2026
# Smaller figures through the environment for a quick try (the bench DB is then rebuilt).
PARTNERS = int(os.environ.get("SEARCH_BENCH_PARTNERS", "10000"))
PRODUCTS = int(os.environ.get("SEARCH_BENCH_PRODUCTS", "100000"))
CERTIFIED_PARTNER_SHARE = 0.05  # their products (about 5% of all) carry a valid certificate
BATCH = 2_000
RESULT_MARK = "SEARCH-BENCH-RESULT "
OSMEM_LABEL = "osmem-server (OpenSearch-compatible, in memory)"


def log(message: str) -> None:
    print(f"bench-search: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- word lists

TOWNS = {
    "kielce": "Kielce",
    "buski": "Busko-Zdrój",
    "jedrzejowski": "Jędrzejów",
    "kazimierski": "Kazimierza Wielka",
    "kielecki": "Chęciny",
    "konecki": "Końskie",
    "opatowski": "Opatów",
    "ostrowiecki": "Ostrowiec Świętokrzyski",
    "pinczowski": "Pińczów",
    "sandomierski": "Sandomierz",
    "skarzyski": "Skarżysko-Kamienna",
    "starachowicki": "Starachowice",
    "staszowski": "Staszów",
    "wloszczowski": "Włoszczowa",
}
# Name prefix → legal form (Partner.legal_form).
PES_FORMS = [
    ("Spółdzielnia Socjalna", "social_cooperative", 30),
    ("Fundacja", "foundation", 20),
    ("Stowarzyszenie", "association", 20),
    ("Centrum Integracji Społecznej", "cis", 6),
    ("Klub Integracji Społecznej", "kis", 5),
    ("Zakład Aktywności Zawodowej", "zaz", 5),
    ("Warsztat Terapii Zajęciowej", "wtz", 5),
    ("Spółka non-profit", "non_profit_company", 5),
    ("Koło Gospodyń Wiejskich", "other", 4),
]
PES_WORDS = [
    "Razem",
    "Nadzieja",
    "Pomocna Dłoń",
    "Świętokrzyskie Smaki",
    "Zielony Ogród",
    "Dobry Start",
    "Wspólna Sprawa",
    "Łączy Nas Praca",
    "Źródło",
    "Żurawie",
    "Jodłowa Dolina",
    "Krzemień",
    "Perła Ponidzia",
    "Nowa Droga",
    "Słoneczny Dom",
    "Pracownia Marzeń",
    "Ziarno",
    "Kuźnia Talentów",
    "Przystań",
    "Tęcza",
    "Gościniec",
    "Sosnowy Las",
    "Łysica",
    "Dolina Nidy",
]
MISSIONS = [
    "Zatrudniamy osoby z niepełnosprawnościami i długotrwale bezrobotne.",
    "Wspieramy powrót na rynek pracy osób zagrożonych wykluczeniem społecznym.",
    "Prowadzimy warsztaty i praktyki zawodowe dla młodzieży.",
    "Łączymy pracę z reintegracją społeczną i zawodową.",
]
# Category tree: root → children, each child with its title stems and sizes; services
# roots hold untracked products (made to order), the others tracked goods.
CATEGORIES: list[tuple[str, bool, list[tuple[str, list[str], list[str]]]]] = [
    (
        "Żywność",
        False,
        [
            (
                "Miody",
                ["Miód lipowy", "Miód gryczany", "Miód wielokwiatowy", "Miód spadziowy"],
                ["250 g", "400 g", "900 g"],
            ),
            (
                "Pieczywo",
                ["Chleb żytni", "Chleb razowy", "Bułki pszenne", "Chleb na zakwasie"],
                ["500 g", "800 g", "1 kg"],
            ),
            (
                "Ciasta i wypieki",
                ["Ciasto drożdżowe", "Sernik domowy", "Szarlotka", "Pierniki świąteczne"],
                ["z kruszonką", "blacha", "porcja"],
            ),
            (
                "Przetwory",
                ["Konfitura truskawkowa", "Ogórki kiszone", "Powidła śliwkowe", "Sok jabłkowy"],
                ["słoik 300 ml", "słoik 900 ml", "butelka 1 l"],
            ),
            (
                "Dania gotowe",
                ["Pierogi ruskie", "Pierogi z kapustą", "Gołąbki", "Żurek staropolski"],
                ["12 szt.", "porcja", "zestaw rodzinny"],
            ),
        ],
    ),
    (
        "Rękodzieło",
        False,
        [
            (
                "Ceramika",
                ["Kubek ceramiczny", "Misa gliniana", "Talerz malowany", "Wazon"],
                ["ręcznie malowany", "szkliwiony", "z motywem ludowym"],
            ),
            (
                "Wyroby z drewna",
                ["Deska do krojenia", "Skrzynka drewniana", "Karmnik dla ptaków", "Zabawka"],
                ["bukowa", "dębowa", "sosnowa"],
            ),
            (
                "Tekstylia",
                ["Torba lniana", "Fartuch kuchenny", "Obrus haftowany", "Poduszka"],
                ["lniana", "bawełniana", "z haftem"],
            ),
            (
                "Świece i mydła",
                ["Świeca sojowa", "Mydło naturalne", "Świeca z wosku pszczelego"],
                ["lawendowe", "miodowe", "zapachowa"],
            ),
        ],
    ),
    (
        "Dom i ogród",
        False,
        [
            (
                "Rośliny",
                ["Sadzonki pomidorów", "Zioła w doniczce", "Krzew porzeczki", "Bukiet"],
                ["zestaw", "doniczka 12 cm", "sztuka"],
            ),
            (
                "Meble",
                ["Ławka ogrodowa", "Stołek", "Regał", "Skrzynia na drewno"],
                ["sosnowa", "malowana", "na wymiar"],
            ),
            (
                "Upominki",
                ["Kosz prezentowy", "Zestaw upominkowy", "Kartka okolicznościowa"],
                ["świąteczny", "firmowy", "regionalny"],
            ),
        ],
    ),
    (
        "Gastronomia",
        True,
        [
            (
                "Catering",
                ["Catering na konferencję", "Catering weselny", "Catering dla firm"],
                ["do 50 osób", "do 100 osób", "bufet"],
            ),
            (
                "Obiady",
                ["Obiady abonamentowe", "Obiady dla szkół", "Lunch biurowy"],
                ["tydzień", "miesiąc", "dostawa"],
            ),
            (
                "Przerwy kawowe",
                ["Przerwa kawowa", "Poczęstunek okolicznościowy"],
                ["standard", "premium", "wegańska"],
            ),
        ],
    ),
    (
        "Usługi porządkowe",
        True,
        [
            (
                "Sprzątanie",
                ["Sprzątanie biur", "Sprzątanie po remoncie", "Mycie okien"],
                ["jednorazowo", "abonament", "do 200 m²"],
            ),
            (
                "Pielęgnacja zieleni",
                ["Koszenie trawy", "Pielęgnacja terenów zielonych", "Przycinanie żywopłotu"],
                ["do 1000 m²", "sezon", "zlecenie"],
            ),
            (
                "Odśnieżanie",
                ["Odśnieżanie parkingów", "Zimowe utrzymanie chodników"],
                ["sezon", "na wezwanie"],
            ),
        ],
    ),
    (
        "Usługi dla firm",
        True,
        [
            (
                "Poligrafia",
                ["Druk ulotek", "Druk wizytówek", "Oprawa dokumentów", "Skład publikacji"],
                ["1000 szt.", "500 szt.", "zlecenie"],
            ),
            (
                "Szkolenia",
                ["Szkolenie z pierwszej pomocy", "Warsztaty integracyjne", "Kurs komputerowy"],
                ["grupa 10 osób", "dzień", "online"],
            ),
            (
                "Remonty",
                ["Malowanie pomieszczeń", "Drobne naprawy", "Układanie płytek"],
                ["za m²", "zlecenie", "wycena"],
            ),
            (
                "Transport",
                ["Przewóz osób", "Transport towarów", "Przeprowadzki"],
                ["kurs", "godzina", "dzień"],
            ),
        ],
    ),
]
DESCRIPTION_PHRASES = [
    "Wyrób lokalny, przygotowany przez naszych pracowników.",
    "Każdy zakup wspiera zatrudnienie osób zagrożonych wykluczeniem.",
    "Tradycyjna receptura, naturalne składniki bez konserwantów.",
    "Realizacja zamówień w ciągu siedmiu dni roboczych.",
    "Możliwość wystawienia faktury VAT i zakupu w ramach zamówień publicznych.",
    "Zapraszamy do współpracy instytucje, szkoły i przedsiębiorstwa.",
    "Odbiór osobisty lub dostawa na terenie województwa świętokrzyskiego.",
]


# --------------------------------------------------------------------------- parent


def pg_answers() -> bool:
    try:
        with socket.create_connection((PG_HOST, PG_PORT), timeout=1):
            return True
    except OSError:
        return False


def pg_url(database: str = PG_DATABASE) -> str:
    return f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{database}"


def pg_admin(statement: str) -> None:
    import psycopg

    with psycopg.connect(
        host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", autocommit=True
    ) as connection:
        connection.execute(statement)


def pg_ensure_database() -> None:
    import psycopg

    with psycopg.connect(
        host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", autocommit=True
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [PG_DATABASE]
        ).fetchone()
        if not exists:
            log(f"creating PostgreSQL database {PG_DATABASE}")
            connection.execute(f'CREATE DATABASE "{PG_DATABASE}"')


def elastic_backend_present() -> bool:
    return (ROOT / "search" / "backends" / "elastic" / "backend.py").exists()


def run_worker(label: str, env: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    """One backend in a process of its own; its last marked stdout line is the result."""
    command = [
        sys.executable,
        "-m",
        "tests.bench.search_bench",
        "--worker",
        label,
        "--runs",
        str(args.runs),
    ]
    log(f"--- {label} ---")
    started = time.perf_counter()
    proc = subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    result: dict[str, Any] = {"label": label, "error": f"worker exited {proc.returncode}"}
    for line in proc.stdout.splitlines():
        if line.startswith(RESULT_MARK):
            result = json.loads(line[len(RESULT_MARK) :])
    result["wall_s"] = round(time.perf_counter() - started, 1)
    if proc.returncode and "error" not in result:
        result["error"] = f"worker exited {proc.returncode}"
    return result


def base_env() -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "0",  # no query log in connection.queries
        "REDIS_URL": "",  # each worker's own local-memory cache
        "PYTHONHASHSEED": "0",
    }


BACKEND_NAMES = {"sqlite", "postgresql", "elasticsearch"}


def parent(args: argparse.Namespace) -> int:
    wanted = set(args.only.split(",")) if args.only else None
    unknown = (wanted or set()) - BACKEND_NAMES
    if unknown:
        raise SystemExit(
            f"bench-search: unknown backend {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(sorted(BACKEND_NAMES))}"
        )
    results: list[dict[str, Any]] = []
    SQLITE_FILE.parent.mkdir(parents=True, exist_ok=True)
    sqlite_url = f"sqlite:///{SQLITE_FILE}"
    relational = sqlite_url
    plain = {**base_env(), "ELASTICSEARCH_URL": "", "SEARCH_BACKEND": ""}

    if wanted is None or "sqlite" in wanted:
        results.append(run_worker("SQLite", {**plain, "DATABASE_URL": sqlite_url}, args))

    have_pg = pg_answers()
    if have_pg and (wanted is None or wanted & {"postgresql", "elasticsearch"}):
        pg_ensure_database()
        relational = pg_url()
        if wanted is None or "postgresql" in wanted:
            results.append(run_worker("PostgreSQL", {**plain, "DATABASE_URL": pg_url()}, args))
    elif not have_pg:
        log(f"PostgreSQL: nothing answers on {PG_HOST}:{PG_PORT}, skipped")

    if wanted is None or "elasticsearch" in wanted:
        if not elastic_backend_present():
            log("Elasticsearch: search/backends/elastic/backend.py not there yet, skipped")
            results.append({"label": "Elasticsearch", "error": "backend not present, skipped"})
        else:
            # An index prefix of its own: a real cluster's portal indices are never touched.
            es_env = {
                **base_env(),
                "DATABASE_URL": relational,
                "SEARCH_BACKEND": "",
                "ELASTICSEARCH_INDEX": "portal-bench-search",
            }
            given = os.environ.get("ELASTICSEARCH_URL", "")
            db_name = "PostgreSQL" if relational != sqlite_url else "SQLite"
            es_env["SEARCH_BENCH_DATA"] = db_name
            if given:
                label = "Elasticsearch"
                results.append(run_worker(label, {**es_env, "ELASTICSEARCH_URL": given}, args))
            else:
                from osmem_server import OsmemServer

                log("starting osmem-server")
                with OsmemServer.start() as server:
                    env = {
                        **es_env,
                        "ELASTICSEARCH_URL": server.url,
                        "ELASTICSEARCH_PLAIN_JSON": "1",
                        # Single-threaded and in memory: a bulk batch can outlast the 5 s default.
                        "ELASTICSEARCH_TIMEOUT": os.environ.get("ELASTICSEARCH_TIMEOUT", "60"),
                    }
                    label = OSMEM_LABEL
                    results.append(run_worker(label, env, args))

    report(results)
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    log(f"figures saved to {RESULTS_FILE.relative_to(ROOT)}")
    return 1 if any(r.get("error") and "skipped" not in r["error"] for r in results) else 0


def machine() -> dict[str, Any]:
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def report(results: list[dict[str, Any]]) -> None:
    info = machine()
    print()
    print(f"Machine: {info['cores']} cores, Python {info['python']}, {info['platform']}")
    for result in results:
        label = result["label"]
        if result.get("error") and not result.get("queries"):
            print(f"{label}: {result['error']}")
            continue
        counts = result["counts"]
        print(
            f"{label}: {counts['partners']:,} PES, {counts['products']:,} products "
            f"({counts['certified_products']:,} certified), {counts['categories']} categories"
            f"; seed {result['seed_s']} s, worker {result.get('wall_s', '?')} s"
            + (f"; documents read from the {result['data']} bench DB" if result.get("data") else "")
        )
        index = result["index"]
        parts = ", ".join(f"{n:,} {kind}" for kind, n in index["counts"].items())
        print(
            f"  indexing: {parts} in {index['seconds']:.1f} s = {index['docs_per_s']:,.0f} docs/s"
        )
    print()
    rows = [("backend", "query", "p50 ms", "p95 ms", "hits")]
    for result in results:
        for query in result.get("queries", []):
            hits = query["error"] if query.get("error") else f"{query['hits']:,}"
            rows.append(
                (
                    result["label"],
                    query["name"],
                    f"{query['p50_ms']:.1f}",
                    f"{query['p95_ms']:.1f}",
                    hits,
                )
            )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for n, row in enumerate(rows):
        cells = [row[i].ljust(widths[i]) if i < 2 else row[i].rjust(widths[i]) for i in range(5)]
        print(" | ".join(cells))
        if n == 0:
            print("-+-".join("-" * w for w in widths))
    print()


# --------------------------------------------------------------------------- worker


def worker(label: str, args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    result: dict[str, Any] = {
        "label": label,
        "vendor": connection.vendor,
        "data": os.environ.get("SEARCH_BENCH_DATA", ""),
    }
    started = time.perf_counter()
    ensure_migrated()
    log(f"{label}: migrated in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    if not seeded():
        if has_data():
            log(f"{label}: row counts differ from a full seed: starting from an empty database")
            reset_database()
            ensure_migrated()
        seed()
    result["seed_s"] = round(time.perf_counter() - started, 1)
    result["counts"] = data_counts()
    result["index"] = index()
    analyze()
    result["queries"] = run_queries(args.runs)
    print(RESULT_MARK + json.dumps(result), flush=True)
    return 0


def ensure_migrated() -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        log("migrating (first run: a minute or two)")
        call_command("migrate", interactive=False, verbosity=0)


def reset_database() -> None:
    from django.db import connection

    vendor = connection.vendor
    connection.close()
    if vendor == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
    else:
        name = connection.settings_dict["NAME"]
        pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        pg_admin(f'CREATE DATABASE "{name}"')


def models() -> dict[str, Any]:
    from oscar.core.loading import get_model

    from marketplace.certificates.models import Certificate
    from portal.organisations.models import Powiat

    return {
        "Partner": get_model("partner", "Partner"),
        "StockRecord": get_model("partner", "StockRecord"),
        "Product": get_model("catalogue", "Product"),
        "ProductClass": get_model("catalogue", "ProductClass"),
        "Category": get_model("catalogue", "Category"),
        "ProductCategory": get_model("catalogue", "ProductCategory"),
        "Certificate": Certificate,
        "Powiat": Powiat,
    }


def data_counts() -> dict[str, int]:
    m = models()
    return {
        "partners": m["Partner"].objects.count(),
        "products": m["Product"].objects.count(),
        "stockrecords": m["StockRecord"].objects.count(),
        "categories": m["Category"].objects.count(),
        "certificates": m["Certificate"].objects.count(),
        "certified_products": m["Certificate"].products.through.objects.count(),
    }


def has_data() -> bool:
    counts = data_counts()
    return any(counts[k] for k in ("partners", "products", "stockrecords", "categories"))


def seeded() -> bool:
    counts = data_counts()
    return (
        counts["partners"] == PARTNERS
        and counts["products"] == PRODUCTS
        and counts["stockrecords"] == PRODUCTS
        and counts["certificates"] > 0
    )


def load_powiats() -> list[Any]:
    """The świętokrzyskie powiats, as the demo loader creates them."""
    from localflavor.pl.pl_administrativeunits import ADMINISTRATIVE_UNIT_CHOICES

    from portal.demo import region

    m = models()
    codes = [code for code, _name in ADMINISTRATIVE_UNIT_CHOICES]
    first, last = codes.index(region.FIRST_POWIAT), codes.index(region.LAST_POWIAT)
    names = dict(ADMINISTRATIVE_UNIT_CHOICES)
    for code in codes[first : last + 1]:
        m["Powiat"].objects.update_or_create(
            code=code,
            defaults={
                "name": str(names[code]),
                "voivodeship": region.VOIVODESHIP,
                "is_city": code in region.CITIES_WITH_POWIAT_RIGHTS,
            },
        )
    return list(m["Powiat"].objects.filter(voivodeship=region.VOIVODESHIP).order_by("code"))


def slug_of(text: str) -> str:
    from django.utils.text import slugify

    from portal.text import fold

    return slugify(fold(text))[:200] or "produkt"


def seed() -> None:
    from django.db import transaction

    from marketplace.certificates.models import today_in_poland
    from search import upkeep

    m = models()
    rng = random.Random(SEED)
    today = today_in_poland()
    started = time.perf_counter()
    with upkeep.paused(), transaction.atomic():
        powiats = load_powiats()
        # PES ---------------------------------------------------------------------------
        forms = [(prefix, form) for prefix, form, weight in PES_FORMS for _ in range(weight)]
        partners = []
        for i in range(PARTNERS):
            prefix, form = rng.choice(forms)
            powiat = rng.choice(powiats)
            town = TOWNS.get(powiat.code, "Kielce")
            name = f"{prefix} {rng.choice(PES_WORDS)} {town}"
            if rng.random() < 0.3:
                name += f" {i % 97 + 1}"
            employees = rng.randint(2, 60)
            ps = rng.random() < 0.25
            partners.append(
                m["Partner"](
                    code=f"bench-pes-{i:05d}",
                    name=name[:128],
                    legal_form=form,
                    powiat=powiat,
                    city=town,
                    gmina=town,
                    description=f"{name} działa w powiecie {powiat.name}. "
                    + " ".join(rng.sample(DESCRIPTION_PHRASES, 2)),
                    social_mission=rng.choice(MISSIONS),
                    email=f"pes{i:05d}@bench.example.org",
                    employees_total=employees,
                    employees_at_risk=rng.randint(0, employees),
                    ps_decision_number=f"PS/{i:05d}/2024" if ps else "",
                    ps_decision_date=today - timedelta(days=400) if ps else None,
                    accepts_transfer=False,
                    listed_in_directory=True,
                )
            )
        for partner in partners:
            partner.refresh_folded()  # bulk_create skips save(), which keeps them
        m["Partner"].objects.bulk_create(partners, batch_size=BATCH)
        partners = list(m["Partner"].objects.filter(code__startswith="bench-pes-").order_by("pk"))
        log(f"seed: {len(partners):,} PES ({time.perf_counter() - started:.0f} s)")

        # Classes and categories --------------------------------------------------------
        goods, _ = m["ProductClass"].objects.get_or_create(
            name="Produkty (bench)", defaults={"requires_shipping": True, "track_stock": True}
        )
        services, _ = m["ProductClass"].objects.get_or_create(
            name="Usługi (bench)", defaults={"requires_shipping": False, "track_stock": False}
        )
        leaves = []  # (category, is_service, stems, sizes)
        for root_name, is_service, children in CATEGORIES:
            root = m["Category"].add_root(name=root_name, slug=slug_of(root_name))
            for child_name, stems, sizes in children:
                child = root.add_child(name=child_name, slug=slug_of(child_name))
                leaves.append((child, is_service, stems, sizes))
        log(f"seed: {m['Category'].objects.count()} categories")

        # Products, their categories and stock records ----------------------------------
        Product = m["Product"]
        ProductCategory = m["ProductCategory"]
        StockRecord = m["StockRecord"]
        for start in range(0, PRODUCTS, BATCH):
            rows = []
            for i in range(start, min(start + BATCH, PRODUCTS)):
                category, is_service, stems, sizes = rng.choice(leaves)
                partner = rng.choice(partners)
                title = f"{rng.choice(stems)} {rng.choice(sizes)}"
                if rng.random() < 0.5:
                    title += f" – {rng.choice(PES_WORDS)}"
                description = (
                    f"<p>{title}. {' '.join(rng.sample(DESCRIPTION_PHRASES, 3))} "
                    f"Obszar działania: {partner.city}.</p>"
                )
                extra = rng.choice(leaves)[0] if rng.random() < 0.1 else None
                if is_service:
                    price = Decimal(rng.randint(100, 5000))
                    stock = None
                else:
                    price = Decimal(rng.randint(300, 30000)) / 100
                    stock = 0 if rng.random() < 0.02 else rng.randint(1, 80)
                rows.append(
                    (
                        Product(
                            structure="standalone",
                            title=title,
                            slug=slug_of(title),
                            description=description,
                            product_class=services if is_service else goods,
                            is_public=rng.random() >= 0.01,
                        ),
                        [category] + ([extra] if extra and extra != category else []),
                        partner,
                        price,
                        stock,
                        i,
                    )
                )
            Product.objects.bulk_create([row[0] for row in rows])
            if any(row[0].pk is None for row in rows):
                raise RuntimeError("bulk_create returned no primary keys on this database")
            ProductCategory.objects.bulk_create(
                [ProductCategory(product=row[0], category=c) for row in rows for c in row[1]]
            )
            StockRecord.objects.bulk_create(
                [
                    StockRecord(
                        product=product,
                        partner=partner,
                        partner_sku=f"BS-{i:06d}",
                        price_currency="PLN",
                        price=price,
                        num_in_stock=stock,
                        num_allocated=0 if stock is not None else None,
                    )
                    for product, _cats, partner, price, stock, i in rows
                ]
            )
            done = min(start + BATCH, PRODUCTS)
            if done % 20_000 == 0:
                log(f"seed: {done:,} products ({time.perf_counter() - started:.0f} s)")

        # Certificates: valid today, covering every product of about 5% of PES ----------
        Certificate = m["Certificate"]
        holders = rng.sample(partners, int(PARTNERS * CERTIFIED_PARTNER_SHARE))
        Certificate.objects.bulk_create(
            [
                Certificate(
                    number=f"ZP/B/{n:05d}",
                    holder=holder,
                    scope="Produkty i usługi",
                    issued_on=today - timedelta(days=rng.randint(1, 300)),
                    valid_until=today + timedelta(days=rng.randint(30, 400)),
                )
                for n, holder in enumerate(holders)
            ]
        )
        by_holder = dict(Certificate.objects.values_list("holder_id", "pk"))
        Through = Certificate.products.through
        links = [
            Through(certificate_id=by_holder[partner_id], product_id=product_id)
            for product_id, partner_id in StockRecord.objects.filter(
                partner_id__in=list(by_holder)
            ).values_list("product_id", "partner_id")
        ]
        Through.objects.bulk_create(links, batch_size=BATCH)
    log(f"seed: done in {time.perf_counter() - started:.0f} s")


def analyze() -> None:
    """What autovacuum would do in the long run: drop the dead rows a rebuild leaves (every
    run replaces all 100,000 entries; unvacuumed, the table and its trigram index grow with
    each run and every query reads the dead rows) and refresh the planner's statistics (a
    bulk load leaves none: PostgreSQL then guesses 1% selectivity and picks poor plans).
    Autovacuum may be off, as it is on the project machines."""
    from django.db import connection

    if connection.vendor == "postgresql":
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        log(f"VACUUM ANALYZE in {time.perf_counter() - started:.1f} s")


def index() -> dict[str, Any]:
    from search.service import get_backend

    backend = get_backend()
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] >= 10 or done == total:
            last[0] = now
            log(f"index: {stage} {done:,}/{total:,}")

    log(f"index: rebuilding with {backend.name}")
    started = time.perf_counter()
    counts = backend.rebuild(progress)
    seconds = time.perf_counter() - started
    docs = sum(counts.values())
    log(f"index: {counts} in {seconds:.1f} s")
    return {
        "backend": backend.name,
        "counts": counts,
        "seconds": round(seconds, 2),
        "docs_per_s": docs / seconds if seconds else 0,
    }


def queries() -> list[tuple[str, str, Any]]:
    """The fixed mix: (name, "products" | "partners", query)."""
    from oscar.core.loading import get_model

    from marketplace.directory.filters import DirectoryQuery
    from search.query import ProductQuery

    Category = get_model("catalogue", "Category")
    food = Category.objects.get(depth=1, name="Żywność").pk
    return [
        ("plain word 'miód'", "products", ProductQuery(text="miód", facets=False)),
        ("'miód' + facets", "products", ProductQuery(text="miód")),
        ("two words 'catering kielce'", "products", ProductQuery(text="catering kielce")),
        ("no diacritics 'spoldzielnia'", "products", ProductQuery(text="spoldzielnia")),
        ("typo 'chlep' (chleb)", "products", ProductQuery(text="chlep", facets=False)),
        (
            "faceted: 'miód'+powiat+kind+price",
            "products",
            ProductQuery(
                text="miód",
                powiats=("kielce", "kielecki"),
                kind="goods",
                price_range="20-50",
                facets=True,
            ),
        ),
        (
            "facets only: category+certified",
            "products",
            ProductQuery(categories=(food,), certified=True, facets=True),
        ),
        (
            "PES: 'spoldzielnia' + powiat",
            "partners",
            DirectoryQuery(q="spoldzielnia", powiat=("kielce",), sort_by="relevance"),
        ),
    ]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def run_queries(runs: int) -> list[dict[str, Any]]:
    from search.service import search_partners, search_products

    out = []
    for name, kind, query in queries():

        def call(kind: str = kind, query: Any = query) -> Any:
            if kind == "partners":
                return search_partners(query, 1, 20)
            return search_products(query)

        for _ in range(3):  # warm-up: caches, vocabulary, connection, query plans
            results = call()
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            results = call()
            timings.append((time.perf_counter() - started) * 1000)
        entry = {
            "name": name,
            "runs": runs,
            "p50_ms": percentile(timings, 0.5),
            "p95_ms": percentile(timings, 0.95),
            "hits": results.total,
            "error": results.error or "",
        }
        log(
            f"query {name}: p50 {entry['p50_ms']:.1f} ms, p95 {entry['p95_ms']:.1f} ms, "
            f"{entry['hits']:,} hits{' ERROR ' + entry['error'] if entry['error'] else ''}"
        )
        out.append(entry)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs per query (≥ 30)")
    parser.add_argument("--only", default="", help="sqlite,postgresql,elasticsearch")
    parser.add_argument("--worker", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker, args)
    return parent(args)


if __name__ == "__main__":
    sys.exit(main())
