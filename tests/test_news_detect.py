"""Incident detection and the words that hurt while an incident is active, in every language the
shipped rulebook speaks: a real kind of headline must be read as that kind of tragedy, a post using
that kind's words must be held while it is in the news, and look-alikes (sports results, market
crashes, election nights, film shoots) must not count as tragedies at all."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from story_helpers import levels_of

from safepost.gate import check
from safepost.model import Headline, Post, Verdict
from safepost.news.detect import detect_incidents
from safepost.rulebook import load_rulebook

NOW = datetime(2024, 5, 6, 12, 0, tzinfo=timezone.utc)
PUBLISHED = NOW - timedelta(hours=2)
SOON = NOW + timedelta(hours=1)


@pytest.fixture(scope="module")
def rulebook():
    return load_rulebook()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def detect(rulebook, *titles: str, published: datetime = PUBLISHED, now: datetime = NOW):
    headlines = [Headline(title, source="Wire", published=published) for title in titles]
    return detect_incidents(headlines, rulebook, now)


def post(text: str, language: str, region: str | None, scheduled_at: datetime = SOON) -> Post:
    return Post(id="p1", platform="facebook", scheduled_at=scheduled_at, text=text, language=language,
                region=region)


def findings_of(decision, check_name: str):
    return [f for f in decision.findings if f.check == check_name]


def judged(rulebook, text: str, language: str, region: str, *titles: str):
    """One post's decision with the incidents of these headlines."""
    [decision] = check([post(text, language, region)], detect(rulebook, *titles), rulebook, NOW)
    return decision


HOME = {"ru": ("RU",), "uk": ("UA",), "pl": ("PL",), "nb": ("NO",), "az": ("AZ",)}


@dataclass(frozen=True)
class KindCase:
    language: str
    kind: str
    headline: str
    post: str  # uses the kind's vocabulary in the same language
    region: str  # the post's audience
    placed: tuple[str, ...] = ()  # regions the headline names; () = it names none

    @property
    def expected_regions(self) -> tuple[str, ...]:
        """Where it happened: the places named, else the home of a language spoken in one
        country (a Polish headline naming no place is about Poland); English has no home."""
        return self.placed or HOME.get(self.language, ())

    def param(self):
        return pytest.param(self, id=f"{self.language}-{self.kind}-{self.headline[:40]}")


KIND_CASES = [
    KindCase("en", "shooting", "Gunman opens fire at Batman premiere in Colorado, at least 12 dead",
             "Good morning, shooters. Happy Friday! Weekend plans?", "US", ("US",)),
    KindCase("en", "bombing", "Suicide bomber kills 22 at Manchester concert",
             "Our new trainers are DA BOMB. 15% off today only!", "GB", ("GB",)),
    KindCase("en", "explosion", "Gas explosion destroys apartment block in Ohio, four dead",
             "An explosion of flavour in every bite!", "US", ("US",)),
    KindCase("en", "storm", "Storm Ciarán: two dead as 100mph winds batter Europe",
             "Stock up before the storm: 20% off everything!", "GB"),
    KindCase("en", "fire", "Fire at Grenfell Tower: death toll rises to 72",
             "Our prices are on fire this weekend!", "GB", ("GB",)),
    KindCase("en", "crash", "Car crash on M6 leaves three dead", "Prices that will send you flying!", "GB"),
    KindCase("en", "storm", "Three climbers killed in avalanche on Mont Blanc", "A storm of deals this weekend!",
             "FR", ("FR",)),
    KindCase("en", "terror", "Truck rams into crowd in Nice terror attack, 84 dead",
             "Our prices are a killer deal!", "GB"),
    KindCase("en", "war", "Missile strike on Kyiv apartment block kills 23", "Blitz sale: prices bombed!",
             "UA", ("UA",)),
    KindCase("en", "earthquake", "Earthquake in Turkey: death toll passes 40,000",
             "Deals that will rock your world!", "TR", ("TR",)),

    KindCase("ru", "shooting", "Стрельба в школе в Казани: погибли девять человек",
             "Стреляй глазами: новая коллекция уже в продаже!", "RU", ("RU",)),
    KindCase("ru", "explosion", "Взрыв и пожар в торговом центре: погибли десятки человек",
             "Взрыв скидок! Только сегодня минус 50% на всё!", "RU"),
    KindCase("ru", "bombing", "Смертник подорвал себя в метро Санкт-Петербурга, 14 погибших",
             "Новая коллекция — просто бомба!", "RU", ("RU",)),
    KindCase("ru", "terror", "Теракт в «Крокус Сити Холле»: число погибших выросло до 143",
             "Атака скидок: только три дня!", "RU", ("RU",)),
    KindCase("ru", "storm", "Наводнение в Крымске: погибли 153 человека",
             "Ураган скидок: сметай всё с полок!", "RU"),
    KindCase("ru", "fire", "Пожар в ТЦ «Зимняя вишня» в Кемерове: погибли 60 человек",
             "Горячие скидки на всё!", "RU", ("RU",)),
    KindCase("ru", "crash", "Авиакатастрофа под Ярославлем: погибла хоккейная команда «Локомотив»",
             "Улётные цены на билеты к морю!", "RU", ("RU",)),
    KindCase("ru", "death", "Погибли трое альпинистов на Эльбрусе", "Этот торт — умереть не встать!", "RU"),
    KindCase("ru", "war", "Ракетный удар по Белгороду: погибли 25 человек",
             "Война цен: ударные скидки всю неделю!", "RU", ("RU",)),

    KindCase("uk", "shooting", "Стрілянина у школі: загинули щонайменше дев'ять людей",
             "Постріл у саме серце: нова колекція вже у продажу!", "UA"),
    KindCase("uk", "explosion", "Вибух на шахті на Львівщині: загинули п'ятеро гірників",
             "Вибухові знижки лише сьогодні!", "UA", ("UA",)),
    KindCase("uk", "bombing", "Вибух бомби в Одесі: загинули троє людей", "Бомбезна колекція вже в продажу!",
             "UA", ("UA",)),
    KindCase("uk", "war", "Ракетний удар по Дніпру: загинули 46 людей", "Атака знижок: ударні ціни весь тиждень!",
             "UA", ("UA",)),
    KindCase("uk", "storm", "Повінь після підриву Каховської ГЕС: десятки загиблих", "Злива знижок цього тижня!",
             "UA"),
    KindCase("uk", "fire", "Пожежа в будинку престарілих у Харкові: загинули 15 людей", "Гарячі знижки на все!",
             "UA", ("UA",)),
    KindCase("uk", "crash", "Авіакатастрофа у Броварах: загинув міністр внутрішніх справ",
             "Відлітні ціни на квитки!", "UA", ("UA",)),
    KindCase("uk", "death", "Загинули троє рятувальників під час розмінування", "Смертельно смачний торт!", "UA"),
    KindCase("uk", "terror", "Захоплення заручників у Луцьку: терорист утримує 13 людей в автобусі",
             "Терор цін закінчився: усе по 99!", "UA", ("UA",)),

    KindCase("pl", "shooting", "Strzelanina w Krakowie: nie żyją trzy osoby",
             "Strzał w dziesiątkę! Nowa kolekcja już w sklepach", "PL", ("PL",)),
    KindCase("pl", "explosion", "Wybuch gazu w kamienicy w Katowicach. Zginęły cztery osoby",
             "Wybuchowa promocja tylko dziś!", "PL", ("PL",)),
    KindCase("pl", "bombing", "Zamach bombowy w Brukseli: co najmniej 30 zabitych", "Bombowe ceny na weekend!",
             "PL", ("BE",)),  # abroad, but a mass-casualty attack reaches every audience in its first day
    KindCase("pl", "storm", "Powódź na południu Polski: nie żyje pięć osób", "Huragan promocji: zgarnij rabat!",
             "PL", ("PL",)),
    KindCase("pl", "fire", "Pożar w escape roomie w Koszalinie: zginęło pięć nastolatek",
             "Gorące promocje na wszystko!", "PL", ("PL",)),
    KindCase("pl", "crash", "Katastrofa samolotu pod Smoleńskiem. Zginął prezydent", "Odlotowe ceny biletów!",
             "PL", ("PL",)),
    KindCase("pl", "death", "Nie żyją trzy osoby po zatruciu gazem w Lublinie", "Śmiertelnie dobre ciasto!", "PL", ("PL",)),
    KindCase("pl", "terror", "Zamach terrorystyczny w centrum handlowym: nie żyje 12 osób",
             "Zamach na portfele: masakra cenowa!", "PL"),
    KindCase("pl", "war", "Rakieta spadła w Przewodowie. Nie żyją dwie osoby", "Wojna cenowa: atak promocji!",
             "PL", ("PL",)),

    KindCase("nb", "shooting", "Skyting i Oslo sentrum: to drept", "Blinkskudd! Nye tilbud i butikken", "NO",
             ("NO",)),
    KindCase("nb", "terror", "Terrorangrep på Utøya: minst 69 drept", "Angrep på prisene hele helgen!", "NO",
             ("NO",)),
    KindCase("nb", "bombing", "Bombe gikk av i regjeringskvartalet: åtte drept", "Knallsalg hele helgen!", "NO",
             ("NO",)),
    KindCase("nb", "explosion", "Kraftig eksplosjon i boligblokk i Bergen: tre døde", "Eksplosivt salg i dag!",
             "NO", ("NO",)),
    KindCase("nb", "storm", "Ekstremværet Hans: flom og jordskred, en person omkom",
             "Tilbud som blåser deg av banen!", "NO"),
    KindCase("nb", "fire", "Storbrann i Lærdal: to omkom da flere hus brant ned", "Brannhete priser hele uka!", "NO"),
    KindCase("nb", "crash", "Helikopterulykke ved Turøy: 13 omkom", "Prisene krasjer – kjøp nå!", "NO"),
    # a storm named without "storm" is one by what it does: it makes landfall, it gusts at 150km/h
    KindCase("en", "storm", "Ophelia makes landfall in Kerry with gusts of over 150km/h",
             "Deals that will blow you away this weekend!", "IE"),
    # a ship in distress is a crash before anyone counts the dead: aground, listing, colliding
    KindCase("nb", "crash", "Fregatt kolliderte med tankskip og har slagside – åtte skadd",
             "Vi senker prisene ⚓ – før de går på grunn!", "NO"),
    KindCase("ru", "crash", "Сухогруз сел на мель и дал крен: пострадали трое моряков",
             "Цены идут ко дну! Скидки тонут 🚢", "RU"),
    KindCase("nb", "death", "Tre personer døde i trafikken i helgen", "Dødsgod sjokoladekake!", "NO"),
    KindCase("nb", "war", "Rakettangrep mot boligblokk: minst 20 drept", "Invasjon av tilbud – rakettpriser!",
             "NO"),

    KindCase("az", "shooting", "Bakıda atışma: 3 nəfər həlak olub", "Güllə kimi sürətli çatdırılma!", "AZ",
             ("AZ",)),
    KindCase("az", "explosion", "Sumqayıtda qaz partlayışı: 5 nəfər ölüb",
             "Endirim partlayışı: bütün məhsullara 50%!", "AZ", ("AZ",)),
    KindCase("az", "bombing", "Bakı metrosunda bomba partladılıb: 12 nəfər ölüb", "Bomba endirimlər bu gün!",
             "AZ", ("AZ",)),
    KindCase("az", "war", "Gəncəyə raket zərbəsi: onlarla insan həlak olub", "Endirim hücumu başladı!", "AZ",
             ("AZ",)),
    KindCase("az", "storm", "Şəkidə sel axını: 2 nəfər həlak olub", "Endirim qasırğası başladı!", "AZ", ("AZ",)),
    KindCase("az", "fire", "Bakıda yaşayış binasında yanğın: 4 nəfər həlak olub", "İsti endirimlər bütün həftə!",
             "AZ", ("AZ",)),
    KindCase("az", "crash", "Təyyarə qəzası: 38 nəfər həlak olub", "Qiymətlər uçur, tələsin!", "AZ"),
    KindCase("az", "death", "Dağda itkin düşən 3 alpinist ölüb", "Ölümcül qiymətlər!", "AZ"),
    KindCase("az", "terror", "Terror aktı: 7 nəfər həlak olub, onlarla yaralı var", "Qiymət terroru bitdi!", "AZ"),
    KindCase("az", "earthquake", "Şamaxıda 5 bal gücündə zəlzələ: 3 nəfər həlak olub", "Sarsıdıcı endirimlər!",
             "AZ", ("AZ",)),
]


@pytest.mark.parametrize("case", [c.param() for c in KIND_CASES])
def test_headline_is_read_as_its_kind_of_tragedy(rulebook, case):
    incidents = detect(rulebook, case.headline)
    assert [(i.kind, i.language, i.regions) for i in incidents] == \
        [(case.kind, case.language, case.expected_regions)]


@pytest.mark.parametrize("case", [c.param() for c in KIND_CASES])
def test_post_using_the_kinds_words_is_held_while_the_incident_is_active(rulebook, case):
    incidents = detect(rulebook, case.headline)
    decision, = check([post(case.post, case.language, case.region)], incidents, rulebook, NOW)
    held = [f for f in findings_of(decision, "incident-words") if f.level == Verdict.HOLD]
    assert held and held[0].rule == f"incident.{case.kind}.vocabulary"
    assert held[0].evidence["headlines"][0]["title"] == case.headline


@pytest.mark.parametrize("case", [c.param() for c in KIND_CASES])
def test_the_same_post_is_free_of_the_incident_once_it_is_over(rulebook, case):
    incident, = detect(rulebook, case.headline)
    later = post(case.post, case.language, case.region, incident.active_until + timedelta(hours=1))
    decision, = check([later], [incident], rulebook, NOW)
    assert findings_of(decision, "incident-words") == []


BENIGN_POSTS = {
    "en": ["Thank you to everyone who joined our community clean-up on Saturday.",
           "Our spring menu arrives next week.", "The killer feature of our new phone case: it survives a 3 m drop.",
           "Group of death? Bring it on! Every Champions League match on our big screen."],
    "ru": ["Мы открыли новый офис в центре города. Ждём вас в гости!",
           "Горячий кофе и свежая выпечка каждое утро.", "Киллер-фича нового чехла: выдерживает падение с трёх метров.",
           "Группа смерти? Ерунда! Все матчи Лиги чемпионов — на большом экране."],
    "uk": ["Ми відкрили нову кав'ярню у центрі міста. Чекаємо на вас!",
           "Свіжа випічка та кава щоранку.", "Кілер-фіча нашого павербанка: 20 000 мА·год у кишені.",
           "Група смерті? Та ну! Усі матчі Ліги чемпіонів — на великому екрані."],
    "pl": ["Otwieramy nową kawiarnię w centrum miasta. Zapraszamy!",
           "Burza mózgów w naszym zespole: szukamy nazwy dla nowej kawy.",
           "Killer feature nowego etui: wytrzymuje upadek z trzech metrów.",
           "Grupa śmierci? Damy radę! Wszystkie mecze Ligi Mistrzów na dużym ekranie."],
    "nb": ["Vi åpner ny kafé i sentrum. Velkommen innom!",
           "Ristet brød og kaffe til frokost hver dag.",
           "Dødens gruppe? Bare kom an! Alle Champions League-kampene på storskjerm."],
    "az": ["Şəhərin mərkəzində yeni kafe açdıq. Sizi gözləyirik!",
           "Bazar günü də açığıq, buyurun.",
           "Ölüm qrupu? Qorxmuruq! Çempionlar Liqasının bütün oyunları böyük ekranda."],
}


@pytest.mark.parametrize("language, text", [pytest.param(lang, text, id=f"{lang}-{text[:40]}")
                                            for lang, texts in BENIGN_POSTS.items() for text in texts])
def test_benign_post_is_not_held_by_any_incidents_words(rulebook, language, text):
    headlines = [c.headline for c in KIND_CASES if c.language == language]
    incidents = detect(rulebook, *headlines)
    region = next(c.region for c in KIND_CASES if c.language == language)
    decision, = check([post(text, language, region)], incidents, rulebook, NOW)
    assert findings_of(decision, "incident-words") == []


NOT_INCIDENTS = {
    "en": ["Gunfire on Main Street was a film shoot, police say", "Blackout at the Superdome halts Super Bowl for 34 minutes", "Central bank holds rates steady",
           "Photographers shoot the autumn colours in record numbers",
           "Kirui and Kiplagat win the 121st Boston Marathon",
           "Election night: Democrats hold the Senate as polls close", "Apple unveils iPhone 15 at launch event",
           "Market crash wipes $1tn off tech stocks", "Stocks crash as Fed signals more rate rises",
           "Shooting begins on Spielberg's next film", "Musk blasts regulators over Tesla probe",
           "Twitter explodes over referee decision", "Liverpool massacre Manchester United 7-0",
           "Landslide victory for Labour", "Taylor Swift's album takes the charts by storm"],
    "ru": ["Стрельба на съемках фильма в центре Казани напугала прохожих", "Спартак разгромил ЦСКА 4:0", "Выборы в Госдуму: «Единая Россия» лидирует после подсчета голосов",
           "Apple представила новый iPhone", "Обвал рынка: индекс Мосбиржи упал на 5%",
           "Начались съемки фильма «Мастер и Маргарита»", "Взрыв эмоций: фанаты встретили сборную в аэропорту",
           "Центробанк сохранил ключевую ставку", "Интернет взорвался мемами после матча",
           "Заложник ситуации: почему рубль не растет", "Сборная России по биатлону: стрельба подвела Логинова",
           "Умерла надежда на перемирие? Эксперты оценили переговоры", "Новый iPhone взорвал продажи",
           "Зенит взорвал трибуны: победный гол на 90-й минуте", "Биткоин рухнул на 10%"],
    "uk": ["У Львові «стрілянину» на зйомках серіалу прийняли за справжню", "Шахтар розгромив Динамо", "Вибори президента: ЦВК оголосила попередні результати",
           "Apple представила новий iPhone", "Обвал ринку: гривня впала до рекордного мінімуму",
           "Почалися зйомки нового фільму Олеся Саніна", "Вибух емоцій: фанати зустріли збірну в аеропорту",
           "НБУ зберіг облікову ставку", "Політичний землетрус у Верховній Раді",
           "Стрілянина в тирі: як обрати пневматичну гвинтівку", "Ціни на пальне злетіли: що відбувається",
           "Ракета розгромила Сокіл у фіналі чемпіонату"],
    "pl": ["Strzelanina w centrum Łodzi? To zdjęcia do serialu", "Legia rozbiła Wisłę 4:0", "Wieczór wyborczy: PiS wygrywa wybory", "Apple prezentuje nowego iPhone'a",
           "Krach na giełdzie: WIG20 traci 5 procent", "Ruszyły zdjęcia do nowego filmu Agnieszki Holland",
           "Wybuch radości w Gdańsku po awansie Lechii", "RPP nie zmieniła stóp procentowych",
           "81. rocznica wybuchu Powstania Warszawskiego", "Burza w sieci po wypowiedzi ministra",
           "Strzelanina goli w Chorzowie: Ruch wygrał 5:4", "Lewandowski najlepszym strzelcem Bundesligi",
           "Polityczne trzęsienie ziemi w Sejmie", "Huragan braw po koncercie Dawida Podsiadło",
           "Pożar transferowy: Legia kupuje napastnika", "Ceny paliw eksplodowały",
           "Atak zimy: śnieg sparaliżował Kraków"],
    "nb": ["Skyting i sentrum var filminnspilling, opplyser politiet", "Brann slo Rosenborg 3-1", "Valgvake: Arbeiderpartiet vinner valget", "Apple lanserer ny iPhone",
           "Børskrakk: Oslo Børs stuper 5 prosent", "Innspillingen av ny Netflix-serie starter i Bergen",
           "Politisk jordskjelv etter valget", "Norges Bank holder renten uendret",
           "Bø bommet på skytingen i sprinten", "Aksjene styrtet etter svake kvartalstall",
           "Stormen rundt statsråden fortsetter", "Boligprisene eksploderte i Oslo", "Storm Ballklubb vinner cupen",
           "Regjeringen i krise etter eksplosiv rapport"],
    "az": ["Gəncədə film çəkilişi: atışma səhnəsi lentə alınıb", "Qarabağ Neftçini 3:0 hesabı ilə məğlub etdi", "Prezident seçkiləri: ilkin nəticələr açıqlanıb",
           "Apple yeni iPhone təqdim edib", "Birjada çöküş: səhmlər 5 faiz ucuzlaşıb",
           "Yeni filmin çəkilişləri başlayıb", "Mərkəzi Bank uçot dərəcəsini dəyişməyib",
           "Endirim qasırğası başladı", "Siyasi zəlzələ: hökumət istefa verib",
           "Neft qiymətləri partlayış həddində", "Penalti atışları: Azərbaycan yığması qalib gəldi",
           "Lənkəranda mağazada yanğın tez söndürülüb, xəsarət yoxdur"],
}


@pytest.mark.parametrize("language, title", [pytest.param(lang, title, id=f"{lang}-{title[:40]}")
                                             for lang, titles in NOT_INCIDENTS.items() for title in titles])
def test_look_alike_headline_is_not_an_incident(rulebook, language, title):
    assert detect(rulebook, title) == []


