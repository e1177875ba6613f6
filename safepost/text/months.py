"""A day as people write it, in every rulebook language: "20 лютого", "20 февраля", "20 lutego",
"20. februar", "20 fevral", "20 February", "February 20". On a remembrance day, a post that
writes the day names it as surely as one that names the event ("1 sierpnia: ceny w dół!")."""
from __future__ import annotations

from datetime import date

# the form a month takes after a day number: genitive in the Slavic languages
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "uk": ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
           "листопада", "грудня"),
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"),
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"),
    "az": ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr",
           "dekabr"),
}

# the days of the week, Monday first, as a headline names one ("declares Wednesday a day of
# mourning", «в среду», «w środę», "onsdag", "çərşənbə günü"); Azerbaijani names four of them with
# two words, whose first word alone is another day (cümə axşamı is Thursday, cümə Friday), and
# Sunday is "bazar günü": "bazar" alone is a market
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
    "uk": ("понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота", "неділя"),
    "pl": ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"),
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "az": ("bazar ertəsi", "çərşənbə axşamı", "çərşənbə", "cümə axşamı", "cümə", "şənbə", "bazar günü"),
}


# how a headline counts days ("three-day mourning", «трёхдневный траур», «три дні жалоби»,
# "trzydniowa żałoba", "tre dagers landesorg", "üç günlük matəm"): the word for days, as the end of
# a regular expression after a number, and the joining forms of numbers that the lexicon's
# `numbers` (the forms that count the dead) do not list
DAY_WORDS = {
    "en": r"[- ]days?\b",
    "ru": r"\s?(?:дн(?:я|ей)\b|дневн)",
    "uk": r"\s?(?:дн(?:і|ів)\b|денн)",
    "pl": r"\s?dni(?:owy|owa|owe|owej|ową|owego)?\b",
    "nb": r"[- ]?(?:dager|dagers|døgn|døgns)\b",
    "az": r" gün(?:lük)?\b",
}
JOINING_NUMBERS = {
    "ru": {"трёх": 3, "четырёх": 4},
    "uk": {"дво": 2, "три": 3, "чотири": 4, "п'яти": 5, "семи": 7},
    "pl": {"dwu": 2, "trzy": 3, "cztero": 4, "pięcio": 5, "sześcio": 6, "siedmio": 7},
}
MOST_DAYS = 7  # a count of days above a week is no day of mourning's length


def written_days(day: date, language: str | None) -> list[str]:
    """Every way the day is written in the language (in every known language when it is not
    known), as exact matcher terms: "=20 =лютого", "=february =20"."""
    languages = [language] if language in MONTHS else list(MONTHS)
    found = []
    for lang in languages:
        month = MONTHS[lang][day.month - 1].lower()
        found.append(f"={day.day} ={month}")
        if lang == "en":
            found += [f"={month} ={day.day}", f"={month[:3]} ={day.day}", f"={day.day} ={month[:3]}"]
    return found
