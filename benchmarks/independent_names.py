"""A name inventory for benchmark data, written apart from Waypoint's own generator.

Waypoint's record-linkage engine was tuned on the project's synthetic people; judged only on
them it looks better than it is. This module is a second, independent source of names for the
benchmark generators ``independent_registry.py`` and ``migrant_like.py``: it imports nothing
from ``waypoint`` and shares no name list with it.

Names are stored once, in a canonical phonemic notation, and clerks' spellings are produced
from it by rules, the way spellings really arise (a clerk hears a name, or reads it from a
document in another script, and writes it down in the conventions he knows):

- letters: ``aa ii uu`` long vowels, ``ee oo`` Urdu/Kurdish long e/o, ``ay aw`` diphthongs;
  capitals are the Arabic emphatics ``H S D T Z`` (ha, sad, dad, ta, za), ``E`` is ain,
  ``'`` hamza, ``th dh kh gh sh zh ch`` one sound each, ``q`` qaf, ``@`` ta marbuta
  (Fatima/Fatimah/Fatemeh); a doubled consonant is geminate;
- ``_`` a space inside one name, ``al-`` the article (alone: al-Hasan/Al Hasan/El-Hasan/
  Hasan; after a word, the construct: Abdul Rahman/Abdulrahman/Abdurrahman/Abdel Rahman/
  Abd al-Rahman/Abderrahmane/Abdolrahman; Nooruddin/Nour Eddine/Nur al-Din), ``+`` a joint a
  clerk may close, space or hyphenate (Rahmatullah/Rahmat Ullah, Hosseinzadeh/Hossein-Zadeh),
  ``~`` a joint always closed (Ahmadzai), ``|`` separates letters (``d|h`` is an aspirated d,
  not dhal).

A *style* is a clerk's convention: English transcription, Egyptian (g for jim), French
Maghreb (ou, ch, dj, final -ane), Persian (e/o, v, gh for qaf), Dari, Urdu English,
Bangladeshi English (o for a, Md.), Nepali/Indian, Kurmanji (x, ş, c, î), Sorani English
and a Bosnian clerk writing by ear (dž, š, č, j for y; often without diacritics). Every
style offers weighted choices per letter and per context (final ii, first i, s between
vowels, article, construct, joint, doubling, capitals). A *profile* fixes one choice for each
(one clerk's habit, consistent within a record); each style has ``PROFILES_PER_STYLE``
profiles, the first of which takes the most likely choice everywhere (the canonical
romanisation). Names are also written in their own script: Arabic, Perso-Arabic (AFG, IRN,
PAK), Sorani Kurdish and Bengali, from the same notation.

Turkish, Cuban and Burundian names are stored in their own Latin orthography and vary by
substitution (ş/s/sh, é/e, Jean-Claude/Jean Claude).

Frequencies are Zipfian by list rank (weight 1/rank^s), so Mohammad, Ali and Ahmad are
common and namesakes are common too; men of AFG/PAK/BGD often carry Mohammad as a first
given name as well.
"""

from __future__ import annotations

import random
import unicodedata
from bisect import bisect
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

PROFILES_PER_STYLE = 10

VOWELS = frozenset({"a", "i", "u", "e", "o", "aa", "ii", "uu", "ee", "oo", "ay", "aw"})
_DIGRAPHS = frozenset({"aa", "ii", "uu", "ee", "oo", "ay", "aw"}) | frozenset(
    {"th", "kh", "dh", "sh", "zh", "gh", "ch"}
)
_VOWEL_LETTERS = frozenset("aiueo")
# Letters the article assimilates to (ar-Rahman, ad-Din, ash-Shami).
_SUN = frozenset({"t", "th", "d", "dh", "r", "z", "s", "sh", "S", "D", "T", "Z", "l", "n"})


def tokens(part: str) -> tuple[str, ...]:
    """The sounds of one part of a name, longest match first; ``ay``/``aw`` are a diphthong
    only before a consonant (``ayyuub`` is a + yy, ``ayman`` starts with a diphthong)."""
    out: list[str] = []
    index = 0
    while index < len(part):
        letter = part[index]
        if letter == "|":
            index += 1
            continue
        if part[index : index + 2] == "a@":  # the a of ta marbuta is part of it
            out.append("@")
            index += 2
            continue
        pair = part[index : index + 2]
        if pair in _DIGRAPHS:
            following = part[index + 2 : index + 3]
            if pair in ("ay", "aw") and following and following in _VOWEL_LETTERS | {pair[1]}:
                out.append("a")
                index += 1
                continue
            out.append(pair)
            index += 2
            continue
        out.append(letter)
        index += 1
    return tuple(out)


def _choices(spec: str) -> tuple[tuple[str, float], ...]:
    """``"a:6 e:4"`` → (("a", 6), ("e", 4)); ``_`` writes a space, ``:3`` an empty choice."""
    out = []
    for item in spec.split():
        text, weight = item.rsplit(":", 1)
        out.append((text.replace("_", " "), float(weight)))
    return tuple(out)


# Letters every style writes as themselves unless it says otherwise.
_PLAIN_LETTERS = (
    "a", "i", "u", "e", "o", "b", "p", "t", "th", "j", "ch", "d", "dh", "r", "z", "zh", "s",
    "sh", "kh", "gh", "f", "q", "k", "g", "l", "m", "n", "h", "w", "y", "v",
)  # fmt: skip
_BASE: dict[str, str] = {
    **{letter: f"{letter}:1" for letter in _PLAIN_LETTERS},
    "aa": "a:1",
    "^a": "a:1",
    "ii": "i:1",
    "uu": "u:1",
    "ee": "e:1",
    "oo": "o:1",
    "ay": "ay:1",
    "aw": "aw:1",
    "H": "h:1",
    "S": "s:1",
    "D": "d:1",
    "T": "t:1",
    "Z": "z:1",
    "E": ":1",
    "'": ":1",
    "@": "a:1",
    "GEM": "2:1",
    "ART": "al-:1",
    "ASSIM": "0:1",
    "CON": "|u|0|_:1",
    "JOINT": "_:1",
    "CASE": "t:1",
    "sV": "s:1",
    "aan$": ":1",
    "FOLD": "0:1",
}

