"""How headlines become incidents: one event is one incident, different events stay apart."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

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


def test_nameless_reports_of_different_events_in_different_countries_stay_apart():
    """Both say "killed": a typhoon abroad and an attack at home are two stories, and the one
    that names no place is placed in its language's country."""
    incidents = detect_incidents([
        headline("Тайфун обрушился на Филиппины, четыре человека погибли", 6),
        headline("Теракты в московском метро: погибли 37 человек", 3),
    ], RULEBOOK, NOW)
    by_kind = {i.kind: i for i in incidents}
    assert set(by_kind) == {"storm", "terror"}
    assert by_kind["terror"].regions == ("RU",) and by_kind["storm"].regions == ("PH",)


def test_a_lone_headline_abroad_is_not_news_everywhere_unless_the_toll_is_very_high():
    [village] = detect_incidents([headline("Armed men attacked a village in northern Nigeria, 12 killed", 2)],
                                 RULEBOOK, NOW)
    [city] = detect_incidents([headline("Armed men attacked a market in northern Nigeria, 120 killed", 2)],
                              RULEBOOK, NOW)
    assert village.reach != "global" and city.reach == "global"


def test_grave_words_in_another_headline_of_the_story_make_it_grave():
    [incident] = detect_incidents([
        headline("Train carrying crude oil derails in Lac-Megantic", 5),
        headline("Lac-Megantic: 1,000 evacuated, people unaccounted for", 3),
    ], RULEBOOK, NOW)
    assert incident.severity >= 4 and incident.harmed


def test_a_short_cyrillic_headline_is_read_in_each_language_it_may_be():
    [incident] = detect_incidents([headline("Помер Богдан Ступка", 2)], RULEBOOK, NOW)
    assert incident.kind == "death" and "Ступка" in " ".join(incident.terms)


def test_a_city_is_marked_as_the_place_and_a_story_name_is_not():
    [incident] = detect_incidents([
        headline("Gunman kills 12 at Riverside festival in Denver", 5),
        headline("Denver shooting: Riverside festival victims named", 2),
    ], RULEBOOK, NOW)
    assert "Denver" in incident.places
    assert "Riverside" in " ".join(incident.terms) and not any("Riverside" in p for p in incident.places)


def test_a_nameless_report_a_day_on_joins_the_story_whose_uncommon_word_it_shares():
    """"Rescuers reached the last miners, eight dead" names no mine: a day after "Tragedy at the
    Rudna mine: two miners dead" it is the same story, by the miners."""
    [incident] = detect_incidents([
        headline("Tragedia w kopalni Rudna: nie żyje dwóch górników, trwają poszukiwania sześciu", 30),
        headline("Ratownicy dotarli do ostatnich górników. Ośmiu nie żyje", 4),
    ], RULEBOOK, NOW)
    assert "Rudna" in incident.terms and incident.deaths == 8 and len(incident.headlines) == 2


def test_a_declared_mourning_is_a_story_of_deaths_that_began_before_it():
    """Mourning is declared for the dead: "Komi declares three days of mourning" is a tragic story
    named by its place, but one whose first hours were before it."""
    [mourning] = detect_incidents([headline("В Коми объявлен трёхдневный траур", 3)], RULEBOOK, NOW)
    assert mourning.kind == "death" and "Коми" in mourning.terms
    assert mourning.ongoing and mourning.reach != "global"


def test_a_bare_toll_joins_the_one_disaster_reported_in_its_region_within_hours():
    """"Two dead, Kaikōura cut off" is the earthquake's toll, not a second story; a singer's death
    the same day joins no disaster."""
    incidents = detect_incidents([
        headline("Magnitude 7.5 earthquake strikes North Canterbury just after midnight", 8),
        headline("Two dead, Kaikōura cut off by massive slips", 5),
    ], RULEBOOK, NOW)
    [quake] = incidents
    assert quake.kind == "earthquake" and quake.deaths == 2 and quake.harmed
    apart = detect_incidents([
        headline("Magnitude 7.5 earthquake strikes North Canterbury just after midnight", 8),
        headline("Beloved Kiwi singer dies aged 80 in Auckland", 5),
    ], RULEBOOK, NOW)
    assert len(apart) == 2


def test_a_bare_toll_beside_injuries_of_no_known_kind_is_read_without_failing():
    """"Two dead in Zhytomyr region" and, the same hours, two hurt in a report whose event safepost
    cannot name: a busy day's feed must still become incidents."""
    incidents = detect_incidents([
        headline("На Житомирщині двоє загиблих", 6),
        headline("На Житомирщині двоє травмованих", 5),
    ], RULEBOOK, NOW)
    assert incidents and all("UA" in incident.regions for incident in incidents)


def test_no_survivors_among_those_on_board_is_the_toll_and_joins_its_crash():
    incidents = detect_incidents([
        headline("Перед крушением Ан-24 ушёл на второй круг", 6),
        headline("Губернатор Приамурья: выживших нет, на борту было 48 человек", 4),
    ], RULEBOOK, NOW)
    [crash] = incidents
    assert crash.kind == "crash" and crash.deaths == 48 and crash.severity == 5 and len(crash.headlines) == 2


def test_a_nameless_mass_casualty_toll_joins_its_disaster_abroad_half_a_day_later():
    incidents = detect_incidents([
        headline("Trzęsienie ziemi w Turcji i Syrii: ponad 11 tysięcy ofiar", 21),
        headline("Trzęsienie ziemi: liczba ofiar przekroczyła 15 tysięcy", 8),
    ], RULEBOOK, NOW)
    [quake] = incidents
    assert quake.kind == "earthquake" and "PL" not in quake.regions and {"TR", "SY"} <= set(quake.regions)


