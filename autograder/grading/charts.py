"""Small inline SVG charts for the class report, so the report is one self-contained HTML file."""

from __future__ import annotations

from html import escape

BAR = "#3b6ea5"
INK = "#222"
GRID = "#ccc"


def _fmt(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def _title(width: int, title: str) -> str:
    anchor = f'x="{width / 2}" y="18" text-anchor="middle"'
    return f'<text {anchor} font-size="14" fill="{INK}">{escape(title)}</text>'


def column_chart(labels: list[str], counts: list[int], title: str, x_title: str, y_title: str) -> str:
    """Vertical bars: one column per label, height by count (a histogram when labels are bins)."""
    width, height, left, bottom, top = 640, 260, 48, 56, 28
    plot_w, plot_h = width - left - 12, height - bottom - top
    peak = max(counts, default=0) or 1
    step = plot_w / max(len(labels), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}">',
        _title(width, title),
    ]
    for tick in range(0, peak + 1, max(1, peak // 5)):
        y = top + plot_h - plot_h * tick / peak
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{tick}</text>')
    for i, (label, count) in enumerate(zip(labels, counts, strict=True)):
        h = plot_h * count / peak
        x = left + i * step
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{top + plot_h - h:.1f}" width="{max(step - 4, 1):.1f}" '
            f'height="{h:.1f}" fill="{BAR}"><title>{escape(label)}: {count}</title></rect>'
        )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{top + plot_h + 14}" text-anchor="middle" font-size="10">'
            f"{escape(label)}</text>"
        )
    parts.append(
        f'<text x="{left + plot_w / 2}" y="{height - 12}" text-anchor="middle" font-size="12">'
        f"{escape(x_title)}</text>"
    )
    parts.append(
        f'<text x="14" y="{top + plot_h / 2}" text-anchor="middle" font-size="12" '
        f'transform="rotate(-90 14 {top + plot_h / 2})">{escape(y_title)}</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def score_histogram(scores: list[float], max_score: float) -> str:
    """How many submissions scored each whole number of points (tenths of the maximum past 20 points)."""
    if max_score == int(max_score) and 0 < max_score <= 20:
        edges = [float(i) for i in range(int(max_score) + 2)]
        labels = [str(i) for i in range(int(max_score) + 1)]
        x_title = "points (rounded down)"
    else:
        width = max_score / 10 if max_score > 0 else 1.0
        edges = [i * width for i in range(11)]
        labels = [f"{_fmt(edges[i])}–{_fmt(edges[i + 1])}" for i in range(10)]
        x_title = "points"
    counts = [0] * len(labels)
    for score in scores:
        index = sum(1 for edge in edges[1:-1] if score >= edge)
        counts[index] += 1
    return column_chart(labels, counts, "Score distribution", x_title, "submissions")


def percent_bars(labels: list[str], percents: list[float], title: str) -> str:
    """Horizontal bars from 0 to 100 %, one per label (per-question means)."""
    row, left, width = 24, 170, 640
    height = 40 + row * len(labels)
    plot_w = width - left - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}">',
        _title(width, title),
    ]
    for tick in (0, 25, 50, 75, 100):
        x = left + plot_w * tick / 100
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="28" y2="{height - 8}" stroke="{GRID}"/>')
    for i, (label, pct) in enumerate(zip(labels, percents, strict=True)):
        y = 30 + i * row
        w = plot_w * max(0.0, min(pct, 100.0)) / 100
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="12">{escape(label)}</text>'
            f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" fill="{BAR}"/>'
            f'<text x="{left + w + 6:.1f}" y="{y + 15}" font-size="11">{pct:.0f}%</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
