"""English questions: tell them from Vietnamese and turn them into a Vietnamese query through a
glossary of administrative terms (data/glossary_en_vi.tsv), so that retrieval, scoring and
answering work on the documents' own words. Names stay as written ("Tam Gia")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vntext.english_frames import normalise, reorder, spell_figure
from vntext.english_glossary import TOKEN, Entry, glossary, lookup
from vntext.terms import fold, has_diacritics, nfc
from vntext.wordlists import entries, words

__all__ = ["FRAME", "NOT_FOUND", "Entry", "Translation", "glossary", "is_english", "to_vietnamese"]

FRAME = "According to [1]: "
NOT_FOUND = "The loaded documents do not say."


@dataclass
class Translation:
    text: str  # the Vietnamese query, for retrieval and scoring
    frame: str = FRAME  # the English frame the answer goes into
    used: list[Entry] = field(default_factory=list)  # glossary entries applied (for --explain)

    @property
    def alternatives(self) -> str:
        """The other Vietnamese forms of the entries used ("thời hạn giải quyết" beside
        "thời gian giải quyết"): words a search may also look for."""
        forms = dict.fromkeys(f for entry in self.used for f in entry.alternatives)
        return " ".join(f for f in forms if f not in self.text)


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


_YEAR = re.compile(r"(?:19|20)\d{2}")
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
_PLACE_MARKERS = frozenset(fold(m) for m in entries("place_markers"))
# "what is the <rate|deadline|processing time> …"
_ASKED = {"q": "là bao nhiêu", "m": "là bao nhiêu đồng", "d": "là khi nào", "l": "là bao lâu"}


@dataclass
class _Unit:
    text: str
    kind: str  # a glossary kind, name, num, word or en (kept as written), fn (dropped), mark, punct
    source: str = ""
    owner: bool = False  # ends in "'s": what follows belongs to it ("the Fund's capital")
    proper: bool = False  # written capitalised inside the sentence: one body ("the Fund")


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
    """The question's pieces: glossary phrases longest first (a capitalised phrase the glossary
    knows, "Ring Road", is no name), names, figures, function words and unknown words."""
    units: list[_Unit] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        entry, n = lookup(tokens, i)
        if not (entry and n > 1) and (_is_name(token, at_start=True) or _opens_name(tokens, i)):
            j = i + 1
            while j < len(tokens) and _is_name(tokens[j], at_start=False):
                j += 1
                if tokens[j - 1].endswith("'s"):
                    break
            name = " ".join(t.removesuffix("'s") for t in tokens[i:j])
            units.append(_Unit(name, "name", owner=tokens[j - 1].endswith("'s")))
            i = j
            continue
        if entry:
            used.append(entry)
            owner = tokens[i + n - 1].endswith("'s")
            proper = i > 0 and token[:1].isupper() and n == 1
            units.append(_Unit(entry.vietnamese, entry.kind, token.lower(), owner, proper))
            i += n
            continue
        units.append(_other_unit(tokens, i))
        i += 1
    return _granting(_participles(units))


def _other_unit(tokens: list[str], i: int) -> _Unit:
    """A piece the glossary does not know: a frame's Vietnamese, a figure (a year or a date
    led as Vietnamese leads it), punctuation, a function word, or a word kept or dropped."""
    token, lower = tokens[i], tokens[i].lower()
    if token.startswith("«"):
        return _Unit(token.strip("«»"), "mark")
    if re.fullmatch(r"\d+[A-Z]", token):  # "5G stations" → "trạm 5G": a modifier
        return _Unit(token, "name")
    if token[0].isdigit() or token.startswith("số"):
        # "in 2022" → "năm 2022", "on 16/9/2022" → "ngày 16/9/2022"
        lead = "năm " if _YEAR.fullmatch(token) else "ngày " if _DATE.fullmatch(token) else ""
        before = tokens[i - 1].lower() if i > 0 else ""
        by = before in ("by", "before")  # a deadline: "trước ngày 30/6", "đến năm 2030"
        lead = {"ngày ": "trước ngày ", "năm ": "đến năm "}[lead] if by and lead else lead
        return _Unit(lead * (before in _EN_FUNCTION) + spell_figure(token), "num")
    if token in ",;":
        return _Unit(token, "punct")
    if lower in _EN_FUNCTION:
        return _Unit("", "fn", lower)
    word = token.removesuffix("'s")
    # Vietnamese words and names are nouns; an English word we do not know may be a verb, so
    # it keeps its place rather than join a noun phrase.
    vietnamese = has_diacritics(word) or vi_shaped(word) or not word.islower()
    return _Unit(word, "word" if vietnamese else "en")


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "these", "each"})


def _participles(units: list[_Unit]) -> list[_Unit]:
    """ "the abolished procedure", "X's assigned target": a participle between a determiner
    (or an owner) and its noun modifies the noun and follows it in Vietnamese."""
    for k in range(1, len(units) - 1):
        unit, before, after = units[k], units[k - 1], units[k + 1]
        determined = before.owner or (before.kind == "fn" and before.source in _DETERMINERS)
        if unit.kind == "v" and unit.source.endswith(("ed", "en")) and determined:
            unit.kind = "n" if after.kind in _NOMINAL else unit.kind
    return units


# Papers given to a person or body: issuing one is "cấp", issuing a rule is "ban hành".
_PAPERS = ("giấy", "chứng chỉ", "chứng nhận", "thẻ", "bằng")


def _granting(units: list[_Unit]) -> list[_Unit]:
    """ "issue a certificate" → "cấp giấy chứng nhận": the verb follows its object's kind."""
    for k, unit in enumerate(units):
        if unit.text != "ban hành" or unit.kind != "v":
            continue
        after = next((u for u in units[k + 1 :] if u.kind not in ("fn", "en")), None)
        if after and after.kind in _NOMINAL and after.text.lower().startswith(_PAPERS):
            unit.text = "cấp"
    return units


