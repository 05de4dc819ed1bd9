// Staff chat page: asks /api/ask/stream, shows cited answers, opens the quoted passage.
// Everything that comes from documents or users is put on the page as text (textContent,
// text nodes), never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const turns = []; // earlier {question, answer}, sent along so follow-ups can lean on them
const HISTORY_SENT = 4;
let busy = false;

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

// --- filters ----------------------------------------------------------------------------
function currentFilters() {
  const f = {};
  if ($("f-year").value) f.year = Number($("f-year").value);
  if ($("f-district").value) f.district = $("f-district").value;
  if ($("f-type").value) f.doc_type = $("f-type").value;
  return Object.keys(f).length ? f : null;
}

function showFilterCount() {
  const n = Object.keys(currentFilters() || {}).length;
  $("filter-count").textContent = n ? `(${n} đang bật)` : "";
}

async function loadFacets() {
  try {
    const res = await fetch("/api/facets");
    if (!res.ok) return;
    const facets = await res.json();
    const fill = (id, values) => values.forEach((v) => $(id).appendChild(new Option(v, v)));
    fill("f-year", facets.years);
    fill("f-district", facets.districts);
    fill("f-type", facets.doc_types);
  } catch (e) { /* the drop-downs keep only "Tất cả" */ }
}

// An empty index answers "không tìm thấy" to everything: say why up front.
async function checkReady() {
  try {
    const res = await fetch("/readyz");
    if (res.status !== 503) return;
    $("notice").textContent = "Chưa có văn bản nào được nạp, nên chưa thể trả lời. "
      + "Vui lòng báo quản trị viên nạp văn bản.";
    $("notice").hidden = false;
  } catch (e) { /* the first question will show the connection problem */ }
}

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

// --- rating an answer (👍/👎, then an optional comment) -----------------------------------
let feedbackOn = false; // GET /api/feedback says whether ratings are kept (CHIDAO_QUESTION_LOG)

async function checkFeedback() {
  try {
    const res = await fetch("/api/feedback");
    feedbackOn = res.ok && (await res.json()).enabled === true;
  } catch (e) { /* no rating buttons */ }
}

// POST /api/feedback; null when recorded, else the server's reason.
async function sendRating(answerId, rating, comment) {
  try {
    const res = await fetch("/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answer_id: answerId, rating, comment }),
    });
    if (res.ok) return null;
    return (await res.json()).detail || "Không gửi được đánh giá.";
  } catch (e) {
    return "Không gửi được đánh giá. Vui lòng thử lại.";
  }
}

function rateButton(cls, text, label) {
  const b = el("button", `rate ${cls}`, text);
  b.type = "button";
  b.title = label;
  b.setAttribute("aria-label", label);
  b.setAttribute("aria-pressed", "false");
  return b;
}

// 👍 records at once; 👎 records at once too, then offers a comment box (sending it replaces
// the rating with one that carries the comment).
function renderFeedback(item, answer) {
  if (!feedbackOn || !answer.answer_id) return;
  const bar = el("div", "feedback");
  const up = rateButton("up", "👍", "Câu trả lời hữu ích");
  const down = rateButton("down", "👎", "Câu trả lời chưa đúng hoặc chưa đủ");
  const note = el("span", "rate-note");
  note.setAttribute("role", "status");
  const form = el("form", "rate-comment");
  form.hidden = true;
  const text = el("textarea");
  text.maxLength = 1000;
  text.rows = 2;
  text.placeholder = "Góp ý (không bắt buộc): câu trả lời sai hoặc thiếu ở đâu?";
  text.setAttribute("aria-label", "Góp ý về câu trả lời");
  const send = el("button", "", "Gửi góp ý");
  send.type = "submit";
  form.append(text, send);
  const rate = async (rating, comment) => {
    const problem = await sendRating(answer.answer_id, rating, comment);
    if (problem) { note.textContent = problem; return false; }
    up.setAttribute("aria-pressed", String(rating === "up"));
    down.setAttribute("aria-pressed", String(rating === "down"));
    note.textContent = comment ? "Cảm ơn góp ý của bạn." : "Cảm ơn bạn đã đánh giá.";
    return true;
  };
  up.addEventListener("click", () => { form.hidden = true; rate("up", ""); });
  down.addEventListener("click", async () => {
    if (await rate("down", "")) { form.hidden = false; text.focus(); }
  });
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (await rate("down", text.value.trim())) form.hidden = true;
  });
  bar.append(up, down, note);
  item.append(bar, form);
}

// --- talking to the server --------------------------------------------------------------
function parseBlock(block) {
  let event = "message";
  const data = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  return data.length ? { event, data: JSON.parse(data.join("\n")) } : null;
}

