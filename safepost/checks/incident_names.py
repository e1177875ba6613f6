"""Where a post names a story in the news: its names, places and hashtags through their word
forms, its one-word names inside promo codes, and a hashtag of the tragedy it remembers. The news
checks share it: a post that names a story collides with it, and a post that names only another
town of its country is elsewhere."""
from __future__ import annotations

import re

from safepost.checks import Context
from safepost.news.reading import (QUOTES, STEM, STEM_LANGUAGES, is_adjective, kinds_by_id, lexicon_index,
                                   lexicon_of, news_languages, place_indexes, quoted_in, same_stem,
                                   starts_sentence, trigger_matches)
from safepost.news.placenames import alike, opening
from safepost.text import analyze
from safepost.text.frequency import zipf
from safepost.text.lemmas import is_common_word, is_name_and_word
from safepost.text.matcher import Match, TermError, TermIndex, compile_term

NAME = "incident-names"
CYRILLIC = ("ru", "uk")
_LATIN = re.compile(r"[A-Za-z]{3}")

_DIGIT = re.compile(r"\d")
_LETTERS_FIRST = re.compile(r"[^\W\d_]*")
_LETTERS_LAST = re.compile(r"[^\W\d_]*\Z")

# Names are matched through a lemmatiser (Казани ~ Казань) or one Azerbaijani ending
# (Günəşlidəki ~ Günəşli), but never through a stemmer: the Norwegian stem of "Bergen" is "berg",
# a mountain. A story's word in lower case is no name, and is matched in every form.
NAME_FORMS = ("en", "ru", "uk", "pl", "az")

CODE_PART = 4  # a name at least this long, opening or closing a code (SANDYSALE, KOBE24)
EVERYDAY_WORD = 5.0  # Zipf: a story's name this common (the storm «Hans», Norwegian for "his")
# counts only where the post writes it as a name
COMMON_WORD = 3.8  # a name this common ("Garlic" of the Gilroy Garlic Festival) counts only capitalised
_OPENING_QUOTES = QUOTES + "#"
PLAIN_LETTERS = {  # the letters a post typed on another keyboard leaves out, and what it types instead
    "az": str.maketrans("əƏşŞçÇğĞıİöÖüÜ", "eEsScCgGiIoOuU"),
    "pl": str.maketrans("ąĄćĆęĘłŁńŃóÓśŚźŹżŻ", "aAcCeElLnNoOsSzZzZ"),
    "nb": str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A"}),
}
_STATE_CODE = re.compile(r",\s*([A-Z]{2})\b")  # "Weldon, NC": a town and its US state's postal code
ADJECTIVE_LETTERS = 6  # the shortest town adjective looked for ("киевский", "krakowski")
TOWN_OPENING = 5  # letters a town and its adjective share ("Мінськ", "мінському")
_WORD = re.compile(r"[^\W\d_]+")
FIRST_NAME_OPENING = 3  # letters two forms of one first name share: Алексей, Алексея
_AFTER_COMMA = re.compile(r",\s*")  # "Christchurch, Dorset": a town and the county it is in
_MODEL_CODE = re.compile(r"-\w*\d")  # "Эльбрус-8СВ": a model of a product named so
_NUMBERED = re.compile(r"[-\s]\w*\d")  # "Boeing 737", "Як-42": a headline's name with its model
US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky",
    "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
_MANNER = re.compile(r"(?<!\w)по-\Z", re.IGNORECASE)  # «по-казански», «по-київськи»: in a town's style
_SENTENCE_ENDS = ".!?:…"
_PICTOGRAPH = re.compile("[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f]")  # an emoji ends a post's sentence too


