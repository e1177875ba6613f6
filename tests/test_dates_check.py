"""The `dates` check through the real gate and the shipped packs: the seed cases, what each day
asks of a post, the audience's time zone (with DST) and the rule's window and anniversary."""
from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from safepost import gate
from safepost.checks import Context, Scope, dates
from safepost.model import Post, Verdict
from safepost.rulebook import Audience, load_rulebook
from safepost.text import analyze

NOW = datetime.fromisoformat("2030-01-01T00:00:00+00:00")

# Copied from the project's seed cases (shared/cases/seed-cases.yaml); `flag` means flag or hold.
SEED_CASES = [
    {"id": "powstanie-1-sierpnia", "expect": "hold", "rule": "date.pl.warsaw-uprising",
     "post": {"platform": "instagram", "scheduled_at": "2017-08-01T09:00:00Z", "region": "PL", "language": "pl",
              "text": "1 sierpnia – Dzień Pamięci. Chrzanić przeszłość, liczy się impreza!"}},
    {"id": "smolensk-10-kwietnia", "expect": "flag", "rule": "date.pl.smolensk",
     "post": {"platform": "instagram", "scheduled_at": "2017-04-10T10:00:00Z", "region": "PL", "language": "pl",
              "text": "10 kwietnia – Dzień Lotnictwa! Odlatujemy z nowym smakiem!"}},
    {"id": "utoya-22-juli", "expect": "flag", "rule": "date.no.july-22",
     "post": {"platform": "facebook", "scheduled_at": "2021-07-22T10:00:00Z", "region": "NO", "language": "nb",
              "text": "Sommerfest i dag! Halv pris på alle drinker hele kvelden!"}},
    {"id": "khojaly-26-fevral", "expect": "flag", "rule": "date.az.khojaly",
     "post": {"platform": "instagram", "scheduled_at": "2020-02-26T10:00:00Z", "region": "AZ", "language": "az",
              "text": "Böyük endirim! Bütün məhsullara 50% endirim yalnız bu gün!"}},
]
EXPECT = {"hold": {Verdict.HOLD}, "flag": {Verdict.FLAG, Verdict.HOLD}}


@pytest.fixture(scope="module")
def shipped():
    return load_rulebook()


def post(text: str, scheduled_at: str, **columns) -> Post:
    return Post(id=columns.pop("id", "p1"), platform=columns.pop("platform", "twitter"),
                scheduled_at=datetime.fromisoformat(scheduled_at.replace("Z", "+00:00")), text=text, **columns)


def date_findings(book, *posts: Post):
    """The dates findings of each post, in order."""
    return [[f for f in d.findings if f.check == "dates"] for d in gate.check(list(posts), (), book, NOW)]


def audience(book, **settings):
    return dataclasses.replace(book, audience=Audience(**settings))


@pytest.mark.parametrize("case", SEED_CASES, ids=[c["id"] for c in SEED_CASES])
def test_seed_case(case, shipped):
    [findings] = date_findings(shipped, post(**case["post"]))
    [finding] = findings
    assert finding.rule == case["rule"]
    assert finding.level in EXPECT[case["expect"]]
    assert finding.evidence["note"] and finding.evidence["source"]


def test_warsaw_uprising_message_names_day_anniversary_region_and_reason(shipped):
    [[finding]] = date_findings(shipped, post(**SEED_CASES[0]["post"]))
    assert finding.message.startswith(
        "1 August is the Warsaw Uprising remembrance day (73rd anniversary) in PL: a promotional post ('impreza'); "
        "the post names '1 sierpnia'")
    assert finding.evidence["anniversary"] == 73 and finding.evidence["date"] == "2017-08-01"
    assert finding.match == "impreza"


def test_a_name_that_is_an_anniversary_takes_the_number_inside(shipped):
    [[finding]] = date_findings(shipped, post(**SEED_CASES[1]["post"]))
    assert finding.message.startswith("10 April is the 7th anniversary of the Smolensk air crash in PL")


def test_the_same_posts_pass_on_an_ordinary_day(shipped):
    ordinary = [post(**{**case["post"], "scheduled_at": "2019-10-08T10:00:00Z"}) for case in SEED_CASES]
    assert date_findings(shipped, *ordinary) == [[], [], [], []]


def test_a_sincere_post_naming_the_day_is_flagged_not_held(shipped):
    sincere, selling, unread = date_findings(
        shipped,
        post("Pamiętamy. Cześć ich pamięci. #PowstanieWarszawskie", "2017-08-01T12:00:00Z", region="PL", language="pl"),
        post("Powstanie Warszawskie na nowych koszulkach! -20% tylko dziś", "2017-08-01T12:00:00Z", region="PL",
             language="pl"),
        post("Powstanie Warszawskie na nowych koszulkach!", "2017-08-01T12:00:00Z", region="PL", language="pl"))
    assert [f.level for f in sincere] == [Verdict.FLAG]  # the tone ladder: a person reads it
    assert "sincere" in sincere[0].message
    assert [f.level for f in selling] == [Verdict.HOLD]
    assert "Powstanie Warszawskie" in selling[0].message
    # a tone safepost cannot read is looked at by a person, not held as if it sold
    assert [f.level for f in unread] == [Verdict.FLAG] and "an ordinary post" in unread[0].message