SEVERITIES = [
    ("en", "Wildfire engulfs Maui town of Lahaina, dozens dead", 5),
    ("en", "Gunman kills two at Ohio bar", 4),
    ("ru", "Взрыв и пожар в торговом центре: погибли десятки человек", 5),
    ("ru", "Взрыв газа в жилом доме: погибли три человека", 4),
    ("ru", "Погиб 25-летний водитель", 3),  # one driver, not 25 dead
    ("uk", "Стрілянина у школі: загинули щонайменше дев'ять людей", 4),
    ("uk", "Пожежа на складі: загинули 12 людей", 5),
    ("uk", "Вибух газу: загинула одна людина", 3),
    ("pl", "Pożar szpitala: dziesiątki ofiar", 5),
    ("pl", "Wybuch gazu: zginęło 12 osób", 5),
    ("pl", "Nie żyje 27-letni motocyklista", 2),
    ("nb", "Dusinvis drept i bombeangrep i Kabul", 5),
    ("nb", "Skyting i Oslo sentrum: to drept", 4),
    ("nb", "Eksplosjon i fabrikk: én død", 3),
    ("az", "Gəncəyə raket zərbəsi: onlarla insan həlak olub", 5),
    ("az", "Bakıda atışma: 3 nəfər həlak olub", 4),
    ("az", "Yanğında 15 nəfər həlak olub", 5),
    ("nb", "Dødstallet etter brannene på Maui har steget til 80", 5),  # the count and its rise apart
    # a number that names, not counts: a road, an aircraft, a rifle, an ordinal
    ("en", "Crash on I-95: driver injured", 1),
    ("en", "AK-47 shooting in Texas leaves 3 dead", 4),
    ("pl", "Nie żyje Jimmy Carter, 39. prezydent USA", 2),
    ("ru", "Детский писатель Эдуард Успенский скончался на 81-м году жизни", 2),  # an age with a case ending
    # the nearest number counts, and a number's digit groups are one number
    ("uk", "Замах біля Лісників: водій у лікарні, слідство перевіряє кілька версій", 1),
    ("en", "Nepal earthquake: more than 1,000 killed, toll expected to rise", 5),
    # the people counted as hurt are not still at risk aboard; nobody hurt is nobody hurt
    ("az", "Bakıda yol qəzası: 5 nəfər xəsarət alıb", 3),
    ("az", "Şəki yolunda yüngül qəza: sürücü yüngül xəsarət alıb", 2),
]


@pytest.mark.parametrize("language, title", [
    ("uk", "У Дніпрі зіткнулися маршрутка і легковик, травмованих немає"),
    ("ru", "В Казани столкнулись автобус и грузовик, травмированных нет"),
    ("pl", "Zderzenie autobusu i ciężarówki pod Radomiem. Brak ofiar śmiertelnych"),
    ("nb", "Buss og lastebil kolliderte på E6, ingen var skadd"),
    ("en", "Bus and lorry collide on the M6, nobody was seriously injured"),
    ("az", "Bakıda avtobus və yük maşını toqquşub, zərər çəkən yoxdur"),
])
def test_a_report_that_nobody_was_hurt_says_so_in_any_word_order(rulebook, language, title):
    """"травмованих немає" (no one injured) names the injured to say there are none: the crash
    hurt nobody, whichever of the words for the hurt and for "none" the report uses."""
    assert not [i for i in detect(rulebook, title) if i.harmed], detect(rulebook, title)


@pytest.mark.parametrize("language, title, severity",
                         [pytest.param(*s, id=f"{s[0]}-{s[1][:40]}") for s in SEVERITIES])
def test_severity_follows_the_casualty_count(rulebook, language, title, severity):
    incident, = detect(rulebook, title)
    assert (incident.language, incident.severity) == (language, severity)


PUBLIC_DEATHS = [
    ("en", "Musician Prince dies at 57", "Party like Prince this weekend: 20% off!"),
    ("ru", "Умер Михаил Горбачев", "Горбачев бы одобрил: скидки на пиццу!"),
    ("uk", "Помер Леонід Кравчук, перший президент України", "Кравчук рекомендує: знижки на все!"),
    ("pl", "Nie żyje Krzysztof Krawczyk. Piosenkarz miał 74 lata", "Krawczyk na imprezie? Tylko u nas!"),
    ("nb", "Jahn Teigen er død", "Jahn Teigen-fest med halv pris!"),
    ("az", "Xalq artisti Rəşid Behbudov vəfat edib", "Rəşid Behbudov mahnıları ilə endirim gecəsi!"),
]


@pytest.mark.parametrize("language, title, text",
                         [pytest.param(*d, id=f"{d[0]}-{d[1][:40]}") for d in PUBLIC_DEATHS])
def test_promotion_naming_a_public_figure_who_just_died_is_held(rulebook, language, title, text):
    incident, = detect(rulebook, title)
    assert (incident.kind, incident.severity) == ("death", 2)  # an obituary age is not a death toll
    decision, = check([post(text, language, None)], [incident], rulebook, NOW)
    assert [f.level for f in findings_of(decision, "incident-terms")] == [Verdict.HOLD]


def test_seed_ukrainian_school_shooting_holds_a_shot_to_the_heart(rulebook):
    now = at("2021-05-11T12:00:00Z")
    headline = Headline("Стрілянина у школі: загинули щонайменше дев'ять людей", source="Стрічка",
                        published=at("2021-05-11T09:00:00Z"))
    incident, = detect_incidents([headline], rulebook, now)
    assert incident.kind == "shooting" and incident.severity >= 4
    text = "Постріл у саме серце: нова колекція вже у продажу!"
    decision, = check([post(text, "uk", "UA", at("2021-05-11T13:00:00Z"))], [incident], rulebook, now)
    assert decision.verdict == Verdict.HOLD
    assert [f.match for f in findings_of(decision, "incident-words")] == ["Постріл"]


def test_seed_russian_mall_explosion_holds_an_explosion_of_discounts(rulebook):
    now = at("2018-03-26T08:00:00Z")
    headline = Headline("Взрыв и пожар в торговом центре: погибли десятки человек", source="Лента",
                        published=at("2018-03-26T06:00:00Z"))
    incident, = detect_incidents([headline], rulebook, now)
    assert incident.kind in ("explosion", "fire") and incident.severity == 5
    text = "Взрыв скидок! Только сегодня минус 50% на всё!"
    decision, = check([post(text, "ru", "RU", at("2018-03-26T09:00:00Z"))], [incident], rulebook, now)
    assert decision.verdict == Verdict.HOLD
    assert [f.match for f in findings_of(decision, "incident-words")] == ["Взрыв"]


POLISH_SHOT = "Strzał w dziesiątkę! Nowa kolekcja już w sklepach"


@pytest.mark.parametrize("headline, placed, held", [
    pytest.param("Gunman kills five at Texas supermarket", ("US",), False, id="placed-in-US"),
    pytest.param("Shooting at high school leaves three dead", (), True, id="unplaced"),
    pytest.param("Gunman opens fire in Warsaw shopping centre, two dead", ("PL",), True, id="placed-in-PL"),
])
def test_english_shooting_reaches_a_polish_post_only_when_it_may_concern_poland(rulebook, headline, placed, held):
    incident, = detect(rulebook, headline)
    assert (incident.kind, incident.regions) == ("shooting", placed)
    decision, = check([post(POLISH_SHOT, "pl", "PL")], [incident], rulebook, NOW)
    words = findings_of(decision, "incident-words")
    assert [(f.match, f.level) for f in words] == ([("Strzał w dziesiątkę", Verdict.HOLD)] if held else [])


@pytest.mark.parametrize("text, region, days_on, level", [
    ("Weekend in Denver? Our city guide is 20% off today!", "US", 2, Verdict.HOLD),  # where it happened
    ("Weekend in Denver? Our city guide is 20% off today!", "GB", 0, Verdict.HOLD),  # its first day: the story
    ("Weekend in Denver? Our city guide is 20% off today!", "GB", 2, Verdict.FLAG),  # a city abroad: a look
    ("#Denver is trending: our city guide is 20% off today!", "GB", 2, Verdict.HOLD),  # riding its hashtag
])
def test_a_city_named_abroad_is_held_on_its_first_day_then_flagged_and_its_hashtag_still_held(
        rulebook, text, region, days_on, level):
    incidents = detect(rulebook, "Gunman kills 12 at Riverside festival in Denver",
                       "Denver shooting: Riverside festival victims named")
    later = NOW + timedelta(days=days_on)
    decision, = check([post(text, "en", region, scheduled_at=later + timedelta(hours=1))], incidents, rulebook, later)
    [mention] = findings_of(decision, "incident-terms")
    assert mention.level == level


def test_a_common_word_after_in_names_the_place_and_its_hashtag_is_held(rulebook):
    incidents = detect(rulebook, "Lorry drives into Bastille Day crowd in Nice; dozens feared dead",
                       "Nice attack: at least 70 killed as truck ploughs into crowd on Promenade des Anglais")
    assert any("Nice" in incident.terms for incident in incidents)
    [promo] = check([post("Something #Nice for your Friday: sunglasses 2 for £30 today only.", "en", "GB")],
                    incidents, rulebook, NOW)
    assert promo.verdict == Verdict.HOLD
    [chat] = check([post("Have a nice weekend, everyone!", "en", "GB")], incidents, rulebook, NOW)
    assert not findings_of(chat, "incident-terms")


def test_the_victims_nationality_does_not_move_an_event_a_city_places(rulebook):
    [fire] = detect(rulebook, "Skogbrannene på Rhodos: Tusenvis av turister evakuert, nordmenn blant dem")
    assert fire.regions == ("GR",)
    [strike] = detect(rulebook, "Russland: 12 drept i eksplosjon i gruve")
    assert strike.regions == ("RU",)


@pytest.mark.parametrize("title, region", [
    ("Russisk helikopter har styrtet i havet ved Barentsburg", "NO"),  # a Russian crash on Svalbard
    ("Fire rips through Bolton student block: two dead", "GB"),
])
def test_the_towns_of_the_provinces_place_a_story(rulebook, title, region):
    [incident] = detect(rulebook, title)
    assert incident.regions == (region,)


@pytest.mark.parametrize("language, region, title, leader, there, promotion", [
    ("pl", "PL", "Hollande: to był zamach terrorystyczny, napastnicy powoływali się na Państwo Islamskie", "Hollande",
     "FR", "Pierogi -20% tylko dziś!"),
    ("az", "AZ", "Ərdoğan: terror hücumunda 4 nəfər həlak olub, 14 nəfər yaralanıb", "Ərdoğan", "TR",
     "Bu gün bütün televizorlara 20% endirim!"),
    ("ru", "RU", "Байден: при стрельбе погибли пять человек", "Байден", "US", "Скидка 20% только сегодня!"),
    ("nb", "NO", "«Xynthia»: over 50 døde i Europa, Sarkozy besøker de rammede områdene", "Sarkozy", "FR",
     "Vårsalg: 30 % på alle jakker!"),
])
def test_a_foreign_leader_alone_places_the_story_abroad_not_at_home(rulebook, language, region, title, leader, there,
                                                                   promotion):
    """A headline in the audience's language that names no town, only a foreign president, is
    news from that president's country: a promotion at home is not in its first hours, and the
    president's name is no word of the story."""
    [incident] = detect(rulebook, title)
    assert incident.regions == (there,) and leader not in incident.terms, incident
    [decision] = check([post(promotion, language, region)], [incident], rulebook, NOW)
    assert not findings_of(decision, "incident-window"), decision.findings


def test_a_wartime_bomb_made_safe_hurts_nobody_and_holds_no_blast_of_savings(rulebook):
    incidents = detect(rulebook, "Plymouth WW2 bomb: thousands evacuated as device is moved through the city",
                       "Second World War bomb found in Plymouth garden safely detonated at sea")
    assert not any(incident.harmed for incident in incidents)
    [promo] = check([post("A blast of savings: 20% off garden tools at our Plymouth store.", "en", "GB")],
                    incidents, rulebook, NOW)
    assert promo.verdict < Verdict.HOLD


def test_a_solidarity_hashtag_that_sells_trips_to_the_attacked_city_is_held_abroad(rulebook):
    incidents = detect(rulebook, "Eksplozje na lotnisku Zaventem w Brukseli. Są ofiary",
                       "Zamachy w Brukseli. Co najmniej 34 zabitych, ponad 200 rannych")
    selling = "#JeSuisBruxelles Wiosenny weekend w Belgii: loty z Warszawy do Brukseli od 99 zł!"
    [held] = check([post(selling, "pl", "PL")], incidents, rulebook, NOW)
    assert held.verdict == Verdict.HOLD
    two_days_on = NOW + timedelta(days=2)
    [reviewed] = check([post(selling.replace("#JeSuisBruxelles ", ""), "pl", "PL", scheduled_at=two_days_on)],
                       incidents, rulebook, two_days_on)
    assert reviewed.verdict == Verdict.FLAG


def test_a_title_in_quotes_from_a_story_is_echoed(rulebook):
    incidents = detect(rulebook, "Nie żyje Andrzej Wajda. Reżyser «Człowieka z marmuru» miał 90 lat")
    [promo] = check([post("Człowiek z marmuru? Blaty kuchenne z marmuru −30% tylko do niedzieli!", "pl", "PL")],
                    incidents, rulebook, NOW)
    assert findings_of(promo, "incident-echo") and promo.verdict == Verdict.HOLD


def test_a_city_in_another_azerbaijani_case_is_still_the_city(rulebook):
    incidents = detect(rulebook, "Dərbənd və Mahaçqalada hücumlar: polislər həlak olub",
                       "Dərbənddə sinaqoq və kilsə atəşə tutulub, ölənlər var")
    [tour] = check([post("Həftəsonu Dərbəndə! Köhnə şəhər turu, Bakıdan avtobusla 89 AZN.", "az", "AZ")],
                   incidents, rulebook, NOW)
    assert findings_of(tour, "incident-terms"), tour.findings


def test_a_case_ending_on_a_number_does_not_hide_the_toll(rulebook):
    [attack] = detect(rulebook, "Dərbənd və Mahaçqalada hücumlar: 15-dən çox polis həlak olub")
    assert attack.deaths == 15 and attack.severity == 5


@pytest.mark.parametrize("title, deaths", [
    ("Кількість жертв землетрусу в Італії сягнула 247, під завалами досі шукають людей", 247),
    ("Число погибших при землетрясении в Италии выросло до 247", 247),
    ("Liczba ofiar trzęsienia ziemi we Włoszech wzrosła do 247", 247),
    ("Italy earthquake: the death toll rises to 247", 247),
    ("Турция: число погибших на угольной шахте в Соме превысило 200", 200),
    ("Кількість загиблих внаслідок вибуху на шахті в Донецьку зросла до 32", 32),
    ("Liczba ofiar pożaru w kopalni węgla w Somie w Turcji wzrosła do 245", 245),
    ("Death toll from Soma coal mine fire in Turkey rises to 245", 245),
    ("Dødstallet etter gruveulykken i Soma i Tyrkia har steget til 245", 245),
])
def test_the_number_a_toll_reached_is_the_toll_however_far_its_word_stands(rulebook, title, deaths):
    """"The number of victims of the earthquake in Italy reached 247": the count's word opens the
    headline and the number closes the phrase, five words away, or more where it says where and
    of what ("the number of dead at the coal mine in Soma passed 200")."""
    [quake] = detect(rulebook, title)
    assert quake.deaths == deaths and quake.severity == 5, quake


@pytest.mark.parametrize("language, title, deaths", [
    ("ru", "В Китае загорелась птицефабрика: погиб по меньшей мере 61 человек", 61),
    ("en", "Poultry plant fire in China kills no fewer than 61", 61),
    ("pl", "Pożar zakładu drobiarskiego w Chinach: zginęło nie mniej niż 61 osób", 61),
    ("nb", "Brann på fjørfefabrikk i Kina: omkom ikke færre enn 61", 61),
])
def test_words_that_hedge_a_number_stand_with_it_not_between_it_and_its_death_word(rulebook, language, title,
                                                                                    deaths):
    """"Died at least 61": the hedge is the number's, however many words it takes."""
    [fire] = detect_incidents([Headline(title, "Wire", published=PUBLISHED, language=language)], rulebook, NOW)
    assert fire.kind == "fire" and fire.deaths == deaths, fire


@pytest.mark.parametrize("language, title, deaths", [
    ("en", "Plane with 62 on board crashes; two survivors", 60),
    ("ru", "Из 45 человек на борту выжили двое", 43),
    ("ru", "На борту были 45 человек, выжил только один", 44),
    ("uk", "З 45 людей на борту вижили двоє", 43),
    ("pl", "Na pokładzie było 45 osób, przeżyły dwie", 43),
    ("nb", "45 om bord, to overlevde", 43),
    ("az", "Təyyarədə 105 nəfər olub, 27 nəfər sağ qalıb", 78),
])
def test_the_people_on_board_but_the_survivors_are_the_toll(rulebook, language, title, deaths):
    """"Of the 45 on board two survived": 43 dead, though no death word is written. The number
    beside the survivors' word counts them, not the 45 further off."""
    [story] = detect_incidents([Headline(title, "Wire", published=PUBLISHED, language=language)], rulebook, NOW)
    assert story.deaths == deaths and story.severity == 5, story


@pytest.mark.parametrize("title, deaths, hurt", [
    ("Краматорськ: кількість загиблих зросла до 10, поранено понад 60 людей", 10, 60),
    ("Краматорск: число погибших выросло до 10, ранены более 60 человек", 10, 60),
    ("Liczba ofiar wzrosła do 10, rannych jest ponad 60 osób", 10, 60),
])
def test_a_toll_before_a_comma_is_not_the_count_of_the_hurt_after_it(rulebook, title, deaths, hurt):
    """"The toll rose to 10, more than 60 wounded": the 10 are the dead, and the hurt are the 60
    after the comma, not the number just before their word."""
    [story] = detect(rulebook, title)
    assert (story.deaths, story.injured) == (deaths, hurt), (story.deaths, story.injured)


def test_a_story_told_only_in_follow_ups_had_its_first_hours_before_them(rulebook):
    """"Death toll passes 210 as search goes on": the floods began days ago. A pun on them abroad
    is not held as if it were the first day, when they were news everywhere; the same toll in a
    first report still holds it."""
    pun = post("A flood of deals: 25% off every coat this week!", "en", "AU")
    [ongoing] = detect(rulebook, "Valencia floods: death toll passes 210 as search goes on")
    assert ongoing.ongoing and ongoing.reach != "global"
    [quiet] = check([pun], [ongoing], rulebook, NOW)
    assert quiet.verdict == Verdict.PASS
    [breaking] = detect(rulebook, "Valencia floods: at least 210 dead after record rain")
    assert breaking.reach == "global" and not breaking.ongoing
    [held] = check([pun], [breaking], rulebook, NOW)
    assert held.verdict == Verdict.HOLD


@pytest.mark.parametrize("update, first_report, language", [
    ("Seoul crowd crush: death toll rises to 154", "Seoul crowd crush: at least 154 killed at Halloween party", "en"),
    ("Давка в Сеуле: число погибших выросло до 154", "Давка в Сеуле: погибли не менее 154 человек", "ru"),
    ("Землетрус в Італії: кількість загиблих зросла до 159", "Землетрус в Італії: загинули щонайменше 159 людей", "uk"),
    ("Trzęsienie ziemi we Włoszech: liczba ofiar wzrosła do 159",
     "Trzęsienie ziemi we Włoszech: zginęło co najmniej 159 osób", "pl"),
    ("Jordskjelv i Italia: dødstallet stiger til 159", "Jordskjelv i Italia: minst 159 døde", "nb"),
    ("Van zəlzələsi: ölənlərin sayı 432-yə çatıb", "Vanda zəlzələ: azı 432 nəfər ölüb", "az"),
])
def test_a_story_first_seen_in_an_update_of_its_toll_had_its_first_day_before(rulebook, update, first_report,
                                                                                language):
    """"Death toll rises to 154" is the first the feed holds of the Seoul crush: an earlier report
    counted fewer, so its first day, when it was news everywhere, began before it. The same toll
    in a first report is news everywhere, and so is a story whose first report the feed holds,
    however its toll rises after."""
    [updated] = detect(rulebook, update)
    assert updated.reach == "national" and updated.deaths >= 154
    [breaking] = detect(rulebook, first_report)
    assert breaking.reach == "global"
    headlines = [Headline(first_report, source="Wire", published=PUBLISHED - timedelta(hours=3)),
                 Headline(update, source="Agency", published=PUBLISHED)]
    [growing] = detect_incidents(headlines, rulebook, NOW)
    assert growing.reach == "global" and len(growing.headlines) == 2


@pytest.mark.parametrize("title, language, region, promotion, ordinary", [
    ("Ярославль вспоминает «Локомотив»: десять лет со дня авиакатастрофы", "ru", "RU",
     "Туры на выездные матчи «Локомотива» −20%, только сегодня!", "Цены рухнули: распродажа кроссовок"),
    ("Ti år siden «Rocknes»-forliset: 18 omkom da skipet kantret", "nb", "NO",
     "Rocknes-cruise med 30 % rabatt, bestill nå!", "Knallsalg på joggesko i hele helgen"),
    ("Ten years since the Lokomotiv plane crash: Yaroslavl remembers", "en", "RU",
     "Lokomotiv away-game tours, 20% off today only!", "Prices crash: our trainer sale starts today"),
])
def test_an_anniversary_in_the_news_is_remembered_harm_not_a_new_tragedy(rulebook, title, language, region,
                                                                           promotion, ordinary):
    """"Ten years since the crash": nobody is hurt anew, so no first hours, no toll, no vocabulary
    hold; selling on the name of what is remembered is still held, and a sincere word flagged."""
    [remembered] = detect(rulebook, title)
    assert remembered.remembered and not remembered.harmed and remembered.severity <= 2
    assert remembered.reach != "global"
    selling, quiet = check([post(promotion, language, region), post(ordinary, language, region)],
                           [remembered], rulebook, NOW)
    assert selling.verdict == Verdict.HOLD, selling.findings
    assert findings_of(selling, "incident-terms")[0].evidence["remembered"] is True
    assert quiet.verdict == Verdict.PASS, quiet.findings


