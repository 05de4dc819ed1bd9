// Admin page: every call carries the token; text from the server is shown with textContent.
const $ = (id) => document.getElementById(id);
const token = () => $("token").value.trim();
$("token").value = sessionStorage.getItem("chidao-admin") || "";
$("token").addEventListener("change", () => sessionStorage.setItem("chidao-admin", token()));

async function call(method, url, body) {
  const res = await fetch(url, { method, body, headers: { "X-Admin-Token": token() } });
  let data = {};
  try { data = await res.json(); } catch (e) { data = { detail: res.statusText }; }
  return { ok: res.ok, status: res.status, data };
}

function showErrors(items) {
  const list = $("errors");
  list.replaceChildren();
  for (const item of items) {
    const li = document.createElement("li");
    li.textContent = `${item.name || item.path}: ${item.error}`;
    list.appendChild(li);
  }
}

async function follow(job) {
  while (job && (job.state === "queued" || job.state === "running")) {
    const ocr = job.pages_total > 0 && job.pages_done < job.pages_total;
    $("progress").max = Math.max(ocr ? job.pages_total : job.files_total, 1);
    $("progress").value = ocr ? job.pages_done : job.files_done;
    $("status").textContent = `Đang nạp: ${job.files_done}/${job.files_total} tệp…` +
      (ocr ? ` Nhận dạng chữ (OCR) trang ${job.pages_done}/${job.pages_total}…` : "");
    await new Promise((r) => setTimeout(r, 500));
    const res = await call("GET", `/admin/jobs/${job.id}`);
    if (!res.ok) break;
    job = res.data;
  }
  if (!job) return;
  $("progress").max = Math.max(job.files_total, 1);
  $("progress").value = job.files_total;
  $("status").textContent = job.state === "done"
    ? `Xong: thêm ${job.added}, cập nhật ${job.updated}, không đổi ${job.skipped}, xóa ${job.removed}, lỗi ${job.failed.length}.`
    : `Lỗi: ${job.error || job.state}`;
  showErrors(job.failed || []);
  loadHistory();
  if (job.state === "done") recheck(); // which unanswered questions the new index answers
}

$("upload-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const form = new FormData();
  for (const f of $("files").files) form.append("files", f);
  const res = await call("POST", "/admin/documents", form);
  showErrors(res.data.rejected || []);
  if (!res.ok && !res.data.job) { $("status").textContent = res.data.detail || "Không tải lên được."; return; }
  follow(res.data.job);
});

$("reindex").addEventListener("click", async () => {
  const res = await call("POST", "/admin/reindex");
  if (!res.ok) { $("status").textContent = res.data.detail; return; }
  follow(res.data.job);
});

async function loadHistory() {
  const res = await call("GET", "/admin/jobs");
  const list = $("history");
  list.replaceChildren();
  if (!res.ok) return;
  for (const job of res.data) {
    const li = document.createElement("li");
    const when = job.finished_at ? new Date(job.finished_at * 1000).toLocaleString("vi-VN") : "đang chạy";
    li.textContent = `${when} — ${job.requested_by}: ${job.state}, thêm ${job.added}, cập nhật ${job.updated}, xóa ${job.removed}, lỗi ${job.failed.length}`;
    list.appendChild(li);
  }
}
$("refresh").addEventListener("click", loadHistory);

// --- the question log: unanswered and badly rated questions, re-asked after a re-index --
function questionsUrl(status, format) {
  const params = new URLSearchParams({ status });
  if ($("q-since").value) params.set("since", $("q-since").value);
  if (format) params.set("format", format);
  return `/admin/questions?${params}`;
}

function groupItem(g) {
  const li = document.createElement("li");
  li.append(g.question, " ");
  const count = document.createElement("span");
  count.className = "count";
  count.textContent = `(${g.count} lần)`;
  const meta = document.createElement("span");
  meta.className = "meta";
  const when = new Date(g.last_asked).toLocaleString("vi-VN");
  meta.textContent = `Lần cuối: ${when} · 👍 ${g.up} · 👎 ${g.down}`;
  li.append(count, meta);
  for (const text of g.comments) {
    const c = document.createElement("span");
    c.className = "comment";
    c.textContent = `“${text}”`;
    li.appendChild(c);
  }
  return li;
}

function showGroups(listId, groups, empty) {
  const list = $(listId);
  list.replaceChildren();
  if (!groups.length) list.appendChild(Object.assign(document.createElement("li"), { textContent: empty }));
  for (const g of groups) list.appendChild(groupItem(g));
}

async function loadQuestions() {
  const [unanswered, down] = await Promise.all([
    call("GET", questionsUrl("unanswered")),
    call("GET", questionsUrl("down")),
  ]);
  if (!unanswered.ok || !down.ok) {
    $("q-status").textContent = (unanswered.ok ? down : unanswered).data.detail || "Không tải được.";
    return;
  }
  $("q-status").textContent = "";
  showGroups("q-unanswered", unanswered.data.questions, "Không có câu hỏi nào chưa được trả lời.");
  showGroups("q-down", down.data.questions, "Chưa có câu trả lời nào bị đánh giá thấp.");
}

async function downloadCsv() {
  const res = await fetch(questionsUrl("all", "csv"), { headers: { "X-Admin-Token": token() } });
  if (!res.ok) {
    let detail = "Không tải được CSV.";
    try { detail = (await res.json()).detail || detail; } catch (e) { /* keep the default */ }
    $("q-status").textContent = detail;
    return;
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await res.blob());
  link.download = "cau-hoi.csv";
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function recheck() {
  $("recheck-status").textContent = "Đang hỏi lại các câu chưa có câu trả lời…";
  const res = await call("POST", "/admin/questions/recheck");
  const list = $("recheck-answered");
  list.replaceChildren();
  if (!res.ok) { $("recheck-status").textContent = res.data.detail || "Không hỏi lại được."; return; }
  const { checked, now_answered: answered, questions } = res.data;
  $("recheck-status").textContent = `Đã hỏi lại ${checked} câu: ${answered} câu nay đã có câu trả lời.`;
  for (const q of questions.filter((item) => item.found)) {
    const li = document.createElement("li");
    li.append(q.question, " ");
    const count = Object.assign(document.createElement("span"), { className: "count", textContent: `(${q.count} lần)` });
    const meta = Object.assign(document.createElement("span"), { className: "meta", textContent: q.answer });
    li.append(count, meta);
    list.appendChild(li);
  }
  loadQuestions();
}

$("q-load").addEventListener("click", loadQuestions);
$("q-csv").addEventListener("click", downloadCsv);
$("recheck").addEventListener("click", recheck);
$("token").addEventListener("change", () => { if (token()) loadQuestions(); });
if (token()) loadQuestions();
