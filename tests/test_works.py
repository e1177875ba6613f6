"""A famous person's works, quoted the day the news reports their death: the post cashes in on the
death without naming it."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from safepost.gate import check
from safepost.model import Headline, Post, Verdict
from safepost.news.detect import detect_incidents
from safepost.rulebook import load_rulebook

NOW = datetime(2019, 3, 4, 17, 0, tzinfo=timezone.utc)
PEOPLE = """
works:
  - id: test.works.ronnie-blaze
    person: Ronnie Blaze
    died: 2019-03-04
    names: {en: [Ronnie Blaze], ru: [Ронни Блейз]}
    works: {any: [Nightburner, "Out of Orbit", "Velvet Ashtray"], ru: [Ночной поджигатель]}
    note: Frontman of The Sparks (a person made up for the test).
  - id: test.works.mara-quill
    person: Mara Quill
    names: {en: [Mara Quill]}
    works: {any: [Physical, "Hopelessly Devoted to You", "Five Minutes"]}
    note: Singer and actress (made up for the test).
"""


@pytest.fixture(scope="module")
def rulebook(tmp_path_factory):
    path = tmp_path_factory.mktemp("works") / "people.yaml"
    path.write_text(PEOPLE, encoding="utf-8")
    return load_rulebook([path])


def verdict(rulebook, headline: str, text: str, language: str = "en", region: str = "GB"):
    incidents = detect_incidents([Headline(headline, "Wire", published=NOW - timedelta(hours=5))], rulebook, NOW)
    post = Post(id="p", platform="twitter", scheduled_at=NOW + timedelta(hours=1), text=text, language=language,
                region=region)
    [decision] = check([post], incidents, rulebook, NOW)
    works = [f for f in decision.findings if f.check == "incident-works"]
    return (works[0].level if works else Verdict.PASS), works


@pytest.mark.parametrize("headline, text, language, level", [
    ("The Sparks' Ronnie Blaze dies aged 49", "🔥 NIGHTBURNER FRIDAY 🔥 £2 Jägers till midnight!", "en", Verdict.HOLD),
    ("The Sparks' Ronnie Blaze dies aged 49", "Gutted. Nightburner is on the decks all afternoon. RIP.", "en",
     Verdict.FLAG),  # a tribute names the death sincerely: a person looks
    ("Умер солист The Sparks Ронни Блейз", "Пятница «Ночной поджигатель»: коктейли 2+1 до полуночи!", "ru", Verdict.HOLD),
    ("Ronnie Blaze to headline the festival in June", "🔥 NIGHTBURNER FRIDAY 🔥 £2 Jägers till midnight!", "en",
     Verdict.PASS),  # nobody died
    ("The Sparks' Ronnie Blaze dies aged 49", "Out of orbit prices: yoga at 7, £5 a class.", "en",
     Verdict.HOLD),  # a title of several words is the title however it is written
    ("Mara Quill dies aged 73", "Physical therapy sessions 20% off this week.", "en", Verdict.PASS),
    ("Mara Quill dies aged 73", "New card in five minutes, 0% for a year.", "en", Verdict.PASS),  # "Five Minutes"
    ("Mara Quill dies aged 73", 'Let\'s get "Physical": spin class 20% off this week!', "en", Verdict.HOLD),
    # a short title of rarer words: an ordinary post's lower case is its everyday words, a sale's is a pun
    ("The Sparks' Ronnie Blaze dies aged 49", "Cosy corner 🛋️ Velvet ashtray on every table, walk-ins welcome.",
     "en", Verdict.PASS),
    ("The Sparks' Ronnie Blaze dies aged 49", "Cosy corner 🛋️ Velvet Ashtray on every table, walk-ins welcome.",
     "en", Verdict.FLAG),
    ("The Sparks' Ronnie Blaze dies aged 49", "Velvet ashtray sale: 20% off all weekend!", "en", Verdict.HOLD),
])
def test_a_work_of_someone_whose_death_is_in_the_news(rulebook, headline, text, language, level):
    got, works = verdict(rulebook, headline, text, language)
    assert got == level
    if works:
        assert "Ronnie Blaze" in works[0].message or "Mara Quill" in works[0].message
        assert works[0].evidence["headlines"][0]["title"] == headline


def test_the_shipped_people_load_and_each_names_someone_with_works():
    book = load_rulebook()
    people = book.rules("works")
    assert len(people) > 100
    assert all(person.names and person.works for person in people)


@pytest.mark.parametrize("headlines, text, language, level", [
    # no entry in the rulebook names Rustam Ibragimbekov: the news tells whose death it is and, in
    # a later headline that names him, the title of his film
    (["Умер автор сценария «Белого солнца пустыни» Рустам Ибрагимбеков",
      "«Восток — дело тонкое»: вспоминаем фильмы Рустама Ибрагимбекова"],
     "Восток — дело тонкое 😉 А плов — дело вкусное! Всю неделю −25% на плов.", "ru", Verdict.HOLD),
    (["Умер автор сценария «Белого солнца пустыни» Рустам Ибрагимбеков",
      "«Восток — дело тонкое»: вспоминаем фильмы Рустама Ибрагимбекова"],
     "Плов по-узбекски: всю неделю −25% на плов и самсу.", "ru", Verdict.PASS),
    # a lyric sung, its letters stretched
    (["Whitney Houston dies at 48 in Beverly Hills hotel",
      "Jennifer Hudson sings 'I Will Always Love You' as the Grammys honor Whitney Houston"],
     "And IIIIII will always love you 💍 Valentine's diamonds 25% off through Tuesday!", "en", Verdict.HOLD),
])
def test_a_title_the_news_gives_for_someone_who_died(headlines, text, language, level):
    book = load_rulebook()
    incidents = detect_incidents([Headline(title, "Wire", published=NOW - timedelta(hours=5 - i))
                                  for i, title in enumerate(headlines)], book, NOW)
    post = Post(id="p", platform="vk", scheduled_at=NOW + timedelta(hours=1), text=text, language=language,
                region="RU" if language == "ru" else "US")
    [decision] = check([post], incidents, book, NOW)
    assert decision.verdict == level
    if level is Verdict.HOLD:
        echo = next(f for f in decision.findings if f.check == "incident-echo")
        assert echo.evidence["headlines"]