def _index(rulebook, incidents) -> tuple[TermIndex, dict[str, object], dict[str, float]]:
    """The incidents' terms, their one-word names for reading promo codes, and the terms that are
    common words as well as names, with how common."""
    index = TermIndex()
    names: dict[str, object] = {}
    common: dict[str, float] = {}
    for incident in incidents:
        looked_up = len(incident.term_zipf) == len(incident.terms)
        for position, text in enumerate(incident.terms):
            # a word the headlines write in lower case is no name: its other forms are its forms
            # ("Terrortrussel?" of "terrortrusselen")
            language = incident.language if incident.language in NAME_FORMS or text.islower() else None
            try:
                index.add(compile_term(text, language, quoted=True), incident)
            except TermError:
                continue  # a term with nothing to match (punctuation from a headline)
            plain = typed_plain(text, incident.language)
            if plain != text:
                index.add(compile_term(plain, language, quoted=True), incident)
                plain_frequency = zipf(plain.lower(), incident.language) or 0
                if plain_frequency >= COMMON_WORD:
                    common[plain] = plain_frequency
            word = text.lower().lstrip("#")
            frequency = incident.term_zipf[position] if looked_up else zipf(word, incident.language)
            if frequency is None and _everyday_name(rulebook, word, incident.language):
                frequency = EVERYDAY_WORD  # no frequency list, but the lexicon says the name is a word too
            if (frequency or 0) >= EVERYDAY_WORD and not _everyday_word(rulebook, word, incident.language):
                frequency = COMMON_WORD  # common only as a name: "Stortinget hacket?" opens with the parliament
            if " " not in word and (frequency or 0) >= COMMON_WORD:
                common[text] = frequency
            if (frequency or 0) < EVERYDAY_WORD and " " not in word and len(word) >= CODE_PART and word.isalpha():
                names.setdefault(word, incident)
    return index, names, common


def typed_plain(text: str, language: str | None) -> str:
    """A name as typed on a keyboard without its language's letters ("Bineqedi" for Binəqədi,
    "Poznan" for Poznań, "Tromso" for Tromsø): a post written so still names the place."""
    return text.translate(PLAIN_LETTERS[language]) if language in PLAIN_LETTERS else text


def _everyday_word(rulebook, word: str, language: str) -> bool:
    """A word of everyday speech, not only a frequent name: a stopword («hans», "his") or a word
    the dictionary holds ("will"). Wordfreq counts names lower-cased, so "stortinget" is as
    frequent as a pronoun."""
    lexicon = lexicon_of(rulebook, language) if language else None
    return is_common_word(word, language) or bool(lexicon and word in lexicon.everyday | lexicon.everyday_names)


def _everyday_name(rulebook, word: str, language: str) -> bool:
    """A name that is an everyday word too, in a language with no frequency list to say so: the
    actor Siyavuş Aslan's surname is "lion" («Aslan payı», the lion's share)."""
    lexicon = lexicon_of(rulebook, language) if language else None
    return bool(lexicon and word in lexicon.everyday_names)


def tagged_or_quoted(text: str, match: Match) -> bool:
    before = text[:match.start].rstrip()
    return bool(before[-1:]) and before[-1] in _OPENING_QUOTES


def _written_for_the_story(text: str, match: Match, frequency: float | None) -> bool:
    """A name that is an everyday word counts where the post writes it as a name; one that is a
    common word, where the post capitalises it ("Sandy got you stuck inside?"), not in "a dozen
    garlic knots" the day of the Gilroy Garlic Festival shooting."""
    if frequency is None:
        return True
    if match.term.isupper() and len(match.term) > 1:
        # the airline the news writes "LOT" is the post's only in capitals: "Lot balonem" is a flight
        return match.text.isupper() or tagged_or_quoted(text, match)
    if frequency >= EVERYDAY_WORD:
        return written_as_name(text, match)
    return written_as_name(text, match) or match.text[:1].isupper()


def _another_word(ctx: Context, match: Match) -> bool:
    """A form of a name that the dictionary also reads as an everyday word, not written as a name:
    «Осіннє меню 🍂 Гусина печінка з грушею» is goose liver, not the footballer Гусин's. So is a
    dictionary word the headlines write only as a name in quotes: the club «Локомотив» is not the
    model shop's «Локомотивы и вагоны Piko»."""
    written = match.text.casefold()
    if " " in written or written_as_name(ctx.analysis.text, match):
        return False
    if written != match.term.casefold() and is_name_and_word(written, ctx.language):
        return True
    titles = [headline.title for headline in match.payload.headlines if match.term in headline.title]
    return bool(titles) and all(quoted_in(match.term, title) for title in titles) \
        and is_common_word(match.term.casefold(), ctx.language)


