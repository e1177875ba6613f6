"""Whether two names are one place, in another form, language or script: the story's town as
a post writes it (Kyiv ~ Києві, Бинагади ~ Binəqədi, Крыму ~ Крымском)."""
from __future__ import annotations

import re

SAME_OPENING = 3  # letters two place names share when one is the other, or named after it


def alike(town: str, place: str) -> bool:
    """The same place, or one named after it, in another form or language: a shared opening of
    three letters, with the vowels Russian and Ukrainian spell differently taken as one (Крыму ~
    Крымском, Суми ~ Сумщині, Киев ~ Київ), and a name in Latin letters read as its Cyrillic one
    sounds (#Odesa ~ Одесі, Kharkiv ~ Харкові). Taking two towns for one only keeps a post in the
    story."""
    if bool(_CYRILLIC_LETTER.match(town)) != bool(_CYRILLIC_LETTER.match(place)):
        return not _sounds(town).isdisjoint(_sounds(place))
    return opening(town) == opening(place)


def _sounds(name: str) -> set[str]:
    """How a name may sound: a name in Latin letters may also be Azerbaijani, whose q is the
    Russian г and c the дж (Binəqədi ~ Бинагади, Gəncə ~ Гянджа, Bakı ~ Баку)."""
    folded = name.casefold().replace("\u0307", "")
    readings = {folded.translate(_TO_LATIN)}
    if not _CYRILLIC_LETTER.match(name):
        readings.add(folded.translate(_AZERBAIJANI_TO_LATIN))
    return {_sound(reading) for reading in readings}


def _sound(latin: str) -> str:
    """The opening consonants of a name as it sounds in Latin letters: vowels and the letters
    that vary between transliterations and case forms left out (Kyiv ~ Київ ~ Києві, Lviv ~
    Львові, Horlivka ~ Горловке, Moscow ~ Москве, Yalta ~ Ялте)."""
    latin = latin.replace("kh", "x").replace("h", "g").replace("c", "k")
    latin = re.sub(r"^[yj](?=[aeiou])", "", latin)
    skeleton = latin[:1] + re.sub(r"[aeiouy\W]", "", latin[1:])
    return re.sub(r"(.)\1+", r"\1", skeleton)[:SAME_OPENING]


def opening(name: str, letters: int = SAME_OPENING) -> str:
    """The name's first letters, the vowels Russian and Ukrainian spell differently taken as one."""
    return name.casefold().translate(_FOLDED)[:letters]


_FOLDED = str.maketrans("еєиіїыёłóąę", "иииииииloae")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_TO_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "", "’": "", "ł": "l", "ó": "o", "ą": "a", "ę": "e", "q": "k",
    "ń": "n", "ś": "s", "ź": "z", "ż": "zh", "ć": "ts", "w": "v"})
_AZERBAIJANI_TO_LATIN = str.maketrans({"ə": "a", "ı": "i", "ö": "o", "ü": "u", "ş": "sh", "ç": "ch", "ğ": "g",
                                       "q": "g", "c": "dzh", "j": "zh"})