@pytest.mark.parametrize("titles, language, region, promotion", [
    (["Ağdamın işğalından 31 il ötür", "Ağdamda bərpa-quruculuq işləri davam edir"], "az", "AZ",
     "23 iyul — Ağdam turlarına 31% endirim!"),
    (["80 år siden deportasjonen av norske jøder fra Akershuskaia"], "nb", "NO",
     "Akershuskaia-konsert i kveld: 2 for 1 på billetter!"),
    (["Rocznica rzezi wołyńskiej: obchody w Warszawie i Lublinie"], "pl", "PL",
     "Wołyń w promocji: miód wołyński -30% tylko dziś!"),
])
def test_a_tragedy_the_news_remembers_needs_no_rule_for_its_day(rulebook, titles, language, region, promotion):
    """An occupation, a deportation, a massacre remembered years on: no kind's trigger reports it
    today, but selling on its name that day is held, though the rulebook may have no date for it;
    today's news of a deportation is another story."""
    [remembered] = detect(rulebook, *titles)
    assert remembered.kind == "remembrance" and remembered.remembered and not remembered.harmed
    [selling] = check([post(promotion, language, region)], [remembered], rulebook, NOW)
    assert [f.level for f in findings_of(selling, "incident-terms")] == [Verdict.HOLD], selling.findings
    assert not detect(rulebook, "Deportation flights to resume next month, minister says")


def test_a_country_at_war_reads_of_deadly_strikes_daily_and_only_a_mass_casualty_one_opens_first_hours(rulebook):
    promo = post("Зимовий розпродаж: дивани −30% до кінця тижня!", "uk", "UA")
    [daily] = detect(rulebook, "Масована атака на вихідних: у Києві та області є загиблі")
    [quiet] = check([promo], [daily], rulebook, NOW)
    assert not findings_of(quiet, "incident-window"), quiet.findings
    [massive] = detect(rulebook, "Ракетний удар по Києву: 14 загиблих, під завалами можуть бути люди")
    [held] = check([promo], [massive], rulebook, NOW)
    assert [f.level for f in findings_of(held, "incident-window")] == [Verdict.HOLD]


@pytest.mark.parametrize("text, language, region", [
    ("We remember the victims. White roses 20% off today!", "en", "US"),
    ("Сегодня помним жертв трагедии. Распродажа: скидка 30% на всё!", "ru", "RU"),
    ("Вшановуємо пам'ять загиблих. Знижка 30% на все сьогодні!", "uk", "UA"),
    ("Pamiętamy o ofiarach. Wyprzedaż: rabat 30% na wszystko!", "pl", "PL"),
    ("I dag minnes vi de over 500 som ble deportert. Black Week: 40 % på alt!", "nb", "NO"),
    ("Şəhidlərimizi yad edirik. Bu gün bütün məhsullara 30% endirim!", "az", "AZ"),
])
def test_a_sale_in_the_memory_of_the_dead_is_held_in_six_languages(rulebook, text, language, region):
    """The tone ladder: a post that remembers the dead and sells in the same breath is held,
    whatever the news says; the same remembrance without the sale passes the memorial check."""
    [selling] = check([post(text, language, region)], [], rulebook, NOW)
    assert [f.level for f in findings_of(selling, "memorial")] == [Verdict.HOLD], selling.findings
    sincere = text.split(".")[0] + "."
    [quiet] = check([post(sincere, language, region)], [], rulebook, NOW)
    assert not findings_of(quiet, "memorial"), quiet.findings


def test_first_hours_hold_the_sale_after_a_severe_incident_and_flag_every_post_after_mass_casualties(rulebook):
    """DESIGN: a promotion during a severe incident is held; any post in the first hours of a
    mass-casualty incident in its region is flagged. Two dead in a school shooting do not make
    the bus timetable a matter for review."""
    sale = post("Back-to-school sale: 30% off every backpack!", "en", "US")
    timetable = post("Reminder: the downtown shuttle runs on its winter timetable from Monday.", "en", "US")
    severe = detect(rulebook, "Two killed, five hurt in shooting at a Georgia high school")
    assert max(i.severity for i in severe) == 4
    held, quiet = check([sale, timetable], severe, rulebook, NOW)
    assert [f.level for f in findings_of(held, "incident-window")] == [Verdict.HOLD]
    assert not findings_of(quiet, "incident-window"), quiet.findings
    mass = detect(rulebook, "Twelve killed in shooting at a Georgia high school")
    _, looked_at = check([sale, timetable], mass, rulebook, NOW)
    assert [f.level for f in findings_of(looked_at, "incident-window")] == [Verdict.FLAG]


@pytest.mark.parametrize("language, region, headline, away, there", [
    ("en", "US", "Four killed, ten hurt in shooting at a Houston shopping mall",
     "Spring sale at our Denver store: 30% off every jacket!", "Spring sale at our Houston store: 30% off every jacket!"),
    ("pl", "PL", "Wybuch w kopalni w Rudzie Śląskiej: nie żyje czterech górników",
     "Wiosenna wyprzedaż w naszym sklepie w Szczecinie: −30% na kurtki!",
     "Wiosenna wyprzedaż w naszym sklepie w Rudzie Śląskiej: −30% na kurtki!"),
    ("ru", "RU", "Пожар в торговом центре в Казани: погибли четыре человека",
     "Весенняя распродажа в нашем магазине в Самаре: скидки 30% на куртки!",
     "Весенняя распродажа в нашем магазине в Казани: скидки 30% на куртки!"),
    ("uk", "UA", "Пожежа в готелі в Одесі: загинули четверо людей",
     "Весняний розпродаж у нашому магазині у Львові: знижки 30% на куртки!",
     "Весняний розпродаж у нашому магазині в Одесі: знижки 30% на куртки!"),
    ("nb", "NO", "Fire døde i brann i boligblokk i Trondheim",
     "Vårsalg i butikken vår i Bergen: 30 % på alle jakker!", "Vårsalg i butikken vår i Trondheim: 30 % på alle jakker!"),
    ("az", "AZ", "Sumqayıtda yaşayış binasında yanğın: dörd nəfər həlak olub",
     "Gəncədəki mağazamızda yaz endirimi: bütün gödəkçələrə 30% endirim!",
     "Sumqayıtdakı mağazamızda yaz endirimi: bütün gödəkçələrə 30% endirim!"),
    # the story names the province, the sale a town in it, or one in another
    ("pl", "PL", "Pożar kamienicy na Śląsku: nie żyją cztery osoby",
     "Wiosenna wyprzedaż w naszym sklepie w Krakowie: −30% na kurtki!",
     "Wiosenna wyprzedaż w naszym sklepie w Katowicach: −30% na kurtki!"),
    # a Cyrillic post that tags its town in Latin letters
    ("uk", "UA", "Пожежа в готелі в Одесі: загинули четверо людей",
     "#Lviv: весняний розпродаж, знижки 30% на куртки!", "#Odesa: весняний розпродаж, знижки 30% на куртки!"),
    ("ru", "RU", "Пожар в торговом центре в Казани: погибли четыре человека",
     "#Samara: весенняя распродажа, скидки 30% на куртки!", "#Kazan: весенняя распродажа, скидки 30% на куртки!"),
])
def test_a_sale_in_another_town_of_the_country_is_not_in_the_first_hours_of_a_disaster_there(
        rulebook, language, region, headline, away, there):
    """A post for a town of the incident's country that is not where it happened is local news
    elsewhere, read as news from abroad is: the first hours hold the sale where it happened, and
    in a post that names no town (the whole country's audience), not the sale of a shop in
    another city."""
    incidents = detect(rulebook, headline)
    assert any(i.places and region in i.regions and i.severity == 4 for i in incidents), incidents
    elsewhere, named, nationwide = check(
        [post(away, language, region), post(there, language, region),
         post(away.split(":")[-1].strip(), language, region)], incidents, rulebook, NOW)
    assert elsewhere.verdict == Verdict.PASS, elsewhere.findings
    assert named.verdict == Verdict.HOLD, named.findings
    assert [f.level for f in findings_of(nationwide, "incident-window")] == [Verdict.HOLD], nationwide.findings


@pytest.mark.parametrize("language, region, headline, text", [
    ("uk", "UA", "Пожежа в гуртожитку на Сумщині: загинули четверо людей", "Вечірка в Сумах сьогодні: коктейлі 2+1!"),
    ("ru", "UA", "Пожежа в гуртожитку в Києві: загинули четверо людей", "Вечеринка в Киеве сегодня: коктейли 2+1!"),
    ("ru", "RU", "На Крымском мосту взорвался грузовик: погибли четыре человека",
     "Туры в Крым со скидкой 40% — бронируйте сегодня!"),
    ("en", "CA", "Fourteen killed as bus carrying hockey team crashes near Humboldt, Saskatchewan",
     "Party bus from Saskatoon, $40 return tonight!"),
    # a town of the province the story names (places.yaml `provinces`)
    ("ru", "RU", "Пожар на шахте в Кузбассе: погибли четыре горняка", "Взрыв цен в Кемерово! Скидки до 70%!"),
    ("nb", "NO", "Fire døde i brann i boligblokk i Trøndelag", "Vårsalg i butikken vår i Steinkjer: 30 % på alle jakker!"),
])
def test_a_post_for_the_place_the_story_names_or_one_named_alike_stays_in_its_first_hours(
        rulebook, language, region, headline, text):
    """A post is taken out of the story only when no place it names opens like one the story's
    headlines name (Суми and Сумщина), and none is a town of a province they name (Кемерово in
    Кузбасс)."""
    [decision] = check([post(text, language, region)], detect(rulebook, headline), rulebook, NOW)
    assert [f.level for f in findings_of(decision, "incident-window")] == [Verdict.HOLD], decision.findings


@pytest.mark.parametrize("language, region, headline, away", [
    ("pl", "PL", "18 ofiar wypadku busa. Najtragiczniejszy wypadek drogowy od lat",
     "Ogniste skrzydełka 🔥 Kubełek za 19,99 zł, tylko w niedzielę! Kraków"),
    ("ru", "RU", "Крушение самолёта: погибли 44 человека, восемь выжили",
     "Выпускные платья — просто огонь 🔥 Скидка 30% до пятницы, салон в Самаре"),
])
def test_a_story_that_names_no_town_does_not_hold_a_sale_that_names_its_own(rulebook, language, region, headline, away):
    """A bus crash "somewhere in Poland" is not in Kraków: a town's news would name the town. The
    same sale for the whole country stays held."""
    incidents = detect(rulebook, headline)
    assert any(region in i.regions and i.severity == 5 and i.reach == "national" for i in incidents), incidents
    elsewhere, nationwide = check([post(away, language, region), post(away.rsplit(" ", 1)[0], language, region)],
                                  incidents, rulebook, NOW)
    assert not findings_of(elsewhere, "incident-window"), elsewhere.findings
    assert [f.level for f in findings_of(nationwide, "incident-window")] == [Verdict.HOLD], nationwide.findings


@pytest.mark.parametrize("language, region, headline, away, there", [
    ("pl", "PL", "Strzelanina w barze w Krakowie: nie żyje jeden mężczyzna",
     "Zabójczy trening w Poznaniu: karnet −30% do niedzieli!", "Zabójcze ceny w Krakowie: −30% do niedzieli!"),
    ("ru", "RU", "Стрельба в школе в Казани: погиб учитель", "Убойные скидки на шины в Новосибирске!",
     "Убойные скидки на шины в Казани!"),
    ("uk", "UA", "Стрілянина в Дніпрі: загинув охоронець", "Вбивчі знижки на лижі у Львові!",
     "Вбивчі знижки на лижі у Дніпрі!"),
    ("en", "GB", "Shooting in Leeds: man killed outside a bar", "Killer deals in our Bristol store this weekend!",
     "Killer deals in our Leeds store this weekend!"),
    # a province is no town: "na Śląsku" may be where the mine is
    ("pl", "PL", "Strzelanina w Katowicach: nie żyje jeden mężczyzna", "Zabójczy trening w Poznaniu: karnet −30%!",
     "Zabójcze promocje na Śląsku: −30% do niedzieli!"),
    # a story that names the country that struck as well, and a town a province is named after:
    # Lviv is no province for being the first letters of Львівщина
    ("uk", "UA", "Росія вдарила ракетами по Слов'янську: загинули троє людей",
     "Наші паски — просто бомба! Львів, вул. Городоцька.", "Наші паски — просто бомба! Слов'янськ, вул. Свободи."),
    # an explosion of flavour is selling's slang too
    ("uk", "UA", "Вибух автомобіля в центрі Києва: загинув журналіст",
     "Вибуховий смак літа: кавуновий лимонад у Львові!", "Вибуховий смак літа: кавуновий лимонад у Києві!"),
    ("en", "GB", "Gas explosion in Leeds: two killed", "An explosion of flavour at our Bristol grill this weekend!",
     "An explosion of flavour at our Leeds grill this weekend!"),
    ("az", "AZ", "Sumqayıtda qaz partlayışı: iki nəfər həlak olub", "Gəncədə dad partlayışı: yeni kabab menyusu!",
     "Sumqayıtda dad partlayışı: yeni kabab menyusu!"),
])
def test_a_storys_words_in_a_post_for_another_town_play_on_nothing(rulebook, language, region, headline, away, there):
    """"Убойные скидки" in Novosibirsk the day of a shooting in Kazan is another town's news; in
    Kazan, the words are the story's."""
    incidents = detect(rulebook, headline)
    assert any(i.places and region in i.regions and i.severity < 5 for i in incidents), incidents
    elsewhere, named = check([post(away, language, region), post(there, language, region)], incidents, rulebook, NOW)
    assert not findings_of(elsewhere, "incident-words"), elsewhere.findings
    assert [f.level for f in findings_of(named, "incident-words")] == [Verdict.HOLD], named.findings


@pytest.mark.parametrize("language, region, headline, there, elsewhere", [
    ("ru", "RU", "При взрыве в петербургском кафе погиб человек, пострадали 15",
     "Взрыв вкуса в наших кафе Петербурга! 💥 Десерт в подарок.",
     "Взрыв вкуса в наших кафе Казани! 💥 Десерт в подарок."),
    ("pl", "PL", "Wybuch w krakowskim klubie: nie żyje jedna osoba, 15 rannych",
     "Eksplozja smaku w Krakowie! 💥 Deser gratis.", "Eksplozja smaku w Gdańsku! 💥 Deser gratis."),
])
def test_a_story_that_tells_its_town_by_its_adjective_is_in_that_town(rulebook, language, region, headline, there,
                                                                       elsewhere):
    """"в петербургском кафе" names Petersburg, though no gazetteer lists the adjective: an
    explosion of flavour there the same evening is held; in Kazan it is another town's slang."""
    incidents = detect(rulebook, headline)
    named, away = check([post(there, language, region), post(elsewhere, language, region)], incidents, rulebook, NOW)
    assert [f.level for f in findings_of(named, "incident-words")] == [Verdict.HOLD], named.findings
    assert not findings_of(away, "incident-words"), away.findings


def test_a_figure_of_speech_elsewhere_is_flagged_only_when_the_dead_are_news_in_every_town(rulebook):
    """Twelve dead in a shooting in Kazan are news in all of Russia: "убойные скидки" in Moscow is
    flagged for a person, not held as it is in Kazan."""
    incidents = detect(rulebook, "Стрельба в торговом центре в Казани: погибли 12 человек")
    assert [(i.deaths, i.reach) for i in incidents] == [(12, "national")], incidents
    away, there = check([post("Убойные скидки во всех магазинах Москвы!", "ru", "RU"),
                         post("Убойные скидки во всех магазинах Казани!", "ru", "RU")], incidents, rulebook, NOW)
    assert [f.level for f in findings_of(away, "incident-words")] == [Verdict.FLAG], away.findings
    assert [f.level for f in findings_of(there, "incident-words")] == [Verdict.HOLD], there.findings


@pytest.mark.parametrize("language, region, headline, away", [
    ("pl", "PL", "Trąba powietrzna w Gdańsku: nie żyje jeden mężczyzna",
     "Tornado smaków 🌪️ w naszej lodziarni w Warszawie!"),
    ("ru", "RU", "Пожар в торговом центре в Казани: погибли четыре человека",
     "Огненные скидки во всех магазинах Москвы!"),
])
def test_the_events_own_words_are_about_it_in_every_town_of_the_country(rulebook, language, region, headline, away):
    """"Tornado smaków" in Warsaw the day a tornado killed a man in Gdańsk plays on that tornado:
    only everyday selling's death words ("killer", «убойный») are no story's in another town."""
    [decision] = check([post(away, language, region)], detect(rulebook, headline), rulebook, NOW)
    assert [f.level for f in findings_of(decision, "incident-words")] == [Verdict.HOLD], decision.findings


def test_a_story_entered_by_hand_holds_a_sale_in_every_town_of_its_regions(rulebook):
    from safepost.news.detect import from_manual
    from safepost.rulebook.news import parse_manual_incident

    entry = parse_manual_incident({"id": "acme.mine", "title": "Mine disaster in Silesia", "kind": "explosion",
                                   "severity": 4, "regions": ["PL"], "start": "2024-05-06T10:00:00Z",
                                   "until": "2024-05-08T10:00:00Z",
                                   "terms": {"pl": ["kopalnia Zofiówka"]}}, "incidents.yaml")
    [decision] = check([post("Wielka wyprzedaż w naszym sklepie w Szczecinie: −30% na kurtki!", "pl", "PL")],
                       [from_manual(entry)], rulebook, NOW)
    assert [f.level for f in findings_of(decision, "incident-window")] == [Verdict.HOLD], decision.findings


def test_a_mass_casualty_event_still_reaches_a_sale_in_another_town_in_its_first_day(rulebook):
    """Elsewhere in the country is at least as close as abroad: fifty killed is news everywhere,
    and the sale is flagged for a person, not held and not passed."""
    incidents = detect(rulebook, "At least 50 dead in shooting at Houston nightclub")
    assert [i.reach for i in incidents] == ["global"]
    [decision] = check([post("Spring sale at our Denver store: 30% off every jacket!", "en", "US")], incidents,
                       rulebook, NOW)
    assert [f.level for f in findings_of(decision, "incident-window")] == [Verdict.FLAG], decision.findings


@pytest.mark.parametrize("title", [
    "Eksplozja butli z gazem w bloku: jedna osoba ranna, ewakuowano około 50 osób",
    "Gas blast in apartment block: one injured, 60 people evacuated",
    "Взрыв газа в жилом доме: один пострадавший, эвакуировано 40 человек",
    "Вибух газу в багатоповерхівці: одна людина травмована, евакуйовано 45 людей",
    "Gasseksplosjon i blokk: én skadd, 50 personer evakuert",
])
def test_people_counted_as_evacuated_are_no_one_at_risk(rulebook, title):
    """A first report that counts the evacuated counts people out of danger: one hurt in a gas
    blast is not a mass-casualty event because fifty neighbours were led outside."""
    [incident] = detect(rulebook, title)
    assert incident.severity < 5 and incident.reach != "global", incident


def test_people_aboard_stay_at_risk_until_reported_safe(rulebook):
    [incident] = detect(rulebook, "Plane with 150 on board crashes near Denver")
    assert incident.severity == 5


def test_a_post_that_names_a_story_that_hurt_nobody_and_plays_on_its_words_is_held(rulebook):
    """The Białołęka market hall burned down overnight, nobody hurt: "burning prices in Białołęka"
    names the story and plays on it (held); "burning prices" alone is flagged, and abroad never held."""
    fire = detect(rulebook, "Ogromny pożar hali targowej przy Marywilskiej 44 na Białołęce, płonie cały obiekt",
                  "Hala przy Marywilskiej doszczętnie spłonęła; brak informacji o poszkodowanych")
    assert fire and not any(incident.harmed for incident in fire)
    named, vague, abroad = check([post("Płonące ceny na Białołęce! −50% na całą odzież.", "pl", "PL"),
                                  post("Płonące ceny! −50% na całą odzież.", "pl", "PL"),
                                  post("Brennhete priser! 50 % på alle jakker.", "nb", "NO")], fire, rulebook, NOW)
    assert [f.level for f in findings_of(named, "incident-words")] == [Verdict.HOLD], named.findings
    assert [f.level for f in findings_of(vague, "incident-words")] == [Verdict.FLAG], vague.findings
    assert {f.level for f in findings_of(abroad, "incident-words")} <= {Verdict.FLAG}


@pytest.mark.parametrize("titles, language", [
    (["У Балаклії горить склад боєприпасів, лунають потужні вибухи",
      "З Балаклії та довколишніх сіл евакуюють близько 20 тисяч людей"], "uk"),
    (["Dagmar slår inn over kysten: tak blåser av, tusenvis uten strøm"], "nb"),
])
def test_evacuating_thousands_and_roofs_blown_off_are_harm_before_a_toll(rulebook, titles, language):
    incidents = detect(rulebook, *titles)
    assert any(incident.harmed for incident in incidents), incidents


@pytest.mark.parametrize("title, language", [
    ("Police: a number of people injured after White Island volcano eruption", "en"),
    ("People injured in Lyon blast", "en"),
    ("Pasażerowie ranni po zderzeniu pociągów pod Szczekocinami", "pl"),
])
def test_people_hurt_before_anyone_counts_them_are_hurt(rulebook, title, language):
    [incident] = detect(rulebook, title)
    assert incident.harmed and incident.injured >= 1, incident


