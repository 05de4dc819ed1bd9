"""Answers about a notice itself (who signed it, when and by whom it was issued, its number),
read from its metadata and quoting the header or signature lines they were read from."""

from __future__ import annotations

import re

from vntext.terms import fold


def signer(doc, chunks):
    meta = doc.metadata
    signature = next((c for c in chunks if c.headings == ["Chữ ký"]), None)
    if signature is None or not meta.signer or fold(meta.signer) not in fold(signature.text):
        return None
    role = f" ({meta.signer_position})" if meta.signer_position else ""
    return f"{_name(meta)} do {meta.signer}{role} ký.", signature, signature.text


def issued(doc, chunks):
    meta = doc.metadata
    if len(meta.date) < 7:
        return None
    for chunk in chunks[:3]:
        for line in chunk.text.split("\n"):
            if _ISSUE_LINE.search(line):
                return f"{_name(meta)} ban hành ngày {meta.date_display}.", chunk, line.strip()
    return None


def issuer(doc, chunks):
    meta = doc.metadata
    if not meta.issuer or not chunks:
        return None
    header = []
    for line in chunks[0].text.split("\n"):
        if not line.isupper() or line.startswith("CỘNG HÒA"):
            break
        header.append(line.strip())
    lines = [ln for c in chunks[-4:] for ln in c.text.split("\n") if "thông báo để" in ln]
    quote, chunk = (
        (" ".join(header), chunks[0]) if header else (lines[0] if lines else "", chunks[-1])
    )
    if not quote:
        return None
    return f"{_name(meta)} do {meta.issuer} ban hành.", chunk, quote


def number(doc, chunks):
    meta = doc.metadata
    if not meta.number:
        return None
    for chunk in chunks[:3]:
        for line in chunk.text.split("\n"):
            if meta.number in line:
                return f"{_name(meta)} có số hiệu {meta.number}.", chunk, line.strip()
    return None


# A notice's distribution block: "Nơi nhận:", its "- Như Điều 5;" lines, "- Lưu: VT, HCC." and
# the typist's mark after it ("Huy (23 bản)", "05 bản, QĐ164.", "09 KH"). It names who gets a
# copy, never what the notice decides: none of it answers a question.
_RECIPIENTS = re.compile(r"^\s*(?:Nơi nhận|Nơi gửi)\s*:", re.I)
_FILED = re.compile(r"^\s*[-–+•]?\s*Lưu\s*:", re.I)
_LISTED = re.compile(r"^\s*[-–+•]")
_TYPIST_MARK = re.compile(r"\b\d{1,3}\s*(?:bản|b)\b|^\S{1,12}(?:\s+\S{1,12}){0,2}$", re.I)


def distribution_lines(sentences: list[str]) -> set[int]:
    """The positions of the sentences that belong to a "Nơi nhận:" block."""
    out: set[int] = set()
    for i, sentence in enumerate(sentences):
        if not _RECIPIENTS.match(sentence):
            continue
        out.add(i)
        j, filed = i + 1, False
        while j < len(sentences) and (_LISTED.match(sentences[j]) or _FILED.match(sentences[j])):
            out.add(j)
            filed = filed or bool(_FILED.match(sentences[j]))
            j += 1
        after = sentences[j].strip() if j < len(sentences) else ""
        if filed and after and len(after) <= 40 and _TYPIST_MARK.search(after):
            out.add(j)
    return out


_ISSUE_LINE = re.compile(r",\s*ngày\s*\d{0,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}")


def _name(meta) -> str:
    """ "Thông báo số 66/TB-TCT (Kết luận …)" — how an answer names a notice."""
    head = " ".join(p for p in (meta.doc_type, f"số {meta.number}" if meta.number else "") if p)
    title = meta.title[:1] + meta.title[1:].lower() if meta.title.isupper() else meta.title
    title = title if len(title) <= 90 else title[:87].rstrip() + "…"
    return f"{head or 'Văn bản'} “{title}”" if title else head or "Văn bản"