BUS_TOLL = "18 ofiar wypadku busa. To najtragiczniejsza katastrofa drogowa od lat"


def test_a_nameless_mass_casualty_toll_is_the_one_report_of_its_kind_that_morning():
    """The toll names nothing, the first report names the town: one story, named by the town, as
    grave as the toll."""
    first = headline("Tragiczny wypadek pod Nowym Miastem nad Pilicą: bus zderzył się z ciężarówką", 5)
    [crash] = detect_incidents([first, headline(BUS_TOLL, 2)], RULEBOOK, NOW)
    assert crash.severity == 5 and len(crash.headlines) == 2 and "Pilicą" in crash.terms, crash


def test_a_nameless_toll_with_two_reports_of_its_kind_to_choose_from_joins_neither():
    incidents = detect_incidents([
        headline("Tragiczny wypadek pod Nowym Miastem nad Pilicą: bus zderzył się z ciężarówką", 5),
        headline("Tragiczny wypadek pod Radomiem: autokar zderzył się z ciężarówką", 4),
        headline(BUS_TOLL, 2)], RULEBOOK, NOW)
    assert all(len(incident.headlines) == 1 for incident in incidents), incidents


def test_a_quoted_word_is_a_figure_of_speech_and_the_headline_s_own_words_say_the_kind():
    [flood] = detect_incidents([headline("'Inland tsunami' hits Toowoomba as flash floods sweep cars through the CBD", 3)],
                               RULEBOOK, NOW)
    assert flood.kind == "storm"


def test_a_range_of_ages_is_no_count_of_the_hurt():
    [story] = detect_incidents([
        headline("На трасі Київ — Чоп вантажівка врізалася в автобус «Житомир — Яремче»: дев'ятеро загиблих", 5),
        headline("Травмованих віком від 42 до 71 року госпіталізували до Новограда-Волинського", 3),
    ], RULEBOOK, NOW)
    assert story.deaths == 9 and story.injured < 42
    assert "Житомир" in story.terms  # a town in a quoted route name still names the story


def test_a_weekend_roundup_of_tolls_opens_no_first_hours():
    [roundup] = detect_incidents([headline("За вихідні у двох ДТП з пасажирським транспортом загинули 18 людей", 2)],
                                 RULEBOOK, NOW)
    assert roundup.ongoing and roundup.reach != "global"


def test_a_day_of_the_month_is_no_toll_and_a_city_remembering_its_dead_is_no_new_event():
    [anniversary] = detect_incidents([headline("Волгодонск вспоминает жертв теракта 16 сентября 1999 года", 3)],
                                     RULEBOOK, NOW)
    assert anniversary.remembered and anniversary.deaths < 16 and anniversary.severity <= 2


def test_a_report_that_names_no_known_place_joins_the_same_attack_reported_abroad_hours_before():
    incidents = detect_incidents([
        headline("İstanbulda gecə klubuna silahlı hücum: ölən və yaralananlar var", 6),
        headline("Süleyman Soylu: Ortaköydəki Reina klubuna hücumda 39 nəfər həlak olub, 16-sı əcnəbidir", 1),
        headline("Bakıda yeni metro stansiyası açılıb", 2)], RULEBOOK, NOW)
    [attack] = [incident for incident in incidents if incident.harmed]
    assert attack.regions == ("TR",) and attack.deaths == 39 and len(attack.headlines) == 2


def test_an_unplaced_report_at_home_is_not_taken_abroad_by_one_common_word():
    incidents = detect_incidents([
        headline("İstanbulda gecə klubuna silahlı hücum: ölən və yaralananlar var", 6),
        headline("Kənddə evdə yanğın: 4 nəfər həlak olub", 1)], RULEBOOK, NOW)
    fire = next(incident for incident in incidents if incident.kind == "fire")
    assert fire.regions == ("AZ",) and len(fire.headlines) == 1


@pytest.mark.parametrize("abroad, unplaced", [
    ("В Індії обвалився підвісний міст: загинули 132 людини",
     "Обвал мосту в Морбі: рятувальники шукають зниклих у річці"),
    ("В Индии обрушился подвесной мост: погибли 132 человека", "Обрушение моста в Морби: спасатели ищут пропавших"),
])
def test_an_unplaced_report_of_the_same_kind_of_event_joins_it_abroad_by_a_shared_word(abroad, unplaced):
    """The bridge in Morbi is the bridge that fell in India an hour before, not a bridge at home:
    one kind of event (a collapse), one shared word (the bridge)."""
    incidents = detect_incidents([headline(abroad, 2), headline(unplaced, 1)], RULEBOOK, NOW)
    [collapse] = [incident for incident in incidents if incident.harmed]
    assert collapse.regions == ("IN",) and len(collapse.headlines) == 2


@pytest.mark.parametrize("placed, region_wide, regions", [
    ("Mange nordmenn savnet i Thailand etter flodbølgen", "Flodbølgekatastrofen: over 10 000 omkommet i Sør-Asia",
     ("NO", "TH")),
    ("Jordskjelvet i Tyrkia: mange nordmenn savnet", "Jordskjelvkatastrofen: over 5000 omkommet i Midtøsten",
     ("NO", "TR")),
    ("Десятки россиян пропали без вести в Таиланде после цунами", "Цунами в Южной Азии: более 10 000 погибших",
     ("TH",)),
])
def test_a_toll_placed_only_in_a_part_of_the_world_joins_the_report_that_names_the_country(placed, region_wide, regions):
    """"Over 10,000 dead in South Asia" is the tsunami that left Norwegians missing in Thailand an
    hour before: the same kind of event told in one word, its compound forms (flodbølgen,
    Flodbølgekatastrofen) taken as one."""
    [story] = detect_incidents([headline(placed, 2), headline(region_wide, 1)], RULEBOOK, NOW)
    assert story.regions == regions and len(story.headlines) == 2 and story.deaths >= 5000