# Each style overrides the base; keys ending in $ are word-final, ^ word-initial.
_STYLES: dict[str, dict[str, str]] = {
    "english": {
        "i": "i:8 e:2", "u": "u:7 o:3", "aa": "a:9 aa:1",
        "ii": "i:7 ee:3", "ii$": "i:6 y:2 ee:1 ie:1", "uu": "u:6 ou:2 oo:2",
        "ay": "ay:4 ai:3 ei:2 ey:1", "aw": "aw:5 ou:3 ow:2", "th": "th:7 s:2 t:1",
        "dh": "dh:5 th:2 z:2 d:1", "D": "d:7 dh:2 z:1", "Z": "z:6 dh:3 th:1",
        "q": "q:7 k:3", "kh": "kh:9 h:1", "E": ":8 ':2", "'": ":7 ':3",
        "@": "a:6 ah:3 eh:1", "GEM": "2:7 1:3", "ART": "al-:3 Al-:3 Al_:2 El_:1 :1",
        "ASSIM": "0:7 1:3", "CON": "|u|0|_:5 |u|0|:3 |u|1|:1 _|a|0|-:1 |e|0|_:1",
        "JOINT": ":5 _:4 -:1", "CASE": "t:7 u:3", "sV": "s:8 ss:2",
    },
    "egypt": {
        "a": "a:7 e:3", "i": "e:6 i:4", "u": "o:6 u:4", "aa": "a:1", "ii": "i:7 ee:3",
        "ii$": "y:5 i:5", "uu": "ou:5 o:3 u:2", "ay": "ei:4 e:3 ai:3", "aw": "aw:4 ou:4 o:2",
        "j": "g:8 j:2", "th": "s:5 t:3 th:2", "dh": "z:6 d:3 dh:1", "D": "d:8 z:2",
        "Z": "z:7 d:3", "q": "q:6 k:4", "E": ":9 ':1", "'": ":7 ':3", "@": "a:7 ah:3",
        "GEM": "2:6 1:4", "ART": "El-:3 El_:4 el-:2 Al-:1", "ASSIM": "0:6 1:4",
        "CON": "|e|0|:4 |e|0|_:4 |u|0|_:1 |a|0|:1", "JOINT": ":5 _:5", "CASE": "t:6 u:4",
    },
    "maghreb": {
        "a": "a:7 e:3", "i": "i:6 e:4", "u": "ou:6 o:3 u:1", "aa": "a:1",
        "ii": "i:8 ie:1 y:1", "ii$": "i:9 y:1", "uu": "ou:9 u:1", "ay": "ai:5 ei:3 ay:2",
        "aw": "aou:4 ou:4 aw:2", "j": "dj:5 j:5", "sh": "ch:8 sh:2", "kh": "kh:7 h:3",
        "gh": "gh:7 rh:3", "q": "k:6 q:3 g:1", "th": "t:6 th:4", "dh": "d:6 dh:4",
        "D": "d:8 dh:2", "Z": "d:6 z:4", "w": "ou:7 w:3", "y": "y:7 i:3", "E": ":9 ':1",
        "'": ":1", "sV": "ss:7 s:2 c:1", "@": "a:8 ah:1 e:1", "GEM": "2:5 1:5",
        "ART": "El_:4 El-:2 :3 El:1", "ASSIM": "1:6 0:4",
        "CON": "|e|1|:4 |e|0|:3 _|e|1|:2 |a|0|_:1", "JOINT": ":5 _:5", "aan$": "e:8 :2",
        "CASE": "t:5 u:5",
    },
    "persian": {
        "a": "a:9 e:1", "i": "e:8 i:2", "u": "o:8 u:2", "aa": "a:9 aa:1",
        "ii": "i:8 ee:2", "ii$": "i:8 y:1 ee:1", "uu": "u:5 ou:3 oo:2",
        "ay": "ei:6 ey:3 ay:1", "aw": "ow:5 ou:3 o:2", "th": "s:1", "dh": "z:1", "D": "z:1",
        "Z": "z:1", "q": "gh:7 q:3", "w": "v:9 w:1", "E": ":7 ':3", "'": ":3 e:4 ':1 y:2",
        "@": "e:5 eh:5", "GEM": "2:5 1:5", "ART": ":5 al-:3 Al-:2", "ASSIM": "0:8 1:2",
        "CON": "|o|0|:5 |o|0|_:1 |a|0|:2 |u|0|:2", "JOINT": ":5 -:3 _:2", "CASE": "t:8 u:2",
        "sV": "s:7 ss:3",
    },
    "dari": {
        "i": "i:7 e:3", "u": "u:6 o:4", "ii": "i:6 ee:4", "ii$": "i:7 y:1 ee:2",
        "uu": "u:5 oo:5", "ay": "ai:4 ay:4 ei:2", "aw": "aw:5 o:3 ow:2", "th": "s:1",
        "dh": "z:1", "D": "z:8 d:2", "Z": "z:1", "q": "q:6 gh:2 k:2", "w": "w:7 v:3",
        "E": ":8 ':2", "'": ":5 e:3 ':2", "@": "a:8 ah:2", "GEM": "2:5 1:5",
        "ART": ":7 al-:2 Al-:1", "CON": "|u|0|_:5 |u|0|:4 |o|0|:1", "JOINT": ":6 _:4",
        "CASE": "t:6 u:4",
    },
    "pakistan": {
        "aa": "a:9 aa:1", "ii": "ee:6 i:4", "ii$": "i:5 ee:3 y:2", "uu": "oo:6 u:4",
        "ay": "ai:6 ay:2 ei:2", "aw": "au:5 ou:3 o:2", "th": "s:1", "dh": "z:8 dh:2",
        "D": "z:1", "Z": "z:1", "q": "q:8 k:2", "w": "w:7 v:3", "'": ":6 ':2 e:2",
        "@": "a:8 ah:2", "GEM": "2:6 1:4", "ART": ":8 al-:2",
        "CON": "|u|0|_:5 |u|0|:4 |u|1|:1", "JOINT": ":6 _:4", "CASE": "t:5 u:5",
    },
    "bengali": {
        "a": "a:6 o:4", "u": "u:5 o:5", "ii": "i:7 ee:3", "ii$": "i:6 y:3 ee:1",
        "uu": "u:6 oo:4", "ay": "ai:6 oi:2 ay:2", "aw": "ow:5 ou:5", "th": "s:1",
        "dh": "z:1", "D": "z:1", "Z": "z:1", "q": "k:6 q:4", "kh": "kh:6 k:4",
        "z": "z:7 j:3", "aa$": "a:6 ah:4", "GEM": "2:7 1:3", "ART": ":9 al-:1",
        "CON": "|u|1|_:4 |u|0|_:3 |u|0|:2 |u|1|:1", "JOINT": ":5 _:5", "CASE": "u:6 t:4",
    },
    "indic": {
        "aa": "a:8 aa:2", "ii": "i:6 ee:4", "ii$": "i:7 ee:2 y:1", "uu": "u:7 oo:3",
        "ay": "ai:7 ay:2 ei:1", "aw": "au:6 ou:4", "sh": "sh:7 s:3", "w": "v:6 w:2 b:2",
        "v": "v:6 b:4", "q": "k:1", "GEM": "2:7 1:3", "JOINT": ":7 _:3", "CASE": "t:5 u:5",
    },
    "bosnian": {
        "ay": "aj:7 ej:3", "aw": "av:7 au:3", "j": "dž:1", "ch": "č:1",
        "sh": "š:1", "zh": "ž:1", "y": "j:1", "kh": "h:1", "th": "t:6 s:4", "dh": "z:6 d:4",
        "D": "d:6 z:4", "q": "k:1", "gh": "g:6 h:4", "w": "v:1", "GEM": "1:8 2:2",
        "ART": ":5 el-:3 al-:2", "ASSIM": "1:5 0:5", "CON": "|u|1|:4 |u|0|:3 |u|0|_:2 |e|0|:1",
        "JOINT": ":6 _:4", "CASE": "t:4 u:6", "FOLD": "0:6 1:4",
    },
    "kurmanji": {
        "a": "a:7 e:3", "^a": "a:5 e:5", "ee": "ê:7 e:3", "ii": "î:6 i:4", "uu": "û:6 u:4",
        "kh": "x:7 kh:3",
        "sh": "ş:7 sh:3", "ch": "ç:7 ch:3", "j": "c:6 j:4", "zh": "j:7 zh:3", "th": "s:1",
        "dh": "z:1", "D": "z:1", "gh": "x:5 gh:5", "@": "e:7 a:3", "GEM": "1:6 2:4",
        "ART": ":8 el-:2", "ASSIM": "1:1", "CON": "|e|1|:5 |u|0|_:5", "JOINT": ":7 _:3",
        "FOLD": "0:5 1:5", "CASE": "t:6 u:4",
    },
    "sorani": {
        "i": "i:8 e:2", "u": "u:7 o:3", "ii": "i:7 ee:3", "uu": "u:6 oo:4",
        "ay": "ay:5 ai:5", "ee": "e:6 ee:4", "th": "s:1", "dh": "z:1", "D": "z:1",
        "q": "q:7 k:3", "kh": "kh:8 x:2", "@": "a:5 e:5", "GEM": "2:5 1:5",
        "ART": ":7 al-:3", "CON": "|u|0|_:5 |e|1|:5", "JOINT": ":6 _:4", "CASE": "t:6 u:4",
    },
}  # fmt: skip

# Names clerks write in a fixed form of their own, not by letter rules.
_OVERRIDES: dict[str, dict[str, str]] = {
    "bengali": {
        "muHammad": "Md.:4 Md:2 Mohammad:3 Mohammed:1 Muhammad:1",
        "Husayn": "Hossain:6 Hossen:2 Hussain:2", "Haqq": "Haque:5 Hoque:3 Haq:1 Huq:1",
        "aHmad": "Ahmed:8 Ahmad:2", "Siddiiq": "Siddique:6 Siddik:2 Siddiq:2",
    },
    "pakistan": {
        "muHammad": "Muhammad:6 Mohammad:2 Muhammed:1 Mohammed:1",
        "Siddiiqii": "Siddiqui:7 Siddiqi:3", "aHmad": "Ahmed:7 Ahmad:3",
        "qurayshii": "Qureshi:7 Qureshy:1 Kureshi:1 Quraishi:1",
    },
    "egypt": {
        "muHammad": "Mohamed:6 Mohammed:3 Muhammad:1", "aHmad": "Ahmed:9 Ahmad:1",
        "yuusuf": "Youssef:5 Yousef:3 Youssif:2",
    },
    "maghreb": {
        "muHammad": "Mohamed:6 Mohammed:2 Mohamad:1 Mhamed:1", "aHmad": "Ahmed:7 Ahmad:3",
        "yuusuf": "Youssef:6 Youssouf:2 Yousef:2",
    },
    "kurmanji": {"muHammad": "Mihemed:4 Muhammed:3 Mehmet:2 Mohammed:1"},
    "bosnian": {"muHammad": "Muhamed:6 Mohamed:2 Muhammed:1 Mehmed:1"},
    "persian": {"muHammad": "Mohammad:8 Mohamad:2", "yuusuf": "Yousef:5 Yusef:3 Yousof:2"},
    "dari": {"muHammad": "Mohammad:7 Muhammad:2 Mohamad:1"},
}  # fmt: skip

