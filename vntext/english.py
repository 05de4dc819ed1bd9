"""English questions: tell them from Vietnamese (with or without accents) and turn them into a
Vietnamese query through a glossary of administrative terms (data/glossary_en_vi.tsv), so that
retrieval, scoring and answering work on the documents' own words. Names stay as written: an
unaccented "Tam Gia" matches "Tam Gia" once both are folded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from vntext.english_frames import normalise, reorder, spell_figure
from vntext.terms import fold, has_diacritics, nfc
from vntext.wordlists import entries, words

FRAME = "According to [1]: "
NOT_FOUND = "The loaded documents do not say."


@dataclass(frozen=True)
class Entry:
    english: str
    vietnamese: str
    alternatives: tuple[str, ...] = ()
    kind: str = "n"  # n, q, d, t, u, v: see the glossary's header


@dataclass
class Translation:
    text: str  # the Vietnamese query, for retrieval and scoring
    frame: str = FRAME  # the English frame the answer goes into
    used: list[Entry] = field(default_factory=list)  # glossary entries applied (for --explain)


# --- telling English from Vietnamese ---
_EN_FUNCTION = words("english_function_words")
# English words the documents also write; any other English word the glossary does not know
# is left out of the query, since no Vietnamese sentence can hold it and it would only weigh
# down how much of the question a sentence covers.
_LOANWORDS = words("english_loanwords")
# A Vietnamese syllable without its marks: onset, rhyme (vowels and a final consonant).
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:ai|ao|au|ay|eo|eu|iu|oi|ui|uu|ieu|yeu|oai|oay|oeo|uoi|uou|uyu|uay|ia|ya|uya"
    r"|(?:a|e|i|o|u|y|ie|oa|oe|oo|ua|ue|uo|uy|ye|uye)(?:ch|nh|ng|c|m|n|p|t)?)"
)
_LETTERS = re.compile(r"[^\W\d_]+")


def vi_shaped(word: str) -> bool:
    """Could `word` be one Vietnamese syllable with its marks stripped ("nhieu", "tam")?"""
    return bool(_VI_SYLLABLE.fullmatch(fold(word)))


def is_english(text: str) -> bool:
    """English function words ("how", "of", "is") decide, weighed against the lower-case words
    that are Vietnamese syllables; capitalised syllables are names and count for neither side,
    and "the", "an", "to" (also Vietnamese syllables) count only once English is certain."""
    function = ambiguous = other = vietnamese = 0
    text = nfc(text).lower() if text.isupper() else nfc(text)
    for word in _LETTERS.findall(text):
        lower = word.lower()
        if len(word) > 1 and word.isupper():
            continue  # abbreviations: UBND, NTM, HĐND
        if has_diacritics(word) or (lower not in _EN_FUNCTION and vi_shaped(word)):
            vietnamese += word[0].islower()
        elif lower in _EN_FUNCTION:
            function += not vi_shaped(word)
            ambiguous += vi_shaped(word)
        elif sum(c in "aeiouy" for c in lower) >= 2:  # "ubnd", "tphcm" are typed abbreviations
            other += 1
    if function:
        return 2 * function + ambiguous + other > vietnamese
    return other >= 2 and other > vietnamese + ambiguous  # "Lang Son's online payment rate"


# --- the glossary ---
_TOKEN = re.compile(
    r"«[^»]*»"  # words a question frame already put in Vietnamese
    r"|(?:số\s+)?\d+[A-Za-z]?(?:/\d{4})?[/-][^\W\d_][\w/-]*[^\W_]"  # 2820/QĐ-UBND
    r"|(?:số\s+)?\d+(?:[.,/:-]\d+)*%?"
    r"|[^\W\d_]+(?:['-]\w+)*'?"
    r"|[,;]"
)
_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("s", ""))
_VERB_SUFFIXES = (("ied", "y"), ("ing", ""), ("ed", ""))


def _stem(word: str) -> str:
    """ "issued", "issues", "issuing" → "issu": tolerate plural and verb endings."""
    w = word.lower().removesuffix("'s").rstrip("'")
    for suffixes in (_SUFFIXES, _VERB_SUFFIXES):
        if len(w) > 3 and not w.endswith(("ss", "us", "is")):
            for suffix, repl in suffixes:
                if w.endswith(suffix) and len(w) - len(suffix) >= 2:
                    w = w[: -len(suffix)] + repl
                    break
    w = w.removesuffix("e") if len(w) > 3 else w
    return w[:-1] if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeioulsf" else w


@cache
def glossary() -> tuple[Entry, ...]:
    text = (files("vntext") / "data" / "glossary_en_vi.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in nfc(text).splitlines() if line and line[0] != "#"]
    return tuple(
        Entry(row[0].strip(), *_forms(row[1]), kind=(row[2].strip() if len(row) > 2 else "n"))
        for row in rows
    )


def _forms(cell: str) -> tuple[str, tuple[str, ...]]:
    first, *rest = (form.strip() for form in cell.split("|"))
    return first, tuple(rest)


@cache
def _index() -> tuple[dict[tuple[str, ...], Entry], dict[tuple[str, ...], Entry], int]:
    exact: dict[tuple[str, ...], Entry] = {}
    stemmed: dict[tuple[str, ...], Entry] = {}
    for entry in glossary():
        key = tuple(t.lower() for t in _TOKEN.findall(entry.english))
        exact[key] = entry
        stemmed.setdefault(tuple(_stem(t) for t in key), entry)
    return exact, stemmed, max(len(k) for k in exact)


def _lookup(tokens: list[str], i: int) -> tuple[Entry | None, int]:
    """The longest glossary entry at tokens[i]: the exact words first, then their stems."""
    exact, stemmed, longest = _index()
    for n in range(min(longest, len(tokens) - i), 0, -1):
        words = [w.lower() for w in tokens[i : i + n]]
        bare = (*words[:-1], words[-1].removesuffix("'s"))  # "the Fund's capital": "fund"
        entry = exact.get(tuple(words)) or exact.get(bare) or stemmed.get(tuple(map(_stem, words)))
        if entry:
            return entry, n
    return None, 0


_YEAR = re.compile(r"(?:19|20)\d{2}")
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
_PLACE_MARKERS = frozenset(fold(m) for m in entries("place_markers"))
_ASKED = {"q": "là bao nhiêu", "d": "là khi nào"}  # "what is the <rate|deadline> …"


@dataclass
class _Unit:
    text: str
    kind: str  # a glossary kind, name, num, word or en (kept as written), fn (dropped), mark, punct
    source: str = ""


def _is_name(token: str, at_start: bool) -> bool:
    word = token.removesuffix("'s")
    if not word[:1].isupper() or (len(word) > 1 and word.isupper()) or not word.isalpha():
        return False
    if at_start and word.lower() in _EN_FUNCTION:
        return False
    return has_diacritics(word) or vi_shaped(word)


def _opens_name(tokens: list[str], i: int) -> bool:
    """A capitalised function word inside the sentence that a name follows is the name's first
    syllable: "of Can Tho city", "in Nam Dinh" (but "In Binh Gia, …" opening the question)."""
    word = tokens[i]
    return (
        i > 0
        and word[:1].isupper()
        and word.isalpha()
        and vi_shaped(word)
        and i + 1 < len(tokens)
        and _is_name(tokens[i + 1], at_start=False)
    )


def _units(tokens: list[str], used: list[Entry]) -> list[_Unit]:
    units: list[_Unit] = []
    i = 0
    while i < len(tokens):
        token, lower = tokens[i], tokens[i].lower()
        entry, n = _lookup(tokens, i)
        if entry and n > 1:  # a capitalised phrase the glossary knows ("Ring Road") is no name
            used.append(entry)
            units.append(_Unit(entry.vietnamese, entry.kind, lower))
            i += n
            continue
        if _is_name(token, at_start=True) or _opens_name(tokens, i):
            j = i + 1
            while j < len(tokens) and _is_name(tokens[j], at_start=False):
                j += 1
            units.append(_Unit(" ".join(t.removesuffix("'s") for t in tokens[i:j]), "name"))
            i = j
            continue
        entry, n = _lookup(tokens, i)
        if entry:
            used.append(entry)
            units.append(_Unit(entry.vietnamese, entry.kind, lower))
            i += n
            continue
        if token.startswith("«"):
            units.append(_Unit(token.strip("«»"), "mark"))
        elif token[0].isdigit() or token.startswith("số"):
            # "in 2022" → "năm 2022", "on 16/9/2022" → "ngày 16/9/2022"
            lead = "năm " if _YEAR.fullmatch(token) else "ngày " if _DATE.fullmatch(token) else ""
            lead *= i > 0 and tokens[i - 1].lower() in _EN_FUNCTION
            units.append(_Unit(lead + spell_figure(token), "num"))
        elif token in ",;":
            units.append(_Unit(token, "punct"))
        elif lower in _EN_FUNCTION:
            units.append(_Unit("", "fn", lower))
        else:
            word = token.removesuffix("'s")
            # Vietnamese words and names are nouns; an English word we do not know may be a
            # verb, so it keeps its place rather than join a noun phrase.
            vietnamese = has_diacritics(word) or vi_shaped(word) or not word.islower()
            units.append(_Unit(word, "word" if vietnamese else "en"))
        i += 1
    return units


def _noun_phrase(chunk: list[_Unit]) -> list[_Unit]:
    """English modifiers come before the head, Vietnamese ones after: reverse the pieces,
    keeping a title or document type with its name or number ("Decision 2820/QĐ-UBND") and a
    figure with its units ("10 billion VND" → "10 tỷ đồng")."""
    merged: list[_Unit] = []
    for unit in chunk:
        prev = merged[-1] if merged else None
        joined = _Unit(f"{prev.text} {unit.text}", "x") if prev else unit
        if prev and prev.kind == unit.kind and unit.kind in ("word", "name", "u"):
            merged[-1] = _Unit(joined.text, unit.kind)
        elif prev and prev.kind == "t" and unit.kind in ("name", "num", "word"):
            merged[-1] = _Unit(joined.text[:1].upper() + joined.text[1:], "x")  # names a document
        elif prev and prev.kind in ("num", "num+u") and unit.kind == "u":
            merged[-1] = _Unit(joined.text, "num+u")
        elif prev and prev.kind == "num" and not _YEAR.search(prev.text) and unit.kind != "t":
            merged[-1] = joined
        elif prev and unit.kind == "num" and prev.kind not in ("num", "num+u"):
            merged[-1] = _Unit(joined.text, prev.kind)  # "PCI 2023", "Project 06"
        else:
            merged.append(unit)
    phrase = merged[::-1]
    for k, unit in enumerate(phrase[1:], 1):
        after_marker = fold(phrase[k - 1].text) in _PLACE_MARKERS
        if unit.kind == "word" and after_marker and all(vi_shaped(w) for w in unit.text.split()):
            unit.text = unit.text.title()  # "tam gia commune" → "xã Tam Gia"
    return phrase


_NOMINAL = frozenset({"n", "q", "d", "t", "u", "name", "num", "word"})


def _render(units: list[_Unit]) -> tuple[str, str]:
    """The Vietnamese words, and the kind of the first noun phrase's head ("q" for a rate)."""
    parts: list[str] = []
    chunk: list[_Unit] = []
    heads: list[str] = []
    asking = closed = False
    for unit in [*units, _Unit("", "punct")]:
        if unit.kind in _NOMINAL:
            chunk.append(unit)
            continue
        if chunk:
            phrase = _noun_phrase(chunk)
            heads += [] if closed else [phrase[0].kind]
            parts += [u.text for u in phrase] + (["nào"] if asking else [])
            chunk = []
        asking = unit.kind == "fn" and unit.source in ("which", "what")
        if unit.kind == "mark" and unit.text == "^":  # the question clause starts here
            heads.clear()
            closed = False
            continue
        closed = closed or (unit.kind == "punct" and bool(heads))
        if unit.kind not in ("fn", "en") and unit.text:
            parts.append(unit.text)
        elif unit.kind == "en" and unit.text.lower() in _LOANWORDS:
            parts.append(unit.text)  # "website", "internet": written so in the documents too
    text = re.sub(r"\s+([,;])", r"\1", " ".join(parts))
    # "what was X's assigned target": an amount or a time asked about anywhere in the clause
    head = next((h for h in heads if h in ("q", "d")), heads[0] if heads else "")
    return re.sub(r"^[,;\s]+|[,;\s]+$", "", text), head


def to_vietnamese(text: str) -> Translation:
    """The Vietnamese query for an English question: glossary phrases longest-first, the
    question frame turned into Vietnamese question words, names and figures kept."""
    used: list[Entry] = []
    framed = reorder(normalise(text))
    vietnamese, head = _render(_units(_TOKEN.findall(framed), used))
    vietnamese = vietnamese.replace("WHAT", _ASKED.get(head, "là gì"))
    return Translation(text=f"{vietnamese}?", used=list(dict.fromkeys(used)))