def test_two_deaths_share_only_the_words_for_dying_and_stay_apart():
    incidents = detect_incidents([
        headline("В Індії загинули 132 людини під час свята", 2),
        headline("Під час свята в селі загинули двоє людей", 1)], RULEBOOK, NOW)
    assert sorted(incident.regions for incident in incidents if incident.harmed) == [("IN",), ("UA",)]


def test_a_story_followed_all_week_stays_one_incident_and_active_while_it_is_reported():
    """Four days after the crash the news still follows it (the driver's car, the family's appeal
    for witnesses): it is the same story, named by its road, and it is news as long as it is
    reported, not three days after its first headline."""
    incidents = detect_incidents([
        headline("Tragiczny wypadek na A1 pod Piotrkowem. Zginęła trzyosobowa rodzina", 110),
        headline("Wypadek na A1: nagrania wskazują, że brało w nim udział BMW", 30),
        headline("Rodzina ofiar z A1 szuka świadków: kierowca BMW miał jechać z ogromną prędkością", 6),
    ], RULEBOOK, NOW)
    [crash] = [i for i in incidents if i.kind == "crash"]
    assert len(crash.headlines) == 3 and "A1" in crash.terms
    assert crash.active_until > NOW + timedelta(hours=24)


def test_reports_of_one_attack_join_whichever_kind_each_reads_as():
    """The evening of Derbent: one headline reads as a strike (a church "fired upon"), the next
    as attacks that killed police. Both name Derbent within hours: one story, and the town stays
    its name."""
    [derbent] = detect_incidents([
        headline("Dərbənddə sinaqoq və kilsə atəşə tutulub, ölənlər var", 6),
        headline("Dərbənd və Mahaçqalada hücumlar: 15-dən çox polis həlak olub", 3),
    ], RULEBOOK, NOW)
    assert len(derbent.headlines) == 2 and any(term.startswith("Dərbənd") for term in derbent.terms)


def test_a_headline_naming_the_one_who_died_tells_that_death():
    [death] = detect_incidents([
        headline("Умер автор сценария «Белого солнца пустыни» Рустам Ибрагимбеков", 6),
        headline("«Восток — дело тонкое»: вспоминаем фильмы Рустама Ибрагимбекова", 4),
    ], RULEBOOK, NOW)
    assert len(death.headlines) == 2 and "Восток — дело тонкое" in death.phrases
    apart = detect_incidents([
        headline("Умер автор сценария «Белого солнца пустыни» Рустам Ибрагимбеков", 6),
        headline("«Восток — дело тонкое»: вспоминаем фильмы Эльдара Рязанова", 4),
    ], RULEBOOK, NOW)
    assert len(apart[0].headlines) == 1


def test_a_toll_that_names_nothing_days_later_joins_the_one_story_that_counted_as_many_dead():
    """Two days after the crash, the police release the names of "the five young people who
    died": the story of the crash, kept in the news by it."""
    crash = headline("Seks omkom i helikopterulykken i Alta – fem unge fra Alta og den svenske piloten", 40)
    names = headline("Politiet har frigitt navnene på de fem unge som omkom", 10)
    [story] = detect_incidents([crash, names], RULEBOOK, NOW)
    assert len(story.headlines) == 2 and "Alta" in story.terms
    assert story.active_until >= names.published + timedelta(hours=24)


def test_a_toll_that_names_nothing_with_two_stories_to_choose_from_joins_neither():
    incidents = detect_incidents([
        headline("Seks omkom i helikopterulykken i Alta – fem unge fra Alta og den svenske piloten", 40),
        headline("Fem omkom i brann i Bergen sentrum", 30),
        headline("Politiet har frigitt navnene på de fem unge som omkom", 10)], RULEBOOK, NOW)
    assert all(len(incident.headlines) == 1 for incident in incidents), incidents


@pytest.mark.parametrize("language, blast, rubble, other", [
    ("az", "Binəqədidəki partlayış və yanğın: mebel sexi ilə bağlı cinayət işi açılıb",
     "Dağıntıların altından daha üç nəfərin cəsədi çıxarılıb, ölənlərin sayı 6-ya çatıb",
     "Şəkidə iki avtomobil toqquşub, iki nəfər yüngül xəsarət alıb"),
    ("ru", "Взрыв газа в жилом доме в Балашихе: обрушился подъезд",
     "Из-под завалов извлекли тела ещё трёх погибших, число жертв выросло до шести",
     "В Самаре столкнулись два автобуса, пострадали два человека"),
    ("pl", "Wybuch gazu w bloku w Gdańsku, zawaliła się klatka schodowa",
     "Spod gruzów wydobyto ciała kolejnych trzech osób, liczba ofiar wzrosła do sześciu",
     "Zderzenie dwóch aut pod Płockiem, dwie osoby ranne"),
])
def test_a_later_count_of_bodies_from_the_rubble_is_the_toll_of_the_explosion_at_home(language, blast, rubble,
                                                                                       other):
    """A day after the blast, "three more bodies pulled from the rubble" names nothing: the bodies are
    the explosion's, the one event of the country a collapse follows; the car crash is another story."""
    incidents = detect_incidents([headline(blast, 30), headline(other, 20), headline(rubble, 5)], RULEBOOK, NOW)
    [story] = [incident for incident in incidents if incident.kind == "explosion"]
    assert len(story.headlines) == 2 and story.deaths >= 3 and story.severity >= 4, incidents