def test_sincere_words_do_not_excuse_a_promotion(shipped):
    [[finding]] = date_findings(shipped, post("We remember 9/11. 20% off everything today!", "2019-09-11T15:00:00Z",
                                              region="US", language="en"))
    assert finding.level == Verdict.HOLD and "a promotional post ('20% off')" in finding.message


def test_every_post_on_a_grave_day_is_flagged_for_a_person(shipped):
    [[finding]] = date_findings(shipped, post("Nye høstfarger i butikken.", "2021-07-22T10:00:00Z",
                                              region="NO", language="nb"))
    assert finding.level == Verdict.FLAG
    assert "a person should read every post on this day" in finding.message


def test_a_day_that_asks_only_about_mentions_leaves_other_posts_alone(shipped):
    quiet, naming = date_findings(
        shipped,
        post("New autumn colours in store.", "2021-12-07T15:00:00Z", region="US", language="en"),
        post("Pearl Harbor Day sale on all tees", "2021-12-07T15:00:00Z", region="US", language="en"))
    assert quiet == []
    assert [f.rule for f in naming] == ["date.us.pearl-harbor"]


def test_a_tragedy_anniversary_flags_a_plain_mention_and_holds_one_that_sells(shipped):
    """Sleipner asks `mentions: flag, hooks: hold`: a ferry firm naming the wreck is looked at;
    life jackets sold on the wreck's name are held; Memorial Day, which sells every year, still
    only flags its sales."""
    when = "2026-11-26T10:00:00Z"
    plain, selling = date_findings(
        shipped,
        post("Ferjene går som normalt i dag; vi tenker på Sleipner-ulykken.", when, region="NO", language="nb"),
        post("Sleipner-forliset: black week-tilbud på redningsvester, 40 % rabatt!", when, region="NO", language="nb"))
    assert [f.level for f in plain] == [Verdict.FLAG]
    assert [f.level for f in selling] == [Verdict.HOLD]
    [memorial_day] = date_findings(shipped, post("Memorial Day sale: 30% off all grills!", "2026-05-25T15:00:00Z",
                                                 region="US", language="en"))
    assert [f.level for f in memorial_day] == [Verdict.FLAG]


def test_the_window_around_a_day(shipped):
    [[finding]] = date_findings(shipped, post("Zaduszki: znicze -30%!", "2023-11-02T09:00:00Z",
                                              region="PL", language="pl"))
    assert finding.rule == "date.pl.all-saints"
    assert finding.message.startswith("2 November is the day after All Saints' Day in PL")


def test_no_anniversary_before_the_event(shipped):
    day_of_the_attack = date_findings(shipped, post("Sommerfest i dag! Halv pris!", "2011-07-22T10:00:00Z",
                                                    region="NO", language="nb"))
    assert day_of_the_attack == [[]]  # that day is news, not a remembrance day


def test_international_days_apply_to_every_audience(shipped):
    with_region, without = date_findings(
        shipped,
        post("Hiroshima deals: explosive prices!", "2026-08-06T12:00:00Z", region="BR", language="en"),
        post("Hiroshima deals: explosive prices!", "2026-08-06T12:00:00Z", language="en"))
    assert [f.rule for f in with_region] == [f.rule for f in without] == ["date.intl.hiroshima"]


def test_a_days_regions_decide_who_it_applies_to(shipped):
    [others] = date_findings(shipped, post("Sommerfest i dag! Halv pris!", "2021-07-22T10:00:00Z",
                                           region="SE", language="nb"))
    assert others == []


def test_config_regions_stand_in_for_a_post_without_one(shipped):
    book = audience(shipped, regions=("PL",))
    [[finding]] = date_findings(book, post(**{k: v for k, v in SEED_CASES[0]["post"].items() if k != "region"}))
    assert finding.rule == "date.pl.warsaw-uprising"
    assert date_findings(shipped, post("impreza!", "2017-08-01T09:00:00Z", language="pl")) == [[]]


def test_config_levels_cap_or_silence_a_date_rule():
    case = SEED_CASES[2]["post"]
    capped = load_rulebook(levels={"date.no.*": Verdict.FLAG})
    silenced = load_rulebook(levels={"date.no.july-22": None})
    assert [f.level for f in date_findings(capped, post(**case))[0]] == [Verdict.FLAG]
    assert date_findings(silenced, post(**case)) == [[]]


def test_unknown_language_checks_every_languages_terms(shipped):
    text = "Utøya? Halv pris i dag"
    unknown = Post("p1", "twitter", datetime.fromisoformat("2021-07-22T10:00:00+00:00"), text, region="NO")
    ctx = Context(0, unknown, None, analyze(text, None), Scope(shipped, (), NOW))
    [finding] = dates.run(ctx)
    assert finding.level == Verdict.HOLD
    assert finding.evidence["reasons"] == ["a person should read every post on this day",
                                           "a promotional post ('Halv pris')", "the post names 'Utøya'"]


