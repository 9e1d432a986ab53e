"""Colours a page uses, from <style> blocks and style attributes, with their positions.

A colour's meaning differs by market (white for mourning, red for luck), so a
landing page's palette is copy too. This is not a CSS parser: it finds
declarations of colour-bearing properties, reads colour values in them
(hex, rgb(), hsl(), names) and normalises each to "#rrggbb", keeping the exact
offset of the value in the file. Comments, strings and url() arguments are blanked
first (same length, so offsets hold) so "red.png" or "Red Hat" is never a colour.
"""

from __future__ import annotations

import colorsys
import re

from culturelint.document import CssColour
from culturelint.readers.colour_names import NAMED_COLOURS
from culturelint.regex_cache import compile_cached

# Properties whose values can carry a colour; custom properties (--brand) too.
COLOUR_PROPERTIES = frozenset(
    {
        "color",
        "background",
        "background-color",
        "background-image",
        "border",
        "border-color",
        "border-top",
        "border-right",
        "border-bottom",
        "border-left",
        "border-top-color",
        "border-right-color",
        "border-bottom-color",
        "border-left-color",
        "border-block",
        "border-block-color",
        "border-inline",
        "border-inline-color",
        "outline",
        "outline-color",
        "fill",
        "stroke",
        "stop-color",
        "text-decoration",
        "text-decoration-color",
        "text-shadow",
        "box-shadow",
        "caret-color",
        "accent-color",
        "column-rule",
        "column-rule-color",
    }
)

# At-rules whose block holds declarations rather than rules.
_DECLARATION_AT_RULES = frozenset({"font-face", "page", "counter-style", "property"})

_BLANKED = compile_cached(
    r"/\*.*?(?:\*/|\Z)"
    r"|\"(?:\\.|[^\"\\\n])*\"?"
    r"|'(?:\\.|[^'\\\n])*'?"
    r"|(?i:url)\([^)]*\)?",
    re.DOTALL,
)
_STRUCTURE = compile_cached(r"[{};]")
_COLOUR = compile_cached(
    r"#[0-9a-fA-F]{3,8}(?![0-9a-zA-Z_-])"
    r"|(?<![\w-])(?i:rgba?|hsla?)\([^()]*\)"
    r"|(?<![\w#.-])[a-zA-Z]+(?![\w(-])"
)


def _blank(css: str, keep_comments: bool = False) -> str:
    """Replace comments, strings and url() arguments with spaces of the same length."""

    def spaces(m: re.Match[str]) -> str:
        text = m.group()
        if keep_comments and text.startswith("/*"):
            return text
        if text[:4].lower() == "url(":
            return text[:4] + " " * (len(text) - 4)
        return " " * len(text)

    return _BLANKED.sub(spaces, css)


def colours_in_stylesheet(css: str, base: int) -> list[CssColour]:
    """Colours declared in a style sheet written at file offset `base`."""
    clean = _blank(css)
    # Selectors are reported as written, minus comments.
    readable = _BLANKED.sub(
        lambda m: " " * len(m.group()) if m.group().startswith("/*") else m.group(), css
    )
    found: list[CssColour] = []
    stack: list[str | None] = []  # selector of each open block; None for a rule list
    chunk = 0
    for m in _STRUCTURE.finditer(clean):
        ch = m.group()
        in_rule = bool(stack) and stack[-1] is not None
        if ch == "{":
            prelude = clean[chunk : m.start()].strip()
            if prelude.startswith("@"):
                name = prelude[1:].split(None, 1)[0].lower() if len(prelude) > 1 else ""
                stack.append(" ".join(prelude.split()) if name in _DECLARATION_AT_RULES else None)
            else:
                stack.append(" ".join(readable[chunk : m.start()].split()))
        else:
            if in_rule:
                selector = stack[-1] or ""
                found.extend(_declaration(clean, chunk, m.start(), base, selector))
            if ch == "}" and stack:
                stack.pop()
        chunk = m.end()
    if stack and stack[-1] is not None:  # an unclosed last rule
        found.extend(_declaration(clean, chunk, len(clean), base, stack[-1] or ""))
    return found