def test_a_later_count_of_bodies_with_two_explosions_to_choose_from_joins_neither():
    incidents = detect_incidents([
        headline("Wybuch gazu w bloku w Gdańsku, zawaliła się klatka schodowa", 30),
        headline("Wybuch w zakładach chemicznych w Policach", 20),
        headline("Spod gruzów wydobyto ciała kolejnych trzech osób, liczba ofiar wzrosła do sześciu", 5)],
        RULEBOOK, NOW)
    assert all(len(incident.headlines) == 1 for incident in incidents), incidents


@pytest.mark.parametrize("attack, escape", [
    ("У Львові застрелили депутата", "Стрілець був одягнений як кур'єр і втік на електровелосипеді"),
    ("Strzelanina w Poznaniu: nie żyje mężczyzna", "Strzelec był przebrany za kuriera i uciekł na hulajnodze"),
])
def test_a_headline_of_the_attacker_is_the_attack_it_follows_and_tells_its_words(attack, escape):
    """"The shooter was dressed as a courier and fled on an e-bike" reports no event: it is the
    shooting an hour before it, and its courier and e-bike are that story's words."""
    [story] = [i for i in detect_incidents([headline(attack, 3), headline(escape, 2)], RULEBOOK, NOW)]
    assert len(story.headlines) == 2 and story.kind == "shooting", story
    assert {"електровелосипед", "hulajnoga"} & set(story.words), story.words


def test_a_headline_of_the_shooter_is_no_air_strikes_story():
    incidents = detect_incidents([headline("Вночі ворог атакував енергетику, є знеструмлення", 3),
                                  headline("Стрілець був одягнений як кур'єр і втік на електровелосипеді", 2)],
                                 RULEBOOK, NOW)
    assert [len(i.headlines) for i in incidents] == [1], incidents


def test_a_search_for_people_on_board_is_the_crash_of_its_region_and_makes_it_grave():
    crash = headline("Russisk helikopter har styrtet i havet ved Barentsburg", 4)
    search = headline("Åtte personer om bord – stor redningsaksjon i snøvær på Svalbard", 3.5)
    [story] = detect_incidents([crash, search], RULEBOOK, NOW)
    assert story.kind == "crash" and len(story.headlines) == 2 and story.harmed and story.severity >= 4, story


@pytest.mark.parametrize("title, title_word", [
    ("Rektor UW: czwartek dniem żałoby na uczelni", "Rektor"),
    ("Prosecutor: five killed in Leeds shooting were targeted", "Prosecutor"),
    ("Ректор: в четверг в университете день траура по погибшим", "Ректор"),
])
def test_an_office_opening_a_headline_is_no_name_of_the_story(title, title_word):
    """A post that mentions "the rector" or "a prosecutor" names no story: an office is held by
    someone in every town."""
    incidents = detect_incidents([headline(title, 2)], RULEBOOK, NOW)
    assert incidents and all(title_word not in incident.terms for incident in incidents), incidents


def test_two_forms_of_a_village_no_dictionary_knows_are_one_story():
    """"Pożar w Michniowie" and "Strażacy z Michniowa" name one village in two cases, though the
    lemmatiser guesses two words for it."""
    incidents = detect_incidents([headline("Pożar stodoły w Michniowie, nie żyje dwóch mężczyzn", 5),
                                  headline("Tragedia Michniowa: strażacy gasili pożar całą noc", 3)], RULEBOOK, NOW)
    assert [len(i.headlines) for i in incidents] == [2], incidents


def test_a_report_of_whose_people_died_is_the_event_it_tells_in_that_event_s_word():
    [incident] = detect_incidents([
        headline("Six dead as Mount Agung volcano eruption buries villages in Bali", 10),
        headline("Australians among dead and injured in Indonesia eruption", 7),
    ], RULEBOOK, NOW)
    assert set(incident.regions) == {"ID", "AU"}  # the Australians make it news in Australia too


def test_a_report_of_whose_people_died_joins_no_event_it_does_not_tell():
    incidents = detect_incidents([
        headline("Six dead as Mount Agung volcano eruption buries villages in Bali", 10),
        headline("Australians among dead and injured in Indonesia, says Canberra", 7),
    ], RULEBOOK, NOW)
    [eruption] = [i for i in incidents if i.kind == "earthquake"]
    assert "AU" not in eruption.regions


@pytest.mark.parametrize("language, title, going_to, home", [
    ("en", "Plane bound for Nairobi crashes after take-off, 157 dead", "KE", None),
    ("nb", "Fly på vei til Alicante styrtet: 150 omkom", "ES", "NO"),
    ("ru", "Самолёт, летевший в Найроби, разбился: погибли 157 человек", "KE", "RU"),
    ("uk", "Літак, що летів до Найробі, розбився: загинули 157 людей", "KE", "UA"),
    ("az", "Moskvaya uçan təyyarə qəzaya uğrayıb: 157 nəfər ölüb", "RU", "AZ"),
])
def test_a_crash_on_the_way_somewhere_happened_neither_there_nor_at_home(language, title, going_to, home):
    [incident] = detect_incidents([headline(title, 3)], RULEBOOK, NOW)
    assert going_to not in incident.regions and home not in incident.regions


def test_a_crash_on_the_way_names_where_it_happened_when_the_headline_says():
    [incident] = detect_incidents([headline("Nairobi-bound flight crashes in Ethiopia, 157 dead", 3)], RULEBOOK, NOW)
    assert incident.regions == ("ET",)


