"""The shipped word rulebook proves itself: every rule's own examples, the seed cases, six languages.

A word rule that fires on the wrong text gets the whole gate switched off, and one that misses its
own example protects nobody; the examples live next to the terms so both sides are always shown.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from safepost.gate import check
from safepost.model import Finding, Post, Verdict
from safepost.rulebook import load_rulebook

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
LANGUAGES = ("en", "ru", "uk", "pl", "nb", "az")
SHIPPED_CATEGORIES = ("profanity", "insult", "innuendo", "drugging", "slur", "dismissive")
WORD_CHECKS = ("words", "replies")

BOOK = load_rulebook()
WORD_RULES = BOOK.word_rules


def word_findings(text: str, language: str | None, reply_to: str | None = None) -> list[Finding]:
    post = Post(id="p-1", platform="facebook", scheduled_at=NOW, text=text, language=language,
                reply_to=reply_to)
    [decision] = check([post], [], BOOK, NOW)
    return [f for f in decision.findings if f.check in WORD_CHECKS]


def rule_language(rule) -> str | None:
    return None if rule.languages[0] == "any" else rule.languages[0]


def examples(kinds: tuple[str, ...], rules=WORD_RULES) -> list:
    """(rule, expected, example) for each example: an example says its own situation (a reply)."""
    params = []
    for rule in rules:
        numbered = [example for example in rule.examples.items if example.expect in kinds]
        params += [pytest.param(rule, example.expect, example, id=f"{rule.id}-{example.expect}-{n}")
                   for n, example in enumerate(numbered, 1)]
    return params


def describe(rule, kind: str, text: str, findings: list[Finding]) -> str:
    got = [(f.rule, str(f.level), f.match) for f in findings] or "nothing"
    return f"{rule.id} ({rule.path}:{rule.line}) {kind} example {text!r}: got {got}"


@pytest.mark.parametrize(("rule", "kind", "example"), examples(("hold", "flag")))
def test_rule_fires_on_its_examples_at_its_level(rule, kind, example):
    findings = word_findings(example.text, example.language or rule_language(rule), example.context.get("reply_to"))
    levels = {f.level for f in findings if f.rule == rule.id}
    assert levels == {Verdict.parse(kind)}, describe(rule, kind, example.text, findings)


@pytest.mark.parametrize(("rule", "kind", "example"), examples(("pass",)))
def test_rule_stays_quiet_on_its_pass_examples(rule, kind, example):
    findings = word_findings(example.text, example.language or rule_language(rule), example.context.get("reply_to"))
    assert not [f for f in findings if f.rule == rule.id], describe(rule, kind, example.text, findings)


IN_REPLY_RULES = [r for r in WORD_RULES if r.in_reply and not r.examples.context.get("reply_to")]


@pytest.mark.parametrize(("rule", "kind", "example"), examples(("hold", "flag"), IN_REPLY_RULES))
def test_said_to_a_customer_the_rule_takes_its_reply_level(rule, kind, example):
    findings = word_findings(example.text, example.language or rule_language(rule), reply_to="c-1")
    levels = {f.level for f in findings if f.rule == rule.id}
    assert levels == {rule.in_reply}, describe(rule, "reply to c-1 with", example.text, findings)


REPLY_ONLY_RULES = [r for r in WORD_RULES if r.replies_only]


@pytest.mark.parametrize(("rule", "kind", "example"), examples(("hold", "flag"), REPLY_ONLY_RULES))
def test_reply_only_rule_is_silent_outside_a_reply(rule, kind, example):
    findings = word_findings(example.text, example.language or rule_language(rule))
    assert not [f for f in findings if f.rule == rule.id], describe(rule, "non-reply", example.text, findings)


@pytest.mark.parametrize("rule", WORD_RULES, ids=lambda r: r.id)
def test_every_rule_shows_both_sides_and_says_why(rule):
    kinds = {kind for kind, _ in rule.examples.cases}
    assert kinds & {"hold", "flag"}, f"{rule.id} has no example it must catch"
    assert "pass" in kinds, f"{rule.id} has no example it must let through"
    assert rule.note, f"{rule.id} does not say why it exists"


@pytest.mark.parametrize("category", SHIPPED_CATEGORIES)
def test_every_category_is_shipped_in_all_six_languages(category):
    covered = {language for rule in WORD_RULES if rule.category == category
               for language in rule.languages}
    assert set(LANGUAGES) <= covered, f"{category}: missing {sorted(set(LANGUAGES) - covered)}"


def test_insults_and_profanity_are_held_in_replies_in_every_language():
    held = {(rule.category, language) for rule in WORD_RULES if rule.in_reply == Verdict.HOLD
            for language in rule.languages}
    missing = {(c, lang) for c in ("insult", "profanity") for lang in LANGUAGES} - held
    assert not missing


# Seed cases (shared/cases/seed-cases.yaml), copied so the tests carry their own fixtures.

def test_energy_drink_innuendo_is_flagged():
    findings = word_findings("Ona już wie, co za chwilę będzie miała w ustach...", "pl")
    assert max(f.level for f in findings) >= Verdict.FLAG
    assert "innuendo.pl" in {f.rule for f in findings}


def test_restaurant_insulting_a_customer_in_a_reply_is_held():
    text = ("Hey Sandy, would you rather go eat somewhere else, you idiot? "
            "Nobody asked for your opinion.")
    findings = word_findings(text, None, reply_to="c-118")
    held = {f.rule for f in findings if f.level == Verdict.HOLD}
    assert {"insult.en", "dismissive.en"} <= held
    assert all(f.message.startswith("In a reply to c-118") for f in findings)


BENIGN = [
    "We're hiring: two backend engineers for our Lisbon office.",
    "Power out? No problem. You can still dunk in the dark.",
    "Behind the scenes at today's photo shoot!",
    "Our office closes early today so staff can give blood. Calls will be returned tomorrow.",
    "Congrats, you survived the Boston Marathon!",
]


@pytest.mark.parametrize("text", BENIGN)
@pytest.mark.parametrize("language", (None,) + LANGUAGES)
def test_ordinary_posts_raise_no_word_finding(text, language):
    assert word_findings(text, language) == []
    assert word_findings(text, language, reply_to="c-1") == []


@pytest.mark.parametrize("text, language, rule", [
    ("Suka, the courier is late again.", "en", "profanity.az"),
    ("Kurwa, jaka promocja!", "en", "profanity.pl"),
])
def test_another_languages_strong_word_is_read_under_the_posts_language(text, language, rule):
    assert rule in {f.rule for f in word_findings(text, language)}


@pytest.mark.parametrize("text, language", [
    ("Nasza suka Figa została mamą! Siedmioro zdrowych szczeniąt, rezerwacje od kwietnia.", "pl"),
])
def test_an_everyday_word_of_the_posts_own_language_is_not_another_languages_swear(text, language):
    assert word_findings(text, language) == []


OWNING_UP = [  # (language, a mild curse at the brand's own slip, the same curse at the customer)
    ("en", "Crap, you caught us 🙈 The menu board still says 'Shitake', we're fixing it today.",
     "Crap, the size chart is right there on the page."),
    ("ru", "Чёрт, наш косяк 🙈 Заказ пересоберём и отправим сегодня бесплатно.",
     "Чёрт, читайте описание перед заказом."),
    ("uk", "Трясця, переплутали номер будинку 🙈 Вибачте, пані Галино!", "Трясця, читайте опис перед замовленням."),
    ("pl", "Cholera, nasza wina 🙈 Wysyłamy nową paczkę jeszcze dziś.", "Cholera, proszę czytać opis przed zamówieniem."),
    ("nb", "Pokker, vår feil 🙈 Ny pakke sendes i dag.", "Pokker, les beskrivelsen før du bestiller."),
    ("az", "Lənət olsun, bağlama gecikib! 🙈 Üzr istəyirik, bu gün pulsuz çatdıracağıq.",
     "Lənət olsun, sifarişdən əvvəl təsviri oxuyun."),
]


@pytest.mark.parametrize("language, owning_up, at_the_customer", OWNING_UP)
def test_a_mild_curse_at_the_brands_own_slip_passes_in_a_reply(language, owning_up, at_the_customer):
    """"Cholera, nasza wina 🙈": the brand swears at itself while it owns up; said to the customer,
    the same word is flagged, and in a post of the brand's own it is flagged too."""
    assert word_findings(owning_up, language, reply_to="c-1") == []
    assert {f.level for f in word_findings(at_the_customer, language, reply_to="c-1")} == {Verdict.FLAG}
    assert {f.level for f in word_findings(owning_up, language)} == {Verdict.FLAG}