def written_as_name(text: str, match: Match) -> bool:
    """Quoted, tagged, or capitalised inside a sentence: "«Hans» took a holiday", not "his"."""
    before = text[:match.start].rstrip()
    if tagged_or_quoted(text, match):
        return True
    return match.text[:1].isupper() and not match.text.isupper() and bool(before) \
        and before[-1] not in _SENTENCE_ENDS and not _PICTOGRAPH.fullmatch(before[-1])


def _in_codes(ctx: Context, names: dict[str, object]) -> list[Match]:
    """A promo code that opens or closes with a story's name: "Enter SANDYSALE at checkout"."""
    found = []
    for i, token in enumerate(ctx.analysis.tokens):
        if token.end - token.start <= CODE_PART:
            continue
        written = ctx.analysis.text[token.start:token.end]
        if not (written.isupper() or not written.isalpha() and _DIGIT.search(written)):
            continue
        norm = token.norm
        opening, closing = _LETTERS_FIRST.match(norm).end(), len(_LETTERS_LAST.search(norm).group())
        for size in range(len(norm) - 1, CODE_PART - 1, -1):  # the longest name the code opens or closes with
            # a name is letters only: only the code's leading and trailing letters can be one
            name = norm[:size] if size <= opening and norm[:size] in names else \
                norm[-size:] if size <= closing and norm[-size:] in names else None
            if name:
                found.append(Match(names[name], name, token.start, token.end, i, i + 1, written))
                break
    return found


def mentions(ctx: Context) -> list[Match]:
    """Where the post names a story in the news (its payload is the incident): a name that is
    also an everyday word counts only where it is written as a name. Read once a post."""
    if not ctx.incidents:
        return []

    def find() -> list[Match]:
        index, names, common = ctx.scope.cached(NAME, lambda: _index(ctx.rulebook, ctx.incidents))
        named = [match for match in index.find(ctx.analysis) + _in_codes(ctx, names)
                 if _written_for_the_story(ctx.analysis.text, match, common.get(match.term))
                 and not _another_word(ctx, match)]
        return [match for match in named + _countries(ctx) + _tags_of_the_remembered(ctx) + _by_stem(ctx)
                + _places_in_other_words(ctx) + _provinces_of_mass_casualty_stories(ctx) + _towns_by_adjective(ctx)
                if not in_another_state(ctx, match) and not _another_person(ctx, match)
                and not _inside_another_town(ctx, match) and not _a_model(ctx, match)
                and not a_venue_named_so(ctx, match)]

    return ctx.memo(NAME, find)


def a_venue_named_so(ctx: Context, match: Match) -> bool:
    """A name in quotes beside a venue's word is that venue's: «Batumi» kafesi in Baku the day a
    block of flats fell in Batumi, Кафе «Звезда Востока» the day the cruise ship of that name
    sank. Not where the story is a venue's too ("пожар в клубе «Хромая лошадь»")."""
    text = ctx.analysis.text
    if not tagged_or_quoted(text, match) or not ctx.language:
        return False
    venues = lexicon_index(ctx.rulebook, ctx.language, "venues")
    beside = [v for v in venues.find(ctx.analysis) if v.last in (match.first - 1, match.first)
              or v.first in (match.last, match.last + 1)]
    if not beside:
        return False
    incident = match.payload
    return not ctx.scope.cached(("venue stories", incident.id), lambda: any(
        lexicon_index(ctx.rulebook, incident.language, "venues").find(analyze(headline.title, incident.language))
        for headline in incident.headlines))


def _a_model(ctx: Context, match: Match) -> bool:
    """A name joined by a hyphen to a number is a product's model: servers on «Эльбрус-8СВ»
    processors the day climbers died on Elbrus. Not where the story numbers the name too ("Boeing
    737 crashes"): then the model is the story's."""
    code = _MODEL_CODE.match(ctx.analysis.text, match.end)
    return bool(code) and not any(_NUMBERED.match(headline.title, found.end())
                                  for headline in match.payload.headlines
                                  for found in re.finditer(re.escape(match.term), headline.title))