@pytest.mark.parametrize("language, title, destination, home", [
    ("nb", "Flyet, som skulle lande i Bodø, er funnet styrtet i Beiarn: fire omkom", "Bodø", "NO"),
    ("ru", "Разбился самолёт, который должен был приземлиться в Казани: погибли 16 человек", "Казани", "RU"),
    ("pl", "Samolot, który miał wylądować w Krakowie, rozbił się w polu: nie żyje pięć osób", "Krakowie", "PL"),
])
def test_where_a_crash_was_to_land_at_home_names_no_story_but_makes_it_news_there(language, title, destination,
                                                                                   home):
    """A café in Bodø is not news of the plane that never landed there; the plane was bringing
    people home, so the crash is news at home."""
    [incident] = detect_incidents([headline(title, 3)], RULEBOOK, NOW)
    assert destination not in incident.terms and home in incident.regions, incident


def test_a_crash_on_the_way_from_somewhere_is_news_where_it_left():
    """In Azerbaijani the word after the place says where it was going ("Moskvaya uçan") and
    where it came from ("Bakıdan uçan"): only the case ending tells them apart."""
    [incident] = detect_incidents([headline("Bakıdan uçan təyyarə Aktauda qəzaya uğrayıb: 38 nəfər həlak olub", 3)],
                                  RULEBOOK, NOW)
    assert set(incident.regions) == {"AZ", "KZ"}


@pytest.mark.parametrize("language, title, ends, where", [
    ("en", "Coach from Warsaw to Vienna overturns in Slovakia, 5 dead", ("Warsaw", "Vienna"), "SK"),
    ("nb", "Postfly på vei fra Oslo til Tromsø styrtet over Sverige: to omkom", ("Oslo", "Tromsø"), "SE"),
    ("ru", "Автобус из Варшавы в Вену перевернулся в Словакии: пятеро погибших", ("Варшавы", "Вену"), "SK"),
    ("uk", "Автобус з Варшави до Відня перекинувся у Словаччині: п'ятеро загиблих", ("Варшави", "Відня"), "SK"),
    ("pl", "Autokar z Warszawy do Wiednia przewrócił się na Słowacji: nie żyje pięć osób", ("Warszawy", "Wiednia"),
     "SK"),
])
def test_a_route_told_in_words_names_neither_end_as_where_it_happened(language, title, ends, where):
    """"From Warsaw to Vienna" is the coach's route: a café in Vienna is not news of it, and the
    crash happened where the headline says it did."""
    [incident] = detect_incidents([headline(title, 3)], RULEBOOK, NOW)
    assert where in incident.regions and "AT" not in incident.regions, incident
    assert not set(ends) & set(incident.terms), incident


def test_a_storm_on_its_way_somewhere_is_where_it_will_hit():
    [incident] = detect_incidents([headline("Uværet er på vei til Trøndelag: to omkom i ras", 3)], RULEBOOK, NOW)
    assert incident.regions == ("NO",)


@pytest.mark.parametrize("opening, naming, name", [
    ("Stortinget utsatt for omfattende dataangrep", "PST og NSM bistår Stortinget etter dataangrepet", "Stortinget"),
    ("Stortinget rammet av dataangrep", "Flere representanter i Stortinget rammet av dataangrepet", "Stortinget"),
])
def test_a_name_that_opens_one_report_joins_the_report_that_names_it(opening, naming, name):
    """The parliament opening a headline is capitalised either way, so it reads as a word there:
    the report still joins the one of the same attack that names it inside a sentence, and the
    story is named by it."""
    [incident] = detect_incidents([headline(opening, 2), headline(naming, 1)], RULEBOOK, NOW)
    assert len(incident.headlines) == 2 and name in incident.terms, incident


@pytest.mark.parametrize("toll, lighter", [
    ("Çində 132 nəfərin olduğu sərnişin təyyarəsi qəzaya uğrayıb",
     "China Eastern-in Boeing 737 təyyarəsi dağa çırpılıb, meşə yanğını başlayıb"),
    ("Passasjerfly med 132 om bord har styrtet i Kina", "Boeing 737-flyet styrtet i fjellsiden"),
])
def test_a_lighter_unplaced_report_joins_the_mass_casualty_event_abroad_it_tells_alike(toll, lighter):
    """An airline's name places nothing and the first reports count nobody dead: the report is
    the crash abroad told again, and with two reports the crash is news everywhere."""
    [incident] = detect_incidents([headline(toll, 3), headline(lighter, 2)], RULEBOOK, NOW)
    assert len(incident.headlines) == 2 and incident.reach == "global", incident


def test_a_lighter_unplaced_report_stays_apart_from_a_small_event_abroad():
    incidents = detect_incidents([headline("To skadd da småfly styrtet i Sverige", 3),
                                  headline("Småfly styrtet i fjellsiden", 2)], RULEBOOK, NOW)
    assert len(incidents) == 2, incidents


@pytest.mark.parametrize("tragic, other", [
    ("Woman killed and five injured in Russell Square knife attack",
     "Film stars hit Leicester Square for the European premiere"),
    ("Двое погибших при пожаре в торговом центре «Зимняя вишня»", "Вишня подорожала на рынках Краснодара"),
])
def test_a_common_word_of_a_longer_name_joins_no_other_story(tragic, other):
    """"Square" of Russell Square is an ordinary word: alone it says nothing of which square."""
    [incident] = detect_incidents([headline(other, 6), headline(tragic, 4)], RULEBOOK, NOW)
    assert [h.title for h in incident.headlines] == [tragic], incident