# Latin-orthography names: (text, choices) replaced in order; a space marks a word end.
_LATIN_STYLES: dict[str, list[tuple[str, str]]] = {
    "turkish": [
        ("ş", "ş:5 s:4 sh:1"), ("Ş", "Ş:5 S:4 Sh:1"), ("ç", "ç:5 c:4 ch:1"),
        ("Ç", "Ç:5 C:4 Ch:1"), ("ğ", "ğ:4 g:5 :1"), ("ı", "ı:4 i:6"), ("İ", "İ:3 I:7"),
        ("ö", "ö:5 o:4 oe:1"), ("Ö", "Ö:5 O:4 Oe:1"), ("ü", "ü:5 u:4 ue:1"),
        ("Ü", "Ü:5 U:4 Ue:1"), ("CASE", "t:5 u:5"),
    ],
    "bosnian_latin": [
        ("ş", "š:1"), ("Ş", "Š:1"), ("ç", "č:1"), ("Ç", "Č:1"), ("ğ", ":7 g:3"), ("ı", "i:1"),
        ("İ", "I:1"), ("ö", "o:1"), ("Ö", "O:1"), ("ü", "u:1"), ("Ü", "U:1"),
        ("c", "c:8 dž:2"), ("C", "C:8 Dž:2"), ("FOLD", "0:5 1:5"), ("CASE", "t:4 u:6"),
    ],
    "spanish": [
        ("á", "á:5 a:5"), ("é", "é:5 e:5"), ("í", "í:5 i:5"), ("ó", "ó:5 o:5"),
        ("ú", "ú:5 u:5"), ("Á", "Á:5 A:5"), ("É", "É:5 E:5"), ("ñ", "ñ:6 n:3 ni:1"),
        ("y ", "y_:6 i_:4"), ("CASE", "t:6 u:4"),
    ],
    "french": [
        ("é", "é:5 e:5"), ("É", "É:5 E:5"), ("è", "è:5 e:5"), ("ï", "ï:5 i:5"),
        ("ë", "ë:5 e:5"), ("â", "â:5 a:5"), ("ô", "ô:5 o:5"), ("-", "-:5 _:4 :1"),
        ("CASE", "t:6 u:4"),
    ],
}  # fmt: skip


# Names in the canonical notation (see module docstring), most common first.
# "_" stands for a space inside one name; "+" a joint a clerk may close, space or hyphenate;
# "~" a joint always written closed; "|" only separates letters (d|h = d then h, not dhal).

ARABIC_MALE = """
muHammad aHmad Ealii maHmuud Hasan Husayn Eumar khaalid yuusuf ibraahiim muSTafaa
Eabd_al-laah Eabd_al-raHmaan Hamza bilaal Euthmaan ismaaEiil yaasiin Taariq kariim jamaal
saamii samiir Haamid raamii ayman yaHyaa yuunus muusaa Eiisaa zakariyyaa sulaymaan daawuud
idriis ilyaas aadam ayyuub haaruun Saalih Saalim saEiid saEd Eaadil Eaamir Eammaar Eimaad
Eisaam faySal fahd faraj fu'aad ghassaan haadii haashim Haatim Haydar Hamiid Hamdii Hakiim
Habiib jaabir jalaal jawaad kamaal luqmaan maajid maalik manSuur marwaan muraad muniir
naaSir nabiil najiib nizaar nuur qaasim raa'id rashiid riDaa riDwaan shariif shafiiq sufyaan
Taahaa Talaal waliid wasiim yaasir ziyaad zayd Eabd_al-qaadir Eabd_al-kariim Eabd_al-Haliim
Eabd_al-Hamiid Eabd_al-ghanii Eabd_al-waaHid Eabd_al-majiid Eabd_al-salaam Eabd_al-Eaziiz
Eabd_al-baasiT Eabd_al-jaliil Eabd_al-Haqq Eabd_al-Samad Eabd_al-raHiim Eabd_al-ghafuur
Eabd_al-qayyuum Eabd_al-wahhaab Eabd_al-naaSir Eabd_al-laTiif Eabd_al-Hakiim Eabd_al-baarii
anas amiin asad Eizz_al-diin nuur_al-diin SalaaH_al-diin jamaal_al-diin khayr_al-diin
shams_al-diin sayf_al-diin Eazzaam Eaziiz Eabbaas Eadnaan Eaaris Eaashuur Eawn bakr baasil
baasim diyaa' fatHii fawzii faaris fayyaaD ghaazii Haafiz Haazim Hishaam Husaam ihaab
jumEa@ kaamil khaliil khalaf labiib maaHir majdii makkii maHdii mubaarak munDhir muTlaq
muEaadh muEtaSim naajii naadir nashwaan naEiim qays raafiE rabiiE rajab ramaDaan rayyaan
saamiH sharaf sulTaan Suhayb Sabrii Saqr Tayyib thaamir Eubayda@ usaama@ waa'il wahiib
yaEquub yazan Zaahir zuhayr Eamr Eaqiil
"""

ARABIC_FEMALE = """
faaTima@ Eaa'isha@ zaynab maryam khadiija@ aamina@ Haliima@ zahraa' nuur layla salmaa saara@
hudaa asmaa' ruqayya@ rabiiEa@ samiira@ jamiila@ kariima@ naadiya@ hanaa' ranaa diinaa
rashiida@ Safiyya@ sumayya@ Habiiba@ nawaal amal iimaan yasmiin ghaada@ riim hiba@ lubnaa
dunyaa malak salwaa wafaa' sihaam fadwaa manaal najwaa shaymaa' aaya@ raghad nisriin
warda@ khawla@ Hanaan ibtisaam intiSaar Eabiir afaaf baraa'a@ bushraa Hayaat jannaat
lamyaa' majda@ muna nadaa rawan ruwaa sanaa' suhaa Eulaa widaad yusraa zaynaa laylaa
"""

AFGHAN_MALE = """
muHammad aHmad Ealii maHmuud Husayn raHmat+ullaah Hikmat+ullaah Eizzat+ullaah naqiib+ullaah
dhabiiH+ullaah samiiE+ullaah Habiib+ullaah sayf+ullaah najiib+ullaah asad+ullaah amaan+ullaah
Eaziiz+ullaah Hamd+ullaah khaan gul waliy nuur shafiiq mirways zalmay jamshiid farhaad fariid
shabiir Haniif naSiir Hashmat suhraab rustam bahraam jaaweed nawiid umiid mujtabaa murtaDaa
sajjaad baaqir jaEfar kaaZim Easkar sayyid zubayr Eabd_al-wakiil Eabd_al-ghaffaar
Eabd_al-Sabuur Eabd_al-Haadii Eabd_al-rashiid Eabd_al-matiin Eabd_al-qudduus gulbuddiin
shaah+maHmuud khaan+aagha aagha niyaaz maalik paayinda@ daawuud+shaah nadiir qudrat nasrat
fawaad Tamiim rooHullaah laal shiir+aagha ghulaam raHiim Eaarif ilhaam manSuur Hamiid
Siddiiq Haaruun yaasiin idriis Eiid+muHammad gul+aagha shiir+zaad sharaf+uddiin
naaSir+uddiin qiyaam+uddiin saraj+uddiin Dhiyaa+ul+Haqq Eaalam ashraf akbar amiin
bashiir faDl farshiid fayD qaadir khaalid Taahir zaahid shukur muniir
"""

AFGHAN_FEMALE = """
faaTima@ zahraa' maryam zarmiina@ malaalay shabnam parwaana@ Habiiba@ nuuriyya@ gul+paarii
mursal suhayla@ fariiba@ naahiid shakiila@ laylaa roya mahbuuba@ nasriin frishta@ zaynab
khadiija@ aamina@ saliima@ zakiyya@ naajiya@ gulnaaz rahiima@ nargis mariam shiiriin paryaa
farzaana@ Hamiida@ sadiiqa@ masuuda@ bibi+gul sitaara@ taabaan zuhra@ latiifa@ mina
"""

AFGHAN_FAMILY = """
aHmad~zay kariimii raHiimii Hakiimii nuurii sulTaanii Saafii muHammadii Husaynii Haydarii
amiirii saadaat raHmaanii Eaziizii Habiibii naZarii jaEfarii riDaa'ii aHmadii Hamiidii
yuusuf~zay achak~zay barak~zay popal~zay stanik~zay Eabd_al-laah~zay mohmand shinwaarii wardak
niyaazii shiir~zaad jalaalii qaadirii Samadii rasuulii Euthmaanii mirzaa'ii Saabirii ghafuurii
fayDii Zaahirii naSiirii akbarii Ealii+zaada@ Hasan+zaada@ muHammad+zaada@ Siddiiqii kaakar
mangal zadraan khugyaanii tukhii tarakii hotak ghil~zay durraanii khaan sharifii noori+zaada@
aHmadii+zaada@ Haqqaanii sahak Safii amiin Eaalamii Hamdard jawaadii Taahirii karzay naadirii
Easkarii mushfiq raawii sulTaan~zay Eumar~khayl sulaymaan~khayl Eabd_al-raHiim~zay yaEquubii
bahaarii nawrozii waziirii baloch paktiiwaal logarii kohistaanii panjshiirii badakhshaanii
"""

