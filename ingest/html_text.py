"""The readable part of a saved web page: the title and the article, without the site around it.

Scripts, menus, headers and footers, share buttons and comment boxes go; block elements become
paragraphs, table cells become cells, so `clean_text` sees the same shapes as in other formats.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Tag

from ingest.table_grids import grid_text, html_grid

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "svg",
    "canvas",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "nav",
    "header",
    "footer",
    "aside",
    "template",
    "link",
    "meta",
)
# class or id words of page furniture
_FURNITURE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|footer|header|sidebar|comments?|comment-box"
    r"|binh-luan|share|social|related|tin-lien-quan|banner|advert|ads?|cookie|login|popup|modal"
    r"|tags?|rating|print)(?:$|[-_\s])",
    re.I,
)
_CONTENT = re.compile(r"(?:article|content|detail|post|entry|main|story|body|noi-?dung)", re.I)
_BLOCKS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "figcaption",
    "dt",
    "dd",
    "tr",
)


def html_to_text(html: str) -> str:
    soup = BeautifulSoup(html, "lxml")
    title = _title(soup)
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_is_furniture):
        tag.decompose()
    root = _content_root(soup)
    if root is None:
        return title
    text = _block_text(root)
    if title and title not in text[: len(title) + 200]:
        text = f"{title}\n\n{text}"
    return text


def _title(soup: BeautifulSoup) -> str:
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return h1.get_text(" ", strip=True)
    if soup.title and soup.title.string:
        return re.split(r"\s+[|–-]\s+", soup.title.string.strip())[0]
    return ""


def _is_furniture(tag: Tag) -> bool:
    if not isinstance(tag, Tag) or tag.name in ("html", "body") or tag.attrs is None:
        return False
    names = _attribute_words(tag, "class", "id", "role")
    return bool(names.strip()) and bool(_FURNITURE.search(names))


def _attribute_words(tag: Tag, *attributes: str) -> str:
    """The values of a tag's attributes as one line of words ("class" is a list of them)."""
    words: list[str] = []
    for attribute in attributes:
        value = tag.get(attribute)
        if isinstance(value, str):
            words.append(value)
        elif value:
            words.extend(value)
    return " ".join(words)


def _content_root(soup: BeautifulSoup) -> Tag | None:
    """The <article> or <main>, else the content-like block holding the most paragraph text."""
    for name in ("article", "main"):
        found = soup.find(name)
        if found and len(found.get_text(strip=True)) > 200:
            return found
    candidates = [
        tag
        for tag in soup.find_all(["div", "section"])
        if _CONTENT.search(_attribute_words(tag, "class", "id"))
    ]
    best = max(candidates, key=_paragraph_chars, default=None)
    if best is not None and _paragraph_chars(best) > 200:
        return best
    return soup.body or soup


def _text(tag: Tag | None) -> str:
    return tag.get_text(" ", strip=True) if tag is not None else ""


def _paragraph_chars(tag: Tag) -> int:
    return sum(len(p.get_text(strip=True)) for p in tag.find_all("p"))


def _block_text(root: Tag) -> str:
    """Source line breaks are only spaces; block elements and <br> make the breaks."""
    for node in root.find_all(string=True):
        if node.parent is not None and node.parent.name != "pre":
            node.replace_with(re.sub(r"\s+", " ", str(node)))
    for br in root.find_all("br"):
        br.replace_with("\n")
    for table in root.find_all("table"):  # data tables keep their rows and column headers
        caption = table.find("caption")
        data = None if table.find("table") else grid_text(html_grid(table), _text(caption))
        if data is not None:
            table.replace_with(data)
    for cell in root.find_all(["td", "th"]):
        cell.insert_before("\n|\n")
        cell.insert_after("\n|\n")
    for li in root.find_all("li"):
        if li.parent is not None and li.parent.name == "ul":
            li.insert(0, "- ")
    for tag in root.find_all(_BLOCKS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    text = root.get_text("")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
