"""How headlines become incidents: one event is one incident, different events stay apart."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from safepost.model import Headline
from safepost.news.detect import detect_incidents
from safepost.rulebook import load_rulebook

NOW = datetime(2026, 7, 31, 16, 0, tzinfo=timezone.utc)
RULEBOOK = load_rulebook()


def headline(title: str, hours_ago: float, source: str = "Wire") -> Headline:
    return Headline(title, source, published=NOW - timedelta(hours=hours_ago))


def test_headlines_about_one_event_are_one_incident_with_its_sources():
    incidents = detect_incidents([
        headline("Gunman opens fire at Riverside festival, at least 7 dead", 5, "Wire"),
        headline("Riverside festival shooting: what we know", 4, "Daily"),
        headline("Vigil planned after Riverside festival shooting", 2, "Local"),
    ], RULEBOOK, NOW)
    [incident] = incidents
    assert incident.kind == "shooting" and len(incident.headlines) == 3 and incident.sources == 3
    assert "Riverside" in incident.terms


def test_a_name_shared_days_apart_does_not_join_two_events():
    incidents = detect_incidents([
        headline("Explosion at Millbrook chemical plant kills 4", 60),
        headline("Flooding in Millbrook forces hundreds from their homes", 2),
    ], RULEBOOK, NOW)
    assert sorted(i.kind for i in incidents) == ["explosion", "storm"]


def test_a_word_in_most_of_the_day_s_tragedies_does_not_merge_them():
    towns = ["Ashford", "Redwick", "Stonehaven", "Oakdale", "Lakeport", "Northfield", "Riverton",
             "Millbrook", "Ashton", "Redford", "Stoneleigh", "Oakham", "Lakeside", "Northwick"]
    incidents = detect_incidents([headline(f"Governor Hale visits {town} after deadly tornado", i * 0.5)
                                  for i, town in enumerate(towns)], RULEBOOK, NOW)
    assert len(incidents) > 1  # "Hale" is in every headline: it says nothing about which event


def test_victims_are_counted_apart_from_the_injured():
    [incident] = detect_incidents([headline("Skyting i Oslo sentrum: to drept og 21 skadd", 1)], RULEBOOK, NOW)
    assert incident.severity == 4  # two dead and 21 hurt: not "21 dead", which would make it 5


def test_a_common_russian_word_opening_a_headline_is_not_a_key_term():
    [incident] = detect_incidents([headline("Грузовик врезался в остановку в Казани: погибли три человека", 1)],
                                  RULEBOOK, NOW)
    assert incident.terms == ("Казани",)  # "Грузовик" (a lorry) is capitalised only because it comes first


def test_an_age_is_not_a_death_toll():
    [obituary] = detect_incidents([headline("Film legend Jane Doe has died aged 96", 1)], RULEBOOK, NOW)
    assert obituary.kind == "death" and obituary.severity == 2  # one death, not 96
    [storm] = detect_incidents([headline("Worst storm in 30 years kills 2 in Florida", 1)], RULEBOOK, NOW)
    assert storm.severity == 3  # two dead; "30 years" is a span of time, not 30 victims