@pytest.mark.parametrize("title", [
    "Two helicopters collide near Sea World on the Gold Coast",
    "Над Жуковским столкнулись два самолёта пилотажной группы",
    "Під Києвом зіткнулися два гелікоптери",
    "Nad Mazurami zderzyły się dwa samoloty",
    "To helikoptre kolliderte over Oslofjorden",
    "Bakı yaxınlığında iki helikopter havada toqquşub",
])
def test_vehicles_that_collide_are_a_crash_before_any_toll(rulebook, title):
    [incident] = detect(rulebook, title)
    assert "crash" in incident.kinds, incident


@pytest.mark.parametrize("title, cocktails, language, region", [
    ("Irkutsk: 41 dead after drinking bath lotion in mass poisoning", "Killer cocktails tonight, two for one!",
     "en", "RU"),
    ("Массовое отравление суррогатом в Иркутске: погибли 49 человек", "Убойные коктейли: два по цене одного!",
     "ru", "RU"),
    ("Масове отруєння сурогатом: загинули 12 людей", "Вбивчі коктейлі: два за ціною одного!", "uk", "UA"),
    ("Zatrucie metanolem: nie żyje 19 osób", "Zabójcze koktajle: dwa w cenie jednego!", "pl", "PL"),
    ("Metanolforgiftning: sju døde etter å ha drukket hjemmebrent", "Dødelige drinker: to for én i kveld!",
     "nb", "NO"),
    ("Sabunçu rayonunda metil spirtindən zəhərlənmə: 15 nəfər ölüb", "Öldürücü kokteyllər: biri alana ikincisi hədiyyə!",
     "az", "AZ"),
])
def test_a_mass_poisoning_is_a_tragedy_whose_words_hurt(rulebook, title, cocktails, language, region):
    [poisoning] = detect(rulebook, title)
    assert poisoning.kind == "poisoning" and poisoning.harmed, poisoning
    [held] = check([post(cocktails, language, region)], [poisoning], rulebook, NOW)
    assert held.verdict == Verdict.HOLD, held.findings


def test_worlds_that_collide_are_no_crash(rulebook):
    assert not detect(rulebook, "Fashion and football collide at the new Milan show")


def test_a_player_injured_in_a_game_is_no_incident(rulebook):
    assert not detect(rulebook, "Kane injured as Spurs crash out of the cup")


def test_no_reports_of_deaths_is_no_death(rulebook):
    assert not detect(rulebook, "Store skader langs kysten etter Dagmar – ingen meldinger om omkomne")


@pytest.mark.parametrize("help_offer, sale, language, region, title", [
    ("Free hot meals for evacuees at our Main Street café all week.", "Flood sale: hot meals 50% off all week!",
     "en", "US", "Flash floods kill 12, thousands evacuated in Kentucky"),
    ("Zəlzələdən evləri zədələnən ailələr üçün otaqlarımız pulsuzdur. Allah hamımızı qorusun.",
     "Zəlzələ endirimi: bütün otaqlar 30% ucuz!", "az", "AZ", "Zaqatalada zəlzələ: 15 nəfər xəsarət alıb, evlər dağılıb"),
])
def test_a_free_offer_to_the_people_a_tragedy_hit_is_help_not_a_sale(rulebook, help_offer, sale, language, region,
                                                                      title):
    incidents = detect(rulebook, title)
    helping, selling = check([post(help_offer, language, region), post(sale, language, region)], incidents,
                             rulebook, NOW)
    assert helping.verdict == Verdict.FLAG, helping.findings
    assert selling.verdict == Verdict.HOLD, selling.findings


def test_a_fresh_tragedy_at_an_anniversary_party_is_not_an_anniversary(rulebook):
    [shooting] = detect(rulebook, "Gunman kills five at wedding anniversary party")
    assert not shooting.remembered and shooting.harmed and shooting.severity >= 4


def test_the_town_of_a_one_line_item_that_hurt_nobody_is_no_story_to_mention(rulebook):
    promo = post("Bakıda qış endirimləri: bütün paltolar 30% ucuz!", "az", "AZ")
    forecast = detect(rulebook, "Bakıda güclü külək gözlənilir")
    [quiet] = check([promo], forecast, rulebook, NOW)
    assert not findings_of(quiet, "incident-terms")
    fire = detect(rulebook, "Bakıda anbarda yanğın: şəhərin üzərində qara tüstü",
                  "Bakıda yanğın: sakinlərə pəncərələri bağlamaq tövsiyə olunur")
    assert fire and not any(incident.harmed for incident in fire)
    [looked_at] = check([promo], fire, rulebook, NOW)
    assert [f.level for f in findings_of(looked_at, "incident-terms")] == [Verdict.FLAG]


def test_a_plane_named_by_its_model_and_a_nameless_no_survivors_report_are_one_story(rulebook):
    incidents = detect_incidents([
        Headline("Ан-148, летевший из Домодедова в Орск, пропал с радаров", "Интерфакс", published=at("2024-05-06T09:50:00Z")),
        Headline("Самолёт Ан-148 «Саратовских авиалиний» разбился в Раменском районе", "ТАСС",
                 published=at("2024-05-06T10:10:00Z")),
        Headline("На борту был 71 человек, выживших нет — МЧС", "РИА Новости", published=at("2024-05-06T10:50:00Z")),
    ], rulebook, NOW)
    [crash] = incidents
    assert crash.harmed and crash.severity == 5 and len(crash.headlines) == 3 and "Орск" in crash.terms
    [promo] = check([post("Прямые рейсы Москва — Орск от 3 990 ₽! Успейте забронировать.", "ru", "RU")],
                    incidents, rulebook, NOW)
    assert promo.verdict == Verdict.HOLD


def test_a_city_a_trigger_names_is_still_where_the_story_happened(rulebook):
    [strike] = detect(rulebook, "Zmasowany atak Rosji na Kijów. Co najmniej 14 zabitych")
    assert "Kijów" in strike.terms
    [promo] = check([post("Bilety Warszawa–Kijów od 99 zł — rezerwuj wakacje!", "pl", "PL")], [strike], rulebook, NOW)
    assert findings_of(promo, "incident-terms")


@pytest.mark.parametrize("language, headline, text, emoji", [
    ("en", "Bomb blast at Riverside market kills 12", "Our prices are 💣 this weekend!", "💣"),
    ("ru", "Взрыв на рынке в Казани: погибли 12 человек", "Цены 💥 только в эти выходные!", "💥"),
    ("pl", "Strzelanina w centrum Łodzi: nie żyją trzy osoby", "Promocje 🔫 tylko dziś!", "🔫"),
])
def test_a_pictograph_of_the_event_s_words_is_one_of_its_words(rulebook, language, headline, text, emoji):
    incidents = detect(rulebook, headline)
    [decision] = check([post(text, language, HOME.get(language, ("US",))[0])], incidents, rulebook, NOW)
    assert [(f.match, f.level) for f in findings_of(decision, "incident-words")] == [(emoji, Verdict.HOLD)]
    [calm] = check([post("Fresh bread 🍞 every morning ☕", language, HOME.get(language, ("US",))[0])],
                   incidents, rulebook, NOW)
    assert not findings_of(calm, "incident-words")


def test_words_capitalised_together_in_a_sentence_are_a_title_a_post_may_echo(rulebook):
    promo = judged(rulebook, "Last Christmas we gave you our hearts: this Boxing Day, 50% off everything!", "en",
                   "GB", "George Michael dies aged 53",
                   "Tributes pour in for George Michael, the voice of Last Christmas and Careless Whisper")
    [echo] = findings_of(promo, "incident-echo")
    assert echo.match == "Last Christmas" and promo.verdict == Verdict.HOLD
    plain = judged(rulebook, "Last Christmas we opened our first shop. Thank you for a wonderful year!", "en", "GB",
                   "George Michael dies aged 53")
    assert not findings_of(plain, "incident-echo")
    spin = judged(rulebook, "Ball of the Century deals: 40% off every bat this weekend!", "en", "AU",
                  "Shane Warne dead at 52 after suspected heart attack",
                  "From the Ball of the Century to 708 wickets: Warne's genius remembered")
    assert [f.match for f in findings_of(spin, "incident-echo")] == ["Ball of the Century"]


def test_a_saying_in_quotes_is_echoed_though_all_its_words_are_little(rulebook):
    promo = judged(rulebook, "Маємо те, що маємо! А маємо ми −30% на все взуття до неділі.", "uk", "UA",
                   "Помер перший президент України Леонід Кравчук",
                   "«Маємо те, що маємо»: чим запам'ятається Леонід Кравчук")
    assert [f.match for f in findings_of(promo, "incident-echo")] == ["Маємо те, що маємо"]


def test_a_name_in_quotes_in_a_death_headline_is_one_of_the_story_s_names(rulebook):
    [death] = detect(rulebook, "Leonard Cohen, poet and singer of 'Hallelujah', dies at 82")
    assert "Hallelujah" in death.terms
    [promo] = check([post("Hallelujah! All acoustic guitars 25% off this weekend.", "en", "CA")], [death], rulebook, NOW)
    assert promo.verdict == Verdict.HOLD


def test_a_designation_joins_reports_and_an_ordinal_names_nothing(rulebook):
    incidents = detect(rulebook, "Irish students feared among victims of Berkeley balcony collapse",
                       "Five Irish J1 students killed as balcony collapses at 21st birthday party in California",
                       "Taoiseach and President lead tributes to J1 students killed in Berkeley")
    [collapse] = incidents
    assert "21st" not in collapse.terms and {"IE", "US"} <= set(collapse.regions)


def test_an_attack_on_a_campus_is_violence_before_anyone_counts(rulebook):
    [attack] = detect(rulebook, "Atak na kampusie Uniwersytetu Warszawskiego. Na miejscu policja i pogotowie")
    assert attack.kind == "violence" and attack.harmed
    [promo] = check([post("Tniemy ceny jak siekierą! 🪓 Laptopy −30% do niedzieli.", "pl", "PL")], [attack],
                    rulebook, NOW)
    assert promo.verdict == Verdict.HOLD


def test_classes_suspended_by_a_fire_are_not_a_drill(rulebook):
    assert detect(rulebook, "У Сєвєродонецьку призупинили навчання через пожежі")
    assert detect(rulebook, "Військові навчання: вибухи на полігоні під Житомиром") == []


def test_an_azerbaijani_name_joins_its_story_in_any_case(rulebook):
    incidents = detect(rulebook, "Dieqo Maradona vəfat edib", "«Allahın əli»: futbol dünyası Maradonanı itirdi")
    [death] = incidents
    assert len(death.headlines) == 2
    promo = judged(rulebook, "«Allahın əli» ilə endirim! Bütün futbol topları −30% yalnız bu gün.", "az", "AZ",
                   "Dieqo Maradona vəfat edib", "«Allahın əli»: futbol dünyası Maradonanı itirdi")
    assert promo.verdict == Verdict.HOLD and findings_of(promo, "incident-echo")


@pytest.mark.parametrize("headline", ["Gunman kills three at Denver shopping mall",
                                      "Terror attack in Denver: gunman kills three at a mall"])
def test_an_idiom_harms_nobody_whatever_kind_of_story_is_in_the_news(rulebook, headline):
    """"Flu shots" and "bath bombs" are everyday phrases in every kind's vocabulary: the lexicon's
    idioms hold them for all kinds at once, while the risky word alone still holds."""
    for text in ("Flu shots at our pharmacy today, no appointment needed.",
                 "Our lavender bath bombs are back in stock this weekend!"):
        decision = judged(rulebook, text, "en", "US", headline)
        assert not findings_of(decision, "incident-words"), text
    decision = judged(rulebook, "Shots for everyone at happy hour!", "en", "US", headline)
    assert [f.level for f in findings_of(decision, "incident-words")] == [Verdict.HOLD]


def test_one_word_of_a_quoted_title_names_no_story(rulebook):
    """«Карнавальной ночи» is the actress's film: a carnival costume shop does not name her death."""
    [death] = detect(rulebook, "Звезде «Карнавальной ночи» было 75 лет: актриса скончалась у себя дома в Москве")
    assert not any(term.lower().startswith("карнавальн") for term in death.terms), death.terms
    [costumes] = check([post("Карнавальные костюмы и парики к 1 апреля: −15% до субботы!", "ru", "RU")], [death],
                       rulebook, NOW)
    assert not findings_of(costumes, "incident-terms"), costumes.findings


def test_an_azerbaijani_auxiliary_verb_names_no_story(rulebook):
    """Azerbaijani has no word-frequency list, so "etdi" (did) beside "həlak" in two headlines looked
    like the story's name and held every promotion that "elan etdi" a sale."""
    [blast] = detect(rulebook, "Gəncədə partlayış 3 nəfəri həlak etdi",
                     "Gəncə zavodunda partlayış: 3 nəfəri həlak etdi")
    assert "Gəncədə" in blast.terms and "etdi" not in blast.terms, blast.terms
    [sale] = check([post("Mağazamız bu gün böyük endirim elan etdi!", "az", "AZ", NOW + timedelta(days=3))],
                   [blast], rulebook, NOW + timedelta(days=3))
    assert not findings_of(sale, "incident-terms"), sale.findings


@pytest.mark.parametrize("title, promo, language, region", [
    ("Whitehaven in mourning as flowers pile up on Duke Street", "Whitehaven weekend deals: 2-for-1 on all pub meals!",
     "en", "GB"),
    ("В Костроме несут цветы к стихийному мемориалу у кафе", "Кострома, скидки выходного дня: −20% на всё!", "ru", "RU"),
    ("Волноваха в жалобі: люди несуть квіти до місця трагедії", "Волноваха, знижки вихідного дня: −20% на все!",
     "uk", "UA"),
])
def test_a_town_in_mourning_is_a_story_of_the_dead_known_from_its_follow_ups(rulebook, title, promo, language,
                                                                          region):
    [mourning] = detect(rulebook, title)
    assert mourning.harmed and mourning.ongoing, mourning
    [held] = check([post(promo, language, region)], [mourning], rulebook, NOW)
    assert held.verdict == Verdict.HOLD, held.findings
    # its first hours were before the mourning; the town's day of mourning is today
    assert not [f for f in findings_of(held, "incident-window") if f.rule.endswith(".first-hours")]


@pytest.mark.parametrize("remembering, recounting", [
    ("20 лет назад взорвали дом на Каширском шоссе: москвичи несут цветы к часовне",
     "Теракт на Каширском шоссе: 124 погибших, среди них 13 детей"),
    ("Qubadlı rayonunun işğalından 30 il ötür", "Qubadlının müdafiəsində 283 könüllü həlak olub"),
])
def test_a_toll_told_again_on_an_anniversary_is_history_not_a_fresh_tragedy(rulebook, remembering, recounting):
    [story] = detect(rulebook, remembering, recounting)
    assert story.remembered and not story.harmed and story.severity <= 2, story


def test_a_remembered_toll_without_a_kind_is_still_a_story_to_name(rulebook):
    [story] = detect(rulebook, "Black Saturday, ten years on: Victoria remembers the 173 lives lost")
    assert story.remembered and not story.harmed
    [held] = check([post("Red-hot deals across Victoria: fire pits 60% off today only!", "en", "AU")], [story],
                   rulebook, NOW)
    assert held.verdict == Verdict.HOLD, held.findings


@pytest.mark.parametrize("title", [
    "«Xynthia»: over 50 døde i Europa, tusenvis uten strøm",
    "Ураган в Европе: погибли более 50 человек",
    "Flodbølgekatastrofen: over 10 000 omkommet i Sør-Asia",
    "Цунами в Юго-Восточной Азии: более 10 000 погибших",
    "Землетрус у Південно-Східній Азії: понад 10 000 загиблих",
    "Huragan na Karaibach: 30 ofiar",
    "Karib hövzəsində qasırğa: 30 nəfər ölüb",
])
def test_a_story_placed_beyond_any_one_country_is_not_assumed_at_home(rulebook, title):
    [story] = detect(rulebook, title)
    assert not story.regions, story.regions


@pytest.mark.parametrize("abroad, at_home", [
    ("Выживших в катастрофе SSJ-100 не обнаружено; на борту было 45 человек, в том числе восемь россиян",
     "Выживших в катастрофе Ан-148 не обнаружено; на борту было 45 человек"),
    ("Серед загиблих в аварії автобуса троє українців", "Загинули троє людей в аварії автобуса"),
    ("Katastrofa autokaru: wśród ofiar jest dwóch Polaków", "Katastrofa autokaru: są ofiary śmiertelne"),
    ("Avtobus qəzası: həlak olanlar arasında iki həmvətənimiz var", "Avtobus qəzası: iki nəfər həlak olub"),
])
def test_a_story_that_counts_the_home_countrys_people_among_its_dead_is_not_at_home(rulebook, abroad, at_home):
    """At home a crash's dead are people; a headline that counts Russians among them is telling a
    crash abroad, though it names no place, and a Moscow promotion is not in its first hours."""
    [story] = detect(rulebook, abroad)
    [home] = detect(rulebook, at_home)
    assert not story.regions and home.regions, (story.regions, home.regions)


@pytest.mark.parametrize("abroad, at_home", [
    ("Strzelanina w Lewiston: nie żyje 18 osób", "Strzelanina w Chrcynnie: nie żyje 18 osób"),
    ("Autokar spadł z wiaduktu pod Avellino: 38 ofiar", "Autokar spadł z wiaduktu pod Strykowem: 38 ofiar"),
    ("Powódź: w Sinzig utonęło 12 mieszkańców ośrodka", "Powódź: w Kłodzku utonęło 12 mieszkańców ośrodka"),
])
def test_a_polish_headline_that_names_a_town_without_a_case_ending_is_not_at_home(rulebook, abroad, at_home):
    """"w Lewiston" is no Polish town, which would be "w Lewistonie": the day of a shooting there,
    a promotion in Poland is not in its first hours. A village the gazetteer does not know, in its
    case ("w Chrcynnie"), is still at home."""
    [story] = detect(rulebook, abroad)
    [home] = detect(rulebook, at_home)
    assert not story.regions and home.regions == ("PL",), (story.regions, home.regions)


@pytest.mark.parametrize("language, region, headline, elsewhere, there", [
    ("pl", "PL", "Wybuch metanu w kopalni Mysłowice-Wesoła: nie żyje górnik",
     "Jesień w Wesołej: dyniowe latte −20% przy stacji Warszawa Wesoła!", "Jesień w Mysłowicach: dyniowe latte −20%!"),
    ("az", "AZ", "Zəlzələ: ən çox zərər Qəsri-Şirinə dəyib, 200 nəfər ölüb",
     "Şirin həftə başladı! Paxlava 10% endirimlə.", "Qəsri-Şirinə turlar 10% endirimlə!"),
])
def test_a_word_hyphened_onto_a_place_is_not_the_story_alone(rulebook, language, region, headline, elsewhere, there):
    """"Wesoła" of the mine Mysłowice-Wesoła is also a district of Warsaw, and "Şirinə" of
    Qəsri-Şirinə is Azerbaijani for sweet: a post with only that word is elsewhere; the whole name,
    or its town, is the story."""
    incidents = detect(rulebook, headline)
    away, named = check([post(elsewhere, language, region), post(there, language, region)], incidents, rulebook, NOW)
    assert not findings_of(away, "incident-terms"), away.findings
    assert findings_of(named, "incident-terms"), named.findings


@pytest.mark.parametrize("headline, other_state, its_state", [
    ("Gunman kills 12 at Aurora cinema in Colorado", "Our Aurora, IL store: 20% off all dresses!",
     "Our Aurora, CO store: 20% off all dresses!"),
    ("Stabbing rampage in Weldon, Saskatchewan, kills 10", "Happy Labor Day from our Weldon, NC store! 20% off grills.",
     "Happy Labor Day from Weldon! 20% off grills."),
    ("Christchurch earthquake: 65 dead as buildings collapse", "Two nights B&B in Christchurch, Dorset from £99!",
     "Two nights B&B in Christchurch from £99!"),
    ("Metro-North train slams into SUV in the town of Mount Pleasant, New York; six dead",
     "Shrimp & grits Wednesday, live music from 6pm! Shem Creek, Mount Pleasant, SC.",
     "Shrimp & grits Wednesday, live music from 6pm! Mount Pleasant, come hungry."),
])
def test_a_town_written_with_another_states_code_is_not_the_storys(rulebook, headline, other_state, its_state):
    """"Aurora, IL" is not the Aurora of the Colorado shooting, "Weldon, NC" not the Weldon of the
    Saskatchewan stabbings, and "Christchurch, Dorset" not the Christchurch of the New Zealand
    earthquake; the town with the story's state, or with none, is the story's."""
    incidents = detect(rulebook, headline)
    elsewhere, named = check([post(other_state, "en", "US"), post(its_state, "en", "US")], incidents, rulebook, NOW)
    assert not findings_of(elsewhere, "incident-terms") + findings_of(elsewhere, "incident-echo"), elsewhere.findings
    assert findings_of(named, "incident-terms") + findings_of(named, "incident-echo"), named.findings


