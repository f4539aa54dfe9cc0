"""Names compared across scripts and spellings.

Registrations of one person differ in script (محمد, Мухамед, Muhammad), romanisation
(Mohammed / Muhammad / Mohamad, Hussain / Hossein, Youssef / Yusuf), particles (Abdul Rahman /
Abdulrahman / Abd al-Rahman, Nasir ud-Din / Nasreddine) and order (given and family name
swapped). Three tools here make them comparable:

- ``transliterate``: any of Arabic, Persian, Urdu, Pashto, Bengali or Cyrillic script to Latin,
  as a suggestion a registration officer can edit;
- ``fold``: lower case Latin without diacritics (Šćepanović -> scepanovic);
- ``skeleton``: a consonant key that most spellings of one name share. Arabic script writes
  no short vowels, so the key keeps consonants and marks only a leading vowel; letters that
  romanisations exchange (q/k, v/w/ou, th/s, dh/z, sh/ch, kh/h, gh/g, dj/j) fold together.

Everything here is pure and deterministic: no database, no settings.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations
from typing import Any, TypeVar

# --- Transliteration ---------------------------------------------------------------------

_ARABIC_LETTERS = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ٱ": "a",
    "ء": "",
    "ؤ": "u",
    "ئ": "i",
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ٹ": "t",
    "ث": "s",
    "ج": "j",
    "چ": "ch",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ڈ": "d",
    "ذ": "z",
    "ر": "r",
    "ڑ": "r",
    "ز": "z",
    "ژ": "zh",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "z",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ک": "k",
    "ك": "k",
    "گ": "g",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ں": "n",
    "ه": "h",
    "ھ": "h",
    "ہ": "h",
    "ۀ": "a",
    "ة": "a",
    "ی": "i",
    "ي": "i",
    "ى": "a",
    "ے": "e",
    "ۍ": "ai",
    "ې": "e",
    "ښ": "kh",
    "ږ": "zh",
    "ځ": "dz",
    "څ": "ts",
    "ټ": "t",
    "ډ": "d",
    "ړ": "r",
    "ڼ": "n",
    "و": "u",
    # Sorani Kurdish writes its vowels and some consonants with letters of its own
    "ە": "e",
    "ێ": "e",
    "ۆ": "o",
    "ڕ": "r",
    "ڵ": "l",
    "ڤ": "v",
    # vowel marks, when a writer does add them
    "\u064e": "a",
    "\u064f": "u",
    "\u0650": "i",
    "\u0651": "",
    "\u0652": "",
    "\u064b": "",
    "\u064c": "",
    "\u064d": "",
    "\u0670": "a",
    "ـ": "",
}
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_BENGALI_CONSONANTS = {
    "ক": "k",
    "খ": "kh",
    "গ": "g",
    "ঘ": "gh",
    "ঙ": "ng",
    "চ": "ch",
    "ছ": "chh",
    "জ": "j",
    "ঝ": "jh",
    "ঞ": "n",
    "ট": "t",
    "ঠ": "th",
    "ড": "d",
    "ঢ": "dh",
    "ণ": "n",
    "ত": "t",
    "থ": "th",
    "দ": "d",
    "ধ": "dh",
    "ন": "n",
    "প": "p",
    "ফ": "f",
    "ব": "b",
    "ভ": "bh",
    "ম": "m",
    "য": "j",
    "র": "r",
    "ল": "l",
    "শ": "sh",
    "ষ": "sh",
    "স": "s",
    "হ": "h",
    "ড়": "r",
    "ঢ়": "rh",
    "য়": "y",
    "ৎ": "t",
    "ং": "ng",
    "ঃ": "h",
    "ঁ": "",
}
_BENGALI_VOWELS = {
    "অ": "o",
    "আ": "a",
    "ই": "i",
    "ঈ": "i",
    "উ": "u",
    "ঊ": "u",
    "ঋ": "ri",
    "এ": "e",
    "ঐ": "oi",
    "ও": "o",
    "ঔ": "ou",
}
_BENGALI_SIGNS = {
    "া": "a",
    "ি": "i",
    "ী": "i",
    "ু": "u",
    "ূ": "u",
    "ৃ": "ri",
    "ে": "e",
    "ৈ": "oi",
    "ো": "o",
    "ৌ": "ou",
    "্": "",
}

_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "ђ": "đ",
    "е": "e",
    "ж": "ž",
    "з": "z",
    "и": "i",
    "ј": "j",
    "к": "k",
    "л": "l",
    "љ": "lj",
    "м": "m",
    "н": "n",
    "њ": "nj",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "ћ": "ć",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "č",
    "џ": "dž",
    "ш": "š",
    "й": "j",
    "ы": "y",
    "э": "e",
    "ю": "ju",
    "я": "ja",
    "ё": "jo",
    "щ": "šč",
    "ъ": "",
    "ь": "",
    "є": "je",
    "і": "i",
    "ї": "ji",
    "ґ": "g",
}


def _is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f"


def _is_bengali(char: str) -> bool:
    return "\u0980" <= char <= "\u09ff"


# Words written as one with "Allah": Rahmat Allah, Sami Ullah.
_GOD = {"الله", "اللہ", "اللّه", "اللّٰه"}
# Names that begin with the letters of the article but are not "al-" + name.
_NOT_ARTICLE = {"الیاس", "الياس", "الهام", "الناز", "الهه", "الماس", "الیکا"}
# Latin letters that, followed by h, would read as one sound (sh, zh, kh, ...), which in
# Arabic script is a letter of its own: س followed by ه is "s-h" (Sohail), never ش. (Not
# t and d: Fathi, Medhat and Adham are written with "th" and "dh" in Latin too; and not the
# Urdu ھ, which marks an aspirate that Latin writes the same way: Sandhu, Ghuman.)
_BEFORE_H = tuple("szkgcp")


def _arabic_word(word: str) -> str:
    """One Arabic-script word in Latin letters, with the long vowels the script shows."""
    if word in _GOD:
        return "ullah"
    out: list[str] = []
    letters = list(word)
    for index, char in enumerate(letters):
        if char == "و" or char in "یيى":
            # A leading waw/ya is a consonant; inside a word it is usually a long vowel.
            vowel = "u" if char == "و" else "i"
            consonant = "w" if char == "و" else "y"
            out.append(consonant if index == 0 else vowel)
        elif char == "ع":
            out.append("a")  # ain sounds as a vowel to Latin ears: Abd, Usman, Jafar, Aziz
        elif char in "هةہ" and index == len(letters) - 1 and index > 0:
            out.append("a")  # final ta marbuta / silent he: Fatima, Zahra, Hamza
        elif char in "هحہ" and out and out[-1].endswith(_BEFORE_H):
            out.append("ah")  # Sohail, Zahra, Sepehr: not "sh", "zh", "ph"
        else:
            out.append(_ARABIC_LETTERS.get(char, char))
    latin = "".join(out)
    # The article al- written joined to the next word: الرحمن -> al-rhmn
    if word.startswith("ال") and len(word) > 3 and word not in _NOT_ARTICLE:
        latin = "al-" + latin[2:]
    return latin


_NUKTA = "\u09bc"  # য় ড় ঢ় are written as the letter and this dot (Unicode keeps them apart)
_VIRAMA = "্"
# A consonant joined under another (after the virama) as a "phala": স্ব is "sw", not "sb".
_PHALA = {"ব": "w", "য": "y"}


def _bengali_word(word: str) -> str:
    out: list[str] = []
    letters = [
        # the letter with its nukta as one: য় (y), not য (j) and a dot
        char + _NUKTA if index + 1 < len(word) and word[index + 1] == _NUKTA else char
        for index, char in enumerate(word)
        if char != _NUKTA
    ]
    for index, char in enumerate(letters):
        if char in _BENGALI_CONSONANTS:
            joined = index > 0 and letters[index - 1] == _VIRAMA and char in _PHALA
            out.append(_PHALA[char] if joined else _BENGALI_CONSONANTS[char])
            following = letters[index + 1] if index + 1 < len(letters) else ""
            # The inherent vowel: kept unless a sign or virama follows or the word ends.
            if following and following not in _BENGALI_SIGNS and following != _VIRAMA:
                out.append("o" if index == 0 else "a")
        elif char in _BENGALI_VOWELS:
            out.append(_BENGALI_VOWELS[char])
        elif char in _BENGALI_SIGNS:
            out.append(_BENGALI_SIGNS[char])
        else:
            out.append(char)
    return "".join(out)


def transliterate(text: str) -> str:
    """A Latin rendering of ``text`` to suggest to the officer (who may correct it).

    Latin input comes back unchanged; Cyrillic follows the Bosnian/Serbian Latin alphabet.
    """
    text = unicodedata.normalize("NFC", text.translate(_ARABIC_DIGITS))
    words = []
    for word in re.split(r"(\s+|-)", text):
        if any(_is_arabic(char) for char in word):
            words.append(_arabic_word(word))
        elif any(_is_bengali(char) for char in word):
            words.append(_bengali_word(word))
        else:
            words.append("".join(_cyrillic_char(char) for char in word))
    latin = "".join(words)
    return " ".join(part.capitalize() if part.islower() else part for part in latin.split(" "))


def _cyrillic_char(char: str) -> str:
    lower = char.lower()
    if lower not in _CYRILLIC:
        return char
    latin = _CYRILLIC[lower]
    return latin.capitalize() if char != lower else latin


# --- Folding and keys ---------------------------------------------------------------------

_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
_SPECIAL_FOLDS = str.maketrans({"đ": "dj", "ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "ı": "i"})


def fold(text: str) -> str:
    """Lower-case Latin without diacritics: ``Šćepanović`` -> ``scepanovic``.

    Non-Latin scripts are transliterated first, so any input folds to ``[a-z0-9 ]``.
    """
    if text.isascii():
        # Nothing to transliterate or strip: the common case, and search before register
        # folds hundreds of candidates' names per keystroke pause.
        return _NOT_ALPHANUMERIC.sub(" ", text.lower()).strip()
    latin = transliterate(text).lower().translate(_SPECIAL_FOLDS)
    decomposed = unicodedata.normalize("NFKD", latin)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_ALPHANUMERIC.sub(" ", stripped).strip()


# Words that abbreviate or stand for Muhammad in registrations (Bangladesh: "Md.").
_ABBREVIATIONS = {
    "md": "muhammad",
    "mohd": "muhammad",
    "muhd": "muhammad",
    "mhd": "muhammad",
    "mohmmad": "muhammad",
}
# Genealogical particles: "son/daughter of", dropped from keys.
_PARTICLES = {"bin", "ibn", "ben", "bint", "bn", "walad", "ould", "s o", "d o"}
# Articles written before a name: Al-Hashimi = Hashimi for comparison.
_ARTICLES = (
    "al",
    "el",
    "ul",
    "ol",
    "ad",
    "ud",
    "ed",
    "as",
    "us",
    "es",
    "ar",
    "ur",
    "er",
    "at",
    "ut",
    "az",
    "uz",
    "an",
    "un",
    "ash",
    "esh",
    "al-",
    "el-",
)
# Names that join with the next word: Abdul Rahman = Abdulrahman = Abd al-Rahman.
_JOINS_NEXT = re.compile(r"^(abd|abdu|abdul|abdel|abdal|abdol|abdur|abdus|abdou|abid)$")
# Second elements that join the previous word: Nasir ud-Din = Nasiruddin = Nasreddine.
_JOINS_PREVIOUS = {
    "din",
    "deen",
    "dine",
    "dinne",
    "allah",
    "ullah",
    "ulla",
    "olah",
    "ollah",
    "eddine",
    "eddin",
    "uddin",
    "uddeen",
    "addin",
}


def name_tokens(text: str) -> list[str]:
    """Folded words of a name with particles merged the way romanisations differ.

    >>> name_tokens("Abd al-Rahman bin Nasir ud-Din")
    ['abdrahman', 'nasirdin']
    """
    words = fold(text).split()
    words = [_ABBREVIATIONS.get(word, word) for word in words]
    tokens: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in _PARTICLES:
            index += 1
            continue
        if _JOINS_NEXT.match(word) and index + 1 < len(words):
            nxt = index + 1
            if words[nxt] in _ARTICLES and nxt + 1 < len(words):
                nxt += 1
            tokens.append("abd" + _strip_article(words[nxt]))
            index = nxt + 1
            continue
        if word.startswith("abd") and len(word) > 5:
            tokens.append(
                "abd" + _strip_article(re.sub(r"^abd(ul|el|al|ol|ur|us|u|ou)?", "", word))
            )
            index += 1
            continue
        if word in _ARTICLES and index + 1 < len(words) and tokens:
            # "ud din", "ur rahman": an article between two parts of one name
            following = words[index + 1]
            if following in _JOINS_PREVIOUS:
                tokens[-1] += following
                index += 2
                continue
        if word in _JOINS_PREVIOUS and tokens:
            tokens[-1] += word
            index += 1
            continue
        if word in _ARTICLES and index + 1 < len(words):
            index += 1  # Al Hashimi = Hashimi
            continue
        stripped = _strip_article(word)
        if stripped:
            tokens.append(stripped)
        index += 1
    return tokens


def _strip_article(word: str) -> str:
    for article in ("al", "el"):
        if (
            word.startswith(article)
            and len(word) > len(article) + 3
            and word
            not in {
                "alam",
                "ali",
                "alia",
                "aliya",
                "elias",
                "elham",
                "elena",
                "alex",
                "alexander",
                "alberto",
                "alain",
                "albert",
                "elif",
                "almaz",
                "alisher",
            }
        ):
            # "alhashimi" -> "hashimi" only for a clear prefix followed by a consonant cluster
            rest = word[len(article) :]
            if rest[0] not in "aeiouy" and not rest.startswith(("i", "l")):
                return rest
    return word


_SKELETON_RULES = (
    (re.compile(r"sch|sh|ch|zh|j"), "j"),  # French "ch" and English "sh" for ش; dj/j for ج
    (re.compile(r"dj|dzh|dz"), "j"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"th"), "s"),  # Othman / Usman: ث
    (re.compile(r"dh"), "z"),  # ذ
    (re.compile(r"ph"), "f"),
    (re.compile(r"c(?=[eiy])"), "s"),  # French spellings: Hocine = Hussein
    (re.compile(r"ck|q|c|k"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"[vw]"), "u"),  # Vahid / Wahid, Oualid / Walid
)


KEY_LENGTH = 64  # NameKey.key's max_length

_GOD_SUFFIX = re.compile(r"(ullah|ulla|ollah|olah|allah|alla|ulloh)$")


def skeleton(token: str) -> str:
    """The consonant key of one folded name token.

    >>> [skeleton(t) for t in ("mohammed", "muhammad", "mohamad", "mhmd")]
    ['mhmd', 'mhmd', 'mhmd', 'mhmd']
    """
    suffix = _GOD_SUFFIX.search(token)
    if suffix and suffix.start() >= 3 and not token.startswith("abd"):
        # Zabihullah / Zabiullah / Zabih Ullah: the stem's key plus the suffix's
        return (skeleton(token[: suffix.start()]) + "l")[:32]
    word = token
    for pattern, replacement in _SKELETON_RULES:
        word = pattern.sub(replacement, word)
    if not word:
        return ""
    lead = ""
    if word[0] in "aeiou":
        lead = "a"
    elif word[0] == "y":
        lead, word = "y", word[1:]
    body = re.sub(r"[aeiouy]", "", word)
    if len(body) > 1 and body.endswith("h"):
        body = body[:-1]  # Fatimah / Fatima, Allah / Alla
    body = re.sub(r"(.)\1+", r"\1", body)
    key = (lead + body) or token[:1]
    return key[:32]


def name_keys(text: str) -> list[str]:
    """Skeleton keys of every token of a name, in order, without repeats."""
    keys: list[str] = []
    for token in name_tokens(text):
        key = skeleton(token)
        if key and key not in keys:
            keys.append(key)
    return keys


def typed_name_keys(text: str) -> list[str]:
    """Single keys of a name typed as one text, from all the name fields joined.

    First the keys of the text read as one name, then those of each word on its own: a
    registration keys each field apart, so given name "Mustafa" and family name "Uddin"
    are ``mstf`` and ``adn`` there, while "Mustafa Uddin" typed as one text reads as one
    name, Mustafauddin (as "Nasir ud-Din" should). Articles and particles typed as words
    of their own add nothing.
    """
    keys = name_keys(text)
    for word in fold(text).split():
        if word in _ARTICLES or word in _PARTICLES:
            continue
        for key in _part_keys(word):
            if key not in keys:
                keys.append(key)
    return keys


def search_keys(parts: Iterable[str]) -> set[str]:
    """Single and pair keys of a set of name parts; what a person is found by.

    Pairs ("hsn+mhmd") make two-name searches selective at a million records; they are
    unordered, so a swapped given and family name gives the same pair.
    """
    singles: list[str] = []
    for part in parts:
        for key in _part_keys(part):
            if key not in singles:
                singles.append(key)
    return set(singles) | pair_keys(singles)


def pair_keys(singles: list[str]) -> set[str]:
    """Unordered pairs of the first six single keys: ``hsn+mhmd``."""
    return {"+".join(sorted(pair)) for pair in combinations(singles[:6], 2)}


@lru_cache(maxsize=1 << 16)
def _part_keys(part: str) -> tuple[str, ...]:
    # The same few thousand names recur across a registry; folding and transliterating
    # them is most of the cost of keying a million records.
    return tuple(name_keys(part)) if part else ()


def is_placeholder_date(day: date) -> bool:
    """01.01 is what registrations write when only the year is known."""
    return (day.month, day.day) == (1, 1)


def dated_keys(singles: Iterable[str], born: date | None) -> set[str]:
    """Single keys qualified by the birth year and, unless it is a 01.01 placeholder, the
    date: ``mhmd@1995``, ``mhmd@1995-03-12``.

    Among a million records one common name has tens of thousands of holders, but few born
    in a given year and fewer on a given day; these keys let a search by one name (the
    other left out, misspelt or romanised differently) and a date of birth go straight to
    them through the index.
    """
    if not isinstance(born, date):
        return set()
    keys = set()
    for single in singles:
        keys.add(f"{single}@{born.year:04d}")
        if not is_placeholder_date(born):
            keys.add(f"{single}@{born.isoformat()}")
    return keys


def person_name_keys(person: Any) -> set[str]:
    """The search keys of a Person (or anything with the same name and birth date
    attributes): single and pair keys of the names, and the single keys with the date of
    birth (``dated_keys``)."""
    parts = [
        getattr(person, field, "") or ""
        for field in (
            "given_name",
            "family_name",
            "father_name",
            "given_name_original",
            "family_name_original",
            "father_name_original",
        )
    ]
    keys = search_keys(parts)
    born = getattr(person, "birth_date", None)
    keys |= dated_keys([key for key in keys if "+" not in key], born)
    return {key[:KEY_LENGTH] for key in keys}


def _sorted_words(name: str) -> str:
    return " ".join(sorted(fold(name).split()))


def identity_score(
    typed_name: str,
    record_name: str,
    typed_birth: date | None,
    record_birth: date | None,
    typed_nationality: str,
    record_nationality: str,
) -> float:
    """How much a candidate looks like what was typed, beyond sharing name keys (0 to 6).

    Name: closeness of the folded, sorted words (order and script do not matter), up to 2.
    Date of birth: the same date 3 (1.5 when it is a 01.01 placeholder), day and month
    swapped 1.5, the same year or a year off 1. Nationality 1.
    """
    return 2 * _closeness(_sorted_words(typed_name), _sorted_words(record_name)) + _agreement(
        typed_birth, record_birth, typed_nationality, record_nationality
    )


def _closeness(typed_words: str, record_words: str) -> float:
    if not typed_words or not record_words:
        return 0.0
    return SequenceMatcher(None, typed_words, record_words).ratio()


def _closeness_bound(typed_letters: Counter[str], typed_words: str, record_words: str) -> float:
    # The letters two names share bound SequenceMatcher's ratio from above, at a
    # fraction of its cost.
    if not typed_words or not record_words:
        return 0.0
    shared = sum((typed_letters & Counter(record_words)).values())
    return 2 * shared / (len(typed_words) + len(record_words))


def _agreement(
    typed_birth: date | None,
    record_birth: date | None,
    typed_nationality: str,
    record_nationality: str,
) -> float:
    score = 0.0
    if typed_birth and record_birth:
        placeholder = (1, 1) in {
            (typed_birth.month, typed_birth.day),
            (record_birth.month, record_birth.day),
        }
        swapped = (typed_birth.month, typed_birth.day) == (record_birth.day, record_birth.month)
        if typed_birth == record_birth:
            score += 1.5 if placeholder else 3
        elif typed_birth.year == record_birth.year:
            score += 1.5 if swapped else 1
        elif abs(typed_birth.year - record_birth.year) == 1:
            score += 1
    if typed_nationality and typed_nationality.upper() == record_nationality:
        score += 1
    return score


Candidate = TypeVar("Candidate", bound=Hashable)


def best_by_identity(
    typed_name: str,
    typed_birth: date | None,
    typed_nationality: str,
    candidates: Iterable[tuple[Candidate, float, str, date | None, str]],
    keep: int,
) -> list[tuple[Candidate, float]]:
    """The ``keep`` best of (candidate, score so far, name, date of birth, nationality),
    by score so far plus ``identity_score``, best first (ties in the order given).

    The same choice as scoring every candidate, but names are compared only while a
    candidate could still enter the best ``keep``: the letters two names share bound
    their closeness, and most candidates of a common name fall short of it.
    """
    typed_words = _sorted_words(typed_name)
    typed_letters = Counter(typed_words)
    bounded = []
    for index, (candidate, so_far, name, birth, nationality) in enumerate(candidates):
        agreement = _agreement(typed_birth, birth, typed_nationality, nationality)
        words = _sorted_words(name)
        bound = so_far + (2 * _closeness_bound(typed_letters, typed_words, words) + agreement)
        bounded.append((bound, index, so_far, agreement, words, candidate))
    bounded.sort(key=lambda item: (-item[0], item[1]))
    best: list[tuple[float, int, Candidate]] = []  # a min-heap of the best exact scores
    for bound, index, so_far, agreement, words, candidate in bounded:
        if len(best) >= keep and bound < best[0][0]:
            break  # the rest are bounded lower still
        score = so_far + (2 * _closeness(typed_words, words) + agreement)
        item = (score, -index, candidate)
        if len(best) < keep:
            heapq.heappush(best, item)
        elif item > best[0]:
            heapq.heapreplace(best, item)
    return [(candidate, score) for score, _, candidate in sorted(best, reverse=True)]
