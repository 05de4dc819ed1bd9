// Staff chat page, sources: the quoted sentence highlighted in its passage, the source dialog
// with the document's full text, and the numbered sources under an answer. Loaded before
// app.js, whose $() and el() it uses; document text goes on the page as text only.
"use strict";

// --- the quoted sentence, highlighted ---------------------------------------------------
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// [start, end) of `part` in `text` at or after `from` (else anywhere), any whitespace between
// its words, so a quote still matches across line breaks.
function findPart(text, part, from) {
  const words = part.split(/\s+/).filter(Boolean).map(escapeRe);
  if (!words.length) return null;
  const re = new RegExp(words.join("\\s+"), "g");
  re.lastIndex = from;
  let m = re.exec(text);
  if (!m && from > 0) { re.lastIndex = 0; m = re.exec(text); }
  return m ? [m.index, m.index + m[0].length] : null;
}

// Fills `box` with `text`, each piece of `quote` (pieces are joined by "…") marked.
// Returns the first <mark>, or null when the quote is not found.
function highlight(box, text, quote, from = 0) {
  const ranges = (quote || "").split("…").map((p) => findPart(text, p.trim(), from))
    .filter(Boolean).sort((a, b) => a[0] - b[0]);
  box.replaceChildren();
  let at = 0;
  let first = null;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    const mark = el("mark", "", text.slice(start, end));
    box.append(text.slice(at, start), mark);
    first = first || mark;
    at = end;
  }
  box.append(text.slice(at));
  return first;
}

// --- the source dialog ------------------------------------------------------------------
function openCitation(c) {
  $("source-title").textContent = `[${c.n}] ${c.title}`;
  $("source-meta").textContent = [c.date, c.section, pageLabel(c), c.source].filter(Boolean).join(" · ");
  $("source-note").textContent = "Đoạn văn bản chứa câu trích dẫn (được tô vàng).";
  const mark = highlight($("source-text"), c.passage || c.quote, c.quote);
  const full = $("source-full");
  full.disabled = false;
  full.textContent = "Xem toàn văn";
  full.onclick = () => showFullText(c);
  $("source").showModal();
  $("source-text").scrollTop = 0;
  if (mark) mark.scrollIntoView({ block: "center" });
}

async function showFullText(c) {
  const full = $("source-full");
  full.disabled = true;
  full.textContent = "Đang tải…";
  try {
    const res = await fetch(`/api/documents/${encodeURIComponent(c.doc_id)}`);
    const doc = await res.json();
    if (!res.ok) throw new Error(doc.detail);
    const span = doc.spans.find((s) => s.chunk_id === c.chunk_id);
    const mark = highlight($("source-text"), doc.text, c.quote, span ? span.start : 0);
    $("source-note").textContent = "Toàn văn; câu trích dẫn được tô vàng.";
    full.textContent = "Đang xem toàn văn";
    if (mark) mark.scrollIntoView({ block: "center" });
  } catch (e) {
    $("source-note").textContent = e.message || "Không tải được toàn văn. Vui lòng thử lại.";
    full.disabled = false;
    full.textContent = "Xem toàn văn";
  }
}

// --- one answer -------------------------------------------------------------------------
function citeButton(c) {
  const b = el("button", "cite", `[${c.n}]`);
  b.type = "button";
  b.title = c.title;
  b.setAttribute("aria-label", `Nguồn ${c.n}: ${c.title}`);
  b.addEventListener("click", () => openCitation(c));
  return b;
}

// The answer text with each [n] (or [n, m]) turned into buttons that open citation n.
function renderAnswer(box, answer) {
  box.replaceChildren();
  const byN = new Map(answer.citations.map((c) => [c.n, c]));
  for (const piece of answer.answer.split(/(\[\d+(?:\s*,\s*\d+)*\])/)) {
    const nums = /^\[[\d,\s]+\]$/.test(piece) ? piece.match(/\d+/g).map(Number) : [];
    const cites = nums.map((n) => byN.get(n)).filter(Boolean);
    if (cites.length) cites.forEach((c) => box.appendChild(citeButton(c)));
    else box.appendChild(document.createTextNode(piece));
  }
}

// "trang 3" for a passage of a PDF or scan; "" when the notice has no pages.
function pageLabel(c) {
  return c.page ? `trang ${c.page}` : "";
}

// "23/4/2024" → "ngày 23/4/2024", "10/2022" → "tháng 10/2022"; anything else as written.
function dateLabel(date) {
  const slashes = (date || "").split("/").length - 1;
  return slashes === 2 ? `ngày ${date}` : slashes === 1 ? `tháng ${date}` : date;
}

function renderSources(item, answer) {
  if (!answer.citations.length) return;
  item.appendChild(el("p", "sources-title", "Nguồn:"));
  const list = el("ul", "sources");
  for (const c of answer.citations) {
    const li = el("li");
    const link = el("button", "source-link", `[${c.n}] ${c.title}`);
    link.type = "button";
    link.addEventListener("click", () => openCitation(c));
    const meta = [dateLabel(c.date), c.section, pageLabel(c)].filter(Boolean).join(" · ");
    li.append(link, el("span", "source-meta", meta));
    list.appendChild(li);
  }
  item.appendChild(list);
}