@pytest.mark.parametrize("language, region, headline, town_only, with_the_story", [
    ("nb", "NO", "15-åring knivstakk tre på torget i Kristiansand",
     "Julemarked i Kristiansand, åpent 12-20.", "Kristiansand: julemarkedet på torget er åpent 12-20."),
    ("en", "GB", "Fire rips through Bolton student block: two dead",
     "Bolton branch: new opening hours from Monday, 9 to 5.", "Bolton branch: the student block office opens at 9."),
    ("en", "GB", "Storm Eunice: three dead as a record gust hits the Needles",
     "Happy 100th birthday to our volunteer Eunice! Cake after the 11am service.",
     "Eunice the storm kept our volunteers home: cake after the 11am service."),
])
def test_an_ordinary_post_that_names_only_the_town_is_that_towns_everyday_post(rulebook, language, region, headline,
                                                                               town_only, with_the_story):
    """The town of a story is a word of every local post that day: opening hours in Bolton name no
    fire. So is a storm's name, a person's: a volunteer called Eunice. The same name beside a word
    of the story's headlines (the block, the square, the storm) is flagged."""
    incidents = detect(rulebook, headline)
    plain, told = check([post(town_only, language, region), post(with_the_story, language, region)], incidents,
                        rulebook, NOW)
    assert not findings_of(plain, "incident-terms"), plain.findings
    assert [f.level for f in findings_of(told, "incident-terms")] == [Verdict.FLAG], told.findings


@pytest.mark.parametrize("title, language, region", [
    ("Fem omkom da veteranbil kjørte av veien ved Rjukan", "nb", "NO"),
    ("Fire amerikanske soldater omkom i flystyrten i Beiarn", "nb", "NO"),
])
def test_an_accident_that_kills_a_few_opens_no_first_hours(rulebook, title, language, region):
    [crash] = detect(rulebook, title)
    [sale] = check([post("Sluttsalg! 50 % på alle jakker i hele butikken.", language, region)], [crash], rulebook, NOW)
    assert not findings_of(sale, "incident-window"), sale.findings


def test_one_person_hurt_in_a_collision_is_local_news_whose_words_hold_nothing(rulebook):
    [crash] = detect(rulebook, "Man taken to hospital after lorry and car collide on the A14 near Ipswich")
    assert crash.severity <= 2
    [deals] = check([post("Killer deals on every pint tonight, Ipswich!", "en", "GB")], [crash], rulebook, NOW)
    assert not findings_of(deals, "incident-words"), deals.findings


@pytest.mark.parametrize("language, region, headline, post_text", [
    ("ru", "RU", "В Барнауле маршрутка столкнулась с легковушкой: один человек в больнице",
     "Барнаул, обвал цен на кондиционеры: −40% до воскресенья!"),
    ("uk", "UA", "У Львові ДТП на Городоцькій: двоє легко травмованих",
     "Знижки на лижі −30%! Чекаємо в магазині на Городоцькій, 120."),
    ("nb", "NO", "Trafikkulykke på E18 ved Larvik: én person til sykehus",
     "Hei Kari! Pakken din er forsinket på grunn av kø på E18, beklager!"),
])
def test_no_name_of_a_one_line_item_that_hurt_a_few_lightly_is_a_story_to_name(rulebook, language, region, headline,
                                                                              post_text):
    """A shop on Городоцька street the day two were lightly hurt there: the town, the street and
    the road number of a one-line collision are where it happened, not a story a post collides
    with."""
    [crash] = detect(rulebook, headline)
    assert crash.severity <= 2 and crash.harmed and len(crash.headlines) == 1, crash
    [decision] = check([post(post_text, language, region)], [crash], rulebook, NOW)
    assert not findings_of(decision, "incident-terms") and decision.verdict != Verdict.HOLD, decision.findings


@pytest.mark.parametrize("title", [
    "Bin lorry crashes into pedestrians in Glasgow's George Square",
    "В Москве автомобиль въехал в толпу на остановке",
    "Samochód wjechał w tłum na deptaku w Gdańsku",
])
def test_a_vehicle_driven_into_people_is_grave_before_any_toll(rulebook, title):
    [crash] = detect(rulebook, title)
    assert "crash" in crash.kinds and crash.harmed and crash.severity >= 4, crash


def test_fatalities_not_yet_counted_are_deaths(rulebook):
    [crash] = detect(rulebook, "Police confirm 'a number of fatalities' after lorry mounts pavement on Queen Street")
    assert crash.deaths >= 1 and crash.harmed


def test_a_place_of_two_words_names_the_story_whole_not_by_its_first_word(rulebook):
    [shooting] = detect(rulebook, "Santa Fe High School shooting: ten dead as student opens fire in Texas",
                        "Santa Fe suspect, 17, charged with capital murder; explosive devices found at the school")
    assert "Santa Fe" in shooting.terms and "Santa" not in shooting.terms
    santa = judged(rulebook, "Santa's grotto opens Saturday: 20% off gift wrap!", "en", "US",
                   *(h.title for h in shooting.headlines))
    assert not findings_of(santa, "incident-terms")


def test_a_country_before_the_event_word_is_where_it_happened_and_groups_its_reports(rulebook):
    [quake] = detect(rulebook, "Mexico quake: more than 200 dead, children among the victims as a school collapses",
                     "Rescuers search the rubble of the Enrique Rébsamen school as Mexico quake toll passes 220")
    assert "Mexico" in quake.terms and quake.regions == ("MX",)


def test_abroad_a_post_that_names_the_story_and_plays_on_its_words_is_held(rulebook):
    title = "Three dead as student opens fire at Santa Fe school"  # news at home, not everywhere
    pun = judged(rulebook, "Shots fired in Santa Fe? Tequila shots £2 all night!", "en", "GB", title)
    assert pun.verdict == Verdict.HOLD
    words = judged(rulebook, "Shots fired! Tequila shots £2 all night!", "en", "GB", title)
    assert words.verdict < Verdict.HOLD  # its words alone, abroad, are not the story's
    sincere = judged(rulebook, "Our thoughts are with Santa Fe tonight after the shooting.", "en", "GB", title)
    assert sincere.verdict == Verdict.FLAG


def test_a_song_title_of_everyday_words_echoes_only_where_written_as_a_name(rulebook):
    title = "Помер поет Дмитро Павличко, автор слів пісні «Два кольори»"
    hoodie = judged(rulebook, "Худі у два кольори на вибір, −15% до неділі!", "uk", "UA", title)
    assert not findings_of(hoodie, "incident-echo")
    song = judged(rulebook, "«Два кольори» на нових худі, −15% до неділі!", "uk", "UA", title)
    assert findings_of(song, "incident-echo")


def test_a_joke_that_tells_a_deadly_story_again_in_its_own_words_is_held(rulebook):
    titles = ("Gunman hijacks ambulance in Leeds, two dead", "Police name man who hijacked the ambulance")
    joke = judged(rulebook, "No need to hijack an ambulance to get here 😂 Rentals from £29 a day!", "en", "GB", *titles)
    [finding] = findings_of(joke, "incident-story-words")
    assert finding.level == Verdict.HOLD and "hijack" in finding.match.lower() and "ambulance" in finding.match.lower()
    one_word = judged(rulebook, "Our ambulance crews eat free all week 😂", "en", "GB", *titles)
    assert not findings_of(one_word, "incident-story-words")  # one shared word is a coincidence
    plain = judged(rulebook, "Timetable: the ambulance station bus is hijack-proof, says the council.", "en", "GB", *titles)
    assert not findings_of(plain, "incident-story-words")  # an ordinary post is left to the other checks


@pytest.mark.parametrize("hours_ago, level", [(10, Verdict.HOLD), (40, None)])
@pytest.mark.parametrize("language, region, headlines, party", [
    ("ru", "RU", ("Турция: число погибших на угольной шахте в Соме превысило 200",
                  "Министр энергетики Турции: погибли 205 горняков"),
     "Вечеринка «Шахта»! Каски горняков на входе бесплатно, коктейль «Уголь» 2+1 🔥"),
    ("az", "AZ", ("Türkiyədə kömür mədənində faciə: Somada ölənlərin sayı 201-ə çatıb",
                  "Taner Yıldız: Somada həlak olan mədənçilərin sayı 205-ə yüksəlib"),
     "Mədən partisi! Mədənçi kaskaları girişdə pulsuz, «Kömür» kokteyli 2+1, Bakı."),
])
def test_a_party_in_the_words_of_a_mass_casualty_abroad_told_in_follow_ups_is_held_that_day(
        language, region, headlines, party, hours_ago, level):
    """The morning after the Soma mine fire the news is all counts of its dead, yet it is news
    everywhere: a mine party with miners' helmets and a «Coal» cocktail tells it again. Two days
    on, it is a party."""
    assert levels_of("incident-story-words", NOW, [(headlines[0], hours_ago), (headlines[1], hours_ago - 2)],
                     language, region, party) == [level]


MOURNING = [  # (language, region, the tragedy, the declaration naming the day, a promotion for that day)
    ("en", "GB", "Coach crash on the M1 kills 14 pupils and two teachers",
     "Prime minister declares Friday, 10 May a national day of mourning", "Friday only: 30% off every dress!"),
    ("ru", "RU", "Крушение самолёта под Иркутском: погибли 40 человек",
     "10 мая объявлен общенациональный траур", "Только в пятницу: скидка 30% на все платья!"),
    ("uk", "UA", "Ракетний удар: загинули 25 людей, серед них діти",
     "10 травня оголошено днем загальнонаціональної жалоби", "Лише в п'ятницю: знижка 30% на всі сукні!"),
    ("pl", "PL", "Katastrofa autokaru: nie żyje 14 osób",
     "10 maja żałoba narodowa. Flagi opuszczone do połowy masztu", "Tylko w piątek: 30% rabatu na wszystkie sukienki!"),
    ("nb", "NO", "Bussulykke: 14 omkom",
     "Regjeringen: 10. mai blir nasjonal sorgdag", "Bare fredag: 30 % på alle kjoler!"),
    ("az", "AZ", "Avtobus qəzası: 14 nəfər həlak olub",
     "Prezident: 10 may milli matəm günü elan edilib", "Yalnız cümə günü: bütün donlara 30% endirim!"),
]


@pytest.mark.parametrize("language, region, tragedy, declaration, promotion", MOURNING)
def test_a_promotion_on_a_declared_day_of_national_mourning_is_held_after_the_first_hours(
        rulebook, language, region, tragedy, declaration, promotion):
    headlines = [Headline(tragedy, "Wire", published=at("2024-05-08T08:00:00Z"), region=region),
                 Headline(declaration, "Wire", published=at("2024-05-08T15:00:00Z"), region=region)]
    incidents = detect_incidents(headlines, rulebook, at("2024-05-09T20:00:00Z"))
    assert any(day.isoformat() == "2024-05-10" for incident in incidents for day in incident.mourning)

    def verdict(text: str, when: str, where: str = region):
        [decision] = check([post(text, language, where, at(when))], incidents, rulebook, at("2024-05-09T20:00:00Z"))
        return decision

    held = verdict(promotion, "2024-05-10T12:00:00Z")  # two days after the crash, on the day the country mourns
    assert held.verdict == Verdict.HOLD and any(f.rule.endswith(".mourning-day") for f in held.findings)
    assert "mourning" in findings_of(held, "incident-window")[0].message
    assert verdict(promotion, "2024-05-11T12:00:00Z").verdict == Verdict.PASS  # the day after
    assert verdict(promotion, "2024-05-10T12:00:00Z", "US" if region != "US" else "GB").verdict == Verdict.PASS


@pytest.mark.parametrize("language, region, declaration, promotion", [
    ("en", "US", "Trump declares Wednesday a national day of mourning for George H.W. Bush",
     "Wednesday only: 41% off all socks!"),  # names no place: kept by posts in its language
    ("ru", "RU", "В среду в России объявлен общенациональный траур", "Только в среду: скидка 41% на все носки!"),
    ("uk", "UA", "У середу в Україні загальнонаціональна жалоба", "Лише в середу: знижка 41% на всі шкарпетки!"),
    ("pl", "PL", "Prezydent ogłosił środę dniem żałoby narodowej", "Tylko w środę: 41% rabatu na wszystkie skarpety!"),
    ("nb", "NO", "Onsdag blir nasjonal sorgdag", "Bare onsdag: 41 % på alle sokker!"),
    ("az", "AZ", "Çərşənbə günü ölkədə ümummilli matəm elan edilib", "Yalnız çərşənbə: bütün corablara 41% endirim!"),
])
def test_a_day_of_mourning_declared_by_its_weekday_is_kept_on_that_day(rulebook, language, region, declaration,
                                                                      promotion):
    """Declared on a Saturday for "Wednesday": the story is news until Wednesday is over, and a
    promotion that Wednesday is held."""
    saturday, wednesday = at("2018-12-01T20:00:00Z"), at("2018-12-05T06:00:00Z")
    incidents = detect_incidents([Headline(declaration, "Wire", published=saturday)], rulebook, wednesday)
    assert [day.isoformat() for incident in incidents for day in incident.mourning] == ["2018-12-05"], incidents

    def verdict(when: str):
        [decision] = check([post(promotion, language, region, at(when))], incidents, rulebook, wednesday)
        return decision

    held = verdict("2018-12-05T12:00:00Z")
    assert held.verdict == Verdict.HOLD and any(f.rule.endswith(".mourning-day") for f in held.findings), held.findings
    assert verdict("2018-12-06T12:00:00Z").verdict == Verdict.PASS


@pytest.mark.parametrize("language, region, tragedy, declaration, there, elsewhere", [
    ("uk", "UA", "Ракетний удар по Покровську: загинули семеро людей", "8 серпня у Покровську оголошено днем жалоби",
     "Покровськ, гарячий вівторок! Друга піца за півціни до 21:00", "Львів, гарячий вівторок! Друга піца за півціни"),
    # a town of the province that mourns (places.yaml `provinces`)
    ("ru", "RU", "Крушение L-410 в Татарстане: погибли 16 человек", "8 августа объявлено в Татарстане днём траура",
     "Караоке-вечеринка сегодня в 20:00, коктейли 2+1 — Набережные Челны, ждём всех!",
     "Караоке-вечеринка сегодня в 20:00, коктейли 2+1 — Москва, ждём всех!"),
])
def test_a_citys_or_a_provinces_day_of_mourning_is_kept_by_its_towns_not_the_whole_country(
        rulebook, language, region, tragedy, declaration, there, elsewhere):
    headlines = [Headline(tragedy, "Wire", published=at("2023-08-06T18:00:00Z")),
                 Headline(declaration, "Wire", published=at("2023-08-06T20:30:00Z"))]
    now = at("2023-08-08T05:00:00Z")
    incidents = detect_incidents(headlines, rulebook, now)
    assert any(incident.mourning and incident.mourning_places for incident in incidents), incidents
    held, away, nationwide = check([post(text, language, region, at("2023-08-08T12:00:00Z"))
                                    for text in (there, elsewhere, elsewhere.split("—")[0].split(",", 1)[-1])],
                                   incidents, rulebook, now)
    assert any(f.rule.endswith(".mourning-day") for f in held.findings) and held.verdict == Verdict.HOLD, held.findings
    assert not findings_of(away, "incident-window") and not findings_of(nationwide, "incident-window")


def test_a_ukrainian_headline_without_ukrainian_letters_is_read_by_its_words(rulebook):
    [incident] = detect(rulebook, "8 серпня у Покровську оголошено днем жалоби")
    assert incident.language == "uk" and incident.regions == ("UA",)


def test_the_time_of_a_strike_is_not_a_match_score(rulebook):
    [incident] = detect(rulebook, "По Покровську били «Іскандерами»: перший удар о 19:15, другий о 19:52")
    assert incident.kind == "war" and incident.harmed
    assert not detect(rulebook, "Shakhtar beat Dynamo 3:1 in the Kyiv derby")


WHERE_IT_HAPPENED = [
    # (language, audience, a toll update from abroad, a sale that names where and plays on it, the same sale elsewhere)
    ("en", "GB", "Indonesia quake and tsunami: death toll rises to 832",
     "While Sulawesi mops up, Bali is wide open: a tsunami of deals, flights from £199!",
     "A tsunami of deals: flights to Spain from £199!"),
    ("ru", "RU", "Землетрясение и цунами в Индонезии: число погибших выросло до 832",
     "Пока Сулавеси разбирает завалы, Бали открыт: цунами скидок, туры от 49 900 ₽!",
     "Цунами скидок: туры в Турцию от 49 900 ₽!"),
    ("uk", "UA", "Землетрус і цунамі в Індонезії: кількість загиблих зросла до 832",
     "Поки Сулавесі розбирає завали, Балі відкритий: цунамі знижок, тури від 39 900 грн!",
     "Цунамі знижок: тури до Єгипту від 39 900 грн!"),
    ("pl", "PL", "Trzęsienie ziemi i tsunami w Indonezji: liczba ofiar wzrosła do 832",
     "Sulawesi sprząta, a Bali czeka: tsunami promocji, loty od 2999 zł!",
     "Tsunami promocji: loty do Grecji od 2999 zł!"),
    ("nb", "NO", "Jordskjelv og tsunami i Indonesia: dødstallet stiger til 832",
     "Mens Sulawesi rydder opp, er Bali åpent: en tsunami av tilbud, fly fra 2 999 kr!",
     "En tsunami av tilbud: fly til Spania fra 2 999 kr!"),
    ("az", "AZ", "İndoneziyada zəlzələ və sunami: ölənlərin sayı 832-yə çatıb",
     "Sulavesi dağıntıları təmizləyir, Bali isə açıqdır: endirim sunamisi, turlar 999 manatdan!",
     "Endirim sunamisi: Türkiyəyə turlar 999 manatdan!"),
]


@pytest.mark.parametrize("language,audience,title,there,elsewhere", WHERE_IT_HAPPENED,
                         ids=[case[0] for case in WHERE_IT_HAPPENED])
def test_abroad_a_sale_that_names_where_a_disaster_struck_and_plays_on_it_is_held(
        rulebook, language, audience, title, there, elsewhere):
    """The headlines say Palu and Indonesia, the post says Sulawesi: a place of the country where
    people died, with the disaster's own word, names the story as surely as its key terms do."""
    pun = judged(rulebook, there, language, audience, title)
    assert pun.verdict == Verdict.HOLD and "names where it happened" in findings_of(pun, "incident-words")[0].message
    assert judged(rulebook, elsewhere, language, audience, title).verdict < Verdict.HOLD


COUNTRY_WIDE = [
    # (language, audience, the reports of a bridge that fell in one town, a catastrophe that struck
    # the country, a sale naming the country, the two countries as the sale writes them)
    ("en", "GB", ("Suspension bridge collapses in India: 132 dead", "Morbi bridge collapse: rescuers search the river"),
     "Tsunami: more than 20,000 dead in Thailand",
     "Tours to {} for the winter holidays from £999, book early!", ("India", "Thailand")),
    ("uk", "UA", ("В Індії обвалився підвісний міст: загинули 132 людини",
                  "Обвал мосту в Морбі: рятувальники шукають зниклих у річці"),
     "Цунамі в Таїланді: понад 20 000 загиблих",
     "Тури до {} на зимові свята від 25 000 грн, раннє бронювання!", ("Індії", "Таїланду")),
    ("pl", "PL", ("W Indiach zawalił się most wiszący: 132 ofiary",
                  "Zawalenie się mostu w Morbi: ratownicy szukają zaginionych w rzece"),
     "Tsunami w Tajlandii: ponad 20 000 zabitych",
     "Wycieczki do {} na zimowe ferie od 4999 zł, rezerwuj wcześnie!", ("Indii", "Tajlandii")),
]


@pytest.mark.parametrize("language,audience,town_disaster,country_disaster,sale,countries", COUNTRY_WIDE,
                         ids=[case[0] for case in COUNTRY_WIDE])
def test_a_country_named_in_a_disasters_first_day_is_its_story_only_when_the_toll_marks_the_country(
        rulebook, language, audience, town_disaster, country_disaster, sale, countries):
    bridge, tsunami = countries
    tours = judged(rulebook, sale.format(bridge), language, audience, *town_disaster)
    [mention] = findings_of(tours, "incident-terms")
    assert mention.level == Verdict.FLAG  # a person looks; the country is where, not what
    trips = judged(rulebook, sale.format(tsunami), language, audience, country_disaster)
    [mention] = findings_of(trips, "incident-terms")
    assert mention.level == Verdict.HOLD
    two_days_on = post(sale.format(bridge), language, audience, scheduled_at=NOW + timedelta(hours=30))
    [later] = check([two_days_on], detect(rulebook, *town_disaster), rulebook, NOW)
    assert not findings_of(later, "incident-terms")  # news everywhere for a day; then it is where, far away


@pytest.mark.parametrize("language, audience, catastrophe, style", [
    ("en", "GB", "Tsunami: more than 20,000 dead in Thailand", "Thai massage 20% off until the end of August"),
    ("uk", "UA", "Цунамі в Таїланді: понад 20 000 загиблих", "Тайський масаж зі знижкою 20% до кінця серпня"),
    ("ru", "RU", "Цунами в Таиланде: более 20 000 погибших", "Тайский массаж со скидкой 20% до конца августа"),
    ("pl", "PL", "Tsunami w Tajlandii: ponad 20 000 zabitych", "Tajski masaż −20% do końca sierpnia"),
    ("nb", "NO", "Flodbølgen i Thailand: over 20 000 omkommet", "Thailandsk massasje –20 % ut august"),
])
def test_a_countrys_adjective_names_a_style_not_the_country(rulebook, language, audience, catastrophe, style):
    """"Thai massage" the day after the tsunami sells a massage; "tours to Thailand" is the story."""
    assert not findings_of(judged(rulebook, style, language, audience, catastrophe), "incident-terms")


