// Staff chat page, rating an answer: the 👍/👎 bar under each answer and its comment box,
// shown only when the server keeps ratings. Loaded before app.js, whose el() it uses.
"use strict";

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
