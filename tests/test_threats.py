"""A threat is not an attack. A raised terror threat level, a bomb threat that empties a station,
a plot foiled, in every language the shipped rulebook reads, is news: a sale or a joke that names
the threat is held as for an attack. But nobody was attacked, so it opens no first hours that hold
every promotion in the country, its kind's words alone flag rather than hold, and its town alone
is every local post's town. An attack reported beside a threat word is still an attack, and a
scare the headline says was a hoax is no story at all."""
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


def reading_of(rulebook, title: str, language: str):
    return read_headline(Headline(title, "Wire", published=NOW, language=language), rulebook, NOW)


def incidents_of(rulebook, *titles: str):
    headlines = [Headline(title, source=f"Wire {i}", published=NOW - timedelta(hours=2 + i))
                 for i, title in enumerate(titles)]
    return detect_incidents(headlines, rulebook, NOW)


def verdict_of(rulebook, text: str, language: str, region: str, incidents):
    [decision] = check([Post(id="p1", platform="instagram", scheduled_at=NOW + timedelta(hours=1), text=text,
                             language=language, region=region)], incidents, rulebook, NOW)
    return decision


# (language, the kind the threat names, the headline): each was read as a mass-casualty attack,
# or as no event at all, before threats were read
THREATS = [
    ("en", "terror", "UK terror threat level raised to critical after foiled plot"),
    ("en", "bombing", "Bomb threat forces evacuation of Leeds station"),
    ("en", "terror", "Police foil plot to attack Christmas market, three arrested"),
    ("en", "shooting", "School shooting threat: extra police at schools"),
    ("en", "war", "Air raid alert across Ukraine"),
    ("ru", "terror", "ФСБ предотвратила теракт в Москве, задержаны трое"),
    ("ru", "terror", "Угроза теракта: в Москве эвакуировали три торговых центра"),
    ("ru", "bombing", "Сообщения о минировании школ поступили в Петербурге"),
    ("uk", "terror", "СБУ запобігла теракту у Києві"),
    ("uk", "war", "Загроза ракетного удару по всій Україні"),
    ("uk", "bombing", "Повідомлення про замінування: евакуювали вокзал"),
    ("pl", "bombing", "Alarm bombowy w galerii, ewakuowano 2 tys. osób"),
    ("pl", "terror", "ABW udaremniła zamach, zatrzymano dwie osoby"),
    ("pl", "terror", "Trzeci stopień alarmowy w całym kraju"),
    ("nb", "terror", "PST: Konkret terrortrussel mot Norge de nærmeste dagene"),
    ("nb", "bombing", "Bombetrussel mot Oslo S – området evakuert"),
    ("nb", "terror", "Avverget terrorangrep, to pågrepet"),
    ("az", "terror", "Bakıda terror aktının qarşısı alınıb"),
    ("az", "bombing", "Məktəbdə bomba olduğu barədə məlumat: şagirdlər təxliyə edilib"),
    ("az", "terror", "Terror təhlükəsi: polis gücləndirilmiş rejimdə"),
]


@pytest.mark.parametrize("language,kind,title", THREATS, ids=[f"{t[0]}-{i}" for i, t in enumerate(THREATS)])
def test_a_threat_is_news_of_its_kind_in_which_nobody_was_attacked(rulebook, language, kind, title):
    reading = reading_of(rulebook, title, language)
    assert kind in [k.id for k in reading.kinds], reading.kinds
    assert reading.threat and reading.tragic
    assert not reading.harmed and reading.severity <= 2, (reading.harmed, reading.severity)


@pytest.mark.parametrize("language,title", [
    ("en", "Shooting in Leeds: police warn of further threat"),
    ("en", "Two killed in foiled robbery shooting"),
    ("ru", "Теракт в метро Петербурга: власти предупреждают об угрозе новых атак"),
    ("pl", "Zamach w Krakowie: policja ostrzega przed zagrożeniem kolejnymi atakami"),
])
def test_an_attack_reported_beside_a_threat_word_happened(rulebook, language, title):
    reading = reading_of(rulebook, title, language)
    assert reading.harmed and reading.severity >= 3, (reading.kinds, reading.threat, reading.severity)


@pytest.mark.parametrize("language,title", [
    ("en", "Suspicious package at Leeds station was harmless, police say"),
    ("ru", "Сообщение о минировании торгового центра оказалось ложным"),
    ("uk", "Повідомлення про замінування шкіл виявилися неправдивими"),
    ("pl", "Gorzów: alarm bombowy w szkole okazał się fałszywy"),
    ("pl", "Podejrzany pakunek w galerii handlowej. Saperzy nic nie znaleźli"),
    ("nb", "Mistenkelig pakke i Bergen sentrum var ufarlig"),
])
def test_a_scare_the_headline_calls_a_hoax_is_no_story(rulebook, language, title):
    assert not reading_of(rulebook, title, language).tragic