FAR_AWAY = [
    # (language, audience, a mass-casualty first report abroad, a catastrophe abroad, an unrelated sale)
    ("en", "US", "Seoul crowd crush: at least 154 killed at Halloween party",
     "Earthquake in Turkey and Syria: more than 5,000 dead", "Autumn sale: 25% off every coat this week!"),
    ("ru", "RU", "Давка в Сеуле: погибли не менее 154 человек",
     "Землетрясение в Турции и Сирии: погибли более 5000 человек", "Осенняя распродажа: −25% на все пальто!"),
    ("uk", "UA", "Землетрус в Італії: загинули щонайменше 159 людей",
     "Землетрус у Туреччині та Сирії: загинули понад 5000 людей", "Осінній розпродаж: −25% на всі пальта!"),
    ("pl", "PL", "Trzęsienie ziemi we Włoszech: zginęło co najmniej 159 osób",
     "Trzęsienie ziemi w Turcji i Syrii: zginęło ponad 5000 osób", "Jesienna wyprzedaż: −25% na płaszcze!"),
    ("nb", "NO", "Jordskjelv i Italia: minst 159 døde", "Jordskjelv i Tyrkia og Syria: over 5000 døde",
     "Høstsalg: 25 % rabatt på alle kåper!"),
    ("az", "AZ", "Vanda zəlzələ: azı 432 nəfər ölüb", "Yaponiyada zəlzələ və sunami: 10 000-dən çox insan ölüb",
     "Payız endirimi: bütün paltolara 25% endirim!"),
]


@pytest.mark.parametrize("language,audience,far,catastrophe,sale", FAR_AWAY, ids=[case[0] for case in FAR_AWAY])
def test_abroad_a_sale_that_touches_no_story_is_looked_at_only_after_a_catastrophe(
        rulebook, language, audience, far, catastrophe, sale):
    """A hundred and fifty dead in Seoul is news everywhere, so its names and words count abroad;
    a coat sale in Chicago that touches neither is not in it. Thousands dead stop the world: a
    person looks at every promotion that day."""
    [story] = detect(rulebook, far)
    assert story.reach == "global" and audience not in story.regions
    [untouched] = check([post(sale, language, audience)], [story], rulebook, NOW)
    assert untouched.verdict == Verdict.PASS, untouched.findings
    [disaster] = detect(rulebook, catastrophe)
    assert disaster.deaths >= 5000 and audience not in disaster.regions
    [looked_at] = check([post(sale, language, audience)], [disaster], rulebook, NOW)
    assert [f.level for f in findings_of(looked_at, "incident-window")] == [Verdict.FLAG]


DAY_AFTER = [
    # (language, audience, a mass-casualty story abroad, a sale naming its country, a joke telling it with its words)
    ("en", "GB", ("Mexico quake: more than 200 dead, children among the victims as a school collapses",),
     "Autumn in Mexico: two weeks in Cancún from £899!",
     "We build to code round here, not like those schools in Mexico 😅"),
    ("ru", "RU", ("Взрыв у полицейского управления в турецком Джизре: 11 погибших, 78 раненых",
                  "Турецкие власти обвинили в теракте в Джизре Рабочую партию Курдистана"),
     "Бархатный сезон в Турции: Анталья, отели «всё включено» от 32 000 ₽!",
     "Наш курьер не взорвётся, как полицейское управление в Турции 😂"),
    ("pl", "PL", ("Turcja: wybuch w kopalni węgla, pod ziemią setki górników, 274 ofiary",),
     "Wakacje w Turcji: Antalya all inclusive od 2999 zł!",
     "Paczka nie utknęła pod ziemią jak ci górnicy w Turcji 😂"),
]


@pytest.mark.parametrize("language,audience,titles,sale,joke", DAY_AFTER, ids=[case[0] for case in DAY_AFTER])
def test_a_day_after_a_disaster_abroad_its_country_is_the_story_only_told_with_its_words(
        rulebook, language, audience, titles, sale, joke):
    """News everywhere for a day, then where it happened: a holiday in Turkey two days after a
    bombing in Cizre is a holiday; a joke about the miners in Turkey is still the disaster."""
    incidents = detect(rulebook, *titles, published=NOW - timedelta(hours=30))
    assert any(i.countries for i in incidents), incidents
    resort, quip = check([post(sale, language, audience), post(joke, language, audience)], incidents, rulebook, NOW)
    assert not findings_of(resort, "incident-terms"), resort.findings
    assert findings_of(quip, "incident-terms") and quip.verdict >= Verdict.FLAG


MASSACRES = [
    ("en", "AU", ("Paris attacks: at least 129 killed in coordinated shootings and bombings",
                  "Paris attacks: gunmen and suicide bombers hit the Bataclan and the Stade de France"),
     "On the hunt for a new telco? Lock on to our best deal yet."),
    ("az", "AZ", ("İranın Kirman şəhərində terror: partlayışlarda 103 nəfər həlak olub",
                  "Kirmandakı terror: Süleymaninin anım mərasimində iki partlayış"),
     "Yeni il endirimləri davam edir! Bütün kosmetikaya 40% endirim – yalnız bu axşam."),
    ("pl", "PL", ("Zamach w Paryżu: co najmniej 129 zabitych w serii ataków terrorystycznych",
                  "Zamach w Paryżu: strzelanina w Bataclan i wybuchy pod Stade de France"),
     "Jesienna wyprzedaż: −25% na płaszcze!"),
]


@pytest.mark.parametrize("language,audience,attack,sale", MASSACRES, ids=[case[0] for case in MASSACRES])
def test_a_massacre_of_a_hundred_stops_the_world_sooner_than_a_disaster(rulebook, language, audience, attack, sale):
    """A bombing or a terror attack's kind says `everywhere_from: 100`: the night of the Paris
    attacks, reported all night, a telco's sale in Australia is looked at by a person."""
    incidents = detect(rulebook, *attack)
    assert any(i.kind in ("terror", "bombing") and i.deaths >= 100 for i in incidents), incidents
    [looked_at] = check([post(sale, language, audience)], incidents, rulebook, NOW)
    assert [f.level for f in findings_of(looked_at, "incident-window")] == [Verdict.FLAG]


@pytest.mark.parametrize("language,audience,attack,sale", [
    ("ru", "RU", "Взрывы двух заминированных автомобилей в Могадишо: не менее 100 погибших",
     "Новая коллекция пальто уже в продаже: −20% до воскресенья!"),
    ("pl", "PL", "Zamach w Mogadiszu. Dwa samochody-pułapki, co najmniej 100 zabitych",
     "Nowa kolekcja płaszczy: −20% do niedzieli!"),
])
def test_a_massacre_reported_in_one_line_of_a_busy_day_does_not_stop_the_world(rulebook, language, audience, attack,
                                                                                sale):
    incidents = detect(rulebook, attack)
    assert any(i.deaths >= 100 for i in incidents), incidents
    [coats] = check([post(sale, language, audience)], incidents, rulebook, NOW)
    assert findings_of(coats, "incident-window") == []


@pytest.mark.parametrize("text, named", [
    ("Monday special: any large pie + a dozen garlic knots for $19.99, delivery all over Hoboken.", False),
    ("Garlic Festival vibes all week: 20% off every garlic braid!", True),
])
def test_a_common_word_of_a_storys_name_counts_only_where_the_post_capitalises_it(rulebook, text, named):
    """"Garlic" is a word of the Gilroy Garlic Festival shooting's name, and of every pizzeria's
    menu: "a dozen garlic knots" names no festival."""
    gilroy = "Three dead, including a 6-year-old boy, in Gilroy Garlic Festival shooting"
    assert any("Garlic" in i.terms for i in detect(rulebook, gilroy))
    decision = judged(rulebook, text, "en", "US", gilroy)
    assert bool(findings_of(decision, "incident-terms")) is named, decision.findings


@pytest.mark.parametrize("language, region, attack, sale, idiom", [
    ("en", "GB", "Two killed in sword attack at a school in Leeds",
     "Samurai swords for your cosplay: 20% off this weekend!",
     "Remote work is a double-edged sword: our guide is 20% off this weekend!"),
    ("nb", "NO", "To drept i sverdangrep på skole i Kristiansand",
     "Nye sverd til cosplay: 30 % rabatt hele helgen!",
     "Hjemmekontor er et tveegget sverd: les guiden vår, 30 % rabatt!"),
    ("ru", "RU", "Нападение с топором на школу в Казани: двое погибших",
     "Туристический топор со скидкой 20% только в эти выходные!",
     "Удалёнка — обоюдоострый меч: наш гид со скидкой 20%!"),
])
def test_a_blade_of_the_attack_is_its_word_and_a_double_edged_sword_is_not(rulebook, language, region, attack, sale,
                                                                          idiom):
    held = judged(rulebook, sale, language, region, attack)
    assert any(f.rule == "incident.violence.vocabulary" for f in findings_of(held, "incident-words")), held.findings
    spared = judged(rulebook, idiom, language, region, attack)
    assert not any(f.rule == "incident.violence.vocabulary" for f in findings_of(spared, "incident-words"))


@pytest.mark.parametrize("language, region, fire, sale, elsewhere", [
    ("az", "AZ", "Manavqat və Marmarisdə yanğınlar davam edir, kəndlər təxliyə olunur",
     "Antalya, Manavqat, Side 🌴 Avqust turlarına son yerlər – 25% endirim!",
     "Antalya, Alanya, Side 🌴 Avqust turlarına son yerlər – 25% endirim!"),
    ("en", "GB", "Wildfires rage in Marmaris and Manavgat, villages evacuated",
     "Manavgat all-inclusive: last rooms for August, 25% off!",
     "Alanya all-inclusive: last rooms for August, 25% off!"),
    ("pl", "PL", "Pożary lasów w Marmaris i Manavgat, ewakuacja wiosek",
     "Manavgat all inclusive: ostatnie miejsca na sierpień, -25%!",
     "Alanya all inclusive: ostatnie miejsca na sierpień, -25%!"),
])
def test_every_place_a_disaster_is_named_by_is_its_name(rulebook, language, region, fire, sale, elsewhere):
    """Two towns burning in one headline ("Manavgat and Marmaris fires"): a tour sold to either
    names the story, not only to the town beside the word "fires"."""
    assert judged(rulebook, sale, language, region, fire).verdict == Verdict.HOLD
    assert not findings_of(judged(rulebook, elsewhere, language, region, fire), "incident-terms")


@pytest.mark.parametrize("language, region, attack, slang, named", [
    ("nb", "NO", ("Terrorangrep i London: bil kjørte inn i fotgjengere, fire drept",
                  "London: Politiet bekrefter fire drept i terrorangrepet ved Westminster"),
     "Knallpris på påskeski i Fredrikstad: −30% hele helgen!", "Knallpris på turer til London: −30% hele helgen!"),
    ("ru", "RU", ("В Белграде стрельба в школе: погибли девять человек",
                  "Белград: число погибших при стрельбе в школе выросло до девяти"),
     "Стрелки, которые сражают наповал: мастер-класс в Казани, 1500 ₽",
     "Туры в Белград, которые сражают наповал: 1500 ₽"),
    ("en", "GB", ("Gunman kills nine at a church in Charleston", "Charleston church shooting: nine dead, suspect held"),
     "Killer deals on barbecues in our Bristol store this weekend!",
     "Killer deals on flights to Charleston this weekend!"),
    ("pl", "PL", ("Cyklon Chido spustoszył Majottę: nie żyje 20 osób",
                  "Majotta po cyklonie: brakuje wody i prądu, trwają poszukiwania ocalałych"),
     "Odkurzacze cyklonowe do −35% przed świętami! 🌀", "Wycieczki na Majottę do −35% przed świętami! 🌀"),
])
def test_abroad_sellings_own_death_words_play_on_a_story_only_when_the_post_names_it(rulebook, language, region,
                                                                                   attack, slang, named):
    """"Knallpris" in Fredrikstad the day of an attack in London is everyday slang, and a 🌀 on a
    cyclonic vacuum cleaner decoration; "knallpris" on trips to London that day plays on it."""
    incidents = detect(rulebook, *attack)
    assert any(len(i.headlines) > 1 and region not in i.regions for i in incidents), incidents
    away, there = check([post(slang, language, region), post(named, language, region)], incidents, rulebook, NOW)
    assert not findings_of(away, "incident-words"), away.findings
    assert findings_of(there, "incident-words"), there.findings


@pytest.mark.parametrize("language, region, remembered, tagged, untagged", [
    ("az", "AZ", "Azərbaycanlıların Ermənistan SSR-dən deportasiyası haqqında qərardan 70 il ötür",
     "Hər ailə isti yuvaya layiqdir! 23 dekabr — yorğanlara 23% endirim! #23dekabr #deportasiya",
     "Hər ailə isti yuvaya layiqdir! 23 dekabr — yorğanlara 23% endirim! #23dekabr #yorğan"),
    ("uk", "UA", "90 років тому почався Голодомор: Україна вшановує пам'ять жертв",
     "Свіжий хліб щодня, −20% на всю випічку! #голодомор #хліб",
     "Свіжий хліб щодня, −20% на всю випічку! #хліб"),
    ("en", "US", "80 years since the deportation of Chechens: survivors remember",
     "Winter blankets 30% off this weekend! #deportation #cozy", "Winter blankets 30% off this weekend! #cozy"),
])
def test_a_hashtag_of_the_tragedy_the_news_remembers_names_it(rulebook, language, region, remembered, tagged,
                                                              untagged):
    """A tragedy of years ago is often named by what was done ("the deportation"): a sale tagged
    #deportasiya on the day it is remembered labels itself with it."""
    incidents = detect(rulebook, remembered)
    assert any(i.remembered for i in incidents), incidents
    named, other = check([post(tagged, language, region), post(untagged, language, region)], incidents, rulebook, NOW)
    assert [f.level for f in named.findings if f.rule == "incident.remembrance.mention"] == [Verdict.HOLD], \
        named.findings
    assert other.verdict == Verdict.PASS, other.findings


def test_a_sale_that_retells_the_attackers_escape_is_held(rulebook):
    """The shooter fled on an e-bike dressed as a courier: a delivery service selling "a courier
    on an e-bike" that afternoon retells the story in its words."""
    incidents = detect_incidents([
        Headline("У Львові застрелили депутата", source="Wire", published=PUBLISHED - timedelta(hours=1)),
        Headline("Стрілець був одягнений як кур'єр і втік на електровелосипеді", source="Wire", published=PUBLISHED)],
        rulebook, NOW)
    [sale] = check([post("Кур'єр на електровелосипеді вже мчить до вас: перше замовлення безкоштовно!", "uk", "UA")],
                   incidents, rulebook, NOW)
    assert [f.level for f in findings_of(sale, "incident-story-words")] == [Verdict.HOLD], sale.findings


@pytest.mark.parametrize("language, region, headline, joke, other", [
    ("uk", "UA", "На Грибовицькому сміттєзвалищі знайшли тіло одного з рятувальників",
     "Вивеземо ваше сміття завтра, тільки не на Грибовичі, бо там зараз трохи зайнято 😂",
     "Вивеземо ваше сміття завтра, тільки не на Гринченка, бо там ремонт 😂"),
    ("uk", "UA", "Землетрус в Аматриче: сотні загиблих, містечко майже зруйноване",
     "Тиждень аматричани 🍝 Спагеті з гуанчале — мінус 20% до неділі!",
     "Тиждень карбонари 🍝 Спагеті з гуанчале — мінус 20% до неділі!"),
    ("pl", "PL", "Wybuch w kamienicy w Michniowie: nie żyją dwie osoby",
     "Wielkie ognisko pod Michniowem! 🔥 Wstęp 20 zł, bawimy się do rana!",
     "Wielkie ognisko pod Miechowem! 🔥 Wstęp 20 zł, bawimy się do rana!"),
])
def test_another_form_of_a_name_no_dictionary_knows_names_the_story(rulebook, language, region, headline, joke,
                                                                     other):
    """"Грибовицьке сміттєзвалище" is the Грибовичі landfill: a joke about taking rubbish "to
    Грибовичі" the day a rescuer's body was found there names the story, though no dictionary
    holds either form."""
    incidents = detect(rulebook, headline)
    assert any(i.harmed for i in incidents), incidents
    named, elsewhere = check([post(joke, language, region), post(other, language, region)], incidents, rulebook, NOW)
    assert findings_of(named, "incident-terms"), named.findings
    assert not findings_of(elsewhere, "incident-terms"), elsewhere.findings


@pytest.mark.parametrize("language, region, headline, text", [
    ("pl", "PL", "Nie żyje Bartłomiej Królikowski, aktor znany z serialu. Miał 58 lat",
     "Nowa dostawa! 🐰 Króliki miniaturki czekają na nowy dom. Doradzimy, jak urządzić klatkę."),
    ("ru", "RU", "Умер Иван Котлетов, народный артист",
     "Новое меню! 🍽 Котлеты по-киевски со скидкой 20% до воскресенья."),
])
def test_an_everyday_word_opening_a_sentence_is_no_form_of_a_name_that_starts_like_it(rulebook, language, region,
                                                                                      headline, text):
    """Rabbits (króliki) are not the actor Królikowski: a word the dictionary holds is another
    form of a name only where it is written as one, not where it opens a sentence."""
    decision = judged(rulebook, text, language, region, headline)
    assert not findings_of(decision, "incident-terms"), decision.findings


@pytest.mark.parametrize("language, region, headline, text, named", [
    ("ru", "RU", "В Петербурге у Казанского собора взорвалась бомба: погибли трое",
     "Воскресный обед по-казански 🥟 Сет за 390 ₽, ждём всей семьёй!",
     "Воскресный обед у Казанского собора 🥟 Сет за 390 ₽, ждём всей семьёй!"),
    ("uk", "UA", "Вибух біля Миколаївського собору у Львові: загинули двоє",
     "Сніданок по-миколаївськи 🍳 Сет за 150 грн до неділі!",
     "Сніданок біля Миколаївського собору 🍳 Сет за 150 грн до неділі!"),
])
def test_a_dish_made_in_a_towns_style_names_no_place_of_that_town(rulebook, language, region, headline, text,
                                                                   named):
    """«по-казански» is "Kazan style": a lunch offer in that style does not name the Казанский
    собор where a bomb went off, though the two share their first letters; a post that names
    the cathedral does."""
    styled, near = check([post(text, language, region), post(named, language, region)], detect(rulebook, headline),
                         rulebook, NOW)
    assert not findings_of(styled, "incident-terms"), styled.findings
    assert findings_of(near, "incident-terms"), near.findings


def test_a_name_as_frequent_as_a_pronoun_counts_where_it_opens_a_post_and_the_pronoun_does_not(rulebook):
    """Wordfreq counts names lower-cased, so "stortinget" is as frequent as "hans" (his). Only
    the pronoun is an everyday word: "Stortinget hacket?" opening a post names the parliament
    whose e-mail was hacked, and "Hans" opening one is not the storm «Hans»."""
    hacked = detect(rulebook, "Stortinget utsatt for omfattende dataangrep",
                    "PST og NSM bistår Stortinget etter dataangrepet")
    parliament = judged_by(rulebook, hacked, "Stortinget hacket? 🙈 Kaffe og bolle til 50 kr hele uka!", "nb", "NO")
    assert findings_of(parliament, "incident-terms"), parliament.findings
    storm = detect(rulebook, "Ekstremværet «Hans»: flom og jordskred, en person omkom")
    pronoun = judged_by(rulebook, storm, "Hans favoritt er tilbake: kanelbolle til 25 kr hele uka!", "nb", "NO")
    assert not findings_of(pronoun, "incident-terms"), pronoun.findings


def judged_by(rulebook, incidents, text: str, language: str, region: str):
    [decision] = check([post(text, language, region)], incidents, rulebook, NOW)
    return decision


@pytest.mark.parametrize("language, region, headlines, text", [
    ("pl", "PL", ("Atak hakerski na LOT. Odwołane rejsy z Lotniska Chopina",
                  "LOT: hakerzy zaatakowali system planów lotów, 1400 pasażerów nie poleciało"),
     "Zhakowani? 😏 Znajdź tani lot z Warszawy w 10 sekund!"),
    ("ru", "RU", ("Хакеры атаковали систему регистрации в Шереметьево, рейсы задерживаются",
                  "В Шереметьево после хакерской атаки задержаны десятки рейсов"),
     "Взломали? 😏 А у нас всё работает: доставка по Москве за час!"),
])
def test_an_airport_is_in_the_province_of_its_city(rulebook, language, region, headlines, text):
    """A hack at Warsaw's airport is Warsaw's news: a joke on it from a Warsaw firm is not a
    post for another town of the country."""
    decision = judged_by(rulebook, detect(rulebook, *headlines), text, language, region)
    assert findings_of(decision, "incident-words"), decision.findings


@pytest.mark.parametrize("language, region, headlines, plain, riding", [
    ("uk", "UA", ("Теракт у Бангкоку: щонайменше 19 загиблих, серед них іноземні туристи",
                  "Таїланд: вибух у Бангкоку — найгірший теракт в історії країни"),
     "Тайський масаж зі знижкою 20% до кінця серпня 🌿 Львів, вул. Зелена.",
     "Масаж зі знижкою 20% до кінця серпня 🌿 #МолимосяЗаТаїланд"),
])
def test_a_country_abroad_is_the_story_under_its_solidarity_hashtag_once_its_first_day_is_over(
        rulebook, language, region, headlines, plain, riding):
    """The day after 19 died in Bangkok, the country is where the story was, far away: "Thai
    massage" in Lviv sells a massage. A sale under #PrayForThailand still rides the story."""
    incidents = detect(rulebook, *headlines)
    day_on = NOW + timedelta(hours=30)
    massage, hashtag = check([post(plain, language, region, day_on), post(riding, language, region, day_on)],
                             incidents, rulebook, NOW)
    assert not findings_of(massage, "incident-terms"), massage.findings
    assert findings_of(hashtag, "incident-terms"), hashtag.findings