PAKISTAN_MALE = """
muHammad Ealii aHmad Hasan bilaal Euthmaan Eimraan kaashif aasif waqaas dhiishaan Eadnaan
shaahid Taariq Husayn Hamza Eumar Eabd_al-laah zubayr faysal naweed jaaweed arshad akram
aslam afDal ashraf shahzaad waHiid majiid rashiid Hamiid saliim rafiiq riyaaD Imtiyaaz
ijaaz iqbaal khurram mudassar mubashshir muddassir nadiim nawaaz qamar rizwaan saajid sajjaad
shafqat shahbaaz shuEayb suhayl Taahir tanwiir usaama@ waseem yaasir zaahid zafar Zahiir
fahiim faraaz ghulaam_muHammad ghulaam_Eabbaas ghulaam_rasuul ghulaam_murtaDaa Eabd_al-ghaffaar
Eabd_al-rashiid Eabd_al-waHiid Eabd_al-qayyuum Eabd_al-sattaar Eabd_al-jabbaar amjad
anwar azhar babar daanish farhaan haaris irfaan jamshed junayd kaamraan khaalid mansuur
mohsin mushtaaq nabiil saaqib shakiil sulemaan TalHa umayr waqar yuusaf Zaahir
"""

PAKISTAN_FEMALE = """
Eaa'isha@ faaTima@ sanaa hinaa saa'ima@ naadiya@ rabiiEa@ aamina@ saadiya@ bushraa sobiya@
iqraa mehwish shaaziya@ kiran naaziya@ Eudhmaa asmaa' faraH zaynab mariyam ruqayya@ naaila@
samiina@ shabnam tahmiina@ ambreen uzma nasiim rukhsaana@ parwiin shamiim farzaana@ nighat
"""

PAKISTAN_FAMILY = """
khaan aHmad Ealii Husayn buTT chawd|hrii maalik iqbaal shaah riDaa qurayshii akhtar jaaweed
aslam mughal raanaa gil bhattii aEwaan Eabbaasii jatt araa'iin Siddiiqii mirzaa bayg shaykh
anwar Eaziiz haashmii bukhaarii zaydii naqwii riDwii jaEfarii Haydar Eabbaas nawaaz shariif
yuusaf saliim rafiiq Taariq afDal ashraf akram arshad riyaaD shahzaad waHiid majiid rashiid
Hamiid gujjar raajput khokhar cheema warraich sandhuu baajwa gondal kayaanii niyaazii
yuusuf~zay afriidii khattak marwat durraanii baloch magsii jamaalii laghaarii leghaarii
"""

BENGALI_MALE = """
muHammad Eabd_al-raHmaan raHiim kariim Husayn aHmad Hasan maHmuud Eabd_al-kariim
Eabd_al-raHiim Eabd_al-laah Eabd_al-mannaan Eabd_al-khaaliq Eabd_al-awwal Eabd_al-jabbaar
Eabd_al-qaadir Eabd_al-salaam Eabd_al-Haliim Eabd_al-maalik raHiim+uddiin kariim+uddiin
jalaal+uddiin kamaal+uddiin naSiir+uddiin shahaab+uddiin moniir saiful sohel raana shaakil
shariif raafiq Saadiq maaruuf monir masud mamun Habib ruubel jahaangiir aalamgiir milon
shaahiin shaahjahaan jaahid zaakir kabiir shafiiq amiinul nazrul saidul rafiqul Eaaminul
shafiqul mizaanur Habiibur mujiibur raHmat munna sumon rubel raju shuvo taanvir rashed
"""

BENGALI_FEMALE = """
faaTima@ nasriin sumaiya ruqayya@ sulTaana@ nusrat sharmiin farzaana@ shahnaaz maryam
raHiima@ Haliima@ salmaa ruupaa shaapla mausumii taaniya@ taasliima@ jesmin shiiriin
khadiija@ aamina@ afroza poppy shamiima@ jannaatul raabeya@ Husna mukta
"""

BENGALI_FAMILY = """
Husayn raHmaan islaam uddiin aHmad Eaalam akhtar beeguum khaatuun chawd|huurii miyaa sarkaar
shaykh mullaa bishwaas taaluqdaar manDal bhuuyaan khaan kabiir kariim Haqq Siddiiq sikdaar
hawlaadaar majumdaar pradhaan daas raay saahaa maHmuud Hasan parweez raana baabu munshii
paTwaarii mridha gaazii Haydar raHiim aliim+uddiin sharif bepaari
"""

PERSIAN_MALE = """
muHammad Ealii riDaa Husayn mehdii amiir Hamiid saEiid Hasan mojtabaa maHmuud jawaad
muHammad_riDaa muHammad_Ealii Ealii_riDaa Eabd_al-laah muHsin majiid Eabbaas babak bahraam
daariyuush farhaad faramarz jamshiid kaweh kuurosh manuuchehr naadir omiid puuyaa
rustam saasaan siyaawash sohraab shahaab khashaayaar arash aryaa behruuz behzaad bijan
darwish iHsaan farshiid fereydun hooman hushang iraj kamraan kiyaanuush masEuud
maytham morteZaa naaSir nawiid pejmaan peyman raamin rasuul Saadiq saaman sajjaad
shaahiin siinaa suruush waHiid Zaahir Ziyaa'
"""

PERSIAN_FEMALE = """
zahraa' faaTima@ maryam nargis saara@ laylaa mahsaa shiiriin pariisaa nedaa nasriin ilhaam
miinaa aazaada@ royaa sumayya@ zaynab mahnaaz naazaniin negaar samiira@ shabnam suraayaa
tahmiina@ farnaaz golnaar haaniya@ mahtaab nasiim sapiida@ shahrzaad taraana@ yaasaman
"""

PERSIAN_FAMILY = """
aHmadii muHammadii Husaynii riDaa'ii kariimii muraadii haashimii jaEfarii kaaZimii raHiimii
Saadiqii Haydarii qurbaanii akbarii muusawii rustamii Husayn+zaada@ Ealii+zaada@ Hasan+puur
asadii maHmuudii ibraahiimii Eaziizii Eabbaasii naZarii mirzaa'ii Saalihii yuusufii baaqirii
kamaalii shiiraazii tehraanii najafii safarii amiinii ranjbar faraahaanii nuurii ismaaEiilii
sulaymaanii zamaanii jalaalii kariim+zaada@ Eabd_al-laahii bahraamii kiyaanii darwiishii
qaasimii anSaarii shariifii Taalibii daawuudii muHammad+puur Haydar~iyaan rahnamaa khosrawii
"""

LEVANT_MALE_TOP = """
muHammad aHmad Ealii maHmuud Eumar khaalid Hasan Husayn ibraahiim yuusuf muSTafaa Eabd_al-laah
Eabd_al-raHmaan Hamza Eabd_al-kariim jamaal saamir ziyaad firaas ghayth maazin muhannad
laith Eudayy qusay Haydar muqtadaa Eabbaas Hasanayn Eaqiil sajjaad ziyaad mushtaaq
"""

LEVANT_FAMILY = """
al-aHmad al-Ealii al-Hasan al-Husayn al-khaliil al-muHammad al-Eabd_al-laah Hamdaan Haddaad
al-miSrii al-Halabii al-shaamii al-HimSii al-Hamawii al-kurdii al-Eumar al-Saalih al-jaasim
al-khaTiib al-najjaar al-Haajj darwiish sulaymaan Euthmaan maHmuud ibraahiim ismaaEiil
yuusuf Eabbaas al-Eubaydii al-jubuurii al-dulaymii al-tamiimii al-shammarii al-zubaydii
al-saEdii al-rubayEii al-Eazzaawii al-bayaatii al-janaabii al-haashimii al-muusawii
al-khafaajii al-Eaanii al-Hamdaanii al-kubaysii al-raawii al-Hadiithii al-Hariirii
al-Eassaaf al-Hamuud qaasim manSuur naaSir yuunus al-Sabbaagh al-EaTTaar al-qaSSaab shaahiin
Eabbuud Hammuud khalaf Hamad Eabduh jumEa@ Eiisaa muusaa Zaahir barakaat kanaEaan al-maardiinii
al-idlibii al-Hawraanii al-dayrii al-raqqaawii al-Eaqiidii al-mashhadaanii
al-sharbatii al-Hayaalii al-nuEaymii al-baghdaadii al-mawSilii al-baSrii al-karbalaa'ii
"""