def _inside_another_town(ctx: Context, match: Match) -> bool:
    """A word of a longer town in another country is that town's: "New Mexico" the day of an
    earthquake in Mexico, though "Mexico City" is Mexico's."""
    return any(town.first <= match.first and match.last <= town.last
               and town.last - town.first > match.last - match.first and town.payload not in match.payload.regions
               for town in towns_named(ctx))


def in_another_state(ctx: Context, match: Match) -> bool:
    """A town the post writes with its US state's code ("our Weldon, NC store", "Aurora, IL") that
    is not the story's state: the Weldon of a stabbing in Saskatchewan, the Aurora of a shooting in
    Colorado. Where the story names no state the gazetteer knows, the town is taken to be its own.
    So is a town written with a county or region of another country than the story's:
    "Christchurch, Dorset" the day of the Christchurch earthquake in New Zealand."""
    code = _STATE_CODE.match(ctx.analysis.text, match.end)
    state = US_STATES.get(code.group(1)) if code else None
    incident = match.payload
    if state is None:
        after = _AFTER_COMMA.match(ctx.analysis.text, match.end)
        return bool(after) and bool(incident.regions) and any(
            town.start == after.end() and town.payload not in incident.regions for town in towns_named(ctx))
    if "US" not in incident.regions:
        return True
    named = {place.casefold() for place in incident.places}
    states = {province.casefold() for province, towns in known_provinces(ctx.rulebook)
              if province.casefold() in named or not named.isdisjoint(town.casefold() for town in towns)}
    return bool(states) and state.casefold() not in states


def told_by_its_adjective(ctx: Context, towns: list[str], incident) -> bool:
    """The story tells its town by the town's adjective, which no gazetteer lists: "в петербургском
    кафе" is in Petersburg, "w krakowskim klubie" in Kraków, «у мінському метро» in Minsk."""
    words = ctx.scope.cached(("lower-case words", incident.id), lambda: _lower_case_words(incident))
    return any(opening(word, len(start)) == start for town in towns
               for start in (opening(town, TOWN_OPENING),) for word in words)


def _lower_case_words(incident) -> frozenset[str]:
    """The words of the story's headlines written in lower case and long enough to be a town's
    adjective."""
    return frozenset(word for headline in incident.headlines for word in _WORD.findall(headline.title)
                     if word[:1].islower() and len(word) >= ADJECTIVE_LETTERS)


def _towns_by_adjective(ctx: Context) -> list[Match]:
    """The town of a story its headlines tell only by the town's adjective, named by the post: a
    weekend in Minsk the evening of the blast «у мінському метро»."""
    by_opening = ctx.scope.cached("adjective openings", lambda: _by_adjective_opening(ctx.incidents))
    if not any(opening(token.norm[:TOWN_OPENING], TOWN_OPENING) in by_opening for token in ctx.analysis.tokens):
        return []  # most posts: no word opens as a story's adjective, and no town is looked for
    towns = [town for town in towns_named(ctx) if len(town.text) >= TOWN_OPENING]
    return [Match(incident, town.text, town.start, town.end, town.first, town.last, town.text)
            for town in towns for incident in by_opening.get(opening(town.text, TOWN_OPENING), ())
            if town.payload in incident.regions]


def _by_adjective_opening(incidents) -> dict[str, list]:
    """The stories by the opening letters of the lower-case words their headlines tell them in,
    where a town's adjective may be: found once a run."""
    found: dict[str, list] = {}
    for incident in incidents:
        for word in _lower_case_words(incident):
            holders = found.setdefault(opening(word, TOWN_OPENING), [])
            if not holders or holders[-1] is not incident:
                holders.append(incident)
    return found