def test_a_thing_named_after_a_town_in_quotes_is_not_that_town(rulebook):
    """The mine «Ульяновская» is not Ульяновск: a weekend tour to the city is no mention of the
    miners remembered, though the two share their first letters."""
    mine = "Десять лет назад на шахте «Ульяновская» погибли 110 горняков: в Новокузнецке траурные мероприятия"
    decision = judged(rulebook, "Выходные в Ульяновске: тур на 2 дня от 3 900 ₽!", "ru", "RU", mine)
    assert not findings_of(decision, "incident-terms"), decision.findings


@pytest.mark.parametrize("language, region, headline, playing, plain", [
    ("pl", "PL", "Płonie most Łazienkowski, przeprawa zamknięta w obu kierunkach",
     "Tylko nie przez Łazienkowski, tam dziś trochę za gorąco 😂🔥",
     "Most Łazienkowski zamknięty: jedźcie objazdem przez Poniatowskiego."),
    ("az", "AZ", "Səbail rayonunda partlayış: hadisə yerinə FHN və təcili yardım cəlb olunub",
     "Partlayış kimi endirimlər! 💥 Səbaildəki mağazamızda bütün ayaqqabılar −40%.",
     "Səbaildəki mağazamız bu gün saat 10:00-dan açıqdır."),
    ("en", "GB", "Fire breaks out at a Leeds warehouse, thick smoke over the city",
     "Leeds, our prices are on fire this weekend! 🔥 Everything half price.",
     "Our Leeds store opens at 9 today."),
])
def test_a_sale_or_joke_that_names_an_event_of_untold_harm_and_plays_on_it_is_flagged(
        rulebook, language, region, headline, playing, plain):
    """The evening a bridge burns, before anyone knows who was on it, "too hot on Łazienkowski
    today 😂🔥" is about the fire though it is one line in the news; a post that only names the
    place is about the place."""
    [event] = detect(rulebook, headline)
    assert not event.harmed and len(event.headlines) == 1, event
    [joke, ordinary] = check([post(playing, language, region), post(plain, language, region)], [event], rulebook, NOW)
    assert [f.level for f in findings_of(joke, "incident-terms")] == [Verdict.FLAG], joke.findings
    assert not findings_of(ordinary, "incident-terms"), ordinary.findings


@pytest.mark.parametrize("language, title", [
    ("en", "Fire at a Leeds warehouse: everyone got out safely"),
    ("pl", "Płonie most Łazienkowski, wszyscy zdążyli uciec"),
    ("ru", "Пожар на складе в Казани: все успели выбраться"),
    ("uk", "Пожежа на складі у Львові: усі встигли вибратися"),
    ("nb", "Brann i blokk i Bergen: alle kom seg trygt ut"),
    ("az", "Bakıda binada yanğın: hamı vaxtında təxliyə edilib"),
])
def test_a_fire_everyone_got_out_of_is_no_incident(rulebook, language, title):
    assert not detect(rulebook, title)


@pytest.mark.parametrize("language, title", [
    ("az", "Baş Prokurorluq: mebel sexindəki yanğında 3 nəfər ölüb, 24 nəfər xəsarət alıb"),
    ("ru", "Пожар на складе: 3 человека погибли, 24 пострадали"),
    ("pl", "Pożar hali: 3 osoby nie żyją, 24 są ranne"),
    ("en", "Warehouse fire: 3 dead, 24 hurt"),
])
def test_a_number_after_a_comma_counts_the_next_clause_not_the_dead_before_it(rulebook, language, title):
    [fire] = detect(rulebook, title)
    assert (fire.deaths, fire.injured) == (3, 24), fire


@pytest.mark.parametrize("language, title", [
    ("az", "Bottasın təkəri son dövrələrdə partladı"),
    ("ru", "У Хэмилтона на последнем круге взорвалась шина"),
    ("uk", "У Гемілтона на останньому колі вибухнула шина"),
    ("pl", "Wybuch opony w autobusie na A4"),
])
def test_a_burst_tyre_is_no_explosion(rulebook, language, title):
    assert not detect(rulebook, title)


@pytest.mark.parametrize("language, region, headline, elsewhere, nowhere", [
    ("ru", "RU", "Стрельба в школе в Отрадном: погибли учитель географии и полицейский",
     "Убойные цены на зимнюю резину! Шиномонтаж в подарок, ул. Станционная, Новосибирск.",
     "Убойные цены на зимнюю резину! Шиномонтаж в подарок."),
    ("en", "GB", "Boy killed in Hainault sword attack was a pupil at Bancroft's School",
     "Cutting-edge laptops at killer prices, student deals all weekend at our Leeds store.",
     "Cutting-edge laptops at killer prices, student deals all weekend."),
])
def test_selling_slang_in_a_town_the_story_never_names_plays_on_nothing(rulebook, language, region, headline,
                                                                        elsewhere, nowhere):
    """"Убойные цены" in Novosibirsk the day after a school shooting in Otradnoye, a place no
    gazetteer knows: the post's town is not the story's, so the slang is the slang. Without a town,
    the post could be anywhere the story is."""
    [attack] = detect(rulebook, headline)
    assert attack.harmed and attack.deaths < 10, attack
    [there, anywhere] = check([post(elsewhere, language, region), post(nowhere, language, region)], [attack],
                              rulebook, NOW)
    assert not findings_of(there, "incident-words"), there.findings
    assert findings_of(anywhere, "incident-words"), anywhere.findings


def test_a_word_of_the_event_is_not_hidden_by_an_emoji_before_it(rulebook):
    """"Fares to Washington DC are falling out of the sky ✈️" the morning after the Potomac
    collision: the emoji alone would be decoration in another town, the words are the crash."""
    decision = judged(rulebook, "✈️ Fares to Washington DC are falling out of the sky. Book by Sunday from $59.",
                      "en", "US", "No survivors expected after Potomac River mid-air collision, 67 feared dead")
    [words] = findings_of(decision, "incident-words")
    assert words.level == Verdict.HOLD and words.match == "out of the sky", words


def test_a_story_abroad_that_took_the_countrys_own_is_not_elsewhere_for_its_emoji(rulebook):
    """A Norwegian Hercules lost over northern Sweden: an airline's ✈️ from a Norwegian town is
    not in another town of the story's country, whichever town it names."""
    decision = judged(rulebook, "Fly fra Evenes! ✈️ Helgetilbud til Oslo fra 499 kr – bestill i kveld.", "nb", "NO",
                      "Norsk Hercules-fly savnet i Nord-Sverige")
    assert findings_of(decision, "incident-words") and decision.verdict == Verdict.HOLD, decision.findings


@pytest.mark.parametrize("language, region, headline, town, no_town", [
    ("ru", "RU", "Взрыв в торговом центре в Казани: погибли пять человек",
     "Пятница — день пирогов! Пироги по 50 ₽, ждём в Питере.", "Пятница — день пирогов! Пироги по 50 ₽."),
    ("en", "US", "Gunman kills six at an Orlando nightclub",
     "Vegas, our tacos are 2 for 1 tonight!", "Our tacos are 2 for 1 tonight!"),
    ("pl", "PL", "Wybuch gazu w kamienicy w Krakowie: nie żyje pięć osób",
     "Nowa kawiarnia na Wawie: druga kawa gratis!", "Nowa kawiarnia: druga kawa gratis!"),
])
def test_a_town_by_its_everyday_name_is_another_town(rulebook, language, region, headline, town, no_town):
    """"Час от Питера", "Vegas", "na Wawie": a post names its town as people say it, and a
    promotion there the morning after a tragedy in another city is not in its first hours."""
    [event] = detect(rulebook, headline)
    assert event.harmed and event.severity >= 4, event
    [there, anywhere] = check([post(town, language, region), post(no_town, language, region)], [event], rulebook,
                              SOON)
    assert not findings_of(there, "incident-window"), there.findings
    assert findings_of(anywhere, "incident-window"), anywhere.findings


@pytest.mark.parametrize("language, region, headline, idiom, plain", [
    ("en", "GB", "Two killed in stabbing at a Leeds shopping centre",
     "The title race is on a knife-edge! Watch the decider with us tonight.",
     "Knife sale: every chef's knife half price tonight!"),
    ("ru", "RU", "В Казани мужчина с ножом напал на прохожих: двое погибших",
     "Чемпионат на острие ножа! Смотрите решающий матч у нас.",
     "Ножи со скидкой: любой нож за полцены!"),
    ("pl", "PL", "Atak nożownika w Krakowie: dwie osoby nie żyją",
     "Walka o mistrzostwo na ostrzu noża! Oglądaj finał u nas.",
     "Noże w promocji: każdy nóż za pół ceny!"),
])
def test_on_a_knife_edge_is_a_close_contest_not_a_blade(rulebook, language, region, headline, idiom, plain):
    [attack] = detect(rulebook, headline)
    [close, knives] = check([post(idiom, language, region), post(plain, language, region)], [attack], rulebook, NOW)
    assert not findings_of(close, "incident-words"), close.findings
    assert findings_of(knives, "incident-words"), knives.findings


def test_shooting_a_lookbook_is_a_photo_shoot(rulebook):
    decision = judged(rulebook, "Back at it tomorrow: shooting our AW18 lookbook, sneak peeks on stories all day!",
                      "en", "US", "Five killed in shooting at a newsroom in Annapolis")
    assert not findings_of(decision, "incident-words"), decision.findings


@pytest.mark.parametrize("language, region, titles, joke", [
    ("az", "AZ", ("Dağıntıların altından daha üç nəfərin cəsədi çıxarılıb, ölənlərin sayı 6-ya çatıb",),
     "Narahat olmayın, bizim zavodda heç vaxt partlayış olmur 😂 Sifarişiniz sabah çatdırılacaq."),
    ("en", "GB", ("Six bodies pulled from the rubble of collapsed Leeds apartment block",),
     "Relax, no explosions at our bakery 😂 Your order is on its way!"),
])
def test_the_words_of_what_a_collapse_follows_play_on_it(rulebook, language, region, titles, joke):
    """The rubble bodies are dug out of may be a blast's: an explosion joke that day plays on it."""
    [words] = findings_of(judged(rulebook, joke, language, region, *titles), "incident-words")
    assert words.level == Verdict.HOLD
    assert words.rule in ("incident.explosion.vocabulary", "incident.bombing.vocabulary")


@pytest.mark.parametrize("language, region, title, text", [
    ("en", "GB", "Six bodies pulled from the rubble of collapsed Leeds apartment block",
     "Our grill is on fire tonight 🔥 Ribs for two, £20!"),  # fire: no kind a collapse follows
    ("pl", "PL", "Tąpnięcie w kopalni Zofiówka: nie żyje pięciu górników",
     "Bombowe kurtki na zimę! Wszystkie modele −30% do niedzieli."),  # a sale's slang, not a joke
])
def test_a_collapse_is_not_told_in_other_kinds_words_outside_a_joke(rulebook, language, region, title, text):
    decision = judged(rulebook, text, language, region, title)
    assert not findings_of(decision, "incident-words"), decision.findings


@pytest.mark.parametrize("told,opens", [
    ("Blizzard buries Boston and New England; Nantucket loses power as coast floods", False),
    ("Blizzard buries Boston and New England; two dead as coast floods", True),
])
def test_the_first_hours_open_where_harm_is_counted_not_only_told(rulebook, told, opens):
    """A blizzard that buries a city and cuts an island's power, with nobody hurt, is that
    region's news: a promotion elsewhere in the country goes out. Two dead, and its first hours
    hold every promotion in the country."""
    incidents = detect(rulebook, told, "Boston digs out as blizzard moves on")
    [decision] = check([post("Spring menu is here: two courses for $20 all week!", "en", "US")], incidents, rulebook,
                       NOW)
    assert bool(findings_of(decision, "incident-window")) == opens, decision.findings


@pytest.mark.parametrize("language, audience, headline, joke, sale", [
    ("en", "GB", "Two killed in Copenhagen shootings, gunman shot dead by police",
     "Nobody shoots anybody at our drawing class 😂", "Shoot for the stars: drawing class 20% off this week"),
    ("nb", "NO", "To drept i skyteangrep i København – gjerningsmannen skutt og drept av politiet",
     "Hos oss skyter ingen 😂", "Skyt for stjernene: tegnekurs 20 % rabatt denne uka"),
])
def test_a_joke_with_the_words_of_a_killing_abroad_is_held_and_a_sale_flagged(rulebook, language, audience, headline,
                                                                            joke, sale):
    """Abroad, the words of an event that killed people are flagged in a sale; in a joke they mock it."""
    incidents = detect(rulebook, headline, headline.replace("–", ":"))
    assert all(audience not in i.regions for i in incidents), incidents
    joked, sold = check([post(joke, language, audience), post(sale, language, audience)], incidents, rulebook, NOW)
    assert [f.level for f in findings_of(joked, "incident-words")] == [Verdict.HOLD], joked.findings
    assert [f.level for f in findings_of(sold, "incident-words")] == [Verdict.FLAG], sold.findings


@pytest.mark.parametrize("language, audience, headline, beside_the_country, alone", [
    ("en", "GB", "Two killed in Copenhagen shootings, gunman shot dead by police",
     "Shooting in Denmark? Our drawing class is safe: 20% off this week",
     "Shooting for the stars? Our drawing class is 20% off this week"),
    ("pl", "PL", "Strzelanina w Kopenhadze: dwie osoby nie żyją, napastnik zastrzelony przez policję",
     "Strzały jak w Danii? U nas tylko kurs rysunku −20% przez cały tydzień",
     "Strzały w górę! Kurs rysunku −20% przez cały tydzień"),
])
def test_a_sale_with_the_words_of_a_killing_abroad_is_held_beside_the_countrys_name(rulebook, language, audience,
                                                                                    headline, beside_the_country,
                                                                                    alone):
    """The country's own name (not its adjective) beside the event's word says where the post
    plays: "While Sulawesi mops up" for a whole country whose toll makes it no key term."""
    incidents = detect(rulebook, headline)
    named, plain = check([post(beside_the_country, language, audience), post(alone, language, audience)], incidents,
                         rulebook, NOW)
    assert [f.level for f in findings_of(named, "incident-words")] == [Verdict.HOLD], named.findings
    assert [f.level for f in findings_of(plain, "incident-words")] in ([Verdict.FLAG], []), plain.findings


@pytest.mark.parametrize("title, promo, language, region, verdict", [
    ("Трёхдневный траур в Кемерове", "Кемерово, скидки выходного дня: −20% на всё!", "ru", "RU", Verdict.HOLD),
    ("Триденна жалоба в Одесі", "Одеса, знижки вихідного дня: −20% на все!", "uk", "UA", Verdict.HOLD),
    ("Trzydniowa żałoba w Katowicach", "Katowice, weekendowe rabaty: −20% na wszystko!", "pl", "PL", Verdict.HOLD),
    ("Gəncədə üç günlük matəm", "Gəncə, həftəsonu endirimləri: hər şeyə −20%!", "az", "AZ", Verdict.HOLD),
    ("Tre dagers sorg på Madeira", "Siste plasser til Madeira – book i dag!", "nb", "NO", Verdict.FLAG),
])
def test_mourning_declared_for_some_days_is_a_story_of_the_dead(rulebook, title, promo, language, region, verdict):
    """"Three days of mourning" is said before, or instead of, any toll: a town selling under its own
    name that day is held, and a trip sold to the island abroad is flagged."""
    [mourning] = detect(rulebook, title)
    assert mourning.harmed, mourning
    [checked] = check([post(promo, language, region)], [mourning], rulebook, NOW)
    assert checked.verdict == verdict, checked.findings


@pytest.mark.parametrize("language, region, declaration, promotion, abroad, trip", [
    ("en", "GB", "Three-day national mourning declared after coach crash kills 14",
     "Weekend only: 30% off every dress!", "PL", "Weekend w Londynie: hotel ze śniadaniem −30%!"),
    ("ru", "RU", "В России объявлен трёхдневный общенациональный траур", "Только в выходные: скидка 30% на все платья!",
     "AZ", "Həftəsonu Moskvada: otel və uçuş 30% endirimlə!"),
    ("uk", "UA", "В Україні оголошено триденну загальнонаціональну жалобу", "Лише у вихідні: знижка 30% на всі сукні!",
     "PL", "Weekend we Lwowie: hotel i przejazd −30%!"),
    ("pl", "PL", "Trzydniowa żałoba narodowa po katastrofie autokaru", "Tylko w weekend: 30% rabatu na sukienki!",
     "UA", "Вихідні у Кракові: готель і переїзд −30%!"),
    ("nb", "NO", "Tre dagers nasjonal sorg etter bussulykken", "Bare i helgen: 30 % på alle kjoler!",
     "GB", "Weekend in Oslo: hotel and flights 30% off!"),
    ("az", "AZ", "Ölkədə üç günlük ümummilli matəm elan olunub", "Yalnız həftəsonu: bütün donlara 30% endirim!",
     "RU", "Выходные в Баку: отель и перелёт со скидкой 30%!"),
])
def test_a_mourning_of_some_days_is_kept_each_day_and_a_trip_abroad_into_it_is_flagged(
        rulebook, language, region, declaration, promotion, abroad, trip):
    """Declared on a Thursday for three days: a promotion at home is held on the Saturday, the
    third day, and not on the Sunday; a trip sold from abroad to the mourning country, naming it
    or its town, is flagged on those days, and a sale abroad that names neither is left alone."""
    thursday, saturday, sunday = at("2024-05-09T15:00:00Z"), at("2024-05-11T12:00:00Z"), at("2024-05-12T12:00:00Z")
    incidents = detect_incidents([Headline(declaration, "Wire", published=thursday, region=region)], rulebook, saturday)
    assert len([day for incident in incidents for day in incident.mourning]) == 3, incidents

    def verdict(text: str, when, where: str, its_language: str) -> Verdict:
        [decision] = check([post(text, its_language, where, when)], incidents, rulebook, saturday)
        return decision.verdict

    trip_language = {"PL": "pl", "AZ": "az", "UA": "uk", "GB": "en", "RU": "ru"}[abroad]
    assert verdict(promotion, saturday, region, language) == Verdict.HOLD
    assert verdict(promotion, sunday, region, language) == Verdict.PASS
    assert verdict(trip, saturday, abroad, trip_language) == Verdict.FLAG
    assert verdict(promotion, saturday, abroad, language) == Verdict.PASS


@pytest.mark.parametrize("language, region, headline, rise, takeoff", [
    ("ru", "RU", "Крушение самолёта под Новосибирском: погибли 12 человек",
     "Взлёт формы начинается в декабре: абонемент −25%!", "Цены на взлёт: билеты −25%!"),
    ("uk", "UA", "Катастрофа літака під Львовом: загинули 12 людей",
     "Злет форми починається в грудні: абонемент −25%!", "Ціни на зліт: квитки −25%!"),
    ("pl", "PL", "Katastrofa samolotu pod Gdańskiem: zginęło 12 osób",
     "Wzlot formy zaczyna się w grudniu: karnet −25%!", "Odlotowe ceny: bilety −25%!"),
])
def test_a_rise_in_form_is_no_takeoff(rulebook, language, region, headline, rise, takeoff):
    """"Взлёт формы", a gym's rise in form, takes off nowhere the day a plane crashed; prices
    "on the takeoff" still play on it."""
    incidents = detect(rulebook, headline)
    rising, flying = check([post(rise, language, region), post(takeoff, language, region)], incidents, rulebook, NOW)
    assert not findings_of(rising, "incident-words"), rising.findings
    assert findings_of(flying, "incident-words"), flying.findings


def test_a_vocabulary_finding_quotes_every_word_of_the_kind_the_post_says(rulebook):
    """The editor sees the whole pun, not its first word: "'Celny', 'strzał', 'karabinu'"."""
    held = judged(rulebook, "Celny strzał! Niedzielne strzelanie z karabinu, 20% taniej.", "pl", "PL",
                  "Strzelanina w galerii handlowej w Krakowie: nie żyją trzy osoby")
    [finding] = [f for f in findings_of(held, "incident-words")]
    assert all(f"'{word}'" in finding.message for word in ("Celny", "strzał", "karabinu")), finding.message


@pytest.mark.parametrize("language, region, headline, post, held", [
    # a shot at goal is football, not the day's shooting
    ("en", "GB", "Shooting at a Leeds shopping centre: three dead",
     "Shots on target, every session! Book our summer football camp.", False),
    ("pl", "PL", "Strzelanina w galerii handlowej w Krakowie: nie żyją trzy osoby",
     "Strzał w okienko! ⚽ Ostatnie miejsca na obóz piłkarski.", False),
    ("ru", "RU", "Стрельба в торговом центре в Казани: погибли три человека",
     "Удар в девятку! ⚽ Последние места в футбольный лагерь.", False),
    ("uk", "UA", "Стрілянина в торговому центрі у Львові: загинули троє людей",
     "Удар у дев'ятку! ⚽ Останні місця у футбольний табір.", False),
    ("nb", "NO", "Skyting på kjøpesenter i Bergen: tre drept", "Skudd i krysset! ⚽ Siste plasser på fotballskolen.", False),
    # a collision of flavours the day trains collided is the crash's own word
    ("ru", "RU", "Лобовое столкновение поездов под Тверью: погибли 12 человек",
     "Лобовое столкновение вкусов! Новый бургер −20%!", True),
    ("uk", "UA", "Лобове зіткнення потягів під Житомиром: загинули 12 людей",
     "Лобове зіткнення смаків! Новий бургер −20%!", True),
    ("pl", "PL", "Czołowe zderzenie pociągów pod Szczekocinami: nie żyje 12 osób",
     "Czołowe zderzenie smaków! Nowy burger −20%!", True),
    ("nb", "NO", "Frontkollisjon mellom to tog ved Hamar: 12 omkom", "Kollisjon av smaker! Ny burger −20 %!", True),
])
def test_a_word_of_the_days_kind_is_read_in_its_phrase(rulebook, language, region, headline, post, held):
    decision = judged(rulebook, post, language, region, headline)
    words = findings_of(decision, "incident-words")
    assert (any(f.level == Verdict.HOLD for f in words) if held else not words), decision.findings