# --- the audience's time zone -------------------------------------------------------------------

def test_sydney_is_already_on_11_september_when_new_york_is_not(shipped):
    evening_utc = "2019-09-10T23:30:00Z"
    in_sydney, in_new_york = date_findings(
        shipped,
        post("Spring sale: 20% off", evening_utc, region="US", timezone="Australia/Sydney", language="en"),
        post("Spring sale: 20% off", evening_utc, region="US", language="en"))
    assert [f.rule for f in in_sydney] == ["date.us.september-11"]
    assert in_sydney[0].evidence["timezone"] == "Australia/Sydney"
    assert in_new_york == []


@pytest.mark.parametrize("when, expected", [
    ("2019-09-11T03:30:00Z", False),  # 23:30 EDT on 10 September
    ("2019-09-11T04:30:00Z", True),   # 00:30 EDT on 11 September (summer time: UTC-4)
    ("2021-12-07T04:30:00Z", False),  # 23:30 EST on 6 December (winter time: UTC-5)
    ("2021-12-07T05:30:00Z", True),   # 00:30 EST on 7 December
])
def test_us_days_start_at_midnight_in_new_york_summer_or_winter(shipped, when, expected):
    [found] = date_findings(shipped, post("9/11 and Pearl Harbor: our new tees", when,
                                          region="US", language="en"))
    assert bool(found) is expected


@pytest.fixture
def dst_rules(tmp_path):
    """Two Polish days that start on the nights the clocks change (last Sundays of March and October)."""
    path = tmp_path / "dst.yaml"
    path.write_text("""dates:
  - id: test.spring-forward
    name: a test day in spring
    regions: [PL]
    date: last sun of mar
    asks: {every_post: flag}
  - id: test.fall-back
    name: a test day in autumn
    regions: [PL]
    date: last sun of oct
    asks: {every_post: flag}
""", encoding="utf-8")
    return load_rulebook([path], include_shipped=False)


@pytest.mark.parametrize("when, rule", [
    ("2021-03-27T22:30:00Z", None),                   # 23:30 CET on Saturday 27 March
    ("2021-03-27T23:30:00Z", "test.spring-forward"),  # 00:30 CET on the 28th, before the clocks jump
    ("2021-03-28T21:30:00Z", "test.spring-forward"),  # 23:30 CEST, the day is 23 hours long
    ("2021-03-28T22:30:00Z", None),                   # 00:30 CEST on Monday 29 March
    ("2021-10-30T21:30:00Z", None),                   # 23:30 CEST on Saturday 30 October
    ("2021-10-30T22:30:00Z", "test.fall-back"),       # 00:30 CEST on the 31st
    ("2021-10-31T22:30:00Z", "test.fall-back"),       # 23:30 CET, the day is 25 hours long
    ("2021-10-31T23:30:00Z", None),                   # 00:30 CET on Monday 1 November
])
def test_days_across_daylight_saving_changes_in_warsaw(dst_rules, when, rule):
    [found] = date_findings(dst_rules, post("Dzień dobry", when, region="PL", language="pl"))
    assert [f.rule for f in found] == ([rule] if rule else [])


def test_zone_falls_back_to_the_config_then_utc(dst_rules):
    just_after_midnight_utc = post("Dzień dobry", "2021-03-28T00:30:00Z", language="pl")
    # A region without a known zone takes the config's zone; the rule's region still decides.
    kiribati = audience(dst_rules, regions=("PL",), timezone="Pacific/Kiritimati")
    assert [f.evidence["timezone"] for f in date_findings(kiribati, just_after_midnight_utc)[0]] == ["Europe/Warsaw"]
    no_region = dataclasses.replace(just_after_midnight_utc, region="XK")
    assert date_findings(audience(dst_rules, timezone="Pacific/Kiritimati"), no_region) == [[]]


@pytest.mark.parametrize("text, language, scheduled_at, region, rule, written", [
    ("20 лютого — гаряча сотня знижок!", "uk", "2027-02-20T09:00:00Z", "UA", "date.ua.heavenly-hundred", "20 лютого"),
    ("13 kwietnia: wiosenna wyprzedaż, ceny lecą w dół!", "pl", "2027-04-13T09:00:00Z", "PL", "date.pl.katyn",
     "13 kwietnia"),
    ("August 6 only: a blast of summer deals!", "en", "2027-08-06T09:00:00Z", "US", "date.intl.hiroshima", "August 6"),
])
def test_a_sale_that_writes_the_day_names_the_day(shipped, text, language, scheduled_at, region, rule, written):
    """The rules do not list these dates among their words: the day as written is read anyway."""
    [found] = date_findings(shipped, post(text, scheduled_at, language=language, region=region))
    [finding] = [f for f in found if f.rule == rule]
    assert f"names '{written}'" in finding.message


def test_a_closing_notice_that_writes_the_day_is_only_a_date(shipped):
    notice = post("1 listopada sklep jest nieczynny.", "2027-11-01T09:00:00Z", language="pl", region="PL")
    [found] = date_findings(shipped, notice)
    assert all("names" not in f.message for f in found)