MAGHREB_MALE_TOP = """
muHammad aHmad yuusuf Eabd_al-laah Eumar Eabd_al-raHmaan Eabd_al-qaadir Eabd_al-Samad
ayyuub ismaaEiil Hamza ilyaas anas amiin yaasiin idriis Eabd_al-Haqq raashid saEiid khaalid
Eabd_al-Eaziiz muSTafaa Hasan Husayn zakariyyaa Sufyaan marwaan riDwaan Euthmaan Eadnaan
Haamid Taariq nabiil najiib Salaah_al-diin nuur_al-diin Eizz_al-diin jamaal_al-diin
khayr_al-diin badr_al-diin nasr_al-diin mahdii bilaal waliid Eabd_al-ghanii Eabd_al-naaSir
Eabd_al-jaliil Eabd_al-waahid Eabd_al-majiid Eabd_al-Hamiid Eabd_al-laTiif Eabd_al-maalik
Eabd_al-Haliim fawzii shakiib shawqii hishaam Eaadil jamaal saamii
"""

MAGHREB_FEMALE_TOP = """
faaTima@ khadiija@ aamina@ naadiya@ samiira@ naEiima@ Hafsa@ sihaam maryam Hanaan hudaa
kariima@ lubnaa sanaa' zaynab iimaan sukayna@ salmaa yasmiin faaTima@_al-zahraa' ilhaam
"""

MAGHREB_FAMILY = """
al-Eamraanii al-Ealawii al-idriisii ben+Ealii ben+muusaa buu+ziid bel+qaasim bannaanii
al-taazii barraada@ shraaybii waalii al-manSuurii buu+Eazza@ al-bukhaarii al-saEiidii
ben+jalluun ziyaanii Hamdii shariif maHjuub qabbaaj laHluu sliimaanii rashiidii naaSirii
aayt_Ealii buu+madyan ben+Eiisaa bel+Haajj mubaarkii maziyaan Hamiidii zarruuqii tuwaatii
ben+Saalih khaliifii muqraanii al-Earabii al-Earuusii Taraabulsii jabaalii ben+yuusuf
gharbii shaabbii Eayyaarii Hammaamii driidii riyaaHii majrii firjaanii wartaanii ghannuushii
saasii buu+Eaziiz zuwaarii al-warfallii al-miSraatii al-zintaanii al-ghiryaanii al-tarhuunii
al-fiituurii al-sanuusii al-qadhdhaafii ben+Haliim al-Eubaydii al-maghribii buu+shaama@
zaytuunii Haddaad Eumraanii buu+khariiS Taahirii Eattaar ben+Eumar ben+Hamuuda@ kasaraawii
shaawii al-fasii al-marraakushii laqraaE Eazzuuzii Eabduun ben+naaSir ayt_Haddu
"""

EGYPT_MALE_TOP = """
muHammad aHmad maHmuud muSTafaa Eabd_al-raHmaan Hasan Ealii Eumar yuusuf kariim Eamr Taariq
Husaam islaam khaalid shariif waliid haanii ashraf ayman saamiH waa'il ihaab taamir jamaal
usaama@ ibraahiim miinaa samiir Eimaad Eisaam hishaam midHat riDaa majdii naajii rajab sayyid
shaadii faadii baasim Haazim maHrus Eabd_al-Eaziiz Eabd_al-Haliim Eabd_al-naaSir
"""

EGYPT_FAMILY = """
Eabd_al-Eaziiz al-sayyid muSTafaa Hasan manSuur saalim faaruuq jaabir rajab sulaymaan fatHii
shiHaata@ Eabd_al-laah al-miSrii Hijaazii mursii zakii fawzii ramaDaan khaliil naSr saEd
Hilmii badawii EaTiyya@ yuusuf Eaashuur muusaa Eiid Haamid ismaaEiil Eabd_al-Hamiid
Eabd_al-ghanii Eabd_al-maqSuud al-naggaar Hamdii Eabd_al-raHmaan maHmuud aHmad Ealii
ibraahiim Eumar Eabd_al-fattaaH al-shaafiEii Eabd_al-munEim Eabd_al-Samii' darwiish
"""

KURD_MALE = """
muHammad aHmad Ealii Eumar muSTafaa Husayn ibraahiim khaliil maHmuud SalaaH jamaal aazaad
reebwaar shiivaan hozaan dilshaad kaarwaan hawaar zaanaa reezaan bakhtiyaar kaawa diyaar
sooraan aaraam hemin kaamaraan sheerkoo baaraan jiwaan siyaamand shoorish rebiin serwaan
berzaan haziim shaakhawaan jaziim raaman sarhad zirak dilaawar baawar nechiirvaan
hoshyaar masuud idriis Haajii naajii sarkawt rizgaar barzaan goraan zaryaan
"""

KURD_FEMALE = """
roozhiin beeriwaan dilaan zoozaan jiyaan naazdaar shiiriin hana aawiin viyaan nishtimaan
gulistaan heeliin dalaal saara@ laylaa naariin rooza@ haawjiin bayaan kazhaal sozdaar
hezhaa shilaan faaTima@ khadiija@ aamina@ zaynab maryam
"""

KURD_FAMILY = """
baarzaanii Taalabaanii aHmad muSTafaa Husayn Eumar muHammad kurdii Hassoo Euthmaan shaykh
Haajii maHmuud rasuul kariim Eaziiz qaadir Saalih Hamiid amiin ismaaEiil khiDr bakr zeebaarii
duuskii miizuurii barwaarii hawraamii jaaf dizayii baabaan sindii sulaymaanii hawlerii
duhokii amedii gerdii zaakhoyii berwarii kaakaa'ii
"""

NEPALI_MALE = """
raam krishna bikaash suman saagar prakaash santosh bishaal raajesh diipak anil suniil ramesh
suresh manoj roshan kiran arjun nabiin raaju hari shyaam gopaal bishnu dil bal miin bhiim
d|han puurna ganesh diipendra mahendra surendra narendra rabindra bijay sanjay ajay amit
rohit raahul sachin umesh dinesh mukesh kamal bikram
"""

NEPALI_FEMALE = """
siitaa giitaa saritaa suniitaa aniitaa lakshmii puujaa sabiinaa sushmitaa maniishaa kabitaa
raad|haa paarbatii sharmilaa bimalaa kamalaa aashaa durgaa riitaa miinaa nirmalaa
"""

NEPALI_FAMILY = """
thaapaa guruung taamaang rai limbu magar shresT|ha sharmaa ad|hikaarii karkii khaDkaa
bhanDaarii pawdel ghimire bhaTTaraai basnet laamaa gawtam joshii koiraalaa pokharel dahaal
newpaane rijaal ojhaa malla bishT raanaa shaahii khatrii
"""

PUNJABI_MALE = """
gurpriit harpriit manpriit jaspriit amandiip gurwindar harjindar sukhwindar kuldiip baljiit
rajindar jaswindar mandiip sandiip nawdiip amrit rawi lakhwindar parmjiit karanwiir jagdiip
amit rohit raahul sachin sanjay ajay arjun manoj diipak rawi
"""

PUNJABI_FEMALE = """
manpriit harpriit jaspriit simran kiranjiit ramandiip nawniit puujaa sunita aniitaa giitaa
riitaa
"""

PUNJABI_FAMILY = """
singh sandhuu gil d|hillon sidhuu braar grewaal randhaawaa bains wirk bajwaa chahal
maan saynii paTel kumaar sharmaa yaadaw chawd|harii tiwaarii paanDe
"""

TURKISH_MALE = """
Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan Halil
Süleyman Abdullah Mahmut Recep Emre Burak Serkan Onur Volkan Kemal Fatih Cengiz Yasin Enes
Furkan Muhammed Kadir Erkan Selim Şahin Çağlar Gökhan Hakan Orhan Tuncay Uğur Yiğit Oğuz
Şükrü Doğan Barış Cüneyt Ersin Özgür Tolga Sinan Bülent Ercan Levent Ferhat Serhat Abdurrahman
"""

TURKISH_FEMALE = """
Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hanife Merve Özlem Esra Büşra
Gülsüm Yasemin Songül Derya Dilek Çiğdem Nurcan Gül Hülya Tuğba Sevgi Filiz Şeyma
"""

TURKISH_FAMILY = """
Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan
Çetin Kara Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can Acar Şen Aktaş
Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan Gül Özer Işık Kaplan Avcı Sarı Tekin
Taş Köse Yüksel Ateş Aktürk Karakaya Bayram Tunç Uçar Sönmez Altun Duman Akın Güzel
"""

CUBAN_MALE = """
José Juan Carlos Luis Jorge Yoandry Yunior Yusniel Yordanis Osmany Yasser Yuniesky Alexis
Reinier Adrián Alejandro Ernesto Raúl Pedro Miguel Ángel Roberto Rafael Lázaro Dayron
Yoel Yosvany Yandy Leandro Frank Rolando Orlando Maikel Alain Daniel Eduardo Javier Yaniel
José_Luis Juan_Carlos Luis_Alberto Carlos_Manuel Jorge_Luis Miguel_Ángel José_Antonio
"""

