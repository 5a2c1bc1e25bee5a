"""Demo catalogue for the portal: fictional social-economy entities (PES) of świętokrzyskie.

Plain Python data so the demo loader, tests and benchmarks can share one source without
touching the database. Every entity, address, phone number and e-mail is invented; e-mail
domains are example.org / example.pl only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPes:
    """A social-economy entity: its Oscar partner, address and directory profile."""

    slug: str  # the partner's code
    name: str
    legal_form: str
    powiat: str  # the powiat's code
    city: str
    street: str
    postcode: str
    email: str
    phone: str
    description: str
    mission: str
    description_en: str
    mission_en: str
    owes: str  # the supporting OWES's slug


@dataclass(frozen=True)
class DemoCategory:
    """A catalogue category; its kind says whether its items are products or services."""

    slug: str
    name: str
    name_en: str
    kind: str  # "product" or "service": the Oscar product class


@dataclass(frozen=True)
class DemoProduct:
    """An item a PES sells, with its stock record."""

    sku: str
    pes: str  # the PES's slug
    category: str  # the category's slug
    title: str
    title_en: str
    description: str
    description_en: str
    price: str  # a decimal string
    stock: int  # ignored for services, which track no stock
    featured: bool
    kind: str | None = None  # overrides the category's kind


PES: list[DemoPes] = [
    DemoPes(
        slug="kielecka-spizarnia",
        name='Spółdzielnia Socjalna "Kielecka Spiżarnia"',
        legal_form="social_cooperative",
        powiat="kielce",
        city="Kielce",
        street="ul. Zagórska 48",
        postcode="25-366",
        email="kontakt@kielecka-spizarnia.example.org",
        phone="+48 41 344 21 07",
        description=(
            "Spółdzielnia prowadzi małą przetwórnię, w której powstają domowe przetwory, pierogi "
            "i wypieki z produktów od lokalnych rolników. Przygotowuje też catering na spotkania "
            "firmowe, szkolenia i uroczystości rodzinne w Kielcach i okolicy."
        ),
        mission=(
            "Daje stałe zatrudnienie osobom długotrwale bezrobotnym i kobietom wracającym na rynek "
            "pracy po okresie opieki nad dziećmi."
        ),
        description_en=(
            "The cooperative runs a small processing kitchen producing home-style preserves, "
            "pierogi and baked goods from ingredients supplied by local farmers. It also caters "
            "business meetings, training sessions and family celebrations in and around Kielce."
        ),
        mission_en=(
            "It provides stable jobs for long-term unemployed people and for women returning to "
            "the labour market after a period of childcare."
        ),
        owes="swietokrzyski-owes",
    ),
    DemoPes(
        slug="kis-krok-dalej",
        name='Klub Integracji Społecznej "Krok Dalej"',
        legal_form="kis",
        powiat="kielce",
        city="Kielce",
        street="ul. Wapiennikowa 9",
        postcode="25-112",
        email="klub@krokdalej.example.pl",
        phone="+48 41 361 48 52",
        description=(
            "Klub prowadzi zajęcia reintegracyjne oraz grupy prac społecznie użytecznych, które "
            "sprzątają biura, klatki schodowe i myją okna. Uczestnicy pracują pod okiem "
            "instruktora i zdobywają doświadczenie, którego oczekują pracodawcy."
        ),
        mission=(
            "Pomaga osobom zagrożonym wykluczeniem społecznym, w tym wychodzącym z bezdomności "
            "i uzależnień, odzyskać nawyk pracy i wrócić na rynek pracy."
        ),
        description_en=(
            "The club runs reintegration activities and socially useful work groups that clean "
            "offices and staircases and wash windows. Participants work under an instructor and "
            "gain the experience employers look for."
        ),
        mission_en=(
            "It helps people at risk of social exclusion, including those leaving homelessness "
            "and addiction, regain work habits and return to the labour market."
        ),
        owes="swietokrzyski-owes",
    ),
    DemoPes(
        slug="wtz-pracownia-nadziei",
        name='Warsztat Terapii Zajęciowej "Pracownia Nadziei"',
        legal_form="wtz",
        powiat="kielce",
        city="Kielce",
        street="ul. Klonowa 5",
        postcode="25-553",
        email="wtz@pracownia-nadziei.example.org",
        phone="+48 41 366 03 19",
        description=(
            "W pracowniach ceramiki, plastyki i introligatorstwa uczestnicy warsztatu tworzą "
            "kartki okolicznościowe, zakładki i drobną ceramikę. Wyroby są sprzedawane na "
            "kiermaszach i w sklepie internetowym, a dochód wspiera zajęcia terapeutyczne."
        ),
        mission=(
            "Prowadzi rehabilitację społeczną i zawodową dorosłych osób z niepełnosprawnością "
            "intelektualną, przygotowując je do podjęcia pracy."
        ),
        description_en=(
            "In the ceramics, art and bookbinding studios, workshop participants make greeting "
            "cards, bookmarks and small ceramics. The items are sold at fairs and in the online "
            "shop, and the income supports therapy activities."
        ),
        mission_en=(
            "It provides social and vocational rehabilitation for adults with intellectual "
            "disabilities, preparing them to take up work."
        ),
        owes="swietokrzyski-owes",
    ),
    DemoPes(
        slug="zamkowe-wzgorze",
        name='Stowarzyszenie Kobiet "Zamkowe Wzgórze"',
        legal_form="association",
        powiat="kielecki",
        city="Chęciny",
        street="ul. Radkowska 8",
        postcode="26-060",
        email="zamkowe.wzgorze@example.org",
        phone="+48 41 315 12 64",
        description=(
            "Członkinie stowarzyszenia kultywują tradycje kulinarne okolic Chęcin, wypiekając "
            "chleb na zakwasie i robiąc przetwory według dawnych receptur. Prowadzą też warsztaty "
            "bibułkarstwa dla szkół i turystów oraz sprzedają kwiaty z bibuły."
        ),
        mission=(
            "Aktywizuje kobiety z terenów wiejskich, zwłaszcza seniorki i bezrobotne mieszkanki "
            "gminy, dając im dodatkowe źródło dochodu i miejsce spotkań."
        ),
        description_en=(
            "The members keep alive the culinary traditions of the Chęciny area, baking sourdough "
            "bread and making preserves from old recipes. They also run tissue-paper craft "
            "workshops for schools and tourists and sell paper flowers."
        ),
        mission_en=(
            "It activates women from rural areas, especially older women and unemployed residents "
            "of the commune, giving them extra income and a place to meet."
        ),
        owes="swietokrzyski-owes",
    ),
    DemoPes(
        slug="cis-pod-perzowa-gora",
        name='Centrum Integracji Społecznej "Pod Perzową Górą"',
        legal_form="cis",
        powiat="kielecki",
        city="Daleszyce",
        street="ul. Kielecka 33",
        postcode="26-021",
        email="cis@perzowa.example.pl",
        phone="+48 41 317 20 45",
        description=(
            "Centrum prowadzi warsztaty remontowo-budowlane i ogrodnicze, w ramach których "
            "uczestnicy malują, odnawiają ogrodzenia i pielęgnują zieleń na zlecenie gmin, "
            "wspólnot i osób prywatnych. Każda ekipa pracuje pod nadzorem instruktora zawodu."
        ),
        mission=(
            "Przywraca do pracy osoby długotrwale bezrobotne, wychodzące z bezdomności i po "
            "odbyciu kary pozbawienia wolności, łącząc praktykę zawodową ze wsparciem psychologa."
        ),
        description_en=(
            "The centre runs construction, renovation and gardening workshops in which "
            "participants paint, restore fences and look after green areas for municipalities, "
            "housing communities and private clients. Every crew works under a trade instructor."
        ),
        mission_en=(
            "It brings back to work people who are long-term unemployed, leaving homelessness or "
            "released from prison, combining on-the-job practice with psychological support."
        ),
        owes="swietokrzyski-owes",
    ),
    DemoPes(
        slug="lysogorskie-ziola",
        name='Spółdzielnia Socjalna "Łysogórskie Zioła"',
        legal_form="social_cooperative",
        powiat="kielecki",
        city="Nowa Słupia",
        street="ul. Świętokrzyska 40",
        postcode="26-006",
        email="zamowienia@lysogorskie-ziola.example.org",
        phone="+48 41 317 75 32",
        description=(
            "Spółdzielnia zbiera i suszy zioła z upraw u podnóża Łysej Góry, komponując z nich "
            "herbatki i mieszanki przypraw. Organizuje też ziołowe spacery z przewodnikiem dla "
            "turystów odwiedzających Góry Świętokrzyskie."
        ),
        mission=(
            "Tworzy miejsca pracy dla osób z niepełnosprawnościami i mieszkańców małych wsi, dla "
            "których dojazd do pracy w mieście jest dużą barierą."
        ),
        description_en=(
            "The cooperative gathers and dries herbs grown at the foot of Łysa Góra, blending them "
            "into herbal teas and spice mixes. It also runs guided herb walks for tourists "
            "visiting the Świętokrzyskie Mountains."
        ),
        mission_en=(
            "It creates jobs for people with disabilities and for residents of small villages for "
            "whom commuting to a job in town is a major barrier."
        ),
        owes="swietokrzyski-owes",
    ),
    DemoPes(
        slug="smaki-ponidzia",
        name='Spółdzielnia Socjalna "Smaki Ponidzia"',
        legal_form="social_cooperative",
        powiat="buski",
        city="Busko-Zdrój",
        street="ul. Ogrodowa 12",
        postcode="28-100",
        email="biuro@smakiponidzia.example.pl",
        phone="+48 41 378 14 90",
        description=(
            "Spółdzielnia wytwarza tradycyjne wyroby kuchni ponidziańskiej: pasztety, konfitury "
            "i ciasta drożdżowe, a do sprzedaży oferuje też miód z partnerskiej pasieki. "
            "Przygotowuje catering na konferencje, wesela i imprezy plenerowe."
        ),
        mission=(
            "Zatrudnia osoby z niepełnosprawnościami i długotrwale bezrobotne z gmin Ponidzia, "
            "dając im stabilną pracę i możliwość zdobycia kwalifikacji kucharza."
        ),
        description_en=(
            "The cooperative makes traditional food of the Ponidzie region: pâtés, jams and yeast "
            "cakes, and also sells honey from a partner apiary. It caters conferences, weddings "
            "and outdoor events."
        ),
        mission_en=(
            "It employs people with disabilities and long-term unemployed residents of Ponidzie "
            "communes, offering stable work and a chance to qualify as a cook."
        ),
        owes="trzeci-swietokrzyski-owes",
    ),
    DemoPes(
        slug="bajkowa-pracownia",
        name='Fundacja "Bajkowa Pracownia"',
        legal_form="foundation",
        powiat="buski",
        city="Pacanów",
        street="ul. Szkolna 4",
        postcode="28-133",
        email="fundacja@bajkowa-pracownia.example.org",
        phone="+48 41 376 51 23",
        description=(
            "Fundacja prowadzi stolarnię, w której powstają drewniane zabawki, puzzle i gry "
            "inspirowane bajkami. Zysk ze sprzedaży przeznacza na zajęcia dla dzieci z rodzin "
            "w trudnej sytuacji."
        ),
        mission=(
            "Zatrudnia młodych dorosłych opuszczających pieczę zastępczą i wspiera ich "
            "w usamodzielnieniu się."
        ),
        description_en=(
            "The foundation runs a carpentry workshop making wooden toys, puzzles and games "
            "inspired by fairy tales. Profits from sales fund activities for children from "
            "families in difficulty."
        ),
        mission_en=(
            "It employs young adults leaving foster care and supports them on their way to "
            "independent living."
        ),
        owes="trzeci-swietokrzyski-owes",
    ),
    DemoPes(
        slug="zaz-sloneczny-zegar",
        name='Zakład Aktywności Zawodowej "Słoneczny Zegar"',
        legal_form="zaz",
        powiat="jedrzejowski",
        city="Jędrzejów",
        street="ul. Przemysłowa 6",
        postcode="28-300",
        email="zaz@slonecznyzegar.example.pl",
        phone="+48 41 386 27 18",
        description=(
            "Zakład prowadzi drukarnię cyfrową i pracownię ceramiki, wykonując zaproszenia, "
            "wizytówki oraz ręcznie malowane zegary ścienne. Realizuje zamówienia dla szkół, "
            "urzędów i firm z całego regionu."
        ),
        mission=(
            "Zapewnia zatrudnienie i rehabilitację zawodową osobom ze znacznym i umiarkowanym "
            "stopniem niepełnosprawności, które nie znalazłyby pracy na otwartym rynku."
        ),
        description_en=(
            "The enterprise runs a digital print shop and a ceramics studio, producing "
            "invitations, business cards and hand-painted wall clocks. It fulfils orders for "
            "schools, public offices and companies across the region."
        ),
        mission_en=(
            "It provides employment and vocational rehabilitation for people with severe and "
            "moderate disabilities who would not find work on the open labour market."
        ),
        owes="trzeci-swietokrzyski-owes",
    ),
    DemoPes(
        slug="kis-przystan",
        name='Klub Integracji Społecznej "Przystań"',
        legal_form="kis",
        powiat="jedrzejowski",
        city="Sędziszów",
        street="ul. Dworcowa 7",
        postcode="28-340",
        email="przystan@example.org",
        phone="+48 41 381 06 44",
        description=(
            "Klub organizuje grupy robocze, które sprzątają posesje, koszą trawniki i porządkują "
            "tereny po remontach na zlecenie mieszkańców i instytucji. Uczestnicy korzystają "
            "równolegle z doradztwa zawodowego i warsztatów kompetencji."
        ),
        mission=(
            "Wspiera osoby bezrobotne i korzystające z pomocy społecznej w powrocie do aktywności "
            "zawodowej i wyjściu z ubóstwa."
        ),
        description_en=(
            "The club organises work groups that clean properties, mow lawns and tidy up sites "
            "after renovation for residents and institutions. Participants also receive career "
            "counselling and skills workshops."
        ),
        mission_en=(
            "It supports unemployed people and social-assistance clients in returning to work and "
            "getting out of poverty."
        ),
        owes="trzeci-swietokrzyski-owes",
    ),
    DemoPes(
        slug="nadwislanskie-ogrody",
        name="Nadwiślańskie Ogrody Sp. z o.o. non-profit",
        legal_form="non_profit_company",
        powiat="kazimierski",
        city="Kazimierza Wielka",
        street="ul. Polna 11",
        postcode="28-500",
        email="sklep@nadwislanskie-ogrody.example.pl",
        phone="+48 41 352 33 81",
        description=(
            "Spółka prowadzi szklarnie i szkółkę roślin, sprzedając rozsady warzyw, byliny oraz "
            "sezonowe warzywa z własnej uprawy. Zakłada i pielęgnuje ogrody przydomowe, skwery "
            "i tereny przy szkołach."
        ),
        mission=(
            "Cały zysk przeznacza na cele społeczne, zatrudniając osoby z niepełnosprawnościami "
            "i bezrobotnych mieszkańców powiatu kazimierskiego."
        ),
        description_en=(
            "The company runs greenhouses and a plant nursery, selling vegetable seedlings, "
            "perennials and seasonal vegetables from its own fields. It designs and maintains "
            "home gardens, small squares and school grounds."
        ),
        mission_en=(
            "All profit goes to social aims: it employs people with disabilities and unemployed "
            "residents of the Kazimierza Wielka district."
        ),
        owes="trzeci-swietokrzyski-owes",
    ),
    DemoPes(
        slug="skalbmierska-izba-tradycji",
        name='Stowarzyszenie "Skalbmierska Izba Tradycji"',
        legal_form="association",
        powiat="kazimierski",
        city="Skalbmierz",
        street="ul. Szkolna 9",
        postcode="28-530",
        email="izba.tradycji@example.org",
        phone="+48 41 352 80 16",
        description=(
            "Stowarzyszenie odtwarza wzory haftu krakowskiego i lokalnych strojów ludowych, szyjąc "
            "serwety i elementy strojów dla zespołów folklorystycznych. Wykonuje też tradycyjne "
            "ozdoby ze słomy i bibuły."
        ),
        mission=(
            "Łączy pokolenia: aktywizuje seniorki i osoby bezrobotne, które przekazują "
            "umiejętności rękodzielnicze młodzieży i zarabiają na sprzedaży wyrobów."
        ),
        description_en=(
            "The association revives Kraków-style embroidery and local folk costume patterns, "
            "sewing doilies and costume pieces for folk ensembles. It also makes traditional "
            "straw and paper decorations."
        ),
        mission_en=(
            "It brings generations together: older women and unemployed people pass handicraft "
            "skills on to young people and earn income from selling their work."
        ),
        owes="trzeci-swietokrzyski-owes",
    ),
    DemoPes(
        slug="nitka",
        name='Spółdzielnia Socjalna "Nitka"',
        legal_form="social_cooperative",
        powiat="konecki",
        city="Końskie",
        street="ul. Zamkowa 6",
        postcode="26-200",
        email="szwalnia@nitka.example.pl",
        phone="+48 41 372 19 58",
        description=(
            "Szwalnia spółdzielni szyje torby, fartuchy, worki i odzież roboczą, przyjmując także "
            "zamówienia na krótkie serie z haftem lub nadrukiem. Wszystkie wyroby powstają "
            "z bawełny i lnu od polskich producentów."
        ),
        mission=(
            "Daje pracę kobietom z niepełnosprawnościami i samotnym matkom, dopasowując godziny "
            "pracy do ich możliwości."
        ),
        description_en=(
            "The cooperative's sewing room makes bags, aprons, drawstring sacks and workwear, and "
            "also takes orders for short runs with embroidery or print. Everything is made from "
            "cotton and linen from Polish mills."
        ),
        mission_en=(
            "It employs women with disabilities and single mothers, fitting working hours to what "
            "they can manage."
        ),
        owes="swietokrzyski-owes",
    ),
    DemoPes(
        slug="cis-kuznica",
        name='Centrum Integracji Społecznej "Kuźnica"',
        legal_form="cis",
        powiat="konecki",
        city="Stąporków",
        street="ul. Odlewnicza 4",
        postcode="26-220",
        email="cis.kuznica@example.org",
        phone="+48 41 374 42 09",
        description=(
            "Centrum prowadzi warsztaty ogólnobudowlane, ślusarskie i ogrodnicze, wykonując "
            "remonty łazienek, balustrady i prace pielęgnacyjne w zieleni miejskiej. Uczestnicy "
            "zdobywają praktykę i uprawnienia, które pomagają im znaleźć stałą pracę."
        ),
        mission=(
            "Reintegruje zawodowo i społecznie osoby długotrwale bezrobotne, leczące się "
            "z uzależnień oraz opuszczające zakłady karne."
        ),
        description_en=(
            "The centre runs general construction, metalwork and gardening workshops, renovating "
            "bathrooms, making railings and maintaining urban green spaces. Participants gain "
            "practice and certificates that help them find steady jobs."
        ),
        mission_en=(
            "It reintegrates long-term unemployed people, people in addiction treatment and "
            "former prisoners into work and community life."
        ),
        owes="swietokrzyski-owes",
    ),
    DemoPes(
        slug="ziemia-opatowska",
        name='Fundacja "Ziemia Opatowska"',
        legal_form="foundation",
        powiat="opatowski",
        city="Opatów",
        street="ul. Kilińskiego 16",
        postcode="27-500",
        email="fundacja@ziemia-opatowska.example.pl",
        phone="+48 41 868 24 71",
        description=(
            "Fundacja organizuje wycieczki z przewodnikiem po Opatowie i okolicy, także rowerowe "
            "szlakiem sadów. Prowadzi sklepik z lokalnymi produktami, m.in. miodami od "
            "okolicznych pszczelarzy."
        ),
        mission=(
            "Zatrudnia jako przewodników i obsługę młodych ludzi bez doświadczenia zawodowego "
            "oraz osoby po pięćdziesiątce, które straciły pracę."
        ),
        description_en=(
            "The foundation runs guided tours of Opatów and the surrounding area, including "
            "cycling tours along the orchard trail. It keeps a small shop with local products "
            "such as honey from nearby beekeepers."
        ),
        mission_en=(
            "It employs young people without work experience and people over fifty who have lost "
            "their jobs as guides and staff."
        ),
        owes="kielecko-ostrowiecki-owes",
    ),
    DemoPes(
        slug="jablkowy-sad",
        name='Spółdzielnia Socjalna "Jabłkowy Sad"',
        legal_form="social_cooperative",
        powiat="opatowski",
        city="Ożarów",
        street="ul. Sadowa 22",
        postcode="27-530",
        email="sok@jablkowysad.example.pl",
        phone="+48 41 861 37 05",
        description=(
            "Spółdzielnia przetwarza jabłka i gruszki z sadów ziemi opatowskiej na tłoczone soki, "
            "musy i chipsy owocowe bez dodatku cukru. Skupuje owoce od małych gospodarstw, dla "
            "których sprzedaż hurtowa jest nieopłacalna."
        ),
        mission=(
            "Tworzy całoroczne miejsca pracy dla bezrobotnych mieszkańców wsi i osób "
            "z niepełnosprawnościami, którzy wcześniej pracowali tylko sezonowo."
        ),
        description_en=(
            "The cooperative turns apples and pears from Opatów-area orchards into pressed "
            "juices, fruit purées and crisps with no added sugar. It buys fruit from small farms "
            "for which wholesale is not worthwhile."
        ),
        mission_en=(
            "It creates year-round jobs for unemployed villagers and people with disabilities who "
            "previously only found seasonal work."
        ),
        owes="kielecko-ostrowiecki-owes",
    ),
    DemoPes(
        slug="zaz-biala-glinka",
        name='Zakład Aktywności Zawodowej "Biała Glinka"',
        legal_form="zaz",
        powiat="ostrowiecki",
        city="Ćmielów",
        street="ul. Fabryczna 8",
        postcode="27-440",
        email="pracownia@bialaglinka.example.org",
        phone="+48 41 276 15 62",
        description=(
            "Zakład nawiązuje do ceramicznych tradycji Ćmielowa, ręcznie formując i malując "
            "kubki, misy i talerze. Przyjmuje zamówienia na zestawy upominkowe z logo dla firm "
            "i instytucji."
        ),
        mission=(
            "Zatrudnia osoby ze znaczną niepełnosprawnością, zapewniając im rehabilitację "
            "zawodową i pracę dostosowaną do ich możliwości."
        ),
        description_en=(
            "The enterprise draws on Ćmielów's ceramics tradition, hand-forming and painting "
            "mugs, bowls and plates. It takes orders for branded gift sets for companies and "
            "institutions."
        ),
        mission_en=(
            "It employs people with severe disabilities, offering vocational rehabilitation and "
            "work adapted to their abilities."
        ),
        owes="kielecko-ostrowiecki-owes",
    ),
    DemoPes(
        slug="kis-nowy-start",
        name='Klub Integracji Społecznej "Nowy Start"',
        legal_form="kis",
        powiat="ostrowiecki",
        city="Ostrowiec Świętokrzyski",
        street="ul. Polna 3",
        postcode="27-400",
        email="nowystart@example.org",
        phone="+48 41 265 70 38",
        description=(
            "Klub koordynuje brygady porządkowe, które sprzątają klatki schodowe i części wspólne "
            "budynków dla spółdzielni mieszkaniowych i wspólnot. Wykonuje także sprzątanie "
            "mieszkań po remontach."
        ),
        mission=(
            "Pomaga osobom długotrwale bezrobotnym i korzystającym ze wsparcia ośrodka pomocy "
            "społecznej zdobyć doświadczenie i referencje do pracy."
        ),
        description_en=(
            "The club coordinates cleaning crews that look after staircases and common areas for "
            "housing cooperatives and communities. It also cleans flats after renovation."
        ),
        mission_en=(
            "It helps long-term unemployed people and clients of the social welfare centre gain "
            "experience and references for future jobs."
        ),
        owes="kielecko-ostrowiecki-owes",
    ),
    DemoPes(
        slug="wtz-pinczowski-kamien",
        name='Warsztat Terapii Zajęciowej "Pińczowski Kamień"',
        legal_form="wtz",
        powiat="pinczowski",
        city="Pińczów",
        street="ul. Nadnidziańska 7",
        postcode="28-400",
        email="wtz@pinczowski-kamien.example.pl",
        phone="+48 41 357 46 27",
        description=(
            "Uczestnicy warsztatu tworzą przedmioty z miejscowego wapienia pińczowskiego "
            "i wikliny: świeczniki, podkładki i tabliczki z numerami domów. Prace są sprzedawane "
            "w punktach informacji turystycznej i na jarmarkach."
        ),
        mission=(
            "Prowadzi terapię zajęciową osób z niepełnosprawnościami, rozwijając ich samodzielność "
            "i umiejętności potrzebne do podjęcia zatrudnienia."
        ),
        description_en=(
            "Workshop participants make objects from local Pińczów limestone and wicker: "
            "candlesticks, coasters and house-number plates. The work is sold at tourist "
            "information points and fairs."
        ),
        mission_en=(
            "It provides occupational therapy for people with disabilities, building their "
            "independence and the skills they need to take up employment."
        ),
        owes="trzeci-swietokrzyski-owes",
    ),
    DemoPes(
        slug="zielony-zakatek",
        name='Spółdzielnia Socjalna "Zielony Zakątek"',
        legal_form="social_cooperative",
        powiat="pinczowski",
        city="Działoszyce",
        street="ul. Zielona 4",
        postcode="28-440",
        email="zielony.zakatek@example.pl",
        phone="+48 41 356 92 13",
        description=(
            "Spółdzielnia pielęgnuje zieleń, przycina drzewa owocowe i sprzedaje kompost z własnej "
            "kompostowni, a zimą odśnieża posesje. Pracuje dla gmin, parafii i właścicieli domów "
            "jednorodzinnych."
        ),
        mission=(
            "Została założona przez osoby wcześniej długotrwale bezrobotne i zatrudnia kolejne "
            "osoby, które mają trudności na rynku pracy."
        ),
        description_en=(
            "The cooperative maintains green areas, prunes fruit trees and sells compost from its "
            "own composting yard, and in winter it clears snow from properties. It works for "
            "municipalities, parishes and homeowners."
        ),
        mission_en=(
            "It was founded by people who had been unemployed for a long time and now employs "
            "others who struggle on the labour market."
        ),
        owes="trzeci-swietokrzyski-owes",
    ),
    DemoPes(
        slug="grod-sandomierski",
        name="Gród Sandomierski Sp. z o.o. non-profit",
        legal_form="non_profit_company",
        powiat="sandomierski",
        city="Sandomierz",
        street="ul. Zawichojska 14",
        postcode="27-600",
        email="rezerwacje@grod-sandomierski.example.org",
        phone="+48 41 832 55 40",
        description=(
            "Spółka organizuje zwiedzanie Sandomierza z przewodnikiem oraz gry miejskie dla grup "
            "szkolnych. Prowadzi też kawiarnię przy trasie turystycznej i catering na wydarzenia "
            "plenerowe."
        ),
        mission=(
            "Cały zysk przeznacza na cele statutowe, zatrudniając osoby z niepełnosprawnościami "
            "w obsłudze ruchu turystycznego."
        ),
        description_en=(
            "The company runs guided tours of Sandomierz and city games for school groups. It "
            "also operates a café on the tourist route and caters outdoor events."
        ),
        mission_en=(
            "All profit goes to its statutory aims: it employs people with disabilities in "
            "tourist services."
        ),
        owes="kielecko-ostrowiecki-owes",
    ),
    DemoPes(
        slug="koprzywnickie-gospodynie",
        name='Stowarzyszenie "Koprzywnickie Gospodynie"',
        legal_form="association",
        powiat="sandomierski",
        city="Koprzywnica",
        street="ul. Krakowska 6",
        postcode="27-660",
        email="gospodynie@koprzywnica.example.pl",
        phone="+48 41 847 61 29",
        description=(
            "Stowarzyszenie lepi domowe pierogi, smaży konfitury z owoców z okolicznych sadów "
            "i piecze tradycyjne ciasta na zamówienie. Przygotowuje poczęstunki na uroczystości "
            "gminne, dożynki i spotkania rodzinne."
        ),
        mission=(
            "Aktywizuje kobiety z terenów wiejskich i seniorki, umożliwiając im zarobek i udział "
            "w życiu społecznym gminy."
        ),
        description_en=(
            "The association makes home-style pierogi, jams from local orchard fruit and "
            "traditional cakes to order. It prepares refreshments for municipal celebrations, "
            "harvest festivals and family gatherings."
        ),
        mission_en=(
            "It activates rural women and older residents, giving them income and a part in the "
            "community life of the commune."
        ),
        owes="kielecko-ostrowiecki-owes",
    ),
    DemoPes(
        slug="cis-kamienna",
        name='Centrum Integracji Społecznej "Kamienna"',
        legal_form="cis",
        powiat="skarzyski",
        city="Skarżysko-Kamienna",
        street="ul. Słoneczna 17",
        postcode="26-110",
        email="cis@kamienna.example.org",
        phone="+48 41 252 38 66",
        description=(
            "Centrum prowadzi warsztaty remontowe i porządkowe, których uczestnicy kładą płytki, "
            "montują podłogi i sprzątają lokale po remontach. Zlecenia realizuje dla mieszkańców, "
            "spółdzielni mieszkaniowych i placówek gminnych."
        ),
        mission=(
            "Przygotowuje do pracy osoby długotrwale bezrobotne i wychodzące z kryzysu "
            "bezdomności, pomagając im zdobyć zawód i stałe zatrudnienie."
        ),
        description_en=(
            "The centre runs renovation and cleaning workshops whose participants lay tiles, fit "
            "floors and clean premises after building work. It takes orders from residents, "
            "housing cooperatives and municipal facilities."
        ),
        mission_en=(
            "It prepares long-term unemployed people and those leaving homelessness for work, "
            "helping them learn a trade and find a permanent job."
        ),
        owes="kielecko-ostrowiecki-owes",
    ),
    DemoPes(
        slug="wtz-lesna-pracownia",
        name='Warsztat Terapii Zajęciowej "Leśna Pracownia"',
        legal_form="wtz",
        powiat="skarzyski",
        city="Suchedniów",
        street="ul. Leśna 9",
        postcode="26-130",
        email="lesna.pracownia@example.org",
        phone="+48 41 254 12 87",
        description=(
            "W pracowniach stolarskiej i krawieckiej uczestnicy wykonują drewniane karmniki "
            "i skrzynki oraz lniane poduszki. Wyroby można kupić na kiermaszach lub zamówić jako "
            "upominki firmowe."
        ),
        mission=(
            "Wspiera dorosłe osoby z niepełnosprawnościami w rozwijaniu umiejętności zawodowych "
            "i społecznych, przygotowując je do pracy w zakładzie aktywności zawodowej lub na "
            "otwartym rynku."
        ),
        description_en=(
            "In the woodworking and sewing studios participants make wooden bird feeders and "
            "boxes as well as linen cushions. The items can be bought at fairs or ordered as "
            "corporate gifts."
        ),
        mission_en=(
            "It helps adults with disabilities develop vocational and social skills, preparing "
            "them for work in a vocational activity enterprise or on the open labour market."
        ),
        owes="kielecko-ostrowiecki-owes",
    ),
    DemoPes(
        slug="starachowicka-poligrafia",
        name="Starachowicka Poligrafia Społeczna Sp. z o.o. non-profit",
        legal_form="non_profit_company",
        powiat="starachowicki",
        city="Starachowice",
        street="ul. Kolejowa 11",
        postcode="27-200",
        email="druk@starachowicka-poligrafia.example.pl",
        phone="+48 41 274 90 15",
        description=(
            "Spółka prowadzi drukarnię offsetową i cyfrową, realizując ulotki, plakaty, kalendarze "
            "i materiały konferencyjne. Oferuje też projekt graficzny i oprawę introligatorską "
            "prac dyplomowych."
        ),
        mission=(
            "Zatrudnia osoby niesłyszące i z niepełnosprawnością ruchową, a cały zysk przeznacza "
            "na rozwój miejsc pracy dla nich."
        ),
        description_en=(
            "The company runs an offset and digital print shop producing leaflets, posters, "
            "calendars and conference materials. It also offers graphic design and binding of "
            "theses."
        ),
        mission_en=(
            "It employs deaf people and people with physical disabilities and reinvests all "
            "profit in creating more jobs for them."
        ),
        owes="kielecko-ostrowiecki-owes",
    ),
    DemoPes(
        slug="cysterski-ogrod",
        name='Fundacja "Cysterski Ogród"',
        legal_form="foundation",
        powiat="starachowicki",
        city="Wąchock",
        street="ul. Ogrodowa 3",
        postcode="27-215",
        email="ogrod@cysterski-ogrod.example.org",
        phone="+48 41 271 58 34",
        description=(
            "Fundacja prowadzi ogród ziołowy i szkółkę, sprzedając sadzonki ziół, lawendę "
            "i mieszanki ziół do herbaty. Na zamówienie zakłada ogródki ziołowe przy szkołach "
            "i domach pomocy społecznej."
        ),
        mission=(
            "Zatrudnia osoby w procesie zdrowienia z zaburzeń psychicznych, traktując pracę "
            "w ogrodzie jako formę rehabilitacji zawodowej."
        ),
        description_en=(
            "The foundation runs a herb garden and nursery, selling herb seedlings, lavender and "
            "herbal tea blends. On request it plants herb gardens at schools and care homes."
        ),
        mission_en=(
            "It employs people recovering from mental illness, using garden work as a form of "
            "vocational rehabilitation."
        ),
        owes="kielecko-ostrowiecki-owes",
    ),
    DemoPes(
        slug="zaz-pod-kasztanami",
        name='Zakład Aktywności Zawodowej "Pod Kasztanami"',
        legal_form="zaz",
        powiat="staszowski",
        city="Staszów",
        street="ul. Parkowa 8",
        postcode="28-200",
        email="zaz@podkasztanami.example.pl",
        phone="+48 41 864 22 50",
        description=(
            "Zakład prowadzi kuchnię cateringową i ekipę porządkową, dostarczając obiady do firm "
            "oraz sprzątając biura i obiekty użyteczności publicznej. Przygotowuje także przerwy "
            "kawowe na spotkania i szkolenia."
        ),
        mission=(
            "Tworzy miejsca pracy dla osób ze znacznym i umiarkowanym stopniem "
            "niepełnosprawności z powiatu staszowskiego, zapewniając im rehabilitację i opiekę."
        ),
        description_en=(
            "The enterprise runs a catering kitchen and a cleaning team, delivering lunches to "
            "companies and cleaning offices and public buildings. It also provides coffee breaks "
            "for meetings and training sessions."
        ),
        mission_en=(
            "It creates jobs for people with severe and moderate disabilities from the Staszów "
            "district, providing rehabilitation and care."
        ),
        owes="trzeci-swietokrzyski-owes",
    ),
    DemoPes(
        slug="nadwislanska-wstega",
        name='Stowarzyszenie "Nadwiślańska Wstęga"',
        legal_form="association",
        powiat="staszowski",
        city="Połaniec",
        street="ul. Wiślana 6",
        postcode="28-230",
        email="wstega@example.org",
        phone="+48 41 865 07 93",
        description=(
            "Członkinie stowarzyszenia szyją ręcznie haftowane bieżniki, torby i lalki w strojach "
            "ludowych, łącząc dawne wzory z nowoczesnym wzornictwem. Prowadzą warsztaty szycia "
            "i haftu dla mieszkańców gminy."
        ),
        mission=(
            "Wspiera kobiety bezrobotne i opiekujące się osobami zależnymi, dając im możliwość "
            "pracy w domu i w elastycznych godzinach."
        ),
        description_en=(
            "The members sew hand-embroidered table runners, bags and dolls in folk costume, "
            "blending old patterns with modern design. They run sewing and embroidery workshops "
            "for local residents."
        ),
        mission_en=(
            "It supports unemployed women and women caring for dependants, letting them work from "
            "home and at flexible hours."
        ),
        owes="trzeci-swietokrzyski-owes",
    ),
    DemoPes(
        slug="wtz-promyk",
        name='Warsztat Terapii Zajęciowej "Promyk"',
        legal_form="wtz",
        powiat="wloszczowski",
        city="Włoszczowa",
        street="ul. Jasna 5",
        postcode="29-100",
        email="promyk@example.pl",
        phone="+48 41 394 31 76",
        description=(
            "Uczestnicy warsztatu wykonują kartki okolicznościowe, bombki i drobną ceramikę "
            "w pracowniach plastycznej i ceramicznej. Wyroby trafiają na kiermasze i do firm "
            "zamawiających upominki dla kontrahentów."
        ),
        mission=(
            "Prowadzi rehabilitację społeczną i zawodową osób z niepełnosprawnościami z powiatu "
            "włoszczowskiego, przygotowując je do samodzielnego życia."
        ),
        description_en=(
            "Workshop participants make greeting cards, Christmas baubles and small ceramics in "
            "the art and pottery studios. The items go to fairs and to companies ordering gifts "
            "for their partners."
        ),
        mission_en=(
            "It provides social and vocational rehabilitation for people with disabilities from "
            "the Włoszczowa district, preparing them for independent living."
        ),
        owes="swietokrzyski-owes",
    ),
    DemoPes(
        slug="pszczela-dolina",
        name='Fundacja "Pszczela Dolina"',
        legal_form="foundation",
        powiat="wloszczowski",
        city="Secemin",
        street="ul. Polna 20",
        postcode="29-145",
        email="pasieka@pszczela-dolina.example.org",
        phone="+48 41 391 64 02",
        description=(
            "Fundacja prowadzi pasiekę i pracownię, w których powstają miody i świece "
            "z naturalnego wosku. Organizuje też lekcje pszczelarskie dla szkół i przedszkoli."
        ),
        mission=(
            "Zatrudnia osoby z niepełnosprawnościami i młodzież z rodzin w trudnej sytuacji, "
            "ucząc je zawodu pszczelarza."
        ),
        description_en=(
            "The foundation runs an apiary and a workshop producing honey and natural beeswax "
            "candles. It also gives beekeeping lessons for schools and kindergartens."
        ),
        mission_en=(
            "It employs people with disabilities and young people from disadvantaged families, "
            "teaching them the beekeeping trade."
        ),
        owes="swietokrzyski-owes",
    ),
]

CATEGORIES: list[DemoCategory] = [
    DemoCategory(
        slug="food", name="Żywność i przetwory", name_en="Food and preserves", kind="product"
    ),
    DemoCategory(slug="crafts", name="Rękodzieło", name_en="Handicrafts", kind="product"),
    DemoCategory(slug="ceramics", name="Ceramika", name_en="Ceramics", kind="product"),
    DemoCategory(
        slug="textiles", name="Tekstylia i szycie", name_en="Textiles and sewing", kind="product"
    ),
    DemoCategory(
        slug="gardening",
        name="Ogrodnictwo i zieleń",
        name_en="Gardening and green spaces",
        kind="product",
    ),
    DemoCategory(slug="catering", name="Catering", name_en="Catering", kind="service"),
    DemoCategory(slug="cleaning", name="Sprzątanie", name_en="Cleaning", kind="service"),
    DemoCategory(slug="printing", name="Poligrafia", name_en="Printing", kind="service"),
    DemoCategory(
        slug="renovation",
        name="Remonty i budownictwo",
        name_en="Renovation and construction",
        kind="service",
    ),
    DemoCategory(
        slug="tourism", name="Turystyka i edukacja", name_en="Tourism and education", kind="service"
    ),
]


PRODUCTS: list[DemoProduct] = [
    # Spółdzielnia Socjalna Kielecka Spiżarnia
    DemoProduct(
        sku="KSP-POWI-01",
        pes="kielecka-spizarnia",
        category="food",
        title="Powidła śliwkowe smażone 300 g",
        title_en="Slow-cooked plum butter 300 g",
        description=(
            "Gęste powidła z węgierek smażone kilka godzin bez dodatku cukru. Idealne do "
            "drożdżówek i naleśników."
        ),
        description_en=(
            "Thick plum butter cooked for hours from damson plums with no added sugar. Perfect for "
            "sweet buns and pancakes."
        ),
        price="16.00",
        stock=45,
        featured=False,
    ),
    DemoProduct(
        sku="KSP-PIER-01",
        pes="kielecka-spizarnia",
        category="food",
        title="Pierogi z kaszą i twarogiem 1 kg, mrożone",
        title_en="Pierogi with buckwheat and cottage cheese 1 kg, frozen",
        description=(
            "Ręcznie lepione pierogi z kaszą gryczaną i twarogiem, głęboko mrożone. Odbiór "
            "osobisty w Kielcach."
        ),
        description_en=(
            "Hand-made pierogi filled with buckwheat and cottage cheese, deep-frozen. Collection "
            "in Kielce."
        ),
        price="32.00",
        stock=30,
        featured=False,
    ),
    DemoProduct(
        sku="KSP-CATE-01",
        pes="kielecka-spizarnia",
        category="catering",
        title="Catering na spotkanie do 30 osób",
        title_en="Catering for a meeting of up to 30 people",
        description=(
            "Kanapki, sałatki, domowe ciasta i napoje z dowozem na terenie Kielc. Cena za osobę, "
            "menu ustalamy indywidualnie."
        ),
        description_en=(
            "Sandwiches, salads, home-made cakes and drinks delivered within Kielce. Price per "
            "person; the menu is agreed individually."
        ),
        price="45.00",
        stock=0,
        featured=True,
    ),
    # Klub Integracji Społecznej Krok Dalej
    DemoProduct(
        sku="KDL-BIUR-01",
        pes="kis-krok-dalej",
        category="cleaning",
        title="Sprzątanie biura do 100 m²",
        title_en="Office cleaning up to 100 m²",
        description=(
            "Jednorazowe lub cykliczne sprzątanie biura: odkurzanie, mycie podłóg, kuchni i "
            "łazienek. Cena za jedną usługę."
        ),
        description_en=(
            "One-off or regular office cleaning: vacuuming, washing floors, kitchen and bathrooms. "
            "Price per visit."
        ),
        price="180.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="KDL-OKNA-01",
        pes="kis-krok-dalej",
        category="cleaning",
        title="Mycie okien – cena za okno",
        title_en="Window cleaning – price per window",
        description=(
            "Mycie szyb, ram i parapetów w mieszkaniach i biurach. Przy zleceniu powyżej 10 okien "
            "rabat 10%."
        ),
        description_en=(
            "Cleaning of panes, frames and sills in flats and offices. 10% off for more than 10 "
            "windows."
        ),
        price="25.00",
        stock=0,
        featured=False,
    ),
    # Warsztat Terapii Zajęciowej Pracownia Nadziei
    DemoProduct(
        sku="PNA-KART-01",
        pes="wtz-pracownia-nadziei",
        category="crafts",
        title="Kartka okolicznościowa ręcznie robiona",
        title_en="Hand-made greeting card",
        description=(
            "Kartka z kopertą, zdobiona techniką scrapbookingu. Każdy egzemplarz jest inny."
        ),
        description_en=(
            "A card with an envelope, decorated with scrapbooking techniques. Every piece is "
            "unique."
        ),
        price="12.00",
        stock=80,
        featured=False,
    ),
    DemoProduct(
        sku="PNA-ANIO-01",
        pes="wtz-pracownia-nadziei",
        category="ceramics",
        title="Aniołek ceramiczny szkliwiony",
        title_en="Glazed ceramic angel",
        description=(
            "Ręcznie lepiony i szkliwiony aniołek z zawieszką, wysokość ok. 10 cm. Dobry pomysł na "
            "drobny upominek."
        ),
        description_en=(
            "A hand-modelled, glazed ceramic angel with a hanging loop, about 10 cm tall. A nice "
            "small gift."
        ),
        price="25.00",
        stock=40,
        featured=True,
    ),
    DemoProduct(
        sku="PNA-ZAKL-01",
        pes="wtz-pracownia-nadziei",
        category="crafts",
        title="Zakładki do książek, zestaw 5 szt.",
        title_en="Bookmarks, set of 5",
        description="Zakładki z kartonu czerpanego, malowane i laminowane ręcznie.",
        description_en="Bookmarks made of handmade paper, painted and laminated by hand.",
        price="15.00",
        stock=60,
        featured=False,
    ),
    # Stowarzyszenie Kobiet Zamkowe Wzgórze
    DemoProduct(
        sku="ZWZ-CHLE-01",
        pes="zamkowe-wzgorze",
        category="food",
        title="Chleb żytni na zakwasie 1 kg",
        title_en="Rye sourdough bread 1 kg",
        description=(
            "Chleb pieczony w piecu opalanym drewnem, z mąki żytniej razowej i naturalnego "
            "zakwasu. Wypiekany we wtorki i piątki."
        ),
        description_en=(
            "Bread baked in a wood-fired oven from wholemeal rye flour and natural sourdough. "
            "Baked on Tuesdays and Fridays."
        ),
        price="14.00",
        stock=20,
        featured=False,
    ),
    DemoProduct(
        sku="ZWZ-KWIA-01",
        pes="zamkowe-wzgorze",
        category="crafts",
        title="Bukiet kwiatów z bibuły",
        title_en="Tissue-paper flower bouquet",
        description=(
            "Kolorowy bukiet róż, maków i chabrów z bibuły marszczonej, wykonany według tradycji "
            "regionu."
        ),
        description_en=(
            "A colourful bouquet of roses, poppies and cornflowers made of crêpe paper, following "
            "local tradition."
        ),
        price="38.00",
        stock=15,
        featured=False,
    ),
    DemoProduct(
        sku="ZWZ-OGOR-01",
        pes="zamkowe-wzgorze",
        category="food",
        title="Ogórki kiszone w słoju 900 ml",
        title_en="Fermented cucumbers in a 900 ml jar",
        description="Ogórki kiszone z czosnkiem, koprem i liściem chrzanu. Produkt sezonowy.",
        description_en=(
            "Cucumbers fermented with garlic, dill and horseradish leaf. Seasonal product."
        ),
        price="13.00",
        stock=0,
        featured=False,
    ),
    # Centrum Integracji Społecznej Pod Perzową Górą
    DemoProduct(
        sku="CID-MALO-01",
        pes="cis-pod-perzowa-gora",
        category="renovation",
        title="Malowanie ścian i sufitów – cena za m²",
        title_en="Painting walls and ceilings – price per m²",
        description=(
            "Przygotowanie powierzchni i dwukrotne malowanie farbą klienta lub naszą. Wycena na "
            "miejscu jest bezpłatna."
        ),
        description_en=(
            "Surface preparation and two coats using the client's paint or ours. On-site quotes "
            "are free."
        ),
        price="18.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="CID-KOSZ-01",
        kind="service",
        pes="cis-pod-perzowa-gora",
        category="gardening",
        title="Koszenie trawnika z wywozem trawy – cena za 100 m²",
        title_en="Lawn mowing with grass removal – price per 100 m²",
        description=("Koszenie kosiarką lub wykaszarką oraz wywóz skoszonej trawy do kompostowni."),
        description_en=(
            "Mowing with a mower or strimmer and taking the cuttings to a composting site."
        ),
        price="35.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="CID-PLOT-01",
        pes="cis-pod-perzowa-gora",
        category="renovation",
        title="Odnowienie i malowanie ogrodzenia – cena za metr",
        title_en="Fence restoration and painting – price per metre",
        description="Czyszczenie, szlifowanie i malowanie ogrodzeń drewnianych lub metalowych.",
        description_en="Cleaning, sanding and painting of wooden or metal fences.",
        price="30.00",
        stock=0,
        featured=False,
    ),
    # Spółdzielnia Socjalna Łysogórskie Zioła
    DemoProduct(
        sku="LGZ-HERB-01",
        pes="lysogorskie-ziola",
        category="food",
        title="Herbatka ziołowa Łysogórska 50 g",
        title_en="Łysa Góra herbal tea 50 g",
        description=(
            "Mieszanka mięty, melisy, lipy i kwiatu bzu zbieranych u podnóża Łysej Góry. Parzyć 5 "
            "minut w wodzie o temperaturze 90°C."
        ),
        description_en=(
            "A blend of mint, lemon balm, lime blossom and elderflower picked at the foot of Łysa "
            "Góra. Steep for 5 minutes at 90°C."
        ),
        price="18.00",
        stock=90,
        featured=False,
    ),
    DemoProduct(
        sku="LGZ-PRZY-01",
        pes="lysogorskie-ziola",
        category="food",
        title="Mieszanka przypraw do mięs 40 g",
        title_en="Spice mix for meat 40 g",
        description=(
            "Suszony lubczyk, majeranek, tymianek i czosnek niedźwiedzi bez soli i konserwantów."
        ),
        description_en=(
            "Dried lovage, marjoram, thyme and wild garlic with no salt or preservatives."
        ),
        price="12.00",
        stock=70,
        featured=False,
    ),
    DemoProduct(
        sku="LGZ-SPAC-01",
        pes="lysogorskie-ziola",
        category="tourism",
        title="Ziołowy spacer z przewodnikiem – cena za osobę",
        title_en="Guided herb walk – price per person",
        description=(
            "Dwugodzinny spacer po łąkach Nowej Słupi z nauką rozpoznawania ziół i degustacją "
            "naparów."
        ),
        description_en=(
            "A two-hour walk through the meadows of Nowa Słupia, learning to recognise herbs, with "
            "an infusion tasting."
        ),
        price="40.00",
        stock=0,
        featured=False,
    ),
    # Spółdzielnia Socjalna Smaki Ponidzia
    DemoProduct(
        sku="SMP-MIOD-01",
        pes="smaki-ponidzia",
        category="food",
        title="Miód wielokwiatowy 400 g",
        title_en="Multifloral honey 400 g",
        description=(
            "Miód z pasieki partnerskiej spod Buska-Zdroju, nierozgrzewany i niefiltrowany."
        ),
        description_en="Honey from a partner apiary near Busko-Zdrój, unheated and unfiltered.",
        price="28.00",
        stock=60,
        featured=False,
    ),
    DemoProduct(
        sku="SMP-PASZ-01",
        pes="smaki-ponidzia",
        category="food",
        title="Pasztet domowy pieczony 250 g",
        title_en="Home-style baked pâté 250 g",
        description=(
            "Pasztet z wieprzowiny i drobiu pieczony z warzywami i majerankiem. Przechowywać w "
            "lodówce."
        ),
        description_en=(
            "Pork and poultry pâté baked with vegetables and marjoram. Keep refrigerated."
        ),
        price="19.00",
        stock=35,
        featured=False,
    ),
    DemoProduct(
        sku="SMP-CIAS-01",
        pes="smaki-ponidzia",
        category="food",
        title="Ciasto drożdżowe z kruszonką 1 kg",
        title_en="Yeast cake with crumble topping 1 kg",
        description=("Puszyste ciasto drożdżowe ze śliwkami lub jabłkami, pieczone na zamówienie."),
        description_en="A fluffy yeast cake with plums or apples, baked to order.",
        price="30.00",
        stock=12,
        featured=False,
    ),
    DemoProduct(
        sku="SMP-CATE-01",
        pes="smaki-ponidzia",
        category="catering",
        title="Catering weselny i okolicznościowy – cena za osobę",
        title_en="Wedding and celebration catering – price per person",
        description=(
            "Pełne menu z daniami kuchni ponidziańskiej, obsługą kelnerską i dekoracją stołów. "
            "Minimalne zamówienie: 40 osób."
        ),
        description_en=(
            "A full menu of Ponidzie cuisine with waiting staff and table decoration. Minimum "
            "order: 40 guests."
        ),
        price="120.00",
        stock=0,
        featured=True,
    ),
    # Fundacja Bajkowa Pracownia
    DemoProduct(
        sku="BPA-ZABA-01",
        pes="bajkowa-pracownia",
        category="crafts",
        title="Drewniany koziołek na kółkach",
        title_en="Wooden goat on wheels",
        description=(
            "Zabawka do ciągnięcia z drewna bukowego, malowana farbami bezpiecznymi dla dzieci."
        ),
        description_en="A pull-along toy made of beech wood, painted with child-safe paints.",
        price="65.00",
        stock=25,
        featured=True,
    ),
    DemoProduct(
        sku="BPA-GRAA-01",
        pes="bajkowa-pracownia",
        category="crafts",
        title="Drewniana gra w kółko i krzyżyk",
        title_en="Wooden noughts and crosses game",
        description=(
            "Plansza i pionki z drewna lipowego w lnianym woreczku. Sprawdzi się w podróży."
        ),
        description_en="A lime-wood board and pieces in a linen pouch. Great for travelling.",
        price="35.00",
        stock=40,
        featured=False,
    ),
    DemoProduct(
        sku="BPA-PUZZ-01",
        pes="bajkowa-pracownia",
        category="crafts",
        title="Drewniane puzzle z mapą Ponidzia",
        title_en="Wooden jigsaw map of Ponidzie",
        description="Puzzle z 24 elementów przedstawiające miejscowości i zabytki Ponidzia.",
        description_en="A 24-piece jigsaw showing the towns and landmarks of Ponidzie.",
        price="49.00",
        stock=18,
        featured=False,
    ),
    # Zakład Aktywności Zawodowej Słoneczny Zegar
    DemoProduct(
        sku="SZG-ZAPR-01",
        pes="zaz-sloneczny-zegar",
        category="printing",
        title="Zaproszenia ślubne – 50 szt.",
        title_en="Wedding invitations – 50 pcs",
        description=(
            "Projekt i druk zaproszeń na papierze ozdobnym z kopertami. Możliwe złocenie i "
            "personalizacja."
        ),
        description_en=(
            "Design and printing of invitations on decorative paper with envelopes. Gold foiling "
            "and personalisation available."
        ),
        price="150.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="SZG-WIZY-01",
        pes="zaz-sloneczny-zegar",
        category="printing",
        title="Wizytówki dwustronne – 250 szt.",
        title_en="Double-sided business cards – 250 pcs",
        description=(
            "Druk cyfrowy na kartonie 350 g, matowy lub błyszczący. Realizacja w 3 dni robocze."
        ),
        description_en="Digital print on 350 gsm card, matt or gloss. Ready in 3 working days.",
        price="90.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="SZG-ZEGA-01",
        pes="zaz-sloneczny-zegar",
        category="ceramics",
        title="Ceramiczny zegar ścienny ręcznie malowany",
        title_en="Hand-painted ceramic wall clock",
        description=(
            "Tarcza z ceramiki szkliwionej z motywem słonecznika, cichy mechanizm kwarcowy. "
            "Średnica 30 cm."
        ),
        description_en=(
            "A glazed ceramic dial with a sunflower motif and a silent quartz movement. 30 cm in "
            "diameter."
        ),
        price="120.00",
        stock=8,
        featured=True,
    ),
    # Klub Integracji Społecznej Przystań
    DemoProduct(
        sku="PRZ-POSE-01",
        pes="kis-przystan",
        category="cleaning",
        title="Sprzątanie posesji – cena za godzinę pracy ekipy",
        title_en="Property clean-up – price per crew hour",
        description=(
            "Porządkowanie podwórek, wywóz liści i gałęzi, sprzątanie po remontach. Ekipa 2–3 "
            "osobowa z narzędziami."
        ),
        description_en=(
            "Tidying yards, removing leaves and branches, clean-up after renovation. A crew of 2–3 "
            "with tools."
        ),
        price="80.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="PRZ-KOSZ-01",
        kind="service",
        pes="kis-przystan",
        category="gardening",
        title="Koszenie i grabienie trawników – cena za 100 m²",
        title_en="Mowing and raking lawns – price per 100 m²",
        description="Koszenie trawników przydomowych i działek wraz z grabieniem.",
        description_en="Mowing of home lawns and allotments, raking included.",
        price="30.00",
        stock=0,
        featured=False,
    ),
    # Nadwiślańskie Ogrody Sp. z o.o. non-profit
    DemoProduct(
        sku="NOG-ROZS-01",
        pes="nadwislanskie-ogrody",
        category="gardening",
        title="Rozsada pomidorów, zestaw 6 sadzonek",
        title_en="Tomato seedlings, set of 6",
        description=(
            "Sadzonki odmian gruntowych i szklarniowych, hartowane przed sprzedażą. Dostępne od "
            "kwietnia do czerwca."
        ),
        description_en=(
            "Seedlings of outdoor and greenhouse varieties, hardened off before sale. Available "
            "from April to June."
        ),
        price="18.00",
        stock=120,
        featured=False,
    ),
    DemoProduct(
        sku="NOG-BYLI-01",
        pes="nadwislanskie-ogrody",
        category="gardening",
        title="Byliny do ogrodu naturalistycznego – zestaw 5 roślin",
        title_en="Perennials for a natural garden – set of 5 plants",
        description=(
            "Rośliny przyjazne zapylaczom: jeżówka, szałwia, rudbekia, kocimiętka i krwawnik."
        ),
        description_en=(
            "Pollinator-friendly plants: coneflower, sage, black-eyed Susan, catmint and yarrow."
        ),
        price="55.00",
        stock=40,
        featured=False,
    ),
    DemoProduct(
        sku="NOG-WARZ-01",
        pes="nadwislanskie-ogrody",
        category="food",
        title="Skrzynka warzyw sezonowych 5 kg",
        title_en="Box of seasonal vegetables 5 kg",
        description=(
            "Warzywa z własnej uprawy zbierane dzień przed dostawą. Skład zmienia się z porą roku."
        ),
        description_en=(
            "Vegetables from our own fields, picked the day before delivery. The mix changes with "
            "the season."
        ),
        price="40.00",
        stock=25,
        featured=False,
    ),
    DemoProduct(
        sku="NOG-OGRO-01",
        kind="service",
        pes="nadwislanskie-ogrody",
        category="gardening",
        title="Projekt i założenie ogrodu przydomowego – cena za m²",
        title_en="Home garden design and planting – price per m²",
        description=(
            "Projekt, przygotowanie gleby, nasadzenia i system nawadniania. Wycena po wizji "
            "lokalnej."
        ),
        description_en=(
            "Design, soil preparation, planting and irrigation. Quote after a site visit."
        ),
        price="45.00",
        stock=0,
        featured=False,
    ),
    # Stowarzyszenie Skalbmierska Izba Tradycji
    DemoProduct(
        sku="SIT-SERW-01",
        pes="skalbmierska-izba-tradycji",
        category="textiles",
        title="Serweta z haftem krakowskim 40×40 cm",
        title_en="Doily with Kraków embroidery 40×40 cm",
        description=(
            "Lniana serweta ręcznie haftowana w tradycyjne kwiatowe wzory. Każda sztuka jest "
            "niepowtarzalna."
        ),
        description_en=(
            "A linen doily hand-embroidered with traditional floral patterns. Every piece is "
            "unique."
        ),
        price="85.00",
        stock=10,
        featured=True,
    ),
    DemoProduct(
        sku="SIT-PAJA-01",
        pes="skalbmierska-izba-tradycji",
        category="crafts",
        title="Pająk ze słomy i bibuły",
        title_en="Straw and paper chandelier (pająk)",
        description=(
            "Tradycyjna ozdoba podsufitowa ze słomy i kolorowej bibuły, wysokość ok. 40 cm."
        ),
        description_en=(
            "A traditional ceiling decoration made of straw and coloured paper, about 40 cm high."
        ),
        price="70.00",
        stock=6,
        featured=False,
    ),
    DemoProduct(
        sku="SIT-KAMI-01",
        pes="skalbmierska-izba-tradycji",
        category="textiles",
        title="Kamizelka ludowa dla dziecka",
        title_en="Child's folk waistcoat",
        description=(
            "Kamizelka z sukna zdobiona cekinami i haftem, rozmiary 110–140. Dla zespołów i na "
            "występy szkolne."
        ),
        description_en=(
            "A woollen waistcoat decorated with sequins and embroidery, sizes 110–140. For folk "
            "groups and school shows."
        ),
        price="180.00",
        stock=4,
        featured=False,
    ),
    # Spółdzielnia Socjalna Nitka
    DemoProduct(
        sku="NIT-TORB-01",
        pes="nitka",
        category="textiles",
        title="Torba lniana haftowana",
        title_en="Embroidered linen tote bag",
        description=(
            "Mocna torba z grubego lnu z haftowanym motywem kwiatowym i długimi uchwytami."
        ),
        description_en=(
            "A sturdy bag of heavy linen with an embroidered floral motif and long handles."
        ),
        price="49.00",
        stock=55,
        featured=True,
    ),
    DemoProduct(
        sku="NIT-FART-01",
        pes="nitka",
        category="textiles",
        title="Fartuch kuchenny bawełniany z kieszenią",
        title_en="Cotton kitchen apron with pocket",
        description="Regulowany fartuch z grubej bawełny, dostępny w pięciu kolorach.",
        description_en="An adjustable apron of thick cotton, available in five colours.",
        price="45.00",
        stock=30,
        featured=False,
    ),
    DemoProduct(
        sku="NIT-WORE-01",
        pes="nitka",
        category="textiles",
        title="Worek na kapcie dla dziecka",
        title_en="Child's drawstring shoe bag",
        description=(
            "Bawełniany worek ze sznurkiem i miejscem na imię dziecka. Można prać w pralce."
        ),
        description_en=(
            "A cotton drawstring bag with space for the child's name. Machine washable."
        ),
        price="25.00",
        stock=40,
        featured=False,
    ),
    # Centrum Integracji Społecznej Kuźnica
    DemoProduct(
        sku="KUZ-REMO-01",
        pes="cis-kuznica",
        category="renovation",
        title="Remont łazienki – robocizna, cena za m² płytek",
        title_en="Bathroom renovation – labour, price per m² of tiles",
        description=(
            "Skucie starych płytek, hydroizolacja i ułożenie nowej glazury. Materiały po stronie "
            "klienta."
        ),
        description_en=(
            "Removing old tiles, waterproofing and laying new tiles. Materials supplied by the "
            "client."
        ),
        price="120.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="KUZ-SLUS-01",
        pes="cis-kuznica",
        category="renovation",
        title="Balustrada stalowa z montażem – cena za metr",
        title_en="Steel railing with installation – price per metre",
        description=("Wykonanie balustrady schodowej lub balkonowej ze stali malowanej proszkowo."),
        description_en="A stair or balcony railing made of powder-coated steel.",
        price="350.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="KUZ-ZIEL-01",
        kind="service",
        pes="cis-kuznica",
        category="gardening",
        title="Przycinanie żywopłotu – cena za metr",
        title_en="Hedge trimming – price per metre",
        description="Formowanie żywopłotów liściastych i iglastych wraz z wywozem gałęzi.",
        description_en="Shaping deciduous and conifer hedges, including removal of cuttings.",
        price="12.00",
        stock=0,
        featured=False,
    ),
    # Fundacja Ziemia Opatowska
    DemoProduct(
        sku="ZOP-WYCI-01",
        pes="ziemia-opatowska",
        category="tourism",
        title="Wycieczka z przewodnikiem po Opatowie – grupa do 25 osób",
        title_en="Guided tour of Opatów – group of up to 25",
        description=(
            "Trzygodzinne zwiedzanie kolegiaty, bramy warszawskiej i podziemnej trasy turystycznej."
        ),
        description_en=(
            "A three-hour tour of the collegiate church, the Warsaw Gate and the underground route."
        ),
        price="350.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="ZOP-MIOD-01",
        pes="ziemia-opatowska",
        category="food",
        title="Miód gryczany 500 g",
        title_en="Buckwheat honey 500 g",
        description="Ciemny, aromatyczny miód od pszczelarzy z ziemi opatowskiej.",
        description_en="Dark, aromatic honey from beekeepers of the Opatów area.",
        price="35.00",
        stock=40,
        featured=False,
    ),
    DemoProduct(
        sku="ZOP-TRAS-01",
        pes="ziemia-opatowska",
        category="tourism",
        title="Wycieczka rowerowa szlakiem sadów – cena za osobę",
        title_en="Cycling tour along the orchard trail – price per person",
        description=(
            "Trasa 30 km wśród sadów z przystankiem na degustację soków. Rower i kask w cenie."
        ),
        description_en=(
            "A 30 km route through the orchards with a juice tasting stop. Bike and helmet "
            "included."
        ),
        price="60.00",
        stock=0,
        featured=False,
    ),
    # Spółdzielnia Socjalna Jabłkowy Sad
    DemoProduct(
        sku="JSD-SOKJ-01",
        pes="jablkowy-sad",
        category="food",
        title="Sok jabłkowy tłoczony 3 l",
        title_en="Pressed apple juice 3 l",
        description=(
            "Naturalnie mętny sok z jabłek z ziemi opatowskiej w kartonie z kranikiem. Po otwarciu "
            "zachowuje świeżość do 4 tygodni."
        ),
        description_en=(
            "Naturally cloudy juice from Opatów-area apples in a bag-in-box with a tap. Stays "
            "fresh for up to 4 weeks after opening."
        ),
        price="25.00",
        stock=110,
        featured=True,
    ),
    DemoProduct(
        sku="JSD-CHIP-01",
        pes="jablkowy-sad",
        category="food",
        title="Chipsy jabłkowe suszone 80 g",
        title_en="Dried apple crisps 80 g",
        description=(
            "Chrupiące plastry jabłek suszone w niskiej temperaturze, bez cukru i konserwantów."
        ),
        description_en=(
            "Crunchy apple slices dried at low temperature, with no sugar or preservatives."
        ),
        price="10.00",
        stock=75,
        featured=False,
    ),
    DemoProduct(
        sku="JSD-MUSJ-01",
        pes="jablkowy-sad",
        category="food",
        title="Mus jabłkowo-gruszkowy 200 g",
        title_en="Apple and pear purée 200 g",
        description="Gładki mus owocowy bez dodatku cukru, dobry dla dzieci i do deserów.",
        description_en="Smooth fruit purée with no added sugar, good for children and desserts.",
        price="9.50",
        stock=0,
        featured=False,
    ),
    # Zakład Aktywności Zawodowej Biała Glinka
    DemoProduct(
        sku="BGL-KUBE-01",
        pes="zaz-biala-glinka",
        category="ceramics",
        title="Kubek porcelanowy ręcznie malowany 300 ml",
        title_en="Hand-painted porcelain mug 300 ml",
        description=(
            "Kubek z białej porcelany z ręcznie malowanym motywem ptaków. Można myć w zmywarce."
        ),
        description_en="A white porcelain mug with a hand-painted bird motif. Dishwasher safe.",
        price="42.00",
        stock=50,
        featured=False,
    ),
    DemoProduct(
        sku="BGL-MISA-01",
        pes="zaz-biala-glinka",
        category="ceramics",
        title="Misa ceramiczna z kobaltowym wzorem",
        title_en="Ceramic bowl with cobalt pattern",
        description="Duża misa o średnicy 24 cm, szkliwiona i zdobiona kobaltem.",
        description_en="A large bowl, 24 cm in diameter, glazed and decorated with cobalt.",
        price="85.00",
        stock=14,
        featured=False,
    ),
    DemoProduct(
        sku="BGL-ZEST-01",
        pes="zaz-biala-glinka",
        category="ceramics",
        title="Zestaw upominkowy: 2 kubki z logo",
        title_en="Gift set: 2 mugs with a logo",
        description=(
            "Dwa kubki z nadrukiem logo klienta w pudełku z ekotektury. Przy zamówieniu powyżej 50 "
            "zestawów cena do negocjacji."
        ),
        description_en=(
            "Two mugs printed with the client's logo in a recycled-card box. Price negotiable for "
            "more than 50 sets."
        ),
        price="110.00",
        stock=20,
        featured=False,
    ),
    # Klub Integracji Społecznej Nowy Start
    DemoProduct(
        sku="NST-KLAT-01",
        pes="kis-nowy-start",
        category="cleaning",
        title="Sprzątanie klatki schodowej – abonament miesięczny",
        title_en="Staircase cleaning – monthly subscription",
        description=(
            "Cotygodniowe zamiatanie i mycie schodów, poręczy i drzwi wejściowych w budynku do 4 "
            "kondygnacji."
        ),
        description_en=(
            "Weekly sweeping and washing of stairs, handrails and entrance doors in a building of "
            "up to 4 storeys."
        ),
        price="250.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="NST-REMO-01",
        pes="kis-nowy-start",
        category="cleaning",
        title="Sprzątanie mieszkania po remoncie do 60 m²",
        title_en="Post-renovation flat cleaning up to 60 m²",
        description=(
            "Usuwanie pyłu, mycie okien, podłóg i armatury po zakończeniu prac budowlanych."
        ),
        description_en=(
            "Removing dust and cleaning windows, floors and fittings after building work."
        ),
        price="300.00",
        stock=0,
        featured=False,
    ),
    # Warsztat Terapii Zajęciowej Pińczowski Kamień
    DemoProduct(
        sku="PKM-SWIE-01",
        pes="wtz-pinczowski-kamien",
        category="crafts",
        title="Świecznik z kamienia pińczowskiego",
        title_en="Pińczów limestone candlestick",
        description="Świecznik na tealighta wykonany ręcznie z jasnego wapienia pińczowskiego.",
        description_en="A tealight holder hand-carved from pale Pińczów limestone.",
        price="45.00",
        stock=22,
        featured=False,
    ),
    DemoProduct(
        sku="PKM-TABL-01",
        pes="wtz-pinczowski-kamien",
        category="crafts",
        title="Kamienna tabliczka z numerem domu",
        title_en="Stone house-number plate",
        description=(
            "Tabliczka z wapienia z wyrytym numerem i impregnacją odporną na warunki atmosferyczne."
        ),
        description_en="A limestone plate with an engraved number and weatherproof sealing.",
        price="70.00",
        stock=9,
        featured=False,
    ),
    DemoProduct(
        sku="PKM-PODS-01",
        pes="wtz-pinczowski-kamien",
        category="crafts",
        title="Podkładki wiklinowe pod kubki, 4 szt.",
        title_en="Wicker coasters, set of 4",
        description="Okrągłe podkładki plecione z wikliny z nadnidziańskich łąk.",
        description_en="Round coasters woven from wicker grown in the Nida valley meadows.",
        price="28.00",
        stock=30,
        featured=False,
    ),
    # Spółdzielnia Socjalna Zielony Zakątek
    DemoProduct(
        sku="ZZK-DRZE-01",
        kind="service",
        pes="zielony-zakatek",
        category="gardening",
        title="Cięcie drzew owocowych – cena za drzewo",
        title_en="Fruit tree pruning – price per tree",
        description=(
            "Cięcie prześwietlające i formujące jabłoni, grusz i śliw wraz z uprzątnięciem gałęzi."
        ),
        description_en=(
            "Thinning and shaping of apple, pear and plum trees, including clearing the branches."
        ),
        price="40.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="ZZK-KOMP-01",
        pes="zielony-zakatek",
        category="gardening",
        title="Kompost ogrodowy przesiany, worek 40 l",
        title_en="Sieved garden compost, 40 l bag",
        description=(
            "Dojrzały kompost z gminnej kompostowni, przesiany i gotowy do użycia w ogrodzie."
        ),
        description_en=(
            "Mature compost from the municipal composting yard, sieved and ready for the garden."
        ),
        price="20.00",
        stock=45,
        featured=False,
    ),
    DemoProduct(
        sku="ZZK-ODSN-01",
        pes="zielony-zakatek",
        category="cleaning",
        title="Odśnieżanie posesji – cena za godzinę",
        title_en="Snow clearing – price per hour",
        description="Ręczne i mechaniczne odśnieżanie podjazdów, chodników i parkingów.",
        description_en="Manual and machine snow clearing of driveways, pavements and car parks.",
        price="70.00",
        stock=0,
        featured=False,
    ),
    # Gród Sandomierski Sp. z o.o. non-profit
    DemoProduct(
        sku="GSD-ZWIE-01",
        pes="grod-sandomierski",
        category="tourism",
        title="Zwiedzanie Sandomierza z przewodnikiem – grupa do 30 osób",
        title_en="Guided tour of Sandomierz – group of up to 30",
        description=(
            "Dwugodzinny spacer po Starym Mieście: rynek, Brama Opatowska i Wąwóz Królowej Jadwigi."
        ),
        description_en=(
            "A two-hour walk through the Old Town: the market square, Opatów Gate and Queen "
            "Jadwiga's Gorge."
        ),
        price="300.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="GSD-GRAM-01",
        pes="grod-sandomierski",
        category="tourism",
        title="Gra miejska dla klasy szkolnej – cena za ucznia",
        title_en="City game for a school class – price per pupil",
        description=(
            "Gra terenowa z zagadkami z historii Sandomierza, prowadzona przez animatorów."
        ),
        description_en=(
            "An outdoor game with puzzles about the history of Sandomierz, led by facilitators."
        ),
        price="25.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="GSD-PIKN-01",
        pes="grod-sandomierski",
        category="catering",
        title="Catering na piknik i wydarzenie plenerowe – cena za osobę",
        title_en="Catering for a picnic or outdoor event – price per person",
        description=(
            "Grill, sałatki, ciasta i napoje z obsługą i namiotem. Minimalne zamówienie: 50 osób."
        ),
        description_en=(
            "Barbecue, salads, cakes and drinks with staff and a marquee. Minimum order: 50 guests."
        ),
        price="55.00",
        stock=0,
        featured=False,
    ),
    # Stowarzyszenie Koprzywnickie Gospodynie
    DemoProduct(
        sku="KGO-PIER-01",
        pes="koprzywnickie-gospodynie",
        category="food",
        title="Pierogi ruskie domowe 1 kg",
        title_en="Home-made potato and cheese pierogi 1 kg",
        description=(
            "Pierogi z ziemniakami, twarogiem i smażoną cebulką, lepione ręcznie na zamówienie."
        ),
        description_en=("Pierogi with potato, cottage cheese and fried onion, hand-made to order."),
        price="30.00",
        stock=25,
        featured=False,
    ),
    DemoProduct(
        sku="KGO-KONF-01",
        pes="koprzywnickie-gospodynie",
        category="food",
        title="Konfitura wiśniowa 280 g",
        title_en="Sour cherry jam 280 g",
        description="Konfitura z wiśni z sadów nad Koprzywianką, smażona w małych partiach.",
        description_en=(
            "Jam from sour cherries grown in orchards along the Koprzywianka river, cooked in "
            "small batches."
        ),
        price="17.00",
        stock=40,
        featured=False,
    ),
    DemoProduct(
        sku="KGO-POCZ-01",
        pes="koprzywnickie-gospodynie",
        category="catering",
        title="Poczęstunek na uroczystość rodzinną – cena za osobę",
        title_en="Refreshments for a family celebration – price per person",
        description=(
            "Domowe ciasta, pierogi, wędliny i przystawki na chrzciny, komunie i jubileusze."
        ),
        description_en=(
            "Home-made cakes, pierogi, cold meats and starters for christenings, communions and "
            "anniversaries."
        ),
        price="60.00",
        stock=0,
        featured=False,
    ),
    # Centrum Integracji Społecznej Kamienna
    DemoProduct(
        sku="CKA-PLYT-01",
        pes="cis-kamienna",
        category="renovation",
        title="Układanie płytek – cena za m²",
        title_en="Tile laying – price per m²",
        description=(
            "Układanie glazury i terakoty wraz z fugowaniem. Materiały po stronie klienta."
        ),
        description_en=(
            "Laying wall and floor tiles, including grouting. Materials supplied by the client."
        ),
        price="90.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="CKA-PODL-01",
        pes="cis-kamienna",
        category="renovation",
        title="Montaż paneli podłogowych – cena za m²",
        title_en="Laminate flooring installation – price per m²",
        description="Ułożenie podkładu, paneli i listew przypodłogowych.",
        description_en="Laying underlay, laminate panels and skirting boards.",
        price="35.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="CKA-SPRZ-01",
        pes="cis-kamienna",
        category="cleaning",
        title="Sprzątanie lokalu po remoncie – cena za m²",
        title_en="Post-renovation cleaning – price per m²",
        description=(
            "Usuwanie pyłu budowlanego, mycie okien i podłóg w lokalach mieszkalnych i usługowych."
        ),
        description_en=(
            "Removing building dust and cleaning windows and floors in homes and commercial "
            "premises."
        ),
        price="8.00",
        stock=0,
        featured=False,
    ),
    # Warsztat Terapii Zajęciowej Leśna Pracownia
    DemoProduct(
        sku="LPR-KARM-01",
        pes="wtz-lesna-pracownia",
        category="crafts",
        title="Karmnik dla ptaków z drewna sosnowego",
        title_en="Pine wood bird feeder",
        description="Karmnik z daszkiem i zawieszką, impregnowany olejem lnianym.",
        description_en="A bird feeder with a roof and hanger, treated with linseed oil.",
        price="55.00",
        stock=20,
        featured=False,
    ),
    DemoProduct(
        sku="LPR-PODU-01",
        pes="wtz-lesna-pracownia",
        category="textiles",
        title="Poduszka lniana z motywem liści 40×40 cm",
        title_en="Linen cushion with leaf motif 40×40 cm",
        description=(
            "Poszewka z lnu z nadrukiem liści wykonanym ręcznie techniką stempla, z wkładem."
        ),
        description_en="A linen cover hand-stamped with leaves, insert included.",
        price="60.00",
        stock=16,
        featured=False,
    ),
    DemoProduct(
        sku="LPR-SKRZ-01",
        pes="wtz-lesna-pracownia",
        category="crafts",
        title="Drewniana skrzynka na przyprawy",
        title_en="Wooden spice box",
        description=("Skrzynka z sześcioma przegródkami, dekorowana techniką wypalania w drewnie."),
        description_en="A box with six compartments, decorated with pyrography.",
        price="40.00",
        stock=12,
        featured=False,
    ),
    # Starachowicka Poligrafia Społeczna Sp. z o.o. non-profit
    DemoProduct(
        sku="SPS-ULOT-01",
        pes="starachowicka-poligrafia",
        category="printing",
        title="Ulotki A5 kolorowe – 1000 szt.",
        title_en="Full-colour A5 leaflets – 1000 pcs",
        description="Druk dwustronny na papierze kredowym 135 g. Projekt graficzny za dopłatą.",
        description_en=(
            "Double-sided print on 135 gsm coated paper. Graphic design available at extra cost."
        ),
        price="220.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="SPS-PLAK-01",
        pes="starachowicka-poligrafia",
        category="printing",
        title="Plakaty A2 – 50 szt.",
        title_en="A2 posters – 50 pcs",
        description="Plakaty drukowane cyfrowo na papierze satynowym, gotowe w 2 dni robocze.",
        description_en="Digitally printed posters on satin paper, ready in 2 working days.",
        price="260.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="SPS-OPRA-01",
        pes="starachowicka-poligrafia",
        category="printing",
        title="Oprawa twarda pracy dyplomowej",
        title_en="Hardcover binding of a thesis",
        description="Oprawa w twardą okładkę ze złoconym napisem, wykonywana od ręki.",
        description_en="Hardcover binding with gold lettering, done while you wait.",
        price="45.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="SPS-KALE-01",
        pes="starachowicka-poligrafia",
        category="printing",
        title="Kalendarze ścienne firmowe – 50 szt.",
        title_en="Company wall calendars – 50 pcs",
        description=(
            "Kalendarze trójdzielne z logo i główką w pełnym kolorze. Zamówienia do końca "
            "października."
        ),
        description_en=(
            "Three-panel calendars with a full-colour logo header. Orders until the end of October."
        ),
        price="450.00",
        stock=0,
        featured=False,
    ),
    # Fundacja Cysterski Ogród
    DemoProduct(
        sku="COG-ZIOL-01",
        pes="cysterski-ogrod",
        category="gardening",
        title="Sadzonki ziół w doniczkach – zestaw 6 szt.",
        title_en="Potted herb seedlings – set of 6",
        description="Bazylia, tymianek, szałwia, mięta, oregano i melisa w doniczkach 9 cm.",
        description_en="Basil, thyme, sage, mint, oregano and lemon balm in 9 cm pots.",
        price="48.00",
        stock=60,
        featured=False,
    ),
    DemoProduct(
        sku="COG-LAWE-01",
        pes="cysterski-ogrod",
        category="gardening",
        title="Lawenda wąskolistna w donicy 2 l",
        title_en="English lavender in a 2 l pot",
        description="Mrozoodporna odmiana lawendy, dobra na rabaty i obrzeża ścieżek.",
        description_en="A frost-hardy lavender variety, good for borders and path edges.",
        price="25.00",
        stock=35,
        featured=False,
    ),
    DemoProduct(
        sku="COG-MIES-01",
        pes="cysterski-ogrod",
        category="food",
        title="Mieszanka ziół klasztornych do herbaty 60 g",
        title_en="Monastery herbal tea blend 60 g",
        description=(
            "Napar z melisy, szałwii, rumianku i mięty według receptury z przyklasztornego ogrodu."
        ),
        description_en=(
            "An infusion of lemon balm, sage, chamomile and mint made to a monastery garden recipe."
        ),
        price="16.00",
        stock=50,
        featured=False,
    ),
    # Zakład Aktywności Zawodowej Pod Kasztanami
    DemoProduct(
        sku="PKS-OBIA-01",
        pes="zaz-pod-kasztanami",
        category="catering",
        title="Obiad dla firm z dowozem – cena za zestaw",
        title_en="Delivered lunch for companies – per meal",
        description=(
            "Zupa i drugie danie z domowej kuchni, dowóz na terenie Staszowa w dni robocze."
        ),
        description_en=(
            "Soup and a main course of home-style cooking, delivered in Staszów on working days."
        ),
        price="22.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="PKS-SZKO-01",
        pes="zaz-pod-kasztanami",
        category="catering",
        title="Przerwa kawowa na szkolenie – cena za osobę",
        title_en="Coffee break for training – per person",
        description="Kawa, herbata, soki, ciasta domowe i owoce podane w sali klienta.",
        description_en=(
            "Coffee, tea, juices, home-made cakes and fruit served in the client's venue."
        ),
        price="28.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="PKS-BIUR-01",
        pes="zaz-pod-kasztanami",
        category="cleaning",
        title="Sprzątanie biura – abonament miesięczny do 200 m²",
        title_en="Office cleaning – monthly subscription up to 200 m²",
        description=(
            "Codzienne sprzątanie biur i pomieszczeń socjalnych z własnymi środkami czystości."
        ),
        description_en=(
            "Daily cleaning of offices and staff rooms using our own cleaning products."
        ),
        price="900.00",
        stock=0,
        featured=False,
    ),
    # Stowarzyszenie Nadwiślańska Wstęga
    DemoProduct(
        sku="NWS-BIEZ-01",
        pes="nadwislanska-wstega",
        category="textiles",
        title="Bieżnik lniany z haftem ludowym 40×140 cm",
        title_en="Linen table runner with folk embroidery 40×140 cm",
        description="Ręcznie haftowany bieżnik z motywami kwiatów znad Wisły.",
        description_en=(
            "A hand-embroidered table runner with flower motifs from the Vistula valley."
        ),
        price="95.00",
        stock=11,
        featured=False,
    ),
    DemoProduct(
        sku="NWS-TORB-01",
        pes="nadwislanska-wstega",
        category="textiles",
        title="Torba na zakupy z ludowym wzorem",
        title_en="Shopping bag with a folk pattern",
        description=("Składana torba z bawełny z aplikacją w ludowe wzory, mieści się w kieszeni."),
        description_en=(
            "A foldable cotton bag with a folk-pattern appliqué that fits in a pocket."
        ),
        price="42.00",
        stock=28,
        featured=False,
    ),
    DemoProduct(
        sku="NWS-LALK-01",
        pes="nadwislanska-wstega",
        category="crafts",
        title="Lalka szmaciana w stroju ludowym",
        title_en="Rag doll in folk costume",
        description="Ręcznie szyta lalka w stroju sandomierskim, wysokość 35 cm.",
        description_en="A hand-sewn doll in Sandomierz folk costume, 35 cm tall.",
        price="75.00",
        stock=7,
        featured=False,
    ),
    # Warsztat Terapii Zajęciowej Promyk
    DemoProduct(
        sku="PRM-BOMB-01",
        pes="wtz-promyk",
        category="crafts",
        title="Bombki malowane ręcznie – zestaw 4 szt.",
        title_en="Hand-painted baubles – set of 4",
        description=(
            "Szklane bombki ozdobione ręcznie przez uczestników warsztatu. Produkt sezonowy."
        ),
        description_en=("Glass baubles hand-decorated by workshop participants. Seasonal product."),
        price="48.00",
        stock=0,
        featured=False,
    ),
    DemoProduct(
        sku="PRM-KUBE-01",
        pes="wtz-promyk",
        category="ceramics",
        title="Kubek ceramiczny z motywem kwiatowym",
        title_en="Ceramic mug with a floral motif",
        description=("Kubek toczony na kole i malowany szkliwem w polne kwiaty, pojemność 250 ml."),
        description_en="A wheel-thrown mug glaze-painted with wild flowers, 250 ml.",
        price="35.00",
        stock=24,
        featured=False,
    ),
    DemoProduct(
        sku="PRM-KART-01",
        pes="wtz-promyk",
        category="crafts",
        title="Kartki świąteczne – zestaw 10 szt.",
        title_en="Christmas cards – set of 10",
        description=(
            "Kartki z kopertami i życzeniami, ozdobione technikami decoupage i quillingu."
        ),
        description_en=(
            "Cards with envelopes and greetings, decorated with decoupage and quilling."
        ),
        price="40.00",
        stock=45,
        featured=False,
    ),
    # Fundacja Pszczela Dolina
    DemoProduct(
        sku="PDL-MIOD-01",
        pes="pszczela-dolina",
        category="food",
        title="Miód lipowy 400 g",
        title_en="Lime blossom honey 400 g",
        description="Jasny miód o intensywnym zapachu z pasieki fundacji w dolinie Pilicy.",
        description_en=(
            "Light, richly fragrant honey from the foundation's apiary in the Pilica valley."
        ),
        price="32.00",
        stock=50,
        featured=False,
    ),
    DemoProduct(
        sku="PDL-SWIE-01",
        pes="pszczela-dolina",
        category="crafts",
        title="Świeca z wosku pszczelego zwijana",
        title_en="Rolled beeswax candle",
        description="Świeca z naturalnego wosku z własnej pasieki, pali się ok. 8 godzin.",
        description_en=(
            "A candle of natural beeswax from our own apiary, burns for about 8 hours."
        ),
        price="22.00",
        stock=65,
        featured=False,
    ),
    DemoProduct(
        sku="PDL-LEKC-01",
        pes="pszczela-dolina",
        category="tourism",
        title="Lekcja pszczelarska dla grupy szkolnej",
        title_en="Beekeeping lesson for a school group",
        description=(
            "Dwugodzinne zajęcia w pasiece z pokazem ula, degustacją miodu i robieniem świec."
        ),
        description_en=(
            "A two-hour session at the apiary with a hive demonstration, honey tasting and candle "
            "making."
        ),
        price="250.00",
        stock=0,
        featured=False,
    ),
]
