"""Headlines -> stories -> incidents.

Every headline in the window is grouped into stories, tragic or not, by what it is about (the
names attached to its event, its rare words, its hashtags) and by time. A story is an incident
when some of its headlines report a tragedy. Its key terms come from its headlines taken together:
what is attached to the event, or recurs across headlines and is rare in ordinary language, so a
bystander named once ("Obama cuts trip short after Aurora shooting") does not become the story.

Pure: readings in, incidents out.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import datetime, time, timedelta, timezone

from safepost.model import Incident, Silence
from safepost.news.reading import QUOTES, STEM, STEM_LANGUAGES, Candidate, Reading, is_designation, quoted_in, same_stem
from safepost.text.frequency import zipf

SAME_STORY_WITHIN = timedelta(hours=48)  # headlines further apart are not joined by a shared word
STRONG_LINK_WITHIN = timedelta(days=6)  # two shared names, or one designation (A1, MH17): a story followed all week
KEPT_FOR = timedelta(days=2)  # a local day, from midnight UTC, in every time zone from Baku to Honolulu
SAME_EVENT_WITHIN = timedelta(hours=12)  # severe, same kind, same region: one event
# besides crashes and area events, the kinds of which two in one foreign country in a day's news
# are rare: not explosions, which a war abroad brings every day
RARE_ABROAD = frozenset({"fire"})
COMMON_KEY_MIN, COMMON_KEY_SHARE = 12, 0.2  # a key in more headlines than this names no one story
# Zipf: an uncommon word ("miners") shared with an earlier report of the same event ties a
# nameless one to it
SHARED_WORD_BELOW = 4.5
PAIRED_KEY_MAX = 40  # keys held by more headlines are not counted pair by pair (cost, and they say little)
MAX_TERMS = 12
STORY_WORD_BELOW = 4.2  # Zipf: a word of a story's headlines this rare tells that story
STORY_WORD_LETTERS = 4
MAX_STORY_WORDS = 40
MAX_PHRASES = 40
ORDINARY_ANCHOR_BELOW = 4.8  # Zipf: an ordinary word attached to the event ("Prince dead") still names it
MASS_CASUALTY = 5  # severity of a report whose nameless follow-ups are its own for two days
GLOBAL_FROM = 5  # severity at which a hand-entered incident is news everywhere for its first day
ONE_REPORT_GLOBAL = 3  # times a kind's global_from: a toll that makes one lone headline news everywhere


def group(readings: list[Reading]) -> list[list[Reading]]:
    """Union headlines of one story:
    - a name attached to one headline's event ("Aurora shooting") found in another headline;
    - two shared names or rare words, or one between two reports of the same kind of event
      ("Kobe Bryant killed in helicopter crash" and "Kobe Bryant and daughter Gianna killed..."),
      or one designation (MH17, Ан-148, J1 students): it counts as two;
    - a tragic headline that names nothing of its own ("Sandy leaves millions without power")
      joins the story whose name it opens with;
    - severe reports of one kind placed in one region within hours ("Gunman opens fire at Batman
      premiere in Colorado" and "Aurora cinema shooting": two such events in one country on one
      day are rare, and merging them costs less than missing one).
    - a report of who died that tells the event only in another report's word for it joins that
      one where it happened, within hours ("Australians among dead in NZ eruption");
    - a mass-casualty toll that names nothing joins the latest such report of its kind within two
      days, wherever that was ("Earthquake: toll passes 15,000");
    - a severe report that names no known place joins a severe one placed abroad within hours
      that tells its event in the same word and shares another;
    - a toll that names nothing joins the one story of its language and country that counted as
      many dead in the two days before it ("the five young people who died"), and a search for
      people on board the one crash of its region;
    - a toll that rose joins the one story of its kind and country that counted fewer, a toll
      placed nowhere known the event it shares a name with, and a report of a crash, a fire or a
      storm abroad the other reports of one in that country in its language (see each helper).
    Only within SAME_STORY_WITHIN (STRONG_LINK_WITHIN for two shared names or a designation: "A1
    crash: the BMW driver sought" joins the A1 crash of four days before), and never through a
    key in a large share of the window's headlines (a president's name, "police"): a bystander
    named in two stories joins neither. A story stays active after its last headline, tragic or
    not: the funerals, the investigation and the vigils keep it in the news."""
    parent = list(range(len(readings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int, within: timedelta = SAME_STORY_WITHIN) -> None:
        if abs(readings[i].published - readings[j].published) <= within:
            parent[find(j)] = find(i)

    by_time = sorted(range(len(readings)), key=lambda i: readings[i].published)
    anchored: dict[str, list[int]] = {}
    named: dict[str, list[int]] = {}
    forms = _NameForms()
    for i in by_time:
        for key, candidate in readings[i].candidates.items():
            key = forms.of(key, candidate, readings[i])
            if candidate.anchor and readings[i].tragic and not candidate.part:
                # a word of a longer name joins only with another: "Square" of Russell Square
                # is not the premiere in Leicester Square
                anchored.setdefault(key, []).append(i)
            if candidate.name or candidate.rare or candidate.anchor:
                named.setdefault(key, []).append(i)
    _join_orphans(readings, by_time, named, union)
    too_common = max(COMMON_KEY_MIN, COMMON_KEY_SHARE * len(readings))
    _join_openers(readings, by_time, named, too_common, union)
    for key, holders in anchored.items():
        members = sorted(set(named.get(key, ())) | set(holders), key=lambda i: readings[i].published)
        if len(members) <= too_common:
            for before, after in zip(members, members[1:]):
                union(before, after)
    shared: Counter = Counter()
    for key, holders in named.items():
        if len(holders) <= min(too_common, PAIRED_KEY_MAX):
            weight = 2 if is_designation(key) else 1  # one flight, one plane, one visa class: as good as two names
            for position, i in enumerate(holders):
                for j in holders[position + 1:]:
                    shared[(i, j)] += weight
    for (i, j), count in shared.items():
        a, b = readings[i], readings[j]
        same_kind = _alike_kinds(a, b)
        calm = not a.tragic and not b.tragic
        if count >= 2 or _mourns(b, a):
            union(i, j, STRONG_LINK_WITHIN)
        elif same_kind or calm or _tells_of_the_dead(a, b) or _tells_of_the_dead(b, a):
            union(i, j, SAME_STORY_WITHIN)
        elif _counts_its_dead(a, b) or _counts_its_dead(b, a):
            union(i, j, SAME_EVENT_WITHIN)
    severe = [i for i in by_time if readings[i].tragic and readings[i].kinds and readings[i].severity >= 4]
    for position, i in enumerate(severe):
        for j in severe[position + 1:]:
            a, b = readings[i], readings[j]
            if b.published - a.published > SAME_EVENT_WITHIN:
                break
            if a.kinds[0] is b.kinds[0] and a.regions and a.regions == b.regions:
                parent[find(j)] = find(i)
    _join_disasters_abroad(readings, union)
    _join_tolls(readings, by_time, union)
    _join_victims(readings, by_time, union)
    _join_mass_casualty_tolls(readings, by_time, union)
    _join_unplaced_abroad(readings, by_time, union)
    _join_told_tolls(readings, by_time, union, find)
    _join_risen_tolls(readings, by_time, union, find)
    _join_perpetrators(readings, by_time, union)
    groups: dict[int, list[Reading]] = {}
    for i, reading in enumerate(readings):
        groups.setdefault(find(i), []).append(reading)
    return list(groups.values())


class _NameForms:
    """One key for the forms of a name that a dictionary does not know, in the languages that
    inflect names: "pacyfikacji Michniowa" and "Uroczystości w Michniowie" share the village,
    though the lemmatiser guesses two words for it. Not a name in quotes: the mine «Ульяновская»
    is not the town of Ульяновск."""

    def __init__(self):
        self.seen: dict[str, list[tuple[str, str]]] = {}  # opening -> (written, key) of each name

    def of(self, key: str, candidate: Candidate, reading: Reading) -> str:
        written = candidate.text.lower()
        if reading.language not in STEM_LANGUAGES or not candidate.name or len(written) <= STEM \
                or not written.isalpha() or reading.frequencies.get(written) \
                or quoted_in(candidate.text, reading.headline.title):
            return key
        forms = self.seen.setdefault(written[:STEM], [])
        first = next((known for form, known in forms if same_stem(form, written)), None)
        if first is None:
            forms.append((written, key))
        return first or key


def _join_orphans(readings: list[Reading], by_time: list[int], named: dict[str, list[int]],
                  union) -> None:
    """A tragic headline with no name of its own takes the names other headlines give its words
    ("Sandy leaves millions without power": the name opens it, so it reads as a word), or else
    joins the closest earlier report of the same event word within hours ("PST: Skytingen
    etterforskes som terror" after "Skyting i Oslo sentrum: to drept"), or, a day on, the latest
    one of the same event and place that shares an uncommon word with it ("Ratownicy dotarli do
    ostatnich górników. Ośmiu nie żyje" after "Tragedia w kopalni Rudna: nie żyje dwóch
    górników"). A grave report that names neither an event nor anything else ("71 on board, no
    survivors") joins the closest earlier tragic report in its language."""
    for position, i in enumerate(by_time):
        reading = readings[i]
        if any(c.name or c.rare or c.anchor for c in reading.candidates.values()):
            continue
        if not reading.tragic:
            if reading.grave_words and not reading.harmless:
                _join_closest(readings, by_time[:position], i, union,
                              lambda other: other.tragic and other.language == reading.language)
            continue
        joined = False
        for key, text in reading.words.items():
            if key in named:
                named[key].append(i)
                reading.candidates.setdefault(key, Candidate(text, anchor=True))
                joined = True
        if joined:
            continue

        def same_event(other: Reading) -> bool:
            return other.tragic and bool(reading.events & other.events) and _same_event(reading, other)

        if not _join_closest(readings, by_time[:position], i, union, same_event):
            _join_closest(readings, by_time[:position], i, union,
                          lambda other: same_event(other) and _share_uncommon_word(reading, other),
                          within=SAME_STORY_WITHIN)


def _join_openers(readings: list[Reading], by_time: list[int], named: dict[str, list[int]], too_common: float,
                  union) -> None:
    """A name that opens a headline reads as a word there, since its capital says nothing
    ("Stortinget utsatt for omfattende dataangrep"): the report joins those of the same kind of
    event that name it inside a sentence ("PST og NSM bistår Stortinget etter dataangrepet"), and
    names the story with them."""
    for i in by_time:
        reading = readings[i]
        if not reading.tragic or not reading.words:
            continue
        key, text = next(iter(reading.words.items()))
        opening = reading.headline.title.lstrip(QUOTES).startswith(text)
        holders = named.get(key, ())
        if opening and len(holders) <= too_common:
            joined = [j for j in holders if j != i and _alike_kinds(reading, readings[j])]
            for j in joined:
                union(j, i)
            if joined:
                reading.candidates.setdefault(key, Candidate(text, name=True))


def _join_disasters_abroad(readings: list[Reading], union) -> None:
    """Two reports of a crash, a fire, a storm or a quake in one foreign country, told in one
    language within hours, are one disaster, though they share no name: "İranda sərnişin
    təyyarəsi Urmiya yaxınlığında qəzaya uğrayıb" and "Tehran – Urmiya reysini yerinə yetirən
    «Boeing-727» ... yerə düşüb" (one names the place, the other the route); "Flom i Nord-Italia:
    minst åtte døde" and "Formel 1-løpet i Imola avlyst på grunn av flommen". Two such disasters
    of one kind in one foreign country in a day's news are rare; at home they are not."""
    disasters = [i for i, reading in enumerate(readings) if reading.tragic and reading.kinds
                 and (reading.kinds[0].grave_with_people_aboard or reading.kinds[0].area
                      or reading.kinds[0].id in RARE_ABROAD)
                 and reading.regions and reading.home not in reading.regions]
    for position, i in enumerate(disasters):
        for j in disasters[position + 1:]:
            one, other = readings[i], readings[j]
            if other.kinds[0] is one.kinds[0] and other.regions == one.regions and other.language == one.language \
                    and abs(other.published - one.published) <= SAME_EVENT_WITHIN:
                union(i, j)


def _aboard_in_danger(reading: Reading) -> bool:
    """People on board and a search for them, no event named: "Åtte personer om bord – stor
    redningsaksjon i snøvær på Svalbard" half an hour after a helicopter went into the sea there."""
    return reading.grave_words and not reading.harmless and reading.at_risk >= 2 and not reading.kinds


def _join_mass_casualty_tolls(readings: list[Reading], by_time: list[int], union) -> None:
    """A mass-casualty toll that names no place and no one ("Trzęsienie ziemi: liczba ofiar
    przekroczyła 15 tysięcy") is the latest mass-casualty report of its kind within two days
    ("Trzęsienie ziemi w Turcji i Syrii: ponad 11 tysięcy ofiar"), though that one is half a day
    older and abroad: two such disasters of one kind in two days are rare. Failing one, it is the
    one report of its kind in its language within hours, however grave that one reads: "18 ofiar
    wypadku busa" is the bus crash "pod Nowym Miastem nad Pilicą" reported that morning."""
    for position, i in enumerate(by_time):
        toll = readings[i]
        if toll.severity < MASS_CASUALTY or toll.regions or not toll.kinds \
                or any(c.name or c.rare for c in toll.candidates.values()):
            continue
        if _join_closest(readings, by_time[:position], i, union,
                         lambda other: other.tragic and other.severity >= MASS_CASUALTY and bool(other.kinds)
                         and other.kinds[0] is toll.kinds[0], within=SAME_STORY_WITHIN):
            continue
        alike = [j for j in by_time if j != i and readings[j].tragic and readings[j].kinds
                 and readings[j].kinds[0] is toll.kinds[0] and readings[j].language == toll.language
                 and abs(readings[j].published - toll.published) <= SAME_EVENT_WITHIN]
        if len(alike) == 1:  # two would be a guess
            union(alike[0], i)


def _join_unplaced_abroad(readings: list[Reading], by_time: list[int], union) -> None:
    """A severe report that names no place safepost knows would be taken to be at its language's
    home, or nowhere ("over 10,000 dead in South Asia"); when, within hours, a report in the same
    language placed abroad, severe or its first word before any toll ("Türkiyənin Sakarya
    vilayətində fişəng fabrikində partlayış", then "Hendek partlayışı: ölənlər var"), tells its
    event alike, it is that story told again
    ("Süleyman Soylu: Ortaköydəki Reina klubuna hücumda 39 nəfər həlak olub" after "İstanbulda
    gecə klubuna silahlı hücum", "Flodbølgekatastrofen: over 10 000 omkommet i Sør-Asia" after
    "Mange nordmenn savnet i Thailand etter flodbølgen"). After a mass-casualty report abroad, so
    does a lighter one that counts no dead of its own and tells an event, not only dying:
    "China Eastern-in Boeing 737 təyyarəsi dağa çırpılıb" after "Çində 132 nəfərin olduğu
    sərnişin təyyarəsi qəzaya uğrayıb" (the airline places nothing)."""
    tragic = [i for i in by_time if readings[i].tragic]
    for position, i in enumerate(tragic):
        report = readings[i]
        lighter = report.severity < 4
        if report.regions or lighter and (report.deaths or not report.kinds or report.kinds[0].id == "death"):
            continue
        # a language with a home of its own says "abroad" by placing it: its first word, before any
        # toll, is enough; English, at home in many countries, needs a severe one
        least = MASS_CASUALTY if lighter else 0 if report.home else 4

        def placed_abroad(other: Reading) -> bool:
            return other.severity >= least and other.language == report.language and bool(other.regions) \
                and report.home not in other.regions and _tells_alike(report, other)

        if not _join_closest(readings, tragic[:position], i, union, placed_abroad):
            # the first word may come before the report that places it: "Autokar z pielgrzymami
            # spadł z wiaduktu pod Avellino" at night, "Włochy: 38 zabitych" in the morning
            later = next((j for j in tragic[position + 1:]
                          if readings[j].published - report.published <= SAME_EVENT_WITHIN
                          and placed_abroad(readings[j])), None)
            if later is not None:
                union(later, i)


def _join_told_tolls(readings: list[Reading], by_time: list[int], union, find) -> None:
    """A toll that names nothing, no place and no event but dying, speaks of dead the reader
    already knows of ("Politiet har frigitt navnene på de fem unge som omkom", two days after
    "Seks omkom i helikopterulykken i Alta"): it is the one story of its language and its country
    (a toll that names no place is at home) in the two days before it that counted at least as
    many dead. So is a later count of what follows an event ("Dağıntıların altından daha üç
    nəfərin cəsədi çıxarılıb", bodies from the rubble, `follows` in the kinds) the one such event
    of its country within two days of it ("Binəqədidəki partlayış", reported before or after),
    whatever that one counted. Two such stories: it joins neither."""
    alone = Counter(find(i) for i in range(len(readings)))
    for position, i in enumerate(by_time):
        toll = readings[i]
        if toll.deaths < 2 or toll.regions or alone[find(i)] > 1 \
                or any(c.name or c.rare for c in toll.candidates.values()):
            continue
        follows = _follows(toll)
        if follows is None:
            continue
        # the event a later count follows may be named only after it ("the blast: a case opened")
        candidates = [j for j in by_time if find(j) != find(i)] if follows else by_time[:position]
        stories = {find(j): j for j in candidates
                   if readings[j].tragic and readings[j].language == toll.language
                   and _where(readings[j]) == _where(toll)
                   and abs(toll.published - readings[j].published) <= SAME_STORY_WITHIN
                   and (any(kind.id in follows for kind in readings[j].kinds) if follows
                        else max(readings[j].deaths, readings[j].at_risk) >= toll.deaths)}
        if len(stories) == 1:
            union(stories.popitem()[1], i)


def _join_risen_tolls(readings: list[Reading], by_time: list[int], union, find) -> None:
    """A toll that rose ("Число погибших при стрельбе на Чермянской улице выросло до шести", the
    morning after "Юрист расстрелял коллег в офисе на севере Москвы, пятеро погибли") is the one
    story of its kind, language and country in the two days before it that counted fewer dead,
    though the two share no name: the second names the street, the first the city."""
    for position, i in enumerate(by_time):
        toll = readings[i]
        if not toll.toll_update or not toll.kinds or toll.kinds[0].id == "death" or toll.deaths < 2:
            continue
        stories = {find(j): j for j in by_time[:position]
                   if find(j) != find(i) and readings[j].tragic and readings[j].kinds
                   and readings[j].kinds[0] is toll.kinds[0] and readings[j].language == toll.language
                   and _where(readings[j]) == _where(toll) and 0 < readings[j].deaths < toll.deaths
                   and toll.published - readings[j].published <= SAME_STORY_WITHIN}
        if len(stories) == 1:  # two would be a guess
            union(stories.popitem()[1], i)


def _join_perpetrators(readings: list[Reading], by_time: list[int], union) -> None:
    """A headline about the attacker that reports no event of its own ("Стрілець у Сихові був
    одягнений як кур'єр і втік на електровелосипеді", an hour after "У Львові застрелили Андрія
    Парубія") is the latest event of the kinds that attacker does, in its language and country,
    in the hours before it: its details (the courier, the e-bike) are that story's words."""
    for position, i in enumerate(by_time):
        reading = readings[i]
        if not reading.perpetrator_of or reading.kinds:
            continue
        _join_closest(readings, by_time[:position], i, union,
                      lambda other: other.tragic and other.language == reading.language
                      and bool(_where(other) & _where(reading))
                      and any(kind.id in reading.perpetrator_of for kind in other.kinds))


def _follows(toll: Reading) -> frozenset[str] | None:
    """What a toll that names nothing may belong to: an empty set for one that tells only of
    dying, the kinds its event follows for a later count of bodies from the rubble, None for
    any other toll."""
    told = [kind for kind in toll.kinds if kind.id != "death"]
    if not told:
        return None if any(c.anchor for c in toll.candidates.values()) else frozenset()
    if (toll.toll_update or toll.follow_up) and all(kind.follows for kind in told):
        return frozenset(kind.id for kind in told) | {follow for kind in told for follow in kind.follows}
    return None


def _tells_alike(a: Reading, b: Reading) -> bool:
    """Two headlines that report their event with one same word and share another ("klubuna
    hücum" twice), or that report one kind of event other than a death and share a word ("Обвал
    мосту в Морбі" after "В Індії обвалився підвісний міст"), or count its dead in hundreds
    ("205 miners killed in Soma coal mine" after "Turkey mine disaster: death toll passes 200"):
    two deaths in two countries share only the words for dying, and two mass-casualty disasters
    of one kind within hours are rare."""
    events = a.events | b.events
    shared = (a.words.keys() | a.events) & (b.words.keys() | b.events)
    if shared & events and shared - events:
        return True
    one_kind = bool(a.kinds) and bool(b.kinds) and a.kinds[0] is b.kinds[0] and a.kinds[0].id != "death"
    return one_kind and (bool(shared) or min(a.severity, b.severity) >= MASS_CASUALTY)


def _join_tolls(readings: list[Reading], by_time: list[int], union) -> None:
    """A toll that says only that people died ("Two dead, Kaikōura cut off by massive slips") joins
    the report of an event that covers an area (an earthquake, a storm) placed in the same region
    within hours ("Magnitude 7.5 earthquake strikes North Canterbury"): its dead are that event's;
    so does an unplaced toll of people on board ("no survivors, 48 were on board", "Из 45
    человек на борту выжили двое") join the one crash of its language within hours, placed or
    not ("Before the crash the An-24 went round again", "Под Ярославлем разбился Як-42"),
    and a search for people on board the one crash placed in its region ("Åtte personer om bord –
    stor redningsaksjon på Svalbard" after "Russisk helikopter har styrtet i havet ved
    Barentsburg"): the story is then as grave as they are in danger. Abroad, a toll joins the one
    crash placed in its country ("Kolumbia: w katastrofie zginęło 76 osób" after "Katastrofa
    samolotu z piłkarzami Chapecoense pod Medellín"): two deadly crashes in one foreign country in
    a day's news are rare, though at home they are not. A mass-casualty toll in a place no
    gazetteer knows ("26 mennesker funnet døde sammen i en hage i Mati") joins the one
    mass-casualty event of its language ("Skogbranner i Hellas: minst 50 døde"), wherever that
    was. One death (a singer's) joins nothing, nor does a toll beside a shooting: two shootings
    in one country on one day are two stories."""
    tolls = [i for i in by_time if (readings[i].tragic and readings[i].deaths >= 2 or _aboard_in_danger(readings[i]))
             and (readings[i].regions or readings[i].at_risk or _told_abroad(readings[i])
                  or _mass_toll_in_an_unknown_place(readings[i]))
             and all(kind.id == "death" for kind in readings[i].kinds)]
    for i in tolls:
        toll = readings[i]

        def carries(event: Reading) -> bool:
            """The event covers an area, or carries the toll's people: a crash, unplaced as the
            toll is, in its language. A toll told abroad in a town no gazetteer knows ("w Sinzig
            utonęło 12") is an area event's placed abroad, told in its language."""
            kind = event.kinds[0]
            if not toll.regions and not toll.at_risk and not _told_abroad(toll):
                return kind.id != "death" and event.language == toll.language and bool(event.regions) \
                    and event.severity >= MASS_CASUALTY
            if _told_abroad(toll):
                return kind.area and event.language == toll.language and bool(event.regions) \
                    and event.home not in event.regions
            if toll.regions and event.regions != toll.regions:
                return False
            aboard = kind.grave_with_people_aboard and event.language == toll.language
            abroad = toll.home is not None and toll.home not in toll.regions
            return kind.area or (bool(toll.at_risk) or abroad) and aboard if toll.regions else aboard

        events = [j for j in by_time if j != i and readings[j].tragic and readings[j].kinds and carries(readings[j])
                  and abs(readings[j].published - toll.published) <= SAME_EVENT_WITHIN]
        if len({readings[j].kinds[0].id for j in events}) == 1:  # one such event: two would be a guess
            union(events[0], i)


def _mass_toll_in_an_unknown_place(reading: Reading) -> bool:
    """A mass-casualty toll that names a place, none of which the gazetteer knows."""
    return not reading.regions and reading.severity >= MASS_CASUALTY \
        and any(candidate.name for candidate in reading.candidates.values())


def _told_abroad(reading: Reading) -> bool:
    """Placed in no country, but not at home either: the headline names a foreign town the
    gazetteer does not know, or says it happened abroad."""
    return not reading.regions and reading.abroad


def _join_victims(readings: list[Reading], by_time: list[int], union) -> None:
    """A report of who died or was hurt that tells no event of its own, only in another report's
    word for it ("Australians among dead and injured in NZ eruption", hours after "Five dead after
    White Island volcano eruption"), is that event's, when that one happened where it says: its
    victims' country (the Australians) is then the story's too."""
    for position, i in enumerate(by_time):
        victims = readings[i]
        if not victims.tragic or not victims.regions or any(kind.id != "death" for kind in victims.kinds):
            continue
        _join_closest(readings, by_time[:position], i, union,
                      lambda event: event.tragic and any(kind.id != "death" for kind in event.kinds)
                      and bool(event.regions) and event.regions <= victims.regions
                      and not victims.words.keys().isdisjoint(event.events))


def _join_closest(readings: list[Reading], earlier: list[int], i: int, union, fits,
                  within: timedelta = SAME_EVENT_WITHIN) -> bool:
    """Join headline i to the latest earlier one `within` that `fits`; whether one did."""
    for j in reversed(earlier):
        if readings[i].published - readings[j].published > within:
            return False
        if fits(readings[j]):
            union(j, i)
            return True
    return False


def _share_uncommon_word(a: Reading, b: Reading) -> bool:
    shared = a.words.keys() & b.words.keys()
    frequencies = (zipf(a.words[key].lower(), a.language) for key in shared)
    return any(frequency is not None and frequency < SHARED_WORD_BELOW for frequency in frequencies)


def _tells_of_the_dead(death: Reading, other: Reading) -> bool:
    """A headline that names, by an uncommon name, the one person whose death another reports
    tells that story: the films remembered («Восток — дело тонкое»: вспоминаем фильмы Рустама
    Ибрагимбекова), the town that mourns. Its titles are then the dead person's works."""
    if not death.tragic or other.tragic or not death.kinds or death.kinds[0].id != "death" or death.deaths > 1:
        return False
    shared = {key for key, c in death.candidates.items() if c.name} \
        & {key for key, c in other.candidates.items() if c.name}
    return any((zipf(key, death.language) or 0) < SHARED_WORD_BELOW for key in shared if " " not in key)


def _counts_its_dead(toll: Reading, event: Reading) -> bool:
    """A toll placed nowhere the gazetteer knows that shares a name with the report of an event
    within hours counts that event's dead: "Semnan qubernatoru: 31 nəfərin meyiti
    müəyyənləşdirilib" and "İranın Semnan əyalətində iki sərnişin qatarı toqquşub"."""
    return toll.tragic and toll.deaths >= 2 and not toll.regions and all(kind.id == "death" for kind in toll.kinds) \
        and any(kind.id != "death" for kind in event.kinds) and event.tragic


def _mourns(later: Reading, deadly: Reading) -> bool:
    """A vigil, a memorial or a funeral that names where people died days before is that story
    ("Fullsatt Nordlyskatedral da Alta minnet de omkomne" three days after the helicopter crash
    at Alta): the story is still in the news while its dead are mourned. A toll it gives is the
    story's own, not more."""
    return bool(deadly.deaths) and (later.remembered or later.follow_up) and later.deaths <= deadly.deaths \
        and later.published > deadly.published


def _alike_kinds(a: Reading, b: Reading) -> bool:
    """The same kind of event, or two attacks: "Dərbənddə sinaqoq və kilsə atəşə tutulub" read as a strike and
    "Dərbənd və Mahaçqalada hücumlar: 15 polis həlak olub" as an attack tell one evening."""
    if not a.kinds or not b.kinds:
        return False
    return a.kinds[0] is b.kinds[0] or a.kinds[0].attack and b.kinds[0].attack


def _same_event(a: Reading, b: Reading) -> bool:
    """Could two nameless reports be one event: the same kind of event, and not in two different
    countries ("gunmen attack a village in Nigeria" is not "terror in the Moscow metro" hours
    later, though both say "killed")."""
    same_kind = bool(a.kinds and b.kinds and a.kinds[0] is b.kinds[0])
    where_a, where_b = _where(a), _where(b)
    return same_kind and (not where_a or not where_b or bool(where_a & where_b))


def _where(reading: Reading) -> set[str]:
    """Where a report happened: the places it names, else its language's home (a Russian headline
    naming no place is most likely about Russia)."""
    return set(reading.regions) or ({reading.home} if reading.home else set())


def incident_of(story: list[Reading]) -> Incident | None:
    """The incident a story is, when some of its headlines report a tragedy."""
    tragic = sorted((r for r in story if r.tragic), key=lambda r: r.published)
    if not tragic:
        return None
    story = sorted(story, key=lambda r: r.published)
    kinds = _kinds(tragic)
    severity = max(r.severity for r in tragic)
    harmed = any(r.harmed for r in tragic)
    remembered = all(r.remembered for r in tragic) or _recounted(tragic)
    if remembered:  # its toll is history: nobody is hurt anew (Reading.severity)
        harmed, severity = False, min(severity, 2)
    if not harmed and not remembered and any(r.grave_words and not r.harmless for r in story) \
            and not any(r.harmless or r.threat for r in tragic):
        # "Train derails in Lac-Mégantic", then "1,000 evacuated, people unaccounted for": the story is grave
        severity = max(severity, 5 if max(r.at_risk for r in story) >= 10 else 4)
        harmed = True
    if harmed and any(r.harmless for r in story) and not any(r.deaths or r.injured for r in story) \
            and not any(kind.harms for r in tragic for kind in r.kinds):
        # harm read only from grave words ("thousands of tourists evacuated"), and a headline of the
        # story says nobody was hurt ("... home from Rhodes, no injuries reported")
        harmed, severity = False, min(severity, 2)
    lead = max(tragic, key=lambda r: (r.severity, r.deaths, r.injured, -r.published.timestamp()))
    first = tragic[0]
    started, last = first.published, story[-1].published  # a story still reported is still news
    main = kinds[0] if kinds else None
    window_hours = main.window_hours if main else 48
    window = timedelta(hours=window_hours * (2 if severity >= 5 else 1))
    regions = {region for r in tragic for region in r.regions} or {region for r in story for region in r.regions} \
        or {r.home for r in tragic if r.home}  # a place too small for the gazetteer, in the language's own country
    victims = max(max(r.deaths, r.at_risk if r.grave else 0) for r in tragic)
    ongoing = all(r.follow_up for r in tragic)
    # "Seoul crush: death toll rises to 154" as the first the feed holds: the first day was before it
    scope = reach(severity, harmed, main, victims, reports=len(tragic), ongoing=ongoing or first.toll_update)
    terms = key_terms(story, countries=scope == "global")
    # the words it is told in: its tragic headlines', and those of the attacker's escape or disguise
    told = [r for r in story if r.tragic or r.perpetrator_of]
    known = _frequencies(story)
    term_zipf = tuple(known[w] if (w := term.lower().lstrip("#")) in known else zipf(w, lead.language)
                      if " " not in w else None for term in terms)
    mourning = tuple(sorted({day for r in story for day in r.mourning})) if harmed else ()
    silences = tuple({moment: Silence(moment, r.headline.title) for r in story for moment in r.silences}.values())
    return Incident(
        id=_story_id(first, terms), title=lead.headline.title, kind=main.id if main else "death",
        severity=severity, terms=tuple(terms), headlines=tuple(r.headline for r in story),
        regions=tuple(sorted(regions)), started=started, active_until=_until(last + window, mourning, silences),
        language=lead.language, sources=len({r.headline.source for r in story}),
        kinds=tuple(kind.id for kind in kinds) or ("death",), reach=scope,
        harmed=harmed, threatened=not harmed and any(r.threat for r in tragic),
        deaths=max(r.deaths for r in tragic), injured=max(r.injured for r in tragic),
        phrases=tuple(_phrases(tragic, story)), places=tuple(_places(story, terms, "place")),
        countries=tuple(_places(story, terms, "country")), term_zipf=term_zipf,
        words=_story_words(told, known), told_in=_told_in(told), ongoing=ongoing, remembered=remembered,
        mourning=mourning, mourning_places=_mourning_places(story) if harmed else (), silences=silences)


def _until(window_ends: datetime, mourning: tuple, silences: tuple[Silence, ...]) -> datetime:
    """A story is news until its window ends, and until the last day of mourning or the last
    silence it announces is over wherever it is kept: "Trump declares Wednesday a national day of
    mourning" on a Saturday is news on Wednesday."""
    kept = [datetime.combine(day, time(), timezone.utc) + KEPT_FOR for day in mourning] \
        + [silence.at.replace(tzinfo=timezone.utc) + KEPT_FOR for silence in silences]
    return max([window_ends, *kept])


def _mourning_places(story: list[Reading]) -> tuple[str, ...]:
    """Where the story's mourning is kept: nowhere in particular (the whole country) as soon as
    one headline declares it for all, else the towns and provinces the headlines name."""
    declaring = [r for r in story if r.mourning]
    if not declaring or any(not r.mourning_places for r in declaring):
        return ()
    return tuple(dict.fromkeys(place for r in declaring for place in r.mourning_places))


def _is_word(key: str) -> bool:
    """Letters, an apostrophe among them as Ukrainian writes it: кур'єр is one word."""
    return key.replace("'", "").isalpha()


def _told_in(tragic: list[Reading]) -> frozenset[str]:
    """Every word of some length the tragic headlines tell the story in, common or not ("school",
    "miners"): the words that, beside its country's name, make a post tell it."""
    return frozenset(key for r in tragic for key in (*r.words, *r.events)
                     if len(key) >= STORY_WORD_LETTERS and _is_word(key))


def _story_words(tragic: list[Reading], known: dict[str, float | None]) -> tuple[str, ...]:
    """The uncommon words the tragic headlines tell the story in, its event's words among them (the
    pressure cooker and the nails of a bus bomb, a hijacked ambulance), by key, rarest first."""
    found: dict[str, float] = {}
    for reading in tragic:
        told = {**{key: key for key in reading.events}, **reading.words}  # the event's own words too
        for key, text in told.items():
            if len(key) < STORY_WORD_LETTERS or not _is_word(key):
                continue
            lower = text.lower()
            frequency = known[lower] if lower in known else zipf(lower, reading.language)
            if frequency is None or frequency < STORY_WORD_BELOW:
                found.setdefault(key, frequency or 0.0)
    return tuple(sorted(found, key=found.get)[:MAX_STORY_WORDS])


def _recounted(tragic: list[Reading]) -> bool:
    """A story the news first tells as a memory ("20 лет назад взорвали дом на Каширском шоссе")
    whose later headlines give the toll of then ("Теракт на Каширском шоссе: 124 погибших"): they
    recount it. A later headline that reports harm still unfolding (people trapped, a rising toll)
    is news."""
    return tragic[0].remembered and not any(r.grave or r.follow_up for r in tragic if not r.remembered)


def _frequencies(story: list[Reading]) -> dict[str, float | None]:
    """How common each word of the story's readings is, as each reading looked it up; the first
    reading's word wins."""
    known: dict[str, float | None] = {}
    for reading in reversed(story):
        known.update(reading.frequencies)
    return known


def _kinds(tragic: list[Reading]) -> list:
    """Every kind the story's headlines report, the main one first: the highest in priority of
    those that lead some headline (a kind a headline only quotes, 'Inland tsunami', leads none)."""
    seen: dict[str, object] = {}
    first: dict[str, int] = {}
    for reading in tragic:
        for position, kind in enumerate(reading.kinds):
            seen.setdefault(kind.id, kind)
            first[kind.id] = min(first.get(kind.id, position), position)
    return sorted(seen.values(), key=lambda kind: (first[kind.id], -kind.priority))


def reach(severity: int, harmed: bool, kind, victims: int | None = None, reports: int = 1,
          ongoing: bool = False) -> str:
    """global: a mass-casualty attack or disaster, news everywhere in its first day (the kind
    says from how many dead: an attack sooner than a bus crash), once more than one headline
    carries it, or at once when the toll is many times that; national: people died or were
    badly hurt; local: the rest. Entered by hand (no toll known), severity 5 is global; a story
    whose kind the news does not say ("12 killed in village") never is, nor one reported only in
    follow-ups (its first day was before them)."""
    if harmed and not ongoing:
        if victims is None:  # entered by hand: its severity says it
            if severity >= GLOBAL_FROM:
                return "global"
        elif kind is not None and kind.global_from and victims >= kind.global_from \
                and (reports > 1 or victims >= ONE_REPORT_GLOBAL * kind.global_from):
            return "global"
    if severity >= 3 and harmed:
        return "national"
    return "local"


def key_terms(story: list[Reading], countries: bool = False) -> list[str]:
    """The words that name the story, as written, best first (see the module docstring). The
    country it happened in names only a mass-casualty story (`countries`): "trips to Thailand"
    the day after the tsunami, not every post about a country at war. The one town its tragic
    headlines name is the story's, though only one headline names it ("Təbriz yaxınlığında
    zəlzələ", then "Zəlzələ bölgəsində minlərlə insan gecəni açıq havada keçirib")."""
    headlines: Counter = Counter()
    anchored: Counter = Counter()
    written: dict[str, Counter] = {}
    flags: dict[str, set[str]] = {}
    towns = {key for reading in story if reading.tragic
             for key, candidate in reading.candidates.items() if candidate.place and not candidate.part}
    for reading in story:
        for key, candidate in reading.candidates.items():
            if candidate.part or (candidate.country and not countries):
                continue
            written.setdefault(key, Counter())[candidate.text] += 1
            marks = flags.setdefault(key, set())
            marks.update(name for name, on in (("name", candidate.name), ("rare", candidate.rare),
                                               ("title", candidate.in_title), ("tag", candidate.text.startswith("#")))
                         if on)
            if candidate.in_title:
                headlines[key] += 1
            if candidate.anchor and reading.tragic:
                anchored[key] += 1
    single = len(story) == 1
    chosen = []
    language = story[0].language
    known = _frequencies(story)
    for key, marks in flags.items():
        frequency = (known[key] if key in known else zipf(key, language)) if " " not in key else None
        if "tag" in marks or "title" in marks and is_designation(key):
            keep = True  # a flight, a plane, a road by its designation: one of a kind ("MH17", "A9")
        elif anchored[key]:
            keep = "name" in marks or "rare" in marks or \
                (headlines[key] >= 2 and (frequency is None or frequency < ORDINARY_ANCHOR_BELOW))
        elif "title" not in marks:
            keep = "name" in marks and frequency is not None and frequency < 3.0
        else:
            keep = ("name" in marks or "rare" in marks) and (headlines[key] >= 2 or (single and not anchored)
                                                              or towns == {key})
        if keep:
            chosen.append(key)
    chosen.sort(key=lambda k: (-(2 * anchored[k] + headlines[k]), -len(k)))
    return [written[key].most_common(1)[0][0] for key in chosen[:MAX_TERMS]]


def _places(story: list[Reading], terms: list[str], what: str) -> list[str]:
    """The key terms that are only a place the gazetteer knows (`what`: a town or state, "place",
    or a country): where the story is, not what."""
    written = {c.text for r in story for c in r.candidates.values() if getattr(c, what)}
    return [term for term in terms if term in written]


def _phrases(tragic: list[Reading], story: list[Reading]) -> list[str]:
    """The tragic headlines' most repeated phrases, then the names in quotes of every headline."""
    counts: Counter = Counter()
    written: dict[tuple, str] = {}
    for reading in tragic:
        for key, text in reading.phrases.items():
            counts[key] += 1
            written.setdefault(key, text)
    found = [written[key] for key, _ in counts.most_common(MAX_PHRASES)]
    titles = {key: text for reading in story for key, text in reading.titles.items() if key not in written}
    return found + list(titles.values())[:MAX_PHRASES]


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")[:40] or "event"


def _story_id(first: Reading, terms: list[str]) -> str:
    """Stable across runs while the story's first tragic headline stays in the window, and
    unique: two unnamed death stories on one day differ by that headline."""
    anchors = [c.text for c in first.candidates.values() if c.anchor and c.in_title]
    label = anchors[0] if anchors else (first.kinds[0].id if first.kinds else "death")
    identity = first.headline.link or first.headline.title
    digest = hashlib.sha1(identity.encode("utf-8")).hexdigest()[:6]
    started: datetime = first.published
    return f"{_slug(label)}-{started:%Y%m%d}-{digest}"
