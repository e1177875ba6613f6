"""Russian written in Latin letters, read back: "Vzryvnye skidki" is «Взрывные скидки». People
type it where a keyboard has no Cyrillic, and a filter that reads only Cyrillic reads nothing."""
from __future__ import annotations

import re

_SOUNDS = {"shch": "щ", "sch": "щ", "zh": "ж", "kh": "х", "ch": "ч", "sh": "ш", "ts": "ц", "yo": "е", "jo": "е",
           "yu": "ю", "ju": "ю", "ya": "я", "ja": "я", "ye": "е", "je": "е",
           **dict(zip("abvgdezijklmnoprstufhxcwq'", "абвгдезийклмнопрстуфххцвкь"))}  # "y" depends on its place
_SPELLING = re.compile("|".join(sorted((spelling for spelling in _SOUNDS if len(spelling) > 1), key=len, reverse=True))
                       + "|.")
LATIN_VOWELS = frozenset("aeiouy")
ENGLISH_WORD = 2.0  # Zipf in English from which a Latin word is English (eBay, Huawei), not Russian
# short Russian words spelled as English ones, read back all the same: "net zhivoy muzyki" is «нет
# живой музыки», a promotion taken back, and "my skorbim" is «мы скорбим»
FUNCTION_WORDS = {"net": "нет", "ne": "не", "ni": "ни", "my": "мы"}


def russian_by_sound(word: str, ye_after_consonant: str = "е") -> str:
    """The usual Latin spelling of Russian read back: "ohuennye" -> "охуенне"; "y" is "й" after a
    vowel or at the end, else "ы". After a consonant "ye" may be the adjective's "ые" ("novye")."""
    def letter(m: re.Match) -> str:
        previous = word[m.start() - 1] if m.start() else ""
        if m.group() == "ye" and previous and previous not in LATIN_VOWELS:
            return ye_after_consonant
        return _SOUNDS.get(m.group()) or ("й" if m.end() == len(word) or previous in LATIN_VOWELS else "ы")

    return _SPELLING.sub(letter, word)


def russian_readings(word: str) -> tuple[str, ...]:
    """Each way a Latin-lettered word may be Russian, most usual first: a final "y" after a
    consonant is also the plural's "ы" ("smartfony"), and "ts" also "тс" ("Irkutsk", "detskiy")."""
    readings = [russian_by_sound(word), russian_by_sound(word, "ые")]
    if "ts" in word:
        readings.append("тс".join(russian_by_sound(part) for part in word.split("ts")))
    if len(word) > 1 and word.endswith("y") and word[-2] not in LATIN_VOWELS:
        readings.append(readings[0][:-1] + "ы")
    return tuple(dict.fromkeys(readings))