@pytest.mark.parametrize("toll, follow_up, town", [
    ("Təbriz yaxınlığında zəlzələ: ölənlərin sayı 180-i ötüb",
     "Zəlzələ bölgəsində minlərlə insan gecəni açıq havada keçirib", "Təbriz"),
    ("Earthquake near Tabriz: death toll passes 180", "Thousands spend the night outdoors in the earthquake zone",
     "Tabriz"),
])
def test_the_one_town_a_story_names_stays_its_name_when_a_follow_up_does_not_repeat_it(toll, follow_up,
                                                                                        town):
    [incident] = detect_incidents([headline(toll, 10), headline(follow_up, 2)], RULEBOOK, NOW)
    assert len(incident.headlines) == 2 and town in incident.terms, incident


@pytest.mark.parametrize("deadly, memorial", [
    ("Seks omkom i helikopterulykken i Alta – fem unge fra Alta og den svenske piloten",
     "Fullsatt Nordlyskatedral da Alta minnet de omkomne"),
    ("Six killed as light aircraft crashes near Shoreham", "Hundreds attend Shoreham vigil for the victims"),
    ("Під Житомиром розбився автобус: шестеро загиблих", "У Житомирі попрощалися із загиблими в ДТП"),
])
def test_a_memorial_days_later_keeps_the_deadly_story_in_the_news(deadly, memorial):
    """The crash was 80 hours ago, past its window; the town mourning its dead yesterday keeps it
    news, with its toll."""
    incidents = detect_incidents([headline(deadly, 80), headline(memorial, 20)], RULEBOOK, NOW)
    story = next(i for i in incidents if i.deaths)
    assert len(story.headlines) == 2 and story.active_until > NOW


def test_a_memorial_more_than_a_week_after_the_deaths_stays_apart():
    incidents = detect_incidents([headline("Six killed as light aircraft crashes near Shoreham", 200),
                                  headline("Hundreds attend Shoreham vigil for the victims", 20)], RULEBOOK, NOW)
    assert all(len(i.headlines) == 1 for i in incidents)


def test_a_severe_report_of_no_known_place_joins_the_first_word_of_its_event_abroad():
    """The first word from Sakarya has no toll yet; the toll comes hours later under a town no
    gazetteer knows. Read alone it would be at home, and hold every promotion in Baku."""
    [blast] = detect_incidents([
        headline("Türkiyənin Sakarya vilayətində fişəng fabrikində güclü partlayış", 8),
        headline("Hendek partlayışı: ölənlər var, 114 nəfər yaralanıb", 1)], RULEBOOK, NOW)
    assert blast.regions == ("TR",) and len(blast.headlines) == 2, blast


def test_a_severe_report_of_no_known_place_stays_home_beside_another_kind_abroad():
    incidents = detect_incidents([
        headline("Türkiyənin Sakarya vilayətində güclü yanğın", 8),
        headline("Zavodda partlayış: ölənlər var, 114 nəfər yaralanıb", 1)], RULEBOOK, NOW)
    [blast] = [incident for incident in incidents if incident.kind == "explosion"]
    assert blast.regions == ("AZ",), incidents


def test_in_english_a_severe_report_of_no_known_place_does_not_join_a_lighter_one_placed():
    """English is at home in many countries: a town no gazetteer knows (Joplin) is not "abroad",
    and the day's other tornado (one dead in Minneapolis) is not its first word."""
    incidents = detect_incidents([
        headline("Tornado tears through north Minneapolis, at least one dead", 12),
        headline("Joplin tornado: at least 89 dead, the hospital among the buildings hit", 1)], RULEBOOK, NOW)
    assert sorted(len(incident.headlines) for incident in incidents) == [1, 1], incidents


@pytest.mark.parametrize("first, later", [
    ("Bytom: w wybuchu zginęła kobieta i jej dwie córki", "Prokuratura wszczęła śledztwo w sprawie wybuchu w Bytomiu"),
    ("Kraków: wybuch gazu w kamienicy, nie żyją trzy osoby", "Śledztwo po wybuchu gazu w Krakowie"),
])
def test_a_town_in_two_of_its_forms_is_one_story(first, later):
    """The gazetteer, not the dictionary, says which town a form is: "Bytom:" and "w Bytomiu" are
    one town, though the Polish dictionary reads the first as a form of "byt" (being)."""
    [incident] = detect_incidents([headline(first, 5), headline(later, 2)], RULEBOOK, NOW)
    assert len(incident.headlines) == 2


def test_a_toll_in_a_foreign_town_no_gazetteer_knows_joins_the_disaster_abroad():
    """"w Sinzig utonęło 12" names a town no gazetteer knows, after "w", without a Polish case
    ending: it happened abroad, and is the flood in western Germany reported that morning."""
    [incident] = detect_incidents([
        headline("Powódź w zachodnich Niemczech: co najmniej 81 ofiar", 5),
        headline("Dolina Ahry odcięta od świata; w Sinzig utonęło 12 mieszkańców ośrodka", 3),
    ], RULEBOOK, NOW)
    assert incident.kind == "storm" and len(incident.headlines) == 2 and "Sinzig" in incident.terms


def test_a_first_word_abroad_joins_the_report_that_places_it_hours_later():
    """"Autokar z pielgrzymami spadł z wiaduktu pod Avellino" comes at night, placed in no country
    the gazetteer knows; "Włochy: 38 zabitych w katastrofie autokaru" in the morning places it."""
    [incident] = detect_incidents([
        headline("Autokar z pielgrzymami spadł z wiaduktu pod Avellino", 10),
        headline("Włochy: 38 zabitych w katastrofie autokaru; pielgrzymi wracali z Pietrelciny", 2),
    ], RULEBOOK, NOW)
    assert incident.regions == ("IT",) and len(incident.headlines) == 2