CUBAN_FEMALE = """
María Yanelis Yaima Yudith Yaneisy Dayana Yamilé Yaquelín Lisandra Yoania Mailén Daylín
Ana Rosa Elena Marta Yusleidy Arianna Yenisey Odalys María_Elena Ana_María María_José
"""

CUBAN_FAMILY = """
Rodríguez González Hernández Pérez García Martínez López Díaz Sánchez Fernández Ramírez
Álvarez Cruz Gómez Torres Rojas Reyes Castillo Morales Suárez Jiménez Ruiz Ortiz Delgado
Vázquez Herrera Castro Romero Medina Aguilar Ramos Peña Cabrera Valdés Acosta Batista
Milanés Fonseca Guerra Navarro Núñez Benítez Leyva Céspedes Quintana Figueroa Rivero
"""

BURUNDI_MALE = """
Jean-Claude Jean-Marie Jean-Bosco Eric Claude Emmanuel Pacifique Fabrice Egide Gervais
Désiré Innocent Thierry Prosper Alain Dieudonné Olivier Jean_de_Dieu Aimé Ange Arsène
Irakoze Kwizera Bienvenu Fidèle Gédéon Léonce Onésime Patrick Samuel Elie Jérémie Benjamin
Evariste Félix Gilbert Hervé Japhet Moïse Nestor Rénovat Sylvestre Vianney Cédric Nelson
"""

BURUNDI_FEMALE = """
Aline Divine Diane Sandrine Clarisse Chantal Francine Josiane Nadine Claudine Ornella
Belyse Inès Nella Espérance Gloria Joséphine Annick Carine Irakoze Keza Ineza Grâce
Béatrice Jeanine Médiatrice Dorcas Axelle
"""

BURUNDI_FAMILY = """
Ndayishimiye Niyonzima Nkurunziza Hakizimana Ndikumana Niyongabo Nshimirimana Irakoze
Ndayisenga Niyonkuru Bizimana Habonimana Nduwimana Havyarimana Manirakiza Ntakirutimana
Ndayizeye Nsabimana Niyokwizera Iradukunda Uwimana Nijimbere Ciza Bigirimana Hatungimana
Ndagijimana Nahimana Kwizera Ndihokubwayo Harerimana Mbonimpa Ntahomvukiye Sindayigaya
Nimbona Barutwanayo Ngendakumana Nzeyimana Ndizeye Nizigiyimana Bukuru Niyibizi Kaneza
Ntirampeba Nzojibwami Butoyi Ndabaneze Minani Hatungimana Niyomwungere Ndorere Nkeshimana
"""


@dataclass(frozen=True)
class Profile:
    """One clerk's habit: a fixed choice for every letter and context of one style."""

    style: str
    kind: str  # "phonemic", "latin" or "script"
    table: dict[str, str]
    pairs: tuple[tuple[str, str], ...] = ()


def _pick(choices: tuple[tuple[str, float], ...], rng: random.Random | None) -> str:
    """The most likely choice for the canonical profile (rng None), else a weighted draw."""
    if rng is None:
        return max(choices, key=lambda choice: choice[1])[0]
    return rng.choices([text for text, _ in choices], [weight for _, weight in choices])[0]


def _build_profiles() -> tuple[list[Profile], dict[str, tuple[int, ...]]]:
    """Every style's profiles, from a fixed seed: the same clerks whatever the run's seed,
    so that spellings can be cached once per process."""
    profiles: list[Profile] = []
    by_style: dict[str, tuple[int, ...]] = {}
    for style, overrides in _STYLES.items():
        spec = {**_BASE, **overrides}
        ids = []
        for number in range(PROFILES_PER_STYLE):
            rng = None if number == 0 else random.Random(f"profile|{style}|{number}")
            table = {key: _pick(_choices(value), rng) for key, value in spec.items()}
            for name, forms in _OVERRIDES.get(style, {}).items():
                table["=" + name] = _pick(_choices(forms), rng)
            ids.append(len(profiles))
            profiles.append(Profile(style, "phonemic", table))
        by_style[style] = tuple(ids)
    for style, rules in _LATIN_STYLES.items():
        ids = []
        for number in range(PROFILES_PER_STYLE):
            rng = None if number == 0 else random.Random(f"profile|{style}|{number}")
            chosen = [(old, _pick(_choices(new), rng)) for old, new in rules]
            table = {"CASE": "t", "FOLD": "0"}
            pairs = []
            for old, new in chosen:
                if old in table:
                    table[old] = new
                else:
                    pairs.append((old, new))
            ids.append(len(profiles))
            profiles.append(Profile(style, "latin", table, tuple(pairs)))
        by_style[style] = tuple(ids)
    for script in ("arabic", "persian", "sorani", "bengali"):
        by_style["script:" + script] = (len(profiles),)
        profiles.append(Profile(script, "script", {}))
    return profiles, by_style


PROFILES, STYLE_PROFILES = _build_profiles()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fold(text: str) -> str:
    """What a keyboard without diacritics makes of a name (š → s, î → i)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(letter for letter in decomposed if not unicodedata.combining(letter))


def _letters(text: str, table: dict[str, str]) -> str:
    """One part of a name (no spaces or joints) in a profile's letters, lower case."""
    sounds = tokens(text)
    last = len(sounds) - 1
    out: list[str] = []
    for index, sound in enumerate(sounds):
        previous = sounds[index - 1] if index else ""
        key = sound
        initial = index == 0 or (index == 1 and sounds[0] in ("E", "'"))
        if initial and "^" + sound in table:
            key = "^" + sound
        elif index == last and sound + "$" in table:
            key = sound + "$"
        elif (
            sound == "s" and 0 < index < last and previous in VOWELS and sounds[index + 1] in VOWELS
        ):
            key = "sV"
        spelled = table.get(key, sound)
        if sound in ("E", "'") and index == 0:
            spelled = ""
        doubled = sound == previous and sound not in VOWELS and sound not in ("E", "'")
        if doubled and (table["GEM"] == "1" or len(spelled) > 1):
            continue
        out.append(spelled)
    word = "".join(out)
    if last >= 1 and sounds[last] == "n" and sounds[last - 1] == "aa":
        word += table["aan$"]
    return word.lower()


def _word(text: str, table: dict[str, str]) -> str:
    """A word with its joints: ``~`` always closed, ``+`` as the profile writes joints."""
    override = table.get("=" + text)
    if override is not None:
        return override
    segments = [
        "".join(_letters(piece, table) for piece in seg.split("~")) for seg in text.split("+")
    ]
    joint = table["JOINT"]
    if not joint:
        return _capital("".join(segments))
    return joint.join(_capital(segment) for segment in segments)


def _first_part(noun: str) -> str:
    return noun.split("+")[0].split("~")[0]


def _first_sound(noun: str) -> str:
    sounds = tokens(_first_part(noun))
    return sounds[0] if sounds else ""


def _phonemic(canonical: str, table: dict[str, str]) -> str:
    out: list[str] = []
    for word in canonical.split(" "):
        if not (word.startswith("al-") and len(word) > 3):
            out.append(_word(word, table))
            continue
        noun = word[3:]
        noun_text = _word(noun, table)
        first = _first_sound(noun)
        sun_letter = table.get(first, first).lower()
        if out:  # the construct: Abd al-Rahman, Nur al-Din
            before, vowel, assimilate, after = table["CON"].split("|")
            assimilated = assimilate == "1" and first in _SUN
            if _first_part(noun) == "laah":  # Abdullah, Abdullahzai: never Abdul Lah
                after, assimilated = "", False
            article = vowel + (sun_letter if assimilated else "l")
            previous = out.pop()
            if not before:
                joined = previous + article + (after + noun_text if after else noun_text.lower())
            elif not after:
                joined = previous + before + _capital(article + noun_text.lower())
            else:
                joined = previous + before + article + after + noun_text
            out.append(joined)
            continue
        form = table["ART"]
        if not form:
            out.append(noun_text)
            continue
        article = form.rstrip("- ")
        separator = form[len(article) :]
        if table["ASSIM"] == "1" and first in _SUN:
            article = article[:-1] + sun_letter
        out.append(article + separator + (noun_text if separator else noun_text.lower()))
    return " ".join(out)


def _latin(canonical: str, profile: Profile) -> str:
    text = f" {canonical} "
    for old, new in profile.pairs:
        text = text.replace(old, new)
    return text.strip()


def _letter_table(sounds: str, letters: str) -> dict[str, str]:
    """A sound → letter table from two aligned space-separated rows (easy to proofread)."""
    return dict(zip(sounds.split(), letters.split(), strict=True))