// POST /api/ask/stream and yield its server-sent events; a rejected question becomes one
// {event: "error", data: message, rejected: true}.
async function* streamEvents(body) {
  const res = await fetch("/api/ask/stream", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    let detail = "Không gửi được câu hỏi. Vui lòng thử lại.";
    try { detail = (await res.json()).detail || detail; } catch (e) { /* keep the default */ }
    yield { event: "error", data: detail, rejected: res.status < 500 };
    return;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done }).replace(/\r\n?/g, "\n");
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const ev = parseBlock(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
      if (ev) yield ev;
    }
    if (done) break;
  }
  const last = parseBlock(buffer);
  if (last) yield last;
}

function filterNote(filters) {
  if (!filters) return null;
  const parts = [filters.year, filters.district, filters.doc_type].filter(Boolean);
  return el("span", "filter-note", `Lọc: ${parts.join(" · ")}`);
}

async function ask(question) {
  busy = true;
  $("send").disabled = true;
  $("intro").hidden = true;
  $("new-chat").hidden = false;
  const filters = currentFilters();
  const chat = $("chat");
  const mine = el("li", "msg user", question);
  const note = filterNote(filters);
  if (note) mine.appendChild(note);
  chat.appendChild(mine);
  const item = el("li", "msg bot pending");
  const status = el("p", "status", "Đang gửi câu hỏi…");
  const answerBox = el("p", "answer");
  item.append(status, answerBox);
  chat.appendChild(item);
  item.scrollIntoView({ block: "nearest" });
  let tokens = "";
  let finished = false;
  try {
    const body = { question, filters, history: turns.slice(-HISTORY_SENT) };
    for await (const ev of streamEvents(body)) {
      if (ev.event === "status") status.textContent = ev.data;
      else if (ev.event === "token") { tokens += ev.data; answerBox.textContent = tokens; }
      else if (ev.event === "answer") {
        renderAnswer(answerBox, ev.data);
        renderSources(item, ev.data);
        await feedbackChecked; // the rating buttons show only when ratings are kept
        renderFeedback(item, ev.data);
        item.classList.add(ev.data.found ? "found" : "not-found");
        turns.push({ question, answer: ev.data.answer.slice(0, 4000) });
        finished = true;
      } else if (ev.event === "error") {
        item.classList.add("error");
        answerBox.textContent = typeof ev.data === "string" ? ev.data : "Đã có lỗi khi trả lời.";
        if (ev.rejected && !$("question").value) $("question").value = question;
        finished = true;
      }
    }
    if (!finished) throw new Error("stream ended early");
  } catch (e) {
    item.classList.add("error");
    answerBox.textContent = "Mất kết nối tới máy chủ. Vui lòng thử lại.";
  } finally {
    status.remove();
    item.classList.remove("pending");
    busy = false;
    $("send").disabled = false;
    item.scrollIntoView({ block: "nearest" });
  }
}

// --- wiring -----------------------------------------------------------------------------
function submit() {
  const q = $("question").value.trim();
  if (!q || busy) return;
  $("question").value = "";
  fitInput();
  ask(q);
}

function fitInput() {
  const box = $("question");
  box.style.height = "auto";
  box.style.height = `${Math.min(box.scrollHeight + 2, 160)}px`;
}

function newChat() {
  turns.length = 0;
  $("chat").replaceChildren();
  $("intro").hidden = false;
  $("new-chat").hidden = true;
  $("question").focus();
}

$("ask-form").addEventListener("submit", (ev) => { ev.preventDefault(); submit(); });
$("question").addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); submit(); }
});
$("question").addEventListener("input", fitInput);
document.querySelectorAll(".example").forEach((b) =>
  b.addEventListener("click", () => { $("question").value = b.textContent; submit(); }));
["f-year", "f-district", "f-type"].forEach((id) => $(id).addEventListener("change", showFilterCount));
$("f-clear").addEventListener("click", () => {
  ["f-year", "f-district", "f-type"].forEach((id) => { $(id).value = ""; });
  showFilterCount();
});
$("new-chat").addEventListener("click", newChat);
$("source").addEventListener("click", (ev) => { // a click on the backdrop closes the dialog
  const r = $("source").getBoundingClientRect();
  const inside = ev.clientX >= r.left && ev.clientX <= r.right && ev.clientY >= r.top && ev.clientY <= r.bottom;
  if (ev.target === $("source") && !inside) $("source").close();
});
loadFacets();
checkReady();
const feedbackChecked = checkFeedback();
$("question").focus();