def test_a_toll_abroad_joins_the_one_crash_placed_in_that_country():
    """Hours after "Katastrofa samolotu … pod Medellín", "Kolumbia: w katastrofie zginęło 76
    osób" counts that crash's dead: the crash is as grave as its toll, everywhere."""
    [incident] = detect_incidents([
        headline("Katastrofa samolotu z piłkarzami brazylijskiego Chapecoense pod Medellín", 5),
        headline("Kolumbia: w katastrofie zginęło 76 osób, przeżyło pięć, w tym trzech piłkarzy", 3),
    ], RULEBOOK, NOW)
    assert incident.kind == "crash" and incident.deaths == 76 and "Medellín" in incident.terms


def test_a_toll_at_home_does_not_join_a_crash_elsewhere_in_the_country():
    """At home a day's news carries several deadly stories: two dead in Gdańsk are not the
    light aircraft that came down near Płock."""
    incidents = detect_incidents([
        headline("Katastrofa awionetki pod Płockiem: dwie osoby ranne", 5),
        headline("W Gdańsku zginęły dwie osoby", 3),
    ], RULEBOOK, NOW)
    assert len(incidents) == 2, incidents


def test_a_mass_casualty_report_of_no_known_place_joins_the_one_of_its_kind_placed_abroad():
    """"205 miners killed in Soma coal mine" names a town no gazetteer knows and shares no word
    with "Turkey mine disaster: death toll passes 200" but the kind: two mass-casualty mine
    disasters within hours are one."""
    [incident] = detect_incidents([
        headline("Turkey mine disaster: death toll passes 200", 5),
        headline("Energy minister: 205 miners killed in Soma coal mine", 3),
    ], RULEBOOK, NOW)
    assert incident.regions == ("TR",) and incident.deaths == 205 and "Soma" in incident.terms


def test_a_mass_casualty_toll_in_a_place_no_gazetteer_knows_joins_the_one_such_event():
    """"26 found dead together in a garden in Mati" names a village the gazetteer does not know:
    it is not a toll at home, but the wildfires near Athens reported that morning."""
    toll = headline("26 mennesker funnet døde sammen i en hage i Mati – de prøvde å nå havet", 3)
    fires = headline("Skogbranner i Hellas: minst 50 døde øst for Athen", 5)
    [incident] = detect_incidents([fires, toll], RULEBOOK, NOW)
    assert incident.regions == ("GR",) and len(incident.headlines) == 2
    quake = headline("Jordskjelv i Tyrkia: minst 40 døde i Izmir", 4)
    assert len(detect_incidents([fires, quake, toll], RULEBOOK, NOW)) == 3  # two such events: a guess


def test_a_toll_of_people_on_board_joins_the_one_crash_of_its_language_wherever_placed():
    """"Из 45 человек на борту выжили двое" names no place: its 43 dead are those of the Yak-42
    that crashed at Yaroslavl an hour before."""
    [incident] = detect_incidents([
        headline("Под Ярославлем при взлёте разбился Як-42 с хоккейным клубом «Локомотив»", 3),
        headline("Из 45 человек на борту выжили двое — нападающий и член экипажа", 2),
    ], RULEBOOK, NOW)
    assert incident.kind == "crash" and incident.deaths == 43 and incident.regions == ("RU",), incident


def test_a_first_word_of_a_crash_abroad_joins_the_severe_report_of_its_flight():
    """The second report names the flight's route, Tehran to Urmiya, and not where it came down:
    a route with both ends in Iran is a flight within Iran, and its start is no more the place
    than its end. One crash of a plane in Iran within hours is one crash."""
    [incident] = detect_incidents([
        headline("İranda sərnişin təyyarəsi Urmiya yaxınlığında qəzaya uğrayıb", 4),
        headline("Tehran – Urmiya reysini yerinə yetirən «Boeing-727» enişə az qalmış yerə düşüb; "
                 "göyərtədə 105 nəfər olub", 3),
    ], RULEBOOK, NOW)
    assert incident.regions == ("IR",) and incident.severity == 5 and "Urmiya" in incident.terms, incident
    assert "Tehran" not in incident.terms


@pytest.mark.parametrize("place, route", [
    ("İranın Semnan əyalətində iki sərnişin qatarı toqquşub",
     "Təbriz – Məşhəd qatarı Həft-Xan stansiyası yaxınlığında dayanarkən arxadan vurulub; iki vaqon yanıb"),
    ("В Иране столкнулись два пассажирских поезда",
     "Поезд из Тебриза в Мешхед протаранил стоявший на станции Хафт-Хан состав"),
])
def test_two_first_words_of_a_crash_abroad_are_one_crash(place, route):
    """Neither report is grave yet: one says where the trains collided, the other which train it
    was. One train crash in Iran within hours is one crash, and the burned carriages are its."""
    [incident] = detect_incidents([headline(place, 5), headline(route, 4)], RULEBOOK, NOW)
    assert incident.kind == "crash" and incident.regions == ("IR",) and len(incident.headlines) == 2, incident


@pytest.mark.parametrize("titles, designation", [
    (("Bawaria: autokar uderzył w ciężarówkę na A9 i stanął w płomieniach",
      "Policja: 18 osób zginęło w płonącym autokarze pod Münchbergiem"), "A9"),
    (("Seven dead after 34-vehicle pile-up on the M5 near Taunton", "Fireball seen for miles as cars burned"), "M5"),
    (("Под Ярославлем при взлёте разбился Як-42 с хоккейной командой",
      "На борту самолёта находились 45 человек"), "Як-42"),
])
def test_a_road_or_a_plane_by_its_designation_names_the_story_from_one_headline(titles, designation):
    """"A9" is said once, but no other road is the one the coach burned on: a coach line
    "autostradą A9" that afternoon rides through the story."""
    incidents = detect_incidents([headline(title, 5 - n) for n, title in enumerate(titles)], RULEBOOK, NOW)
    assert any(designation in incident.terms for incident in incidents), incidents


