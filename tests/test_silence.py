"""A minute's silence at a given time: a cheerful post that lands on that minute, or calls people
to something at that hour the same day, breaks the silence in the country that keeps it, in
every language the shipped rulebook reads headlines in."""
from __future__ import annotations

from datetime import datetime, time

import pytest

from safepost.gate import check
from safepost.model import Headline, Post, Verdict
from safepost.news.detect import detect_incidents
from safepost.rulebook import load_rulebook
from safepost.text.clock import clock_times


@pytest.fixture(scope="module")
def rulebook():
    return load_rulebook()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# (language, region, another region, announcement published the evening before, the UTC instant of
# the silence, a cheerful post, a cheerful post naming that hour, a post that keeps the silence)
SILENCES = [
    ("en", "GB", "US", "UK to observe a minute's silence at 11am for the Manchester Arena victims",
     "2017-05-25T10:00:00Z", "Happy hour starts NOW: 2-for-1 cocktails all afternoon!",
     "Flash sale at 11am: 50% off every jacket for one hour!",
     "We will stop at 11am for the minute's silence. Our thoughts are with Manchester."),
    ("ru", "RU", "PL", "В 12:00 по всей России пройдёт минута молчания в память о погибших в Кемерове",
     "2017-05-25T09:00:00Z",
     "Счастливые часы начинаются прямо сейчас: коктейли 2+1!", "Распродажа в 12:00: скидка 50% на все куртки!",
     "В 12:00 мы присоединимся к минуте молчания. Скорбим вместе с Кемерово."),
    ("uk", "UA", "PL", "Опівдні по всій Україні — хвилина мовчання за загиблими гірниками", "2017-05-25T09:00:00Z",
     "Щасливі години вже почалися: коктейлі 2+1!", "Розпродаж о 12:00: знижка 50% на всі куртки!",
     "О 12:00 ми теж вшануємо загиблих хвилиною мовчання."),
    ("pl", "PL", "UA", "Jutro w południe minuta ciszy w całej Polsce dla ofiar katastrofy", "2017-05-25T10:00:00Z",
     "Happy hours właśnie się zaczynają: koktajle 2+1!", "Wyprzedaż o 12:00: -50% na wszystkie kurtki!",
     "O 12:00 dołączamy do minuty ciszy. Łączymy się w bólu z rodzinami."),
    ("nb", "NO", "PL", "Hele Norge holder ett minutts stillhet klokka 12 for ofrene etter raset",
     "2017-05-25T10:00:00Z",
     "Happy hour starter NÅ: 2 for 1 på alle drinker!", "Lynsalg kl. 12: 50 % på alle jakker i én time!",
     "Klokka 12 holder vi også ett minutts stillhet for ofrene."),
    ("az", "AZ", "PL", "Prezident Sərəncam imzalayıb: mayın 25-də saat 12:00-da şəhidlərin xatirəsi bir dəqiqəlik "
     "sükutla yad ediləcək", "2017-05-25T08:00:00Z",
     "Xoşbəxt saatlar indi başlayır: kokteyllər 2+1!", "Saat 12:00-da FLASH SALE: bütün gödəkçələrə 50% endirim!",
     "Saat 12:00-da biz də şəhidlərin xatirəsini bir dəqiqəlik sükutla yad edəcəyik."),
]


@pytest.mark.parametrize("language, region, abroad, announcement, moment, cheerful, naming, keeping", SILENCES)
def test_a_cheerful_post_on_the_minute_of_a_national_silence_is_held_in_its_country(
        rulebook, language, region, abroad, announcement, moment, cheerful, naming, keeping):
    silence = at(moment)
    evening_before = at("2017-05-24T17:00:00Z")
    incidents = detect_incidents([Headline(announcement, "Wire", published=evening_before)], rulebook, evening_before)

    def judged(text: str, when: datetime, where: str = region):
        [decision] = check([Post("p1", "facebook", when, text, language=language, region=where)],
                           incidents, rulebook, evening_before)
        return [f for f in decision.findings if f.check == "silence"], decision.verdict

    [found], verdict = judged(cheerful, silence)
    assert verdict == Verdict.HOLD and found.rule.endswith(".silence"), found
    assert silence.astimezone(_zone(region)).strftime("%H:%M") in found.message
    assert judged(cheerful, silence.replace(hour=silence.hour + 2)) == ([], Verdict.PASS)  # after the silence
    assert judged(cheerful, silence.replace(day=24)) == ([], Verdict.PASS)  # the day before, same hour
    assert judged(cheerful, silence, abroad)[0] == []  # another country does not fall silent
    [called], _ = judged(naming, silence.replace(hour=6))  # in the morning, for a sale at that very hour
    assert called.message.startswith("Calls people to")
    assert judged(keeping, silence)[0] == []  # it keeps the silence


def _zone(region: str):
    from zoneinfo import ZoneInfo

    from safepost.calendar import REGION_TIMEZONES

    return ZoneInfo(REGION_TIMEZONES[region])


def test_a_silence_with_no_time_is_nobodys_minute(rulebook):
    """A silence before kick-off, at a school, or "a moment of silence for the victims" names no
    moment the country keeps."""
    incidents = detect_incidents([Headline("Minute's silence before kick-off for Maradona", "Wire",
                                           published=at("2020-11-26T10:00:00Z"))], rulebook, at("2020-11-26T10:00:00Z"))
    assert not any(incident.silences for incident in incidents)


@pytest.mark.parametrize("text, times", [
    ("Nation asked to observe a minute's silence at 3pm", {time(15)}),
    ("IT'S 3 O'CLOCK AND THE PARTY STARTS NOW", {time(3), time(15)}),
    ("at 11 a.m. on the 11th", {time(11)}),
    ("the first plane struck at 8.46am", {time(8, 46)}),
    ("Saat 12:00-da FLASH SALE başlayır", {time(12)}),
    ("О 12:00 у нашій кав'ярні", {time(12)}),
    ("kl. 12 holder vi stille", {time(12)}),
    ("o godz. 15 zaczynamy", {time(15)}),
    # prices, scores, discounts and ages are no times
    ("Sukienki -20%, teraz 12.99 zł", set()),
    ("o 12 zł taniej", set()),
    ("Russia beat Egypt 3:1", set()),
    ("Kids aged 4-12 go free", set()),
    ("Order 2 at £12.50", set()),
])
def test_times_of_day_are_read_as_they_are_written_and_prices_are_not_times(text, times):
    assert clock_times(text) == times