def test_the_day_of_a_terror_threat_a_sale_goes_out_its_slang_is_looked_at_and_naming_it_is_held(rulebook):
    incidents = incidents_of(rulebook, "UK terror threat level raised to critical after foiled plot",
                             "Armed police at railway stations as terror threat level rises")
    [threat] = incidents
    assert threat.threatened and not threat.harmed
    assert verdict_of(rulebook, "Spring sale: 20% off everything", "en", "GB", incidents).verdict == Verdict.PASS
    slang = verdict_of(rulebook, "Our prices are the bomb 💣 this weekend", "en", "GB", incidents)
    assert slang.verdict == Verdict.FLAG
    assert any("after a threat of terror attack (nobody attacked" in f.message for f in slang.findings), slang.findings
    named = verdict_of(rulebook, "Threat level: SEVERE 🚨 Brownies 2 for £5 today only", "en", "GB", incidents)
    assert named.verdict == Verdict.HOLD, named.findings


def test_the_town_of_a_bomb_threat_is_every_local_posts_town_unless_the_post_plays_on_it(rulebook):
    incidents = incidents_of(rulebook, "Bomb threat forces evacuation of Leeds station",
                             "Leeds station reopens after bomb threat")
    sale = verdict_of(rulebook, "Leeds friends: our spring sale starts today, 20% off", "en", "GB", incidents)
    assert sale.verdict == Verdict.PASS, sale.findings
    joke = verdict_of(rulebook, "Leeds: our prices are the bomb today 💣 20% off", "en", "GB", incidents)
    assert joke.verdict == Verdict.HOLD, joke.findings
    # the morning a bomb went off, the slang alone is held: a threat beside it takes nothing back
    attacked = incidents_of(rulebook, "Three killed in bomb attack at Leeds station",
                            "Armed police at railway stations as terror threat level rises")
    assert verdict_of(rulebook, "Our prices are the bomb 💣 this weekend", "en", "GB", attacked).verdict == Verdict.HOLD


def test_a_sale_naming_a_norwegian_threat_in_another_form_is_held(rulebook):
    """The story is named "terrortrusselen", a word the headlines write in lower case and no name:
    the post's "Terrortrussel?" is another of its forms. The sale beside it goes out."""
    incidents = incidents_of(rulebook, "Væpnet politi på Gardermoen og Oslo S etter terrortrusselen",
                             "Solberg ber folk leve som normalt tross terrortrusselen")
    assert [incident.terms[0] for incident in incidents] == ["terrortrusselen"]
    joke = verdict_of(rulebook, "Terrortrussel? Den eneste trusselen her i kveld er happy hour 😎🍻 Halv pris på øl!",
                      "nb", "NO", incidents)
    assert joke.verdict == Verdict.HOLD, joke.findings
    assert verdict_of(rulebook, "Sommersalg: 30 % på alt i butikken", "nb", "NO", incidents).verdict == Verdict.PASS


def test_a_post_that_repeats_the_threat_is_held_where_the_threat_is_news(rulebook):
    """"Threat level" is everyday English, so it is no name of the story; but the afternoon the
    country's threat level is raised, a bakery's "Threat level: SEVERE", selling before stocks run
    out, repeats the threat. Abroad it is heard in its own language's news: a Polish shop's post
    borrowing the English words repeats nothing Poland heard."""
    incidents = incidents_of(rulebook, "UK terror threat level raised to 'severe' – an attack is highly likely")
    bakery = "Threat level: SEVERE 🚨🧁 Our brownies are almost gone, get to the shop before they're gone!"
    held = verdict_of(rulebook, bakery, "en", "GB", incidents)
    assert held.verdict == Verdict.HOLD
    assert any(f.rule == "incident.terror.echo" for f in held.findings), held.findings
    polish = "Threat level: SEVERE 🚨🧁 Brownie prawie wyprzedane, wpadnijcie zanim znikną!"
    assert verdict_of(rulebook, polish, "pl", "PL", incidents).verdict == Verdict.PASS


@pytest.mark.parametrize("language,region,titles,named,slang", [
    ("en", "GB", ("UK terror threat level raised to critical after foiled plot",
                  "Armed police at railway stations as terror threat level rises"),
     "Terror attack? The only attack here is on prices 😎 20% off", "Our prices are the bomb 💣 this weekend"),
    ("ru", "RU", ("ФСБ задержала семерых сторонников ИГ, готовивших теракты в Петербурге",
                  "ФСБ предотвратила теракт в Петербурге, задержаны семеро"),
     "Теракт отменяется — распродажа нет! Скидки до 50%", "Бомба-цены на куртки: скидки до 50%"),
])
def test_a_sale_that_names_the_threatened_attack_is_held_and_one_that_plays_on_its_slang_is_not(
        rulebook, language, region, titles, named, slang):
    incidents = incidents_of(rulebook, *titles)
    held = verdict_of(rulebook, named, language, region, incidents)
    assert held.verdict == Verdict.HOLD, held.findings
    assert "the post names the attack" in " ".join(f.message for f in held.findings)
    assert verdict_of(rulebook, slang, language, region, incidents).verdict < Verdict.HOLD