def _another_person(ctx: Context, match: Match) -> bool:
    """A surname the post writes after another first name than the story's: «комедии с Евгением
    Леоновым» the day the cosmonaut Алексей Леонов died. The first name is capitalised inside a
    sentence and opens otherwise than the story's; at a sentence's start a capital says nothing."""
    if match.first == 0 or " " in match.term:
        return False
    before = ctx.analysis.tokens[match.first - 1]
    written = ctx.analysis.text[before.start:before.end]
    if not written[:1].isupper() or written.isupper() or starts_sentence(ctx.analysis, match.first - 1) \
            or ctx.analysis.text[before.end:ctx.analysis.tokens[match.first].start].strip():
        return False
    surname = match.term.casefold()
    names = [term.casefold().split() for term in match.payload.terms if " " in term]
    first_names = [name[0] for name in names if name[-1] == surname or same_stem(name[-1], surname)]
    opening = written.casefold()[:FIRST_NAME_OPENING]
    return bool(first_names) and all(name[:FIRST_NAME_OPENING] != opening for name in first_names)


def _places_in_other_words(ctx: Context) -> list[Match]:
    """A story's town that the post names in its own language or script, where the key terms,
    read in the story's language, do not reach: "Kyiv" in an English post the day «Київ» is the
    news, «Бинагади» in a Russian post in Baku the day the headlines say Binəqədi. Only towns
    the gazetteer knows, of the story's own country."""
    told_otherwise = [incident for incident in ctx.incidents if incident.language != ctx.language and incident.places]
    if not told_otherwise:
        return []  # the post's towns are read only when some story is told in another language
    return [Match(incident, place, m.start, m.end, m.first, m.last, m.text)
            for m in towns_named(ctx) for incident in told_otherwise if m.payload in incident.regions
            for place in incident.places if alike(m.text, place)]


def _provinces_of_mass_casualty_stories(ctx: Context) -> list[Match]:
    """The state or province of a story's town, for a story whose toll makes it news everywhere
    (its kind's `global_from`): far away, people know the fires on Maui as Hawaii's, and "last
    seats to Hawaii" that week sells the islands in mourning. A state is too wide for a town's
    smaller news."""
    stories = ctx.scope.cached("mass-casualty stories", lambda: _mass_casualty_stories(ctx))
    if not stories:
        return []
    return [Match(incident, place, m.start, m.end, m.first, m.last, m.text)
            for m in towns_named(ctx) for incident in stories if m.payload in incident.regions
            for province, members in known_provinces(ctx.rulebook) if alike(m.text, province)
            for place in incident.places if any(alike(member, place) for member in members)]


def _mass_casualty_stories(ctx: Context) -> list:
    """The placed stories whose toll reaches their kind's `global_from`: found once a run."""
    return [incident for incident in ctx.incidents if incident.places and mass_casualty(ctx.rulebook, incident)]


def mass_casualty(rulebook, incident) -> bool:
    """The story's toll reaches its kind's `global_from`: news everywhere, whatever its reports say."""
    kind = kinds_by_id(rulebook).get(incident.kind)
    return bool(kind and kind.global_from) and incident.deaths >= kind.global_from