def _noun_phrase(chunk: list[_Unit]) -> list[_Unit]:
    """English modifiers come before the head, Vietnamese ones after: reverse the pieces,
    keeping a title or document type with its name or number ("Decision 2820/QĐ-UBND") and a
    figure with its units ("10 billion VND" → "10 tỷ đồng"). "X's Y" is "Y của X"."""
    owner = next((k for k, u in enumerate(chunk[:-1]) if u.owner), None)
    if owner is not None:
        owned = _noun_phrase(chunk[owner + 1 :])
        return [*owned, _Unit("của", "link"), *_noun_phrase(chunk[: owner + 1])]
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
    # "draft", "each" open the Vietnamese phrase too: "dự thảo quyết định phân cấp"
    phrase = [u for u in phrase if u.kind == "p"] + [u for u in phrase if u.kind != "p"]
    for k, unit in enumerate(phrase[1:], 1):
        after_marker = fold(phrase[k - 1].text) in _PLACE_MARKERS
        if unit.kind == "word" and after_marker and all(vi_shaped(w) for w in unit.text.split()):
            unit.text = unit.text.title()  # "tam gia commune" → "xã Tam Gia"
    return phrase


def _names_an_owner(unit: _Unit) -> bool:
    """A place, a person or a body (written capitalised): what "of" then means is "của"."""
    named = unit.kind == "name" or unit.proper or unit.text[:1].isupper()
    return named or fold(unit.text) in _PLACE_MARKERS


_NOMINAL = frozenset({"n", "q", "m", "d", "l", "t", "u", "p", "name", "num", "word"})


def _render(units: list[_Unit]) -> tuple[str, str]:
    """The Vietnamese words, and the kind of the first noun phrase's head ("q" for a rate)."""
    parts: list[str] = []
    chunk: list[_Unit] = []
    heads: list[str] = []
    asking = ""  # the question word before the noun phrase being gathered
    closed = False
    opener = _Unit("", "punct")  # what stands before the noun phrase being gathered
    owned = False  # the phrase before can be owned ("tỷ lệ … của tỉnh …")
    for unit in [*units, _Unit("", "punct")]:
        if unit.kind in _NOMINAL:
            chunk.append(unit)
            continue
        if chunk:
            phrase = _noun_phrase(chunk)
            if opener.source == "of" and owned and _names_an_owner(phrase[0]):
                parts.append("của")  # "the rate of Lang Son province": "tỷ lệ … của tỉnh …"
            heads += [] if closed else [next((u.kind for u in phrase if u.kind != "p"), "n")]
            # "what fee does X set": an amount asked for is "bao nhiêu", not "which"
            amount = asking == "what" and phrase[0].kind in ("q", "m")
            asked = ["bao nhiêu đồng" if phrase[0].kind == "m" else "bao nhiêu"] if amount else []
            # "which" follows a document type at once: "nghị quyết nào HĐND Hà Nội"
            at = 1 if asking and not asked and phrase[0].kind == "t" else len(phrase)
            words = [u.text for u in phrase]
            parts += words[:at] + (asked or (["nào"] if asking else [])) + words[at:]
            # a title takes its body without "của": "Chủ tịch UBND tỉnh"
            owned = not (len(phrase) == 1 and phrase[0].kind == "t")
            chunk = []
        asking = unit.source if unit.kind == "fn" and unit.source in ("which", "what") else ""
        opener = opener if unit.source in ("the", "a", "an", "its", "their") else unit
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
    head = next((h for h in heads if h in _ASKED), heads[0] if heads else "")
    return re.sub(r"^[,;\s]+|[,;\s]+$", "", text), head


def to_vietnamese(text: str) -> Translation:
    """The Vietnamese query for an English question: glossary phrases longest-first, the
    question frame turned into Vietnamese question words, names and figures kept."""
    used: list[Entry] = []
    framed = reorder(normalise(text))
    vietnamese, head = _render(_units(TOKEN.findall(framed), used))
    vietnamese = vietnamese.replace("WHAT", _ASKED.get(head, "là gì"))
    vietnamese = vietnamese.replace("HOWMUCH", "bao nhiêu đồng" if head == "m" else "bao nhiêu")
    # "PAR index (cải cách hành chính)" or "still … outstanding" said twice: once is enough
    vietnamese = re.sub(r"\b(\w+(?: \w+){0,5}) \1\b", r"\1", vietnamese)
    return Translation(text=f"{vietnamese}?", used=list(dict.fromkeys(used)))
