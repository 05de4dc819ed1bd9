"""Column names from a crawled table's two header rows, where nothing says which cell of the
first row spans the cells of the second: "STT", "Nội dung", "Đơn vị tính" span both rows; a cell
such as "Mức thu" or "Tỷ lệ vốn đối ứng (%)" spans the second row's "Thành phố | Xã". When more
than one first-row cell could be the spanning one, the first is taken unless its sub-columns
would then hold words where another's hold only figures ("Địa phương" spanning "Thành phố | Xã"
would put the commune names under "Xã"; "Tỷ lệ vốn đối ứng (%)" puts its figures there)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.tables import header_from_rows

# Header cells that span both rows of a two-row header.
DOWN = re.compile(
    r"^(?:S[ốo]\s*TT|STT|TT|N[ộo]i dung|Đơn vị( tính)?|ĐVT|Ghi chú|Tên|Chỉ tiêu|Địa bàn|Danh mục"
    r"|Lĩnh vực|Nhiệm vụ|Cơ quan)",
    re.I,
)
# (column names, indexes of the columns named from the second row) → the largest share of cells
# of words under one of those columns in the body
WordsUnder = Callable[[list[str], list[int]], float]
MOSTLY, SELDOM = 0.5, 0.2


def two_row_names(
    first: list[str], second: list[str], width: int, words_under: WordsUnder
) -> list[str]:
    spanning = len(first) + len(second) - width
    default = [i for i, c in enumerate(first) if not DOWN.match(c)][:spanning]
    if len(default) < spanning:
        default = list(range(len(first) - spanning, len(first)))
    options = [default] + [
        run
        for start in range(len(first) - spanning + 1)
        if (run := list(range(start, start + spanning))) != default
        and not any(DOWN.match(first[i]) for i in run)
    ]
    named = [_names(first, second, across) for across in options]
    words = [words_under(*names) for names in named]
    best = min(range(len(options)), key=lambda k: (words[k], k))
    # only where the first choice files words under the sub-columns and another does not
    return named[best][0] if words[0] > MOSTLY and words[best] < SELDOM else named[0][0]


def _names(first: list[str], second: list[str], across: list[int]) -> tuple[list[str], list[int]]:
    """The names when the `across` cells of the first row share the second row's cells."""
    share = -(-len(second) // len(across))
    top: list[str] = []
    bottom: list[str] = []
    subs: list[int] = []
    queue = list(second)
    for i, cell in enumerate(first):
        if i not in across:
            top.append(cell)
            bottom.append(cell)
            continue
        take = share if across[-1] != i else len(queue)
        for _ in range(min(take, len(queue))):
            subs.append(len(top))
            top.append(cell)
            bottom.append(queue.pop(0))
    return header_from_rows([top, bottom]), subs