_ARABIC = _letter_table(
    "b p t th j ch H kh d dh r z zh s sh S D T Z E gh f q k g l m n h w v y '",
    "ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ك گ ل م ن ه و و ي ء",
)
_PERSIAN = {**_ARABIC, "k": "ک", "y": "ی", "'": "ئ"}
_SORANI = {**_PERSIAN, "v": "ڤ", "r": "ر"}
_LONG = {"aa": "ا", "ii": "ي", "uu": "و", "ee": "ي", "oo": "و", "ay": "ي", "aw": "و"}
_FIRST_ARABIC = {
    "a": "أ", "u": "أ", "o": "أ", "i": "إ", "e": "إ", "aa": "آ", "ii": "إي", "uu": "أو",
    "ee": "إي", "oo": "أو", "ay": "أي", "aw": "أو",
}  # fmt: skip
_SORANI_VOWELS = {
    "a": "ە", "aa": "ا", "i": "", "ii": "ی", "u": "و", "uu": "وو", "e": "ێ", "ee": "ێ",
    "o": "ۆ", "oo": "ۆ", "ay": "ەی", "aw": "ەو",
}  # fmt: skip
_BENGALI = _letter_table(
    "b p t th j ch H kh d dh r z zh s sh S D T Z gh f q k g l m n h v y",
    "ব প ত থ জ চ হ খ দ য র জ জ স শ স দ ত জ গ ফ ক ক গ ল ম ন হ ভ য়",
)
_BENGALI_SIGN = {
    "a": "", "aa": "া", "i": "ি", "ii": "ী", "u": "ু", "uu": "ূ", "e": "ে", "ee": "ে",
    "o": "ো", "oo": "ো", "ay": "ৈ", "aw": "ৌ", "@": "া",
}  # fmt: skip
_BENGALI_VOWEL = {
    "a": "অ", "aa": "আ", "i": "ই", "ii": "ঈ", "u": "উ", "uu": "ঊ", "e": "এ", "ee": "এ",
    "o": "ও", "oo": "ও", "ay": "ঐ", "aw": "ঔ", "@": "আ",
}  # fmt: skip


def _arabic_part(text: str, script: str) -> str:
    """One part in Arabic, Perso-Arabic or Sorani letters: short vowels unwritten (Sorani
    writes most), long vowels as alif/ya/waw, no shadda."""
    if text in ("laah", "ullaah"):
        return "الله"
    letters = {"arabic": _ARABIC, "persian": _PERSIAN, "sorani": _SORANI}[script]
    persian = script != "arabic"
    sounds = tokens(text)
    last = len(sounds) - 1
    out: list[str] = []
    for index, sound in enumerate(sounds):
        if sound == "@":
            out.append("ة" if script == "arabic" else "ە" if script == "sorani" else "ه")
        elif sound in VOWELS:
            if script == "sorani":
                vowel = _SORANI_VOWELS[sound]
                out.append(("ئ" + (vowel or "ی")) if index == 0 else vowel)
            elif index == 0:
                first = _FIRST_ARABIC[sound]
                out.append(
                    first.replace("أ", "ا").replace("إ", "ا").replace("آ", "آ")
                    if persian
                    else first
                )
            elif sound in _LONG:
                long_vowel = _LONG[sound]
                out.append("ی" if persian and long_vowel == "ي" else long_vowel)
            elif index == last and sound in ("e", "a") and persian:
                out.append("ه")
            elif index == last and sound in ("o", "u"):
                out.append("و")
        elif index and sound == sounds[index - 1]:
            continue
        elif sound == "'":  # hamza: on a seat inside a name (عائشة), alone at the end (زهراء)
            out.append("ئ" if index < last else "" if persian else "ء")
        else:
            out.append(letters.get(sound, ""))
    return "".join(out)


def _bengali_part(text: str) -> str:
    """One part in Bengali letters: consonants carry their vowel sign, clusters take the
    hasant, a vowel after a vowel (or after ain) is written as a letter of its own."""
    out: list[str] = []
    bare_consonant = False  # the last letter was a consonant without a vowel sign
    for sound in tokens(text):
        if sound in ("E", "'"):
            bare_consonant = False
            continue
        if sound in VOWELS or sound == "@":
            out.append(_BENGALI_SIGN[sound] if bare_consonant else _BENGALI_VOWEL[sound])
            bare_consonant = False
            continue
        if sound == "w":
            out.append("ও")
            bare_consonant = False
            continue
        if bare_consonant:
            out.append("্")
        out.append(_BENGALI.get(sound, ""))
        bare_consonant = True
    return "".join(out)


def _scripted(canonical: str, script: str) -> str:
    words: list[str] = []
    for word in canonical.split(" "):
        article = word.startswith("al-") and len(word) > 3
        noun = word[3:] if article else word
        if script == "bengali":
            parts = [_bengali_part(p.replace("~", "")) for p in noun.split("+")]
            text = "".join(parts)
            if article and words:  # Abdur Rahman: আব্দুর রহমান
                words[-1] += "ুল"
            words.append(text)
            continue
        parts = [_arabic_part(p.replace("~", ""), script) for p in noun.split("+")]
        text = " ".join(parts)
        if article:
            text = "الله" if noun == "laah" else "ال" + text
        words.append(text)
    return " ".join(words)


_CACHE: dict[tuple[str, int], str] = {}


def write(canonical: str, clerk: int) -> str:
    """A canonical name as clerk number ``clerk`` (an index into ``PROFILES``) writes it.

    Deterministic: the same clerk always writes the same name the same way."""
    key = (canonical, clerk)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    profile = PROFILES[clerk]
    if profile.kind == "script":
        text = _scripted(canonical, profile.style)
    else:
        if profile.kind == "latin":
            text = _latin(canonical, profile)
        else:
            text = _phonemic(canonical, profile.table)
        if profile.table["FOLD"] == "1":
            text = _fold(text)
        if profile.table["CASE"] == "u":
            text = text.upper()
    _CACHE[key] = text
    return text


_NEIGHBOUR_KEYS = {
    "q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij",
    "i": "uok", "o": "ipl", "p": "o", "a": "qsz", "s": "adw", "d": "sfe", "f": "dgr",
    "g": "fht", "h": "gjy", "j": "hku", "k": "jli", "l": "ko", "z": "xa", "x": "zc",
    "c": "xv", "v": "cb", "b": "vn", "n": "bm", "m": "n",
}  # fmt: skip


def typo(text: str, rng: random.Random) -> str:
    """One slip of the keyboard or pen: a neighbouring key, a letter dropped, doubled, or two
    swapped. The first letter is kept (clerks rarely get it wrong)."""
    if len(text) < 3:
        return text
    position = rng.randrange(1, len(text))
    letter = text[position]
    kind = rng.random()
    if kind < 0.35 and letter.lower() in _NEIGHBOUR_KEYS:
        other = rng.choice(_NEIGHBOUR_KEYS[letter.lower()])
        return (
            text[:position] + (other.upper() if letter.isupper() else other) + text[position + 1 :]
        )
    if kind < 0.6:
        return text[:position] + text[position + 1 :]
    if kind < 0.8:
        return text[:position] + letter + text[position:]
    return text[: position - 1] + letter + text[position - 1] + text[position + 1 :]


