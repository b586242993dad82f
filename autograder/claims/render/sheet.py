"""A sheet of labelled boxes drawn as SVG: the paper claim forms are grids of boxes, each with its
item number (CMS-1500) or form locator (UB-04) printed in its corner and the entry inside."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

LABEL_SIZE = 7.5
VALUE_SIZE = 10.5
CHAR_WIDTH = 0.62  # average letter width of the label font, in ems
STYLE = {
    "error": ("#fde2e1", "#c62828"),
    "warning": ("#fff4ce", "#b26a00"),
}


@dataclass
class Box:
    key: str
    x: float
    y: float
    w: float
    h: float
    label: str = ""
    lines: list[str] = field(default_factory=list)
    shaded: bool = False
    align: str = "start"
    size: float = VALUE_SIZE


@dataclass
class Mark:
    """Findings that point at a box: the badge numbers shown on it and the worst severity."""

    numbers: list[int] = field(default_factory=list)
    severity: str = "warning"


class Sheet:
    """One page of a form."""

    def __init__(self, width: float, height: float, title: str, subtitle: str = ""):
        self.width, self.height = width, height
        self.title, self.subtitle = title, subtitle
        self.boxes: list[Box] = []
        self.notes: list[tuple[float, float, str, float, str]] = []

    def box(
        self,
        key: str,
        x: float,
        y: float,
        w: float,
        h: float,
        label: str = "",
        value: str | list[str] | None = None,
        *,
        shaded: bool = False,
        align: str = "start",
        size: float = VALUE_SIZE,
    ) -> Box:
        if value is None:
            lines: list[str] = []
        elif isinstance(value, str):
            lines = [value] if value else []
        else:
            lines = [v for v in value if v]
        made = Box(key, x, y, w, h, label, lines, shaded, align, size)
        self.boxes.append(made)
        return made

    def note(self, x: float, y: float, text: str, size: float = LABEL_SIZE, weight: str = "normal") -> None:
        self.notes.append((x, y, text, size, weight))

    def keys(self) -> set[str]:
        return {b.key for b in self.boxes}

    def svg(self, marks: dict[str, Mark]) -> str:
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}" role="img" aria-label="{escape(self.title)}" '
            'style="background:#fff;font-family:Helvetica,Arial,sans-serif">',
            f'<rect x="0.5" y="0.5" width="{self.width - 1}" height="{self.height - 1}" fill="#fff" '
            'stroke="#b03a2e"/>',
            f'<text x="20" y="24" font-size="15" font-weight="bold" fill="#b03a2e">'
            f"{escape(self.title)}</text>",
        ]
        if self.subtitle:
            out.append(f'<text x="20" y="38" font-size="8" fill="#b03a2e">{escape(self.subtitle)}</text>')
        badges = []
        for b in self.boxes:
            mark = marks.get(b.key)
            fill, stroke, width = ("#f3e1de" if b.shaded else "#fff"), "#b03a2e", 0.6
            if mark:
                fill, stroke = STYLE[mark.severity]
                width = 2
            out.append(
                f'<rect x="{b.x}" y="{b.y}" width="{b.w}" height="{b.h}" fill="{fill}" stroke="{stroke}" '
                f'stroke-width="{width}" data-field="{escape(b.key)}"/>'
            )
            label_size = min(LABEL_SIZE, (b.w - 3) / (max(len(b.label), 1) * CHAR_WIDTH))
            if b.label:
                out.append(
                    f'<text x="{b.x + 2}" y="{b.y + LABEL_SIZE + 0.5}" font-size="{label_size:.2f}" '
                    f'fill="#b03a2e">{escape(b.label)}</text>'
                )
            top = b.y + (LABEL_SIZE + 2 if b.label else 0) + b.size
            step = b.size * 1.18
            anchor = {
                "start": (b.x + 4, "start"),
                "end": (b.x + b.w - 4, "end"),
                "middle": (b.x + b.w / 2, "middle"),
            }
            tx, ta = anchor[b.align]
            if b.label and b.h < LABEL_SIZE + VALUE_SIZE + 4:  # a short box: the entry follows its label
                top = b.y + b.h - 3
                if b.align == "start":
                    tx = b.x + 8 + len(b.label) * label_size * CHAR_WIDTH
            for i, line in enumerate(b.lines):
                if top + i * step > b.y + b.h + 2:
                    break
                out.append(
                    f'<text x="{tx}" y="{top + i * step:.1f}" font-size="{b.size}" text-anchor="{ta}" '
                    f'font-family="Courier New,monospace" fill="#111">{escape(line)}</text>'
                )
            if mark:
                label = ",".join(str(n) for n in mark.numbers[:3]) + ("+" if len(mark.numbers) > 3 else "")
                radius = 6 + 3 * (len(label) - 1)
                cx, cy = b.x + b.w - radius - 1, b.y + 7
                badges.append(
                    f'<rect x="{cx - radius}" y="{cy - 6}" width="{2 * radius}" height="12" rx="6" '
                    f'fill="{stroke}"/>'
                    f'<text x="{cx}" y="{cy + 3.5}" font-size="9" font-weight="bold" fill="#fff" '
                    f'text-anchor="middle">{label}</text>'
                )
        for x, y, text, size, weight in self.notes:
            out.append(
                f'<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}" fill="#b03a2e">'
                f"{escape(text)}</text>"
            )
        out.extend(badges)
        out.append("</svg>")
        return "".join(out)
