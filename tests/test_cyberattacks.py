"""A hack that leads the news (ministries' sites defaced, a parliament's mail broken into, a
firm's plants stopped by ransomware) is a story in every language the shipped rulebook reads.
Nobody is hurt by it, so it never holds a post: a joke on it ("Hacked? Not our prices") is
flagged for a person, an ordinary sale the same day goes out, and a "kitchen hack" is no hack."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from safepost.gate import check
from safepost.model import Headline, Post, Verdict
from safepost.news.detect import detect_incidents
from safepost.news.reading import read_headline
from safepost.rulebook import load_rulebook

NOW = datetime(2024, 5, 6, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def rulebook():
    return load_rulebook()


@pytest.mark.parametrize("language,title", [
    ("en", "Hackers hit NHS systems in ransomware attack"),
    ("en", "Cyber attack on shipping giant halts port operations"),
    ("ru", "Хакеры атаковали сайт крупнейшего банка"),
    ("uk", "Масштабна кібератака на банки"),
    ("pl", "Atak hakerski na system kolei"),
    ("nb", "Løsepengevirus rammet kommunen: alle systemer nede"),
    ("az", "Dövlət saytlarına kiberhücum edilib"),
    # words between the hack and the sites
    ("uk", "На зламаних урядових сайтах залишили погрозу"),
    ("ru", "На взломанных правительственных сайтах оставили угрозу"),
    ("az", "Sındırılmış dövlət saytlarında hədə yazısı qalıb"),
])
def test_a_hack_is_news_that_hurt_nobody(rulebook, language, title):
    reading = read_headline(Headline(title, "Wire", published=NOW, language=language), rulebook, NOW)
    assert [kind.id for kind in reading.kinds][:1] == ["cyberattack"]
    assert reading.tragic and not reading.harmed


@pytest.mark.parametrize("language,region,titles,joke,sale", [
    ("nb", "NO", ("Dataangrep mot Stortinget: e-postkontoer rammet", "PST etterforsker dataangrepet mot Stortinget"),
     "Hacket? Ikke vi! Lunsjtilbud hele uka 😎", "Lunsjtilbud hele uka: suppe og brød 99 kr"),
    ("pl", "PL", ("Atak hakerski na system banku. Klienci bez dostępu do kont",
                  "Bank potwierdza: zhakowano system obsługi klientów"),
     "Zhakowani? U nas tylko ceny są na dnie 😏", "Nowa kolekcja już w sklepie!"),
])
def test_the_day_of_a_hack_a_joke_on_it_is_flagged_and_a_sale_goes_out(rulebook, language, region, titles, joke,
                                                                         sale):
    incidents = detect_incidents([Headline(title, source=f"Wire {i}", published=NOW - timedelta(hours=2 + i))
                                  for i, title in enumerate(titles)], rulebook, NOW)

    def verdict(text: str):
        [decision] = check([Post(id="p1", platform="facebook", scheduled_at=NOW + timedelta(hours=1), text=text,
                                 language=language, region=region)], incidents, rulebook, NOW)
        return decision

    flagged = verdict(joke)
    assert flagged.verdict == Verdict.FLAG, flagged.findings
    assert any(f.rule == "incident.cyberattack.vocabulary" for f in flagged.findings), flagged.findings
    assert verdict(sale).verdict == Verdict.PASS


def test_a_name_the_news_writes_in_capitals_is_the_posts_only_in_capitals(rulebook):
    """The airline the headlines write "LOT" is also the Polish for a flight: a balloon ride
    ("Lot balonem", "voucher na lot") names no hack, where "LOT" in capitals does."""
    incidents = detect_incidents([
        Headline("Atak hakerski na LOT. Odwołane rejsy z Lotniska Chopina", source="Wire 1",
                 published=NOW - timedelta(hours=3)),
        Headline("LOT: hakerzy zaatakowali system planów lotów, pasażerowie nie polecieli", source="Wire 2",
                 published=NOW - timedelta(hours=2))], rulebook, NOW)

    def mentions(text: str):
        [decision] = check([Post(id="p1", platform="facebook", scheduled_at=NOW + timedelta(hours=1), text=text,
                                 language="pl", region="PL")], incidents, rulebook, NOW)
        return [f for f in decision.findings if f.rule == "incident.cyberattack.mention"]

    assert not mentions("Lot balonem nad Pieninami 🎈 Voucher na lot dla dwojga −15% do końca tygodnia!")
    assert mentions("Latasz z LOT? U nas bilety bez przesiadek −15% do końca tygodnia!")