@dataclass(frozen=True)
class Pool:
    """Names with Zipfian weights by rank: the first is drawn most often."""

    names: tuple[str, ...]
    cumulative: tuple[float, ...]

    def draw(self, rng: random.Random) -> str:
        return self.names[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def _pool(*lists: str, exponent: float = 1.0) -> Pool:
    """A pool from whitespace-separated lists, first list first; a name seen twice keeps
    its first rank."""
    names: list[str] = []
    seen: set[str] = set()
    for text in lists:
        for item in text.split():
            name = item.replace("_", " ")
            if name not in seen:
                seen.add(name)
                names.append(name)
    weights = [1.0 / (rank + 1) ** exponent for rank in range(len(names))]
    return Pool(tuple(names), tuple(accumulate(weights)))


@dataclass(frozen=True)
class Community:
    """A language community on the route: its names, how its names get written, and in
    which script they may appear."""

    code: str
    nationalities: tuple[tuple[str, float], ...]
    male: Pool
    female: Pool
    family: Pool
    styles: tuple[tuple[str, float], ...]
    script: str | None = None
    script_share: float = 0.0  # records written in the community's own script
    mohammad_share: float = 0.0  # men who carry Mohammad before their given name
    second_given_share: float = 0.05  # people with two given names (Ali Reza, Jean Claude)
    family_parts: int = 1  # Cubans carry two surnames

    def nationality(self, rng: random.Random) -> str:
        if len(self.nationalities) == 1:
            return self.nationalities[0][0]
        codes = [code for code, _ in self.nationalities]
        return rng.choices(codes, [weight for _, weight in self.nationalities])[0]

    def given(self, sex: str, rng: random.Random) -> tuple[str, ...]:
        """A given name as one or two canonical names."""
        pool = self.female if sex == "F" else self.male
        first = pool.draw(rng)
        if sex == "M" and first != "muHammad" and rng.random() < self.mohammad_share:
            return ("muHammad", first)
        if rng.random() < self.second_given_share:
            second = pool.draw(rng)
            if second not in (first, "muHammad"):
                return (first, second)
        return (first,)

    def family_name(self, rng: random.Random) -> str:
        return " ".join(self.family.draw(rng) for _ in range(self.family_parts))

    def clerk(self, rng: random.Random, *, script_share: float | None = None) -> int:
        """A clerk for one record: most write in one of the community's usual styles, some
        copy the name from a document in its own script."""
        share = self.script_share if script_share is None else script_share
        if self.script and rng.random() < share:
            return STYLE_PROFILES["script:" + self.script][0]
        clerks, cumulative = self._clerks
        return clerks[bisect(cumulative, rng.random() * cumulative[-1])]

    @cached_property
    def _clerks(self) -> tuple[tuple[int, ...], tuple[float, ...]]:
        """Every clerk of the community's styles with its weight, for one draw per record."""
        clerks: list[int] = []
        weights: list[float] = []
        for style, weight in self.styles:
            for clerk in STYLE_PROFILES[style]:
                clerks.append(clerk)
                weights.append(weight / len(STYLE_PROFILES[style]))
        return tuple(clerks), tuple(accumulate(weights))

    @property
    def canonical_clerk(self) -> int:
        """The clerk who writes the community's canonical romanisation."""
        return STYLE_PROFILES[self.styles[0][0]][0]


def _styles(spec: str) -> tuple[tuple[str, float], ...]:
    """``"dari:50 english:15"`` → (("dari", 50.0), ("english", 15.0))."""
    return tuple(
        (name, float(weight)) for name, weight in (item.split(":") for item in spec.split())
    )


def _derived(text: str, pattern: str, count: int) -> str:
    """Family names made from the first ``count`` plain given names, as many are: the
    nisba (Karim → Karimi), a father's name kept (Pakistan, Egypt, Bangladesh), al- or
    Ben + a name. Compound names and names ending in a long vowel are left out."""
    plain = [
        name
        for name in text.split()
        if not any(mark in name for mark in "_+~@'") and not name.endswith(("ii", "aa"))
    ]
    return " ".join(pattern.format(name) for name in plain[:count])


_AFGHAN_FAMILIES = _pool(AFGHAN_FAMILY, _derived(AFGHAN_MALE, "{}ii", 60), exponent=0.9)
_PAKISTAN_FAMILIES = _pool(PAKISTAN_FAMILY, _derived(PAKISTAN_MALE, "{}", 60), exponent=0.9)
_BENGALI_FAMILIES = _pool(
    BENGALI_FAMILY, _derived(BENGALI_MALE + ARABIC_MALE, "{}", 90), exponent=0.9
)
_PERSIAN_FAMILIES = _pool(PERSIAN_FAMILY, _derived(PERSIAN_MALE, "{}ii", 50), exponent=0.8)
_LEVANT_FAMILIES = _pool(LEVANT_FAMILY, _derived(ARABIC_MALE, "al-{}", 40), exponent=0.8)
_KURD_FAMILIES = _pool(KURD_FAMILY, _derived(KURD_MALE + ARABIC_MALE, "{}", 60), exponent=0.8)
_MAGHREB_FAMILIES = _pool(MAGHREB_FAMILY, _derived(MAGHREB_MALE_TOP, "ben+{}", 30), exponent=0.8)
_EGYPT_FAMILIES = _pool(
    EGYPT_FAMILY, _derived(EGYPT_MALE_TOP + ARABIC_MALE, "{}", 80), exponent=0.9
)
COMMUNITIES: dict[str, Community] = {
    community.code: community
    for community in (
        Community(
            "AFG", (("AFG", 1.0),), _pool(AFGHAN_MALE, ARABIC_MALE),
            _pool(AFGHAN_FEMALE, ARABIC_FEMALE), _AFGHAN_FAMILIES,
            _styles("dari:50 english:15 persian:10 bosnian:25"), "persian", 0.08, 0.2, 0.04,
        ),
        Community(
            "PAK", (("PAK", 1.0),), _pool(PAKISTAN_MALE, ARABIC_MALE),
            _pool(PAKISTAN_FEMALE, ARABIC_FEMALE), _PAKISTAN_FAMILIES,
            _styles("pakistan:60 english:15 bosnian:25"), "persian", 0.05, 0.25, 0.08,
        ),
        Community(
            "BGD", (("BGD", 1.0),), _pool(BENGALI_MALE, ARABIC_MALE),
            _pool(BENGALI_FEMALE, ARABIC_FEMALE), _BENGALI_FAMILIES,
            _styles("bengali:65 english:10 bosnian:25"), "bengali", 0.04, 0.3, 0.15,
        ),
        Community(
            "IRN", (("IRN", 1.0),), _pool(PERSIAN_MALE, ARABIC_MALE), _pool(PERSIAN_FEMALE),
            _PERSIAN_FAMILIES,
            _styles("persian:60 english:15 bosnian:25"), "persian", 0.1, 0.0, 0.12,
        ),
        Community(
            "LEV", (("SYR", 0.6), ("IRQ", 0.4)), _pool(LEVANT_MALE_TOP, ARABIC_MALE),
            _pool(ARABIC_FEMALE), _LEVANT_FAMILIES,
            _styles("english:60 egypt:15 bosnian:25"), "arabic", 0.08, 0.0, 0.06,
        ),
        Community(
            "KUR", (("SYR", 0.4), ("IRQ", 0.3), ("TUR", 0.1), ("IRN", 0.1), ("XXA", 0.1)),
            _pool(KURD_MALE, ARABIC_MALE), _pool(KURD_FEMALE, ARABIC_FEMALE),
            _KURD_FAMILIES,
            _styles("kurmanji:35 sorani:30 bosnian:25 english:10"), "sorani", 0.05, 0.0, 0.05,
        ),
        Community(
            "MAG", (("MAR", 0.55), ("DZA", 0.25), ("TUN", 0.13), ("LBY", 0.07)),
            _pool(MAGHREB_MALE_TOP, ARABIC_MALE), _pool(MAGHREB_FEMALE_TOP, ARABIC_FEMALE),
            _MAGHREB_FAMILIES,
            _styles("maghreb:70 bosnian:20 english:10"), "arabic", 0.03, 0.0, 0.04,
        ),
        Community(
            "EGY", (("EGY", 1.0),), _pool(EGYPT_MALE_TOP, ARABIC_MALE),
            _pool(ARABIC_FEMALE), _EGYPT_FAMILIES,
            _styles("egypt:65 english:10 bosnian:25"), "arabic", 0.05, 0.0, 0.03,
        ),
        Community(
            "TUR", (("TUR", 1.0),), _pool(TURKISH_MALE), _pool(TURKISH_FEMALE),
            _pool(TURKISH_FAMILY, exponent=0.9), _styles("turkish:70 bosnian_latin:30"),
            second_given_share=0.08,
        ),
        Community(
            "NPL", (("NPL", 1.0),), _pool(NEPALI_MALE), _pool(NEPALI_FEMALE),
            _pool(NEPALI_FAMILY, exponent=0.9), _styles("indic:75 bosnian:25"),
        ),
        Community(
            "IND", (("IND", 1.0),), _pool(PUNJABI_MALE), _pool(PUNJABI_FEMALE),
            _pool(PUNJABI_FAMILY, exponent=0.9), _styles("indic:75 bosnian:25"),
        ),
        Community(
            "CUB", (("CUB", 1.0),), _pool(CUBAN_MALE), _pool(CUBAN_FEMALE),
            _pool(CUBAN_FAMILY, exponent=0.8), _styles("spanish:100"),
            second_given_share=0.15, family_parts=2,
        ),
        Community(
            "BDI", (("BDI", 1.0),), _pool(BURUNDI_MALE), _pool(BURUNDI_FEMALE),
            _pool(BURUNDI_FAMILY, exponent=0.7), _styles("french:100"),
            second_given_share=0.1,
        ),
    )
}  # fmt: skip


def abbreviated(given: tuple[str, ...]) -> tuple[str, ...]:
    """The given name as a clerk may shorten it: Abdul Qadir → Qadir, Rahmatullah →
    Rahmat; unchanged if there is nothing to shorten."""
    name = given[-1]
    if name.startswith("Eabd al-"):
        return (*given[:-1], name[len("Eabd al-") :])
    if "+ullaah" in name:
        return (*given[:-1], name.replace("+ullaah", ""))
    return given


if __name__ == "__main__":
    rng = random.Random(1)
    for community in COMMUNITIES.values():
        print(community.code, len(community.male.names), len(community.female.names),
              len(community.family.names))  # fmt: skip
        for _ in range(3):
            given = community.given("M", rng)
            family = community.family_name(rng)
            spellings = {
                " ".join(write(part, clerk) for part in given) + " / " + write(family, clerk)
                for clerk in [community.canonical_clerk]
                + [community.clerk(rng, script_share=0.2) for _ in range(6)]
            }
            print("   ", " | ".join(sorted(spellings)))
