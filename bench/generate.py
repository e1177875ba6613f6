"""Generated benchmark inputs: a queue of N posts across the six languages and a feed of headlines.

Posts are built from per-language word lists so that the vocabulary grows with the queue (as
in a real one) instead of repeating a handful of sentences; a few per cent carry a risky word,
a hashtag, a link or a mention, so every check has work to do.
"""
from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

NOW = datetime(2026, 7, 31, 16, 0, tzinfo=timezone.utc)
WORDS = {
    "en": ("our new summer collection team office launch coffee bread shop store weekend sale friends "
           "customers thanks today tomorrow morning evening event party music city park running shoes "
           "recipe kitchen garden family holiday travel hiring engineers designers story photo video "
           "behind scenes fresh local best great happy join visit read watch learn share"),
    "pl": ("nasza nowa kolekcja letnia zespół biuro premiera kawa chleb sklep weekend wyprzedaż przyjaciele "
           "klienci dziękujemy dzisiaj jutro rano wieczorem wydarzenie impreza muzyka miasto park buty "
           "przepis kuchnia ogród rodzina wakacje podróż szukamy inżynierów historia zdjęcie wideo"),
    "ru": ("наша новая летняя коллекция команда офис запуск кофе хлеб магазин выходные распродажа друзья "
           "клиенты спасибо сегодня завтра утром вечером событие праздник музыка город парк кроссовки "
           "рецепт кухня сад семья отпуск путешествие ищем инженеров история фото видео"),
    "uk": ("наша нова літня колекція команда офіс запуск кава хліб магазин вихідні розпродаж друзі "
           "клієнти дякуємо сьогодні завтра вранці ввечері подія свято музика місто парк кросівки "
           "рецепт кухня сад родина відпустка подорож шукаємо інженерів історія фото відео"),
    "nb": ("vår nye sommerkolleksjon team kontor lansering kaffe brød butikk helg salg venner kunder takk "
           "i dag i morgen morgen kveld arrangement fest musikk by park løpesko oppskrift kjøkken hage "
           "familie ferie reise vi ansetter utviklere historie bilde video"),
    "az": ("bizim yeni yay kolleksiyası komanda ofis təqdimat qəhvə çörək mağaza həftəsonu endirim dostlar "
           "müştərilər təşəkkür bu gün sabah səhər axşam tədbir şənlik musiqi şəhər park idman ayaqqabısı "
           "resept mətbəx bağ ailə tətil səyahət mühəndislər hekayə şəkil video"),
}
SPICE = {"en": ["killer deal", "you idiot", "da bomb", "#WhyIStayed"], "pl": ["kurwa", "idioto"],
         "ru": ["взрыв скидок", "идиот"], "uk": ["постріл", "ідіот"], "nb": ["idiot", "jævla"],
         "az": ["axmaq"]}
PLATFORMS = ["twitter", "facebook", "instagram", "linkedin", "threads", "bluesky", "mastodon", "vk"]
REGIONS = {"en": "US", "pl": "PL", "ru": "RU", "uk": "UA", "nb": "NO", "az": "AZ"}


EVENTS = ["Gunman opens fire at {place} mall, at least {n} dead", "{place} mall shooting: what we know",
          "Explosion at {place} factory kills {n}", "Flooding in {place} forces hundreds from their homes",
          "Plane crash near {place} airport: {n} killed", "Wildfire reaches {place}, {n} dead"]
FOLLOW_UPS = ["Vigil held in {place}", "{place}: police name suspect", "Death toll rises in {place}",
              "{place} mourns the victims"]
NOISE = ["{place} council approves new budget", "{place} team wins the cup final",
         "Central bank holds rates steady", "{place} festival opens with record crowds"]


def headlines(events: int, noise: int, seed: int = 11) -> list[tuple[str, datetime]]:
    """`events` tragedies, each reported by a few headlines naming its own town, among `noise`
    ordinary headlines: the shape of a real day's feeds."""
    rng = random.Random(seed)
    out = []
    for event in range(events):
        place = f"{place_name(rng)}{'abcdefghijklmnopqrstuvwxyz'[event % 26]}{'shire' if event // 26 % 2 else 'ville'}"
        place += "on" * (event // 52)
        start = NOW - timedelta(minutes=rng.randint(60, 4000))
        out.append((rng.choice(EVENTS).format(place=place, n=rng.randint(2, 40)), start))
        out += [(rng.choice(FOLLOW_UPS).format(place=place), start + timedelta(minutes=rng.randint(5, 50)))
                for _ in range(rng.randint(2, 7))]
    out += [(rng.choice(NOISE).format(place=place_name(rng)), NOW - timedelta(minutes=rng.randint(1, 4000)))
            for _ in range(noise)]
    return out


def place_name(rng: random.Random) -> str:
    return rng.choice(["Mill", "Ash", "North", "Red", "Stone", "Oak", "River", "Lake"]) + \
        rng.choice(["brook", "ford", "field", "haven", "ton", "wick", "dale", "port"])


def post_rows(count: int, seed: int = 7, spice: float = 0.05):
    """`count` posts; a share `spice` of them carry a risky word (the evaluation's clean posts
    ask for none)."""
    rng = random.Random(seed)
    vocab = {lang: words.split() for lang, words in WORDS.items()}
    languages = list(WORDS)
    for i in range(count):
        language = languages[i % len(languages)]
        words = rng.choices(vocab[language], k=rng.randint(8, 30))
        words.append(f"{rng.choice(vocab[language])}{rng.randint(1, 50_000)}")  # the long tail of a vocabulary
        if rng.random() < spice:
            words.insert(rng.randrange(len(words)), rng.choice(SPICE[language]))
        if rng.random() < 0.2:
            words.append(f"#{place_name(rng)}")
        if rng.random() < 0.1:
            words.append(f"https://example.com/p/{i}")
        yield {"id": f"p{i}", "platform": rng.choice(PLATFORMS),
               "scheduled_at": (NOW + timedelta(minutes=5 * i)).isoformat(), "region": REGIONS[language],
               "language": language, "text": " ".join(words).capitalize()}


def write_queue(path: Path, count: int) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, ["id", "platform", "scheduled_at", "region", "language", "text"])
        writer.writeheader()
        writer.writerows(post_rows(count))
    return path


def write_feed(path: Path, count: int, seed: int = 11) -> Path:
    """An RSS file of `count` headlines: one in five about one of a few dozen tragedies."""
    items = []
    for i, (title, moment) in enumerate(headlines(count // 25, count - count // 5, seed)[:count]):
        published = format_datetime(moment, usegmt=True)
        items.append(f"<item><title>{escape(title)}</title><pubDate>{published}</pubDate>"
                     f"<link>https://news.example.org/{i}</link></item>")
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench Wire'
                    "</title>" + "".join(items) + "</channel></rss>", encoding="utf-8")
    return path