@pytest.mark.parametrize("title, home", [
    ("Polski kierowca ciężarówki wjechał na przejazd mimo czerwonego światła; dwie osoby nie żyją", "PL"),
    ("Российские туристы погибли при крушении автобуса: пятеро погибших", "RU"),
    ("Українські туристи загинули в ДТП: п'ятеро загиблих", "UA"),
])
def test_our_own_people_named_by_their_nationality_died_abroad(title, home):
    """A Polish paper says "a Polish driver" only of one abroad: the adjective is the country's
    name in the gazetteer, but here it names the dead, not where they died."""
    [incident] = detect_incidents([headline(title, 3)], RULEBOOK, NOW)
    assert home not in incident.regions, incident


def test_a_home_town_whose_forms_are_a_foreign_country_s_is_at_home_too():
    """«У Косові» is Kosiv in Prykarpattia and Kosovo alike: a Ukrainian paper's explosion there is
    news at home, whichever it means."""
    [incident] = detect_incidents([headline("У Косові вибух і пожежа в реанімації лікарні: загинули троє", 3)],
                                  RULEBOOK, NOW)
    assert "UA" in incident.regions, incident


def test_two_reports_of_a_deadly_fire_abroad_are_one_fire():
    """The first names the country and the ward, the second the town: one hospital fire in
    Romania in a morning's Ukrainian news, though they share no name."""
    incidents = detect_incidents([
        headline("У Румунії спалахнула пожежа в реанімації ковідної лікарні: загинули 10 людей", 5),
        headline("Прокуратура Румунії розслідує пожежу в лікарні в П'ятра-Нямц", 3),
    ], RULEBOOK, NOW)
    [fire] = [i for i in incidents if i.kind == "fire"]
    assert len(fire.headlines) == 2 and fire.deaths == 10 and "RO" in fire.regions, incidents


def test_a_flood_abroad_and_the_race_it_called_off_are_one_story():
    """"Formula 1 at Imola called off because of the flood": the flood that killed eight in
    Emilia-Romagna that morning, though the two share no name."""
    [flood] = detect_incidents([
        headline("Flom i Nord-Italia: minst åtte døde i Emilia-Romagna", 5),
        headline("Formel 1-løpet i Imola avlyst på grunn av flommen", 3),
    ], RULEBOOK, NOW)
    assert flood.kind == "storm" and flood.regions == ("IT",) and "Imola" in flood.terms, flood


def test_a_soldier_who_died_in_a_flood_is_no_war():
    """In Azerbaijani a soldier who dies on duty is a martyr, in a flood as in a war."""
    title = "Soylu: Giresundakı seldə 3 nəfər ölüb, 1 hərbçi şəhid olub, 10 nəfər itkindir"
    [flood] = detect_incidents([headline(title, 3)], RULEBOOK, NOW)
    assert flood.kind == "storm" and "war" not in flood.kinds, flood


def test_people_trapped_under_a_school_s_rubble_are_the_tornado_s_grave_news():
    """"Rescuers dig through school rubble in Moore for trapped children": children in danger,
    in Oklahoma, the hour after the tornado."""
    incidents = detect_incidents([
        headline("Massive tornado tears through Moore; Plaza Towers Elementary hit", 4),
        headline("Rescuers dig through school rubble in Moore for trapped children", 3),
    ], RULEBOOK, NOW)
    [story] = incidents
    assert story.severity >= 4 and "US" in story.regions and len(story.headlines) == 2, incidents


def test_two_crashes_at_home_in_a_day_stay_two_stories():
    incidents = detect_incidents([
        headline("Awionetka rozbiła się pod Płockiem, pilot ranny", 4),
        headline("Autokar z dziećmi spadł z wiaduktu pod Radomiem: 12 zabitych", 3),
    ], RULEBOOK, NOW)
    assert len(incidents) == 2, incidents


def test_a_toll_placed_nowhere_known_counts_the_dead_of_the_event_it_shares_a_name_with():
    """"Semnan qubernatoru: 31 nəfərin meyiti müəyyənləşdirilib" is not a toll at home: it shares
    Semnan with the train collision reported in Iran hours before."""
    [incident] = detect_incidents([
        headline("İranın Semnan əyalətində iki sərnişin qatarı toqquşub", 5),
        headline("Semnan qubernatoru: 31 nəfərin meyiti müəyyənləşdirilib, 70-dən çox yaralı xəstəxanadadır", 3),
    ], RULEBOOK, NOW)
    assert incident.kind == "crash" and incident.regions == ("IR",) and incident.deaths == 31, incident


def test_a_risen_toll_joins_the_one_story_of_its_kind_that_counted_fewer():
    """The morning after "five killed" in a Moscow office shooting, "the toll of the shooting on
    Chermyanskaya street rose to six" names the street, not the city: it is that shooting."""
    [incident] = detect_incidents([
        headline("Юрист фармацевтической компании расстрелял коллег в офисе на севере Москвы, пятеро погибли", 20),
        headline("Число погибших при стрельбе на Чермянской улице выросло до шести", 3),
    ], RULEBOOK, NOW)
    assert incident.deaths == 6 and len(incident.headlines) == 2, incident