def colours_in_declarations(text: str, base: int, selector: str) -> list[CssColour]:
    """Colours in a style attribute's declarations, written at file offset `base`."""
    clean = _blank(text)
    found: list[CssColour] = []
    chunk = 0
    for m in re.finditer(";", clean):
        found.extend(_declaration(clean, chunk, m.start(), base, selector))
        chunk = m.end()
    found.extend(_declaration(clean, chunk, len(clean), base, selector))
    return found


def _declaration(clean: str, start: int, end: int, base: int, selector: str) -> list[CssColour]:
    colon = clean.find(":", start, end)
    if colon < 0:
        return []
    prop = clean[start:colon].strip()
    if not prop.startswith("--"):
        prop = prop.lower()
        if prop not in COLOUR_PROPERTIES:
            return []
    found = []
    for m in _COLOUR.finditer(clean, colon + 1, end):
        raw = m.group()
        value = normalise_colour(raw)
        if value is not None:
            found.append(CssColour(value, raw, prop, selector, base + m.start(), base + m.end()))
    return found


def colour_value(raw: str, prop: str, selector: str, start: int) -> CssColour | None:
    """A presentation attribute (`<font color>`, `<rect fill>`) holding one colour."""
    stripped = raw.strip()
    value = normalise_colour(stripped)
    if value is None:
        return None
    offset = start + raw.find(stripped)
    return CssColour(value, stripped, prop, selector, offset, offset + len(stripped))


def normalise_colour(raw: str) -> str | None:
    """ "#rrggbb" for a CSS colour value; None for anything else (var(), currentcolor)."""
    text = raw.strip()
    lower = text.lower()
    if lower.startswith("#"):
        return _hex(lower[1:])
    if lower.startswith(("rgb(", "rgba(")):
        return _rgb(lower[lower.index("(") + 1 : -1])
    if lower.startswith(("hsl(", "hsla(")):
        return _hsl(lower[lower.index("(") + 1 : -1])
    return NAMED_COLOURS.get(lower)


def _hex(digits: str) -> str | None:
    if not all(c in "0123456789abcdef" for c in digits):
        return None
    if len(digits) in (3, 4):
        return "#" + "".join(c * 2 for c in digits[:3])
    if len(digits) in (6, 8):
        return "#" + digits[:6]
    return None


def _arguments(body: str) -> list[str]:
    """Colour function arguments, in either the comma or the space syntax; alpha dropped."""
    body = body.split("/", 1)[0]
    parts = body.replace(",", " ").split()
    return parts[:3] if len(parts) >= 3 else []


def _channel(token: str, scale: float) -> float | None:
    try:
        if token == "none":
            return 0.0
        if token.endswith("%"):
            return max(0.0, min(1.0, float(token[:-1]) / 100))
        return max(0.0, min(1.0, float(token) / scale))
    except ValueError:
        return None


def _rgb(body: str) -> str | None:
    channels = [_channel(t, 255) for t in _arguments(body)]
    if len(channels) != 3 or any(c is None for c in channels):
        return None
    return "#" + "".join(f"{_byte(c):02x}" for c in channels if c is not None)


_ANGLE_UNITS = {"deg": 1.0, "grad": 0.9, "rad": 180 / 3.141592653589793, "turn": 360.0}


def _hue(token: str) -> float | None:
    if token == "none":
        return 0.0
    for unit, factor in _ANGLE_UNITS.items():
        if token.endswith(unit):
            token, scale = token[: -len(unit)], factor
            break
    else:
        scale = 1.0
    try:
        return (float(token) * scale) % 360
    except ValueError:
        return None


def _hsl(body: str) -> str | None:
    args = _arguments(body)
    if not args:
        return None
    hue = _hue(args[0])
    saturation = _channel(args[1], 100)
    lightness = _channel(args[2], 100)
    if hue is None or saturation is None or lightness is None:
        return None
    r, g, b = colorsys.hls_to_rgb(hue / 360, lightness, saturation)
    return "#" + "".join(f"{_byte(c):02x}" for c in (r, g, b))


def _byte(channel: float) -> int:
    """0..1 to 0..255, halves rounded up (the epsilon absorbs float error in hsl maths)."""
    return min(255, int(channel * 255 + 0.5 + 1e-9))