@pytest.mark.parametrize("title", [
    "Alaska Airlines grounds its 737 MAX 9s after a door plug blew out; minor injuries only among 177 aboard",
    "Six hurt as a coach hits a bridge on the M6, none of them seriously",
    "В Казани автобус врезался в столб, 15 человек легко ранены",
    "У Львові автобус врізався в стовп, 15 людей легко поранені",
    "Autobus uderzył w słup w Łodzi, 15 osób lekko rannych",
    "Buss kjørte inn i en stolpe i Bergen, 15 lettere skadd",
    "Bakıda avtobus dirəyə çırpılıb, 15 nəfər yüngül xəsarət alıb",
])
def test_injuries_told_as_light_are_no_toll_and_leave_nobody_at_risk(rulebook, title):
    """The number beside light injuries is no count of the hurt, and those aboard are accounted
    for: a promotion the next hour is no promotion in the first hours of a grave story."""
    assert all(incident.severity < 4 for incident in detect(rulebook, title)), detect(rulebook, title)


def test_an_attack_with_light_injuries_is_still_an_attack(rulebook):
    [shooting] = detect(rulebook, "Shooting at a Leeds shopping centre: two with minor injuries")
    assert shooting.harmed and shooting.kind == "shooting"


@pytest.mark.parametrize("language, region, headline, named, other", [
    ("en", "UA", "Ракетний удар по Києву: загинули 12 людей",
     "Kyiv weekend deals: 20% off all coffee!", "Lviv weekend deals: 20% off all coffee!"),
    ("ru", "AZ", "Binəqədidə avtobus yanıb, beş nəfər ölüb",
     "Бинагади: скидки на такси 20%!", "Сумгаит: скидки на такси 20%!"),
    ("uk", "PL", "Pożar hali targowej w Gdańsku: nie żyją trzy osoby",
     "Гданськ: знижки на квитки 20%!", "Краків: знижки на квитки 20%!"),
])
def test_a_post_names_the_storys_town_in_its_own_language_or_script(rulebook, language, region, headline, named,
                                                                  other):
    """The key terms are read in the story's language; the town the gazetteer knows is read in
    the post's, and a promotion naming it is the same collision whatever the alphabet."""
    incidents = detect(rulebook, headline)
    sale, elsewhere = check([post(named, language, region), post(other, language, region)], incidents, rulebook, NOW)
    [mention] = [f for f in sale.findings if f.rule.endswith(".mention")]
    assert f"'{named.split()[0].rstrip(':')}'" in mention.message, mention.message  # the post's own word
    assert not any(f.rule.endswith(".mention") for f in elsewhere.findings), elsewhere.findings


@pytest.mark.parametrize("headline, verdicts", [
    ("Wildfires on Maui: the death toll rises to 80", {Verdict.FLAG, Verdict.HOLD}),
    ("Wildfire on Maui: two dead", {Verdict.PASS}),
])
def test_a_trip_to_the_state_of_a_mass_casualty_story_meets_it(rulebook, headline, verdicts):
    """Far away, the fires on Maui are Hawaii's: a charter's "last seats to Hawaii" meets a toll
    that made them news everywhere, and not a town's smaller news."""
    decision = judged(rulebook, "Siste plasser til Hawaii i oktober! Book i dag.", "nb", "NO", headline)
    assert decision.verdict in verdicts, decision.findings




def test_the_bomb_said_of_bread_is_slang_abroad(rulebook):
    """«просто бомба» is what a baker says of good bread: abroad, a bombing's word played on in a
    sale is looked at, the slang of praise is not."""
    headlines = [("Wybuch bomby w centrum Krakowa: nie żyje pięć osób", 3),
                 ("Zamach bombowy w Krakowie: pięć ofiar, policja szuka sprawcy", 2)]
    levels = levels_of("incident-words", NOW, headlines, "uk", "UA",
                       "Наші паски — просто бомба! Сьогодні до 18:00.", "Вибухові знижки на паски сьогодні!")
    assert levels == [None, Verdict.FLAG], levels


@pytest.mark.parametrize("language, region, headline, namesake, the_person", [
    ("ru", "RU", "Умер космонавт Алексей Леонов, первым вышедший в открытый космос",
     "Вечер комедий с Евгением Леоновым, вход 300 ₽.", "Вечер памяти Алексея Леонова, вход 300 ₽."),
    ("en", "US", "Singer Jimmy Buffett, the 'Margaritaville' star, dies at 76",
     "This week our newsletter quotes Warren Buffett on index funds: 20% off a year.",
     "This week our bar plays Jimmy Buffett all night: 20% off margaritas."),
])
def test_a_surname_after_another_first_name_is_another_person(rulebook, language, region, headline, namesake,
                                                              the_person):
    """Евгений Леонов is not the cosmonaut Алексей Леонов, nor Warren Buffett the singer; the
    story's own first name beside the surname is the story."""
    incidents = detect(rulebook, headline)
    other, named = check([post(namesake, language, region), post(the_person, language, region)], incidents,
                         rulebook, NOW)
    assert not other.findings, other.findings
    assert findings_of(named, "incident-terms") + findings_of(named, "incident-echo"), named.findings


@pytest.mark.parametrize("ordinary", [
    "Осіннє меню 🍂 Гусина печінка з грушею та качка з яблуками, бронювання за телефоном.",
    "Гусина печінка з грушею: новинка осіннього меню, бронювання за телефоном.",
])
def test_a_form_of_a_surname_that_is_also_a_word_opening_a_sentence_is_the_word(rulebook, ordinary):
    """«Гусина» is the footballer Гусин's genitive and the adjective "goose's": at a sentence's
    start, after a full stop or an emoji, its capital says nothing, and goose liver is goose
    liver. Inside a sentence the capital is the name's."""
    incidents = detect(rulebook, "Загинув колишній півзахисник «Динамо» і збірної України Андрій Гусин",
                       "Семиразовий чемпіон України: згадуємо Андрія Гусина")
    liver, tribute = check([post(ordinary, "uk", "UA"), post("Осіннє меню на честь Гусина ⚽ у нашому ресторані.",
                                                             "uk", "UA")], incidents, rulebook, NOW)
    assert not findings_of(liver, "incident-terms"), liver.findings
    assert findings_of(tribute, "incident-terms"), tribute.findings


def test_a_dictionary_word_the_news_writes_only_as_a_quoted_name_is_the_word_in_a_post(rulebook):
    """The plane carried the club «Локомотив»; a model shop's «Локомотивы и вагоны Piko» are
    locomotives. Quoted, the post names the club."""
    incidents = detect(rulebook, "Под Ярославлем разбился самолёт с хоккейным клубом «Локомотив», 43 погибших",
                       "Болельщики «Локомотива» несут цветы к Арене-2000")
    models, club = check([post("Распродажа 🚂 Локомотивы и вагоны Piko — минус 20%!", "ru", "RU"),
                          post("Распродажа 🚂 шарфы «Локомотива» — минус 20%!", "ru", "RU")], incidents, rulebook, NOW)
    assert not findings_of(models, "incident-terms"), models.findings
    assert findings_of(club, "incident-terms"), club.findings


def test_a_surname_that_is_an_everyday_word_in_a_language_without_frequencies_is_the_word(rulebook):
    """Azerbaijani has no frequency list to say that the actor Siyavuş Aslan's surname is "lion":
    the lexicon says so, and «Aslan payı sizindir!» (the lion's share is yours) sells sofas. His full
    name is still his."""
    incidents = detect(rulebook, "Xalq artisti Siyavuş Aslan vəfat edib",
                       "Siyavuş Aslanla vida mərasimi saat 13:00-da Akademik Milli Dram Teatrında olacaq")
    share, actor = check([post("Aslan payı sizindir! Yay kampaniyası: mebellərə 25% endirim.", "az", "AZ"),
                          post("Yay kampaniyası: Siyavuş Aslan obrazları ilə köynəklərə 25% endirim!", "az", "AZ")],
                         incidents, rulebook, NOW)
    assert not findings_of(share, "incident-terms"), share.findings
    assert findings_of(actor, "incident-terms"), actor.findings


@pytest.mark.parametrize("language, abroad, at_home, offer", [
    ("pl", ("Bawaria: autokar stanął w płomieniach na A9",
            "Policja: 18 osób zginęło w płonącym autokarze pod Münchbergiem"),
     "Pożar autokaru na A4 pod Wrocławiem: 18 osób nie żyje", "Gorące oferty last minute ✈️ Chorwacja od 1799 zł!"),
    ("ru", ("В Баварии загорелся автобус с туристами", "Полиция: 18 человек погибли в сгоревшем автобусе в Баварии"),
     "Под Тверью сгорел автобус: 18 погибших", "Горящие туры в Турцию от 14 900 ₽!"),
])
def test_hot_offers_are_selling_s_slang_abroad_and_the_fire_s_words_at_home(language, abroad, at_home, offer):
    """"Hot offers" and "burning tours" are what travel agencies call last-minute deals: the day a
    coach burned abroad, reported all day, they play on nothing; the day one burned at home, they do."""
    region = {"pl": "PL", "ru": "RU"}[language]
    assert levels_of("incident-words", NOW, [(abroad[0], 5), (abroad[1], 3)], language, region, offer) == [None]
    assert levels_of("incident-words", NOW, [(at_home, 3)], language, region, offer) == [Verdict.HOLD]


@pytest.mark.parametrize("language, region, fire, plain, tied", [
    ("ru", "RU", ("В Китае загорелась птицефабрика", "Число жертв пожара на птицефабрике в Китае выросло до 112"),
     "Летние скидки — просто огонь! 🔥 Кроссовки −30% до воскресенья.",
     "Горячие туры в Китай! 🔥 Пекин и Шанхай от 49 900 ₽."),
    ("uk", "UA", ("У Китаї загорілася птахофабрика", "Кількість жертв пожежі на птахофабриці в Китаї зросла до 112"),
     "Літні знижки — просто вогонь! 🔥 Кросівки −30% до неділі.",
     "Гарячі тури до Китаю! 🔥 Пекін і Шанхай від 29 900 грн."),
])
def test_slang_plays_on_a_disaster_abroad_only_where_the_post_ties_itself_to_it(language, region, fire, plain, tied):
    """The first day of a poultry plant fire in China that killed 112: a shoe shop's "just fire!"
    is praise; "hot tours to China!" sells into where it happened."""
    headlines = [(fire[0], 5), (fire[1], 3)]
    assert levels_of("incident-words", NOW, headlines, language, region, plain) == [None]
    assert levels_of("incident-words", NOW, headlines, language, region, tied) == [Verdict.HOLD]


def test_a_village_named_by_an_adjective_opening_a_sentence_is_the_adjective(rulebook):
    """The coach burned «біля Ситного»; «Ситне снідання за 99 грн» in Lviv is a hearty
    breakfast. Inside a sentence, «біля Ситного» is the village."""
    incidents = detect(rulebook, "На трасі біля Ситного зіткнулися автобус і бензовоз: щонайменше 16 загиблих",
                       "Під Ситним триває розслідування ДТП, у якій загинули 26 людей")
    breakfast, village = check([post("Ситне снідання за 99 грн 🥐 Сирник, омлет і кава щодня до 12:00.", "uk", "UA"),
                                post("Знижки на шини для водіїв біля Ситного — тільки сьогодні!", "uk", "UA")],
                               incidents, rulebook, NOW)
    assert not findings_of(breakfast, "incident-terms"), breakfast.findings
    assert findings_of(village, "incident-terms"), village.findings


@pytest.mark.parametrize("language, region, headline, selling, ordinary", [
    ("uk", "UA", ["У мінському метро на станції «Жовтнева» пролунав вибух, є загиблі",
                  "Вибух стався на пересадковій станції поруч з адміністрацією президента Білорусі"],
     "Вихідні в Мінську: автобусний тур від 690 грн, бронюйте зараз!", "Мінськ: наш офіс працює з 9 до 18."),
    ("pl", "PL", ["Strzelanina w krakowskim klubie: nie żyją trzy osoby"],
     "Weekend w Krakowie: hotel 20% taniej, rezerwuj teraz!", "Kraków: nasze biuro jest czynne od 9 do 17."),
])
def test_a_town_the_story_tells_by_its_adjective_is_named_by_the_post(rulebook, language, region, headline, selling,
                                                                      ordinary):
    """«У мінському метро» is Minsk's story: a weekend in Minsk sold that evening names it, while
    the town's ordinary notice is its everyday post."""
    incidents = detect(rulebook, *headline)
    sale, notice = check([post(selling, language, region), post(ordinary, language, region)], incidents, rulebook, NOW)
    assert findings_of(sale, "incident-terms"), sale.findings
    assert not findings_of(notice, "incident-terms"), notice.findings


def test_everyday_words_written_as_a_name_inside_a_sentence_name_the_story(rulebook):
    """"East Village" and "Second Avenue" are everyday words, but capitalised mid-sentence they
    are the neighbourhood and the street the building fell on: two reports that name them are
    one explosion. "New Year" beside a quake is the day, and names nothing."""
    [blast] = detect(rulebook, "Explosion rocks East Village; building collapses on Second Avenue",
                     "At least 19 hurt, 4 critically, in East Village blast; mayor points to gas work")
    assert blast.kind == "explosion" and "East Village" in blast.terms, blast
    [quake] = detect(rulebook, "Japan New Year quake: death toll climbs into dozens as rescuers search rubble")
    assert not any("New Year" in term for term in quake.terms), quake


def test_a_country_inside_the_name_of_a_town_elsewhere_is_that_town(rulebook):
    """"New Mexico" is a US state the day of a quake in Mexico; "Mexico City" is in Mexico."""
    quake = ("Mexico quake: more than 200 dead as a school collapses",
             "Rescuers search the rubble as Mexico quake toll passes 220")
    trip = judged(rulebook, "Road trip deals! Santa Fe, New Mexico from $199 a night.", "en", "US", *quake)
    assert trip.verdict == Verdict.PASS, trip.findings
    city = judged(rulebook, "Flights to Mexico City from $199 this week only!", "en", "US", *quake)
    assert city.verdict != Verdict.PASS, city.findings


def test_a_name_with_a_model_number_is_the_product(rulebook):
    """«Эльбрус-8СВ» is a processor the day climbers died on Elbrus; a Boeing 737 sale the day a
    Boeing 737 crashed is the plane."""
    climb = ("МЧС: пятеро альпинистов погибли на Эльбрусе, 14 спущены вниз",
             "СК начал проверку после гибели альпинистов при восхождении на Эльбрус")
    servers = judged(rulebook, "Серверы на процессорах «Эльбрус-8СВ» — в наличии, поставка за 5 дней.", "ru", "RU",
                     *climb)
    assert not findings_of(servers, "incident-terms"), servers.findings
    tour = judged(rulebook, "Восхождение на Эльбрус с гидом — скидка 20% на июль!", "ru", "RU", *climb)
    assert findings_of(tour, "incident-terms"), tour.findings


@pytest.mark.parametrize("language, region, storm, sale", [
    ("uk", "UA", ("Негода в Одесі: шквальний вітер валить дерева, частина міста без світла",
                  "Хуртовина: на трасі біля Одеси застрягли сотні автівок, рятувальники визволяють людей"),
     "Заметіль знижок в Одесі! ❄️ Пуховики −50% лише сьогодні."),
    ("ru", "RU", ("Непогода в Петербурге: ураганный ветер валит деревья, часть города без света",
                  "Метель: под Петербургом застряли сотни машин, спасатели вызволяют людей"),
     "Метель скидок в Петербурге! ❄️ Пуховики −50% только сегодня."),
    ("en", "US", ("Storm in Buffalo: winds topple trees, part of the city without power",
                  "Blizzard: hundreds of cars stuck near Buffalo as rescuers free people"),
     "A blizzard of deals in Buffalo! ❄️ Parkas 50% off today only."),
])
def test_a_snowstorm_s_words_are_its_vocabulary(language, region, storm, sale):
    """A blizzard that strands people: "a blizzard of deals" in that city plays on it."""
    assert levels_of("incident-words", NOW, [(storm[0], 5), (storm[1], 3)], language, region, sale) == [Verdict.HOLD]


@pytest.mark.parametrize("language, title", [
    ("en", "Woman dies after being hit by flying debris in Wolverhampton city centre"),
    ("ru", "В Петербурге мужчину насмерть придавило деревом"),
    ("uk", "У Львові впале дерево вбило жінку"),
    ("pl", "Kobietę przygniotło drzewo w Poznaniu. Nie żyje"),
    ("nb", "Mann omkom etter å ha blitt truffet av et tre i Bergen"),
])
def test_a_death_by_flying_debris_or_a_falling_tree_is_the_storm_s(rulebook, language, title):
    """The wind that day kills by what it throws: the storm's own toll, before any headline says so."""
    [death] = detect_incidents([Headline(title, "Wire", published=PUBLISHED, language=language)], rulebook, NOW)
    assert "storm" in death.kinds, death


def test_a_name_in_quotes_beside_a_venue_word_is_the_venue_unless_the_story_is_a_venue_s(rulebook):
    """Кафе «Звезда Востока» in Kazan is a café the day the cruise ship of that name sank on the
    Yangtze; a party at club «Хромая лошадь» the day the club burned is the story."""
    ship = ("В Китае на реке Янцзы перевернулся и затонул теплоход «Звезда Востока» с 458 людьми на борту",
            "Спасатели слышат стуки изнутри перевёрнутого теплохода «Звезда Востока»")
    cafe = judged(rulebook, "Кафе «Звезда Востока»: плов из казана, бизнес-ланч 290 ₽, Казань.", "ru", "RU", *ship)
    assert cafe.verdict == Verdict.PASS, cafe.findings
    club = ("Пожар в клубе «Хромая лошадь» в Перми: погибли 100 человек",
            "В Перми объявлен траур по погибшим в клубе «Хромая лошадь»")
    party = judged(rulebook, "Вечеринка в клубе «Хромая лошадь» — вход 300 ₽!", "ru", "RU", *club)
    assert party.verdict == Verdict.HOLD, party.findings


@pytest.mark.parametrize("language, region, attack, of_its_trade, elsewhere", [
    ("pl", "PL", ("Strzelanina w czeskiej restauracji w Uherskim Brodzie. Są ofiary",
                  "Czechy: w Uherskim Brodzie zginęło osiem osób, sprawca nie żyje"),
     "Zabójcze ceny! 🔫 Obiad dnia za 15 zł. Restauracja «Pod Zamkiem», Cieszyn.",
     "Zabójcze ceny! Buty zimowe −30% tylko dziś, Cieszyn."),
    ("nb", "NO", ("Gisseldrama i supermarked i Trèbes nær Carcassonne – flere drept",
                  "Fire drept i angrepene i Carcassonne og Trèbes"),
     "Gisselpriser? Nei – knallpriser! Påskelam i alle våre supermarkeder.",
     "Knallpriser på påskelam! Lammelår 99,90 kr/kg i alle våre butikker."),
])
def test_slang_from_the_trade_an_attack_abroad_happened_in_plays_on_it(rulebook, language, region, attack,
                                                                        of_its_trade, elsewhere):
    """A restaurant's "killer prices" the day after eight lunch guests were shot in a Czech
    restaurant, a supermarket's "hostage prices" the day of a supermarket siege in France: the
    trade ties the slang to the story. A shoe shop's "killer prices" that day plays on nothing."""
    assert judged(rulebook, of_its_trade, language, region, *attack).verdict == Verdict.HOLD
    assert judged(rulebook, elsewhere, language, region, *attack).verdict == Verdict.PASS


def test_a_chocolate_bomb_is_a_dessert_the_day_after_a_bombing_abroad(rulebook):
    bombing = ("Ankaradakı terror aktında 28 nəfər ölüb, 61 nəfər yaralanıb",
               "Davudoğlu: Ankara terrorunu suriyalı YPG üzvü törədib")
    cake = judged(rulebook, "Şokolad bomba 🍫 cümə axşamları ikincisi hədiyyə! Kafe «Dolça», Nizami küçəsi.", "az",
                  "AZ", *bombing)
    assert cake.verdict == Verdict.PASS, cake.findings


def test_a_title_in_quotes_beside_a_premiere_is_a_work_not_the_story_s_word(rulebook):
    """Pushkin's «Выстрел» (The Shot) at a Yekaterinburg theatre the evening of a shooting in
    Moscow is a play; «Взрывные цены» for a new season is still a pun."""
    shooting = ("Неизвестный открыл стрельбу у здания ФСБ на Лубянке, есть пострадавшие",
                "ФСБ: погиб сотрудник ведомства, нападавший ликвидирован")
    play = judged(rulebook, "Пушкин, «Выстрел» — премьера в субботу на малой сцене! Екатеринбург.", "ru", "RU",
                  *shooting)
    assert not findings_of(play, "incident-words"), play.findings
    sale = judged(rulebook, "Новый сезон «Выстрел по ценам»! Скидки до 50% только сегодня.", "ru", "RU", *shooting)
    assert findings_of(sale, "incident-words"), sale.findings