def known_provinces(rulebook, narrow: bool = False) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every province the gazetteer knows the towns of, in every language; `narrow`: only those
    small enough that their towns are neighbours (an oblast, a voivodeship, not Texas)."""
    return rulebook.cached(("provinces", narrow), lambda: tuple(
        province for entry in rulebook.rules("places") if not (narrow and entry.wide_provinces)
        for provinces in entry.provinces.values() for province in provinces))


def towns_named(ctx: Context) -> list[Match]:
    """The towns and states the post names, their region as payload: the gazetteer's names, not
    its countries. A post in Cyrillic may tag its town in Latin letters ("Кава + круасан = 99 грн
    #Lviv"): those are read with the English names. Read once a post."""
    if ctx.language not in news_languages(ctx.rulebook):
        return []

    def find() -> list[Match]:
        found = place_indexes(ctx.rulebook, ctx.language)[0].find(ctx.analysis)
        if ctx.language in CYRILLIC and _LATIN.search(ctx.analysis.text):
            found += place_indexes(ctx.rulebook, "en")[0].find(ctx.analysis)
        return found

    return ctx.memo("towns named", find)


def _countries(ctx: Context) -> list[Match]:
    """A story's country named in any form the gazetteer knows in the post's language ("do
    Indii" for "W Indiach", «в Индии» for «В Індії»): a country's cases and languages are more
    than a dictionary's lemmas of one headline's word. Not its adjective, which the gazetteer
    writes in lower case («тайський», "thai"): "Тайський масаж" in Lviv the day after the Bangkok
    bombing is a kind of massage, not a trip to Thailand."""
    named = [incident for incident in ctx.incidents if incident.countries]
    if not named:
        return []
    return [Match(incident, incident.countries[0], m.start, m.end, m.first, m.last, m.text)
            for m in countries_named(ctx) if not is_adjective(m)
            for incident in named if m.payload in incident.regions]


def countries_named(ctx: Context) -> list[Match]:
    """The countries the post names, nouns and adjectives, their region as payload. Read once a
    post: the story checks each ask it."""
    if ctx.language not in news_languages(ctx.rulebook):
        return []
    return ctx.memo("countries", lambda: place_indexes(ctx.rulebook, ctx.language)[1].find(ctx.analysis))


def _tags_of_the_remembered(ctx: Context) -> list[Match]:
    """A hashtag of the tragedy the news remembers today, in the words its headlines tell it in:
    "#deportasiya" on the day the deportation of 1947 is remembered, "#Holodomor" on Holodomor
    Day. A story of years ago often has no name but what was done; a post that tags it labels
    itself with it."""
    remembered = [incident for incident in ctx.incidents if incident.remembered]
    if not remembered or not ctx.analysis.hashtags or ctx.language not in news_languages(ctx.rulebook):
        return []
    tokens = ctx.analysis.tokens
    found = []
    for match in trigger_matches(ctx.rulebook, ctx.analysis):
        if not match.payload.remembered_only or any(tokens[i].tag < 0 for i in range(match.first, match.last)):
            continue
        keys = {key for i in range(match.first, match.last) for key in tokens[i].keys}
        found += [Match(incident, match.text.lstrip("#"), match.start, match.end, match.first, match.last, match.text)
                  for incident in remembered if not incident.told_in.isdisjoint(keys)]
    return found


def _stems(incidents) -> dict[str, list[tuple[str, object]]]:
    """The one-word names of the stories in inflecting languages, capitalised as the headlines
    write them, by their first letters. Not a name in quotes: that is a thing named after a
    place or a person (the mine «Ульяновская», not Ульяновск), and only its own forms name it."""
    found: dict[str, list[tuple[str, object]]] = {}
    for incident in incidents:
        if incident.language not in STEM_LANGUAGES:
            continue
        for term in incident.terms:
            if len(term) > STEM and term.isalpha() and term[:1].isupper() and not term.isupper() \
                    and not any(quoted_in(term, h.title) for h in incident.headlines):
                found.setdefault(term[:STEM].casefold(), []).append((term, incident))
    return found


def _by_stem(ctx: Context) -> list[Match]:
    """A word that is another form of a story's name, though no dictionary knows the name: a
    noun for the adjective ("не на Грибовичі" for the Грибовицьке landfill), another case ("pod
    Michniowem" for "Michniowa"), a dish named after the town («Тиждень аматричани» the day after
    the earthquake in Аматриче): `same_stem`. Capitalised inside a sentence, or a word the
    dictionary does not hold either: rabbits (króliki) are not the actor Królikowski. Nor a manner
    adverb: a Sunday lunch «по-казански» (Kazan style) is no visit to the Казанский собор."""
    if ctx.language not in STEM_LANGUAGES:
        return []
    stems = ctx.scope.cached("incident-stems", lambda: _stems(ctx.incidents))
    if not stems:
        return []
    found = []
    text = ctx.analysis.text
    for i, token in enumerate(ctx.analysis.tokens):
        if len(token.norm) <= STEM or token.norm[:STEM] not in stems:
            continue  # most words: one look-up, nothing built
        written = text[token.start:token.end]
        word = written.casefold()
        capitalised = written[:1].isupper() and not starts_sentence(ctx.analysis, i)
        if written.isupper() or not capitalised and zipf(word, ctx.language) or _MANNER.search(text, 0, token.start):
            continue  # an acronym, or an everyday word that opens like the name ("Króliki" opening a sentence)
        for term, incident in stems.get(word[:STEM], ()):
            if same_stem(word, term.casefold()):
                found.append(Match(incident, term, token.start, token.end, i, i + 1, written))
    return found
