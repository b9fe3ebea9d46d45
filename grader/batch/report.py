"""`report.html`: the class at a glance, in one self-contained file an instructor can open offline.

Score distribution (an inline SVG chart), statuses, the pass rate of every check, the most common failure
messages, and every student with a link to their feedback. No external resource of any kind; the little script
only sorts and filters the students' table, and the page reads fine without it. Everything that comes from
students (folder names, messages) is escaped.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from html import escape
from typing import TextIO
from urllib.parse import quote

from grader.batch.records import NOT_GRADED, NOT_STARTED, StudentRecord
from grader.batch.stats import CheckRate, ClassStats, by_exercise, compute
from grader.catalog import Exercise
from grader.identity import grader_version
from grader.messages import safe_line

STATUS_COLOURS = {
    "ok": "#2e7d32", "not_started": "#9e9e9e", "missing": "#757575", "import_error": "#ef6c00",
    "syntax_error": "#ef6c00", "timeout": "#c62828", "crashed": "#c62828", "grader_error": "#6a1b9a",
    "not_graded": "#455a64",
}  # fmt: skip

_STYLE = """
:root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; background: #f6f7f9; }
body { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { margin: 0 0 4px; font-size: 1.7rem; } h2 { font-size: 1.2rem; margin: 0 0 12px; }
.sub { color: #5b6475; margin: 0 0 20px; } td.sub { margin: 0; }
section { background: #fff; border: 1px solid #e1e4ea; border-radius: 10px; padding: 18px 20px; margin-bottom: 18px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px;
         background: none; border: none; padding: 0; }
.card { background: #fff; border: 1px solid #e1e4ea; border-radius: 10px; padding: 14px 16px; }
.card b { display: block; font-size: 1.6rem; } .card span { color: #5b6475; font-size: .9rem; }
.chip { display: inline-block; border-radius: 999px; padding: 3px 10px; margin: 0 6px 6px 0; color: #fff;
        font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eef0f3; vertical-align: top; }
th { color: #5b6475; font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
#students th { cursor: pointer; user-select: none; } #students th:hover { color: #1d2330; }
.bar { background: #eef0f3; border-radius: 4px; height: 12px; min-width: 120px; }
.bar i { display: block; height: 12px; border-radius: 4px; background: #3b6fd8; }
.low i { background: #d84b3b; } .mid i { background: #e0a526; }
.msg { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .82rem; word-break: break-word; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; background: #eef0f4;
       padding: 0 .2em; border-radius: 3px; }
input[type=search] { padding: 6px 10px; border: 1px solid #cfd4dc; border-radius: 6px; width: 260px;
                     margin-bottom: 10px; }
svg text { font-size: 12px; fill: #1d2330; } svg .axis { stroke: #cfd4dc; } svg .grid { stroke: #eef0f3; }
footer { color: #8a93a3; font-size: .8rem; text-align: center; }
"""

_SCRIPT = """
(function () {
  var errors = [];
  window.addEventListener("error", function (e) {
    errors.push(String(e.message));
    document.body.dataset.errors = errors.join(" | ");
  });
  var table = document.getElementById("students");
  var body = table.tBodies[0];
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
    th.addEventListener("click", function () {
      var descending = th.dataset.order !== "desc";
      th.dataset.order = descending ? "desc" : "asc";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.sort || a.cells[column].textContent;
        var y = b.cells[column].dataset.sort || b.cells[column].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return descending ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  document.getElementById("filter").addEventListener("input", function (e) {
    var needle = e.target.value.toLowerCase();
    Array.prototype.forEach.call(body.rows, function (row) {
      row.hidden = needle && row.textContent.toLowerCase().indexOf(needle) < 0;
    });
  });
  document.body.dataset.ready = "yes";
})();
"""


def _histogram_svg(stats: ClassStats) -> str:
    width, height, left, bottom, top = 720, 240, 36, 28, 16
    bins = stats.bins
    step = max(1, -(-max((count for _, count in bins), default=0) // 4))  # whole students per gridline
    tallest = 4 * step
    slot = (width - left - 8) / max(len(bins), 1)
    parts = [f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" '
             f'aria-label="How many students got each total score">']  # fmt: skip
    base = height - bottom
    parts.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{width - 8}" y2="{base}"/>')
    for line in range(5):
        y = base - (base - top) * line / 4
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{line * step}</text>')
        if line:
            parts.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}"/>')
    for index, (label, count) in enumerate(bins):
        bar = (base - top) * count / tallest
        x = left + index * slot + slot * 0.12
        parts.append(
            f'<rect x="{x:.1f}" y="{base - bar:.1f}" width="{slot * 0.76:.1f}" height="{bar:.1f}" rx="3" '
            f'fill="#3b6fd8"><title>scored {escape(label)}: {count} student(s)</title></rect>'
        )
        middle = x + slot * 0.38
        if count:
            parts.append(f'<text x="{middle:.1f}" y="{base - bar - 4:.1f}" text-anchor="middle">{count}</text>')
        parts.append(f'<text x="{middle:.1f}" y="{base + 16}" text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _bar(rate: float) -> str:
    kind = "low" if rate < 0.4 else "mid" if rate < 0.7 else ""
    return f'<div class="bar {kind}"><i style="width:{rate * 100:.1f}%"></i></div>'


def _cards(stats: ClassStats) -> str:
    full = sum(t == stats.max_score for t in stats.totals)
    not_ok = stats.students - stats.statuses.get("ok", 0)
    cards = [
        (f"{stats.students}", "students"),
        (f"{stats.mean:.1f} / {stats.max_score}", "mean score"),
        (f"{stats.median:g}", "median score"),
        (f"{full}", "full marks"),
        (f"{not_ok}", "with a problem (not ok)"),
        (f"{stats.statuses.get(NOT_STARTED, 0)}", "started nothing (counted in not ok)"),
    ]
    return "".join(f'<div class="card"><b>{escape(v)}</b><span>{escape(k)}</span></div>' for v, k in cards)


def _statuses(stats: ClassStats) -> str:
    chips = []
    for status, count in sorted(stats.statuses.items(), key=lambda item: (-item[1], item[0])):
        colour = STATUS_COLOURS.get(status, "#455a64")
        chips.append(f'<span class="chip" style="background:{colour}">{escape(status)} · {count}</span>')
    return "".join(chips)


def _rate_cells(rate: CheckRate) -> str:
    """The bar and the main figure are of those who started the exercise; the share of all students is second."""
    of_all = f'<td class="num sub">{rate.passed}/{rate.graded} · {rate.rate_of_all:.0%}</td>'
    if not rate.started:
        return f'<td class="sub">nobody started it</td><td class="num">—</td>{of_all}'
    return f'<td>{_bar(rate.rate)}</td><td class="num">{rate.passed}/{rate.started} · {rate.rate:.0%}</td>{of_all}'


def _rates(stats: ClassStats, exercises: list[Exercise]) -> str:
    rows = ['<tr><th>check</th><th colspan="2">passed, of the students who started the exercise</th>'
            '<th class="num">of all students</th></tr>']  # fmt: skip
    grouped = by_exercise(stats.rates)
    for exercise in exercises:
        missing = stats.missing.get(exercise.id, 0)
        started = f"started by {stats.started.get(exercise.id, 0)} of {stats.graded}"
        started += f" ({missing} without a readable file)" if missing else ""
        rows.append(f'<tr><th colspan="4">{escape(exercise.id)} · {escape(exercise.title)} '
                    f'<span class="sub">— {started}</span></th></tr>')  # fmt: skip
        for rate in grouped.get(exercise.id, []):
            rows.append(f"<tr><td>{with_code(rate.title)}</td>{_rate_cells(rate)}</tr>")
    return "<table>" + "".join(rows) + "</table>"


def with_code(text: str) -> str:
    """`text` escaped, its `code spans` (as the checks write them) shown as code rather than with backticks."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))


def _failures(stats: ClassStats) -> str:
    if not stats.failures:
        return "<p>No failure messages: every started check passed.</p>"
    rows = ['<tr><th class="num">students</th><th>exercise</th><th>check</th><th>message</th></tr>']
    for failure in stats.failures:
        whole = "<em>the whole exercise</em>" if failure.exercise else "<em>the whole repository</em>"
        exercise = escape(failure.exercise) if failure.exercise else "all"
        rows.append(
            f'<tr><td class="num">{len(failure.students)}</td><td>{exercise}</td>'
            f"<td>{_checks(failure.checks) if failure.checks else whole}</td>"
            f'<td class="msg" title="{escape(failure.example)}">{with_code(failure.shown)}</td></tr>'
        )
    if stats.failures_left_out:
        count = stats.failures_left_out
        messages = "1 more message" if count == 1 else f"{count} more messages"
        rows.append(
            f'<tr><td class="num">…</td><td colspan="3"><em>and {messages}, {_each_from(*stats.left_out_students)}:'
            " every student's feedback file has all of theirs</em></td></tr>"
        )
    return "<table>" + "".join(rows) + "</table>"


def _checks(titles: list[str], shown: int = 3) -> str:
    """The checks that gave one message: each title when they are few, else the first ones and how many more."""
    if len(titles) <= shown:
        return "<br>".join(map(with_code, titles))
    more = len(titles) - shown + 1
    return "<br>".join([*map(with_code, titles[: shown - 1]), f"<em>and {more} more checks</em>"])


def _each_from(fewest: int, most: int) -> str:
    """`each from one student`, `each from 2 students`, `each from 1 to 3 students`: every message has one."""
    if most == 1:
        return "each from one student"
    if fewest == most:
        return f"each from {most} students"
    return f"each from {fewest} to {most} students"


def _students(records: list[StudentRecord], exercises: list[Exercise]) -> str:
    head = "".join(f'<th class="num">{escape(e.id)}</th>' for e in exercises)
    rows = [
        f'<thead><tr><th>student</th>{head}<th class="num">total</th><th>status</th><th>problems</th></tr>'
        "</thead><tbody>"
    ]
    for record in records:
        points = {e.id: e.score for e in record.result.exercises}
        cells = "".join(f'<td class="num">{points.get(e.id, "")}</td>' for e in exercises)
        link = f"feedback/{quote(record.student)}.md"
        name = escape(record.student)
        name = name if record.status == NOT_GRADED else f'<a href="{escape(link)}">{name}</a>'  # no feedback yet
        total = "" if record.error else str(record.result.score)
        colour = STATUS_COLOURS.get(record.status, "#455a64")
        rows.append(
            f"<tr><td>{name}</td>{cells}"
            f'<td class="num" data-sort="{total or -1}">{total}</td>'
            f'<td><span class="chip" style="background:{colour}">{escape(record.status)}</span></td>'
            f'<td class="msg">{with_code(record.problems)}</td></tr>'
        )
    return '<table id="students">' + "".join(rows) + "</tbody></table>"


def render(records: list[StudentRecord], exercises: list[Exercise], out: TextIO, title: str = "Class report") -> None:
    stats = compute(records, exercises)
    title = safe_line(title)  # the ROOTs' names: students' folders, when each was named as a ROOT
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    ids = ", ".join(e.id for e in exercises)
    out.write(
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f'<p class="sub">{stats.students} students · exercise(s) {escape(ids)} · {stats.max_score} points · '
        f"graded {when} by asyncio-kit's grader {escape(grader_version())}</p>"
        f'<section class="cards">{_cards(stats)}</section>'
        f"<section><h2>Score distribution</h2>{_histogram_svg(stats)}</section>"
        f"<section><h2>Status</h2>{_statuses(stats)}</section>"
        f"<section><h2>Pass rate per check</h2>{_rates(stats, exercises)}</section>"
        f"<section><h2>Most common failure messages, by the students who got them</h2>"
        f'<p class="sub">A student counts once for a message, however many of their checks gave it.</p>'
        f"{_failures(stats)}</section>"
        f'<section><h2>Students</h2><input type="search" id="filter" placeholder="Filter students…">'
        f"{_students(records, exercises)}</section>"
        f"<footer>Click a column to sort. Each student's feedback is in feedback/.</footer>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )
