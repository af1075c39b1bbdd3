"""Which characters a clip path hides: the rule both PDF readers apply.

A producer may paint text that no one sees: Chromium draws the first glyph of a line
it moved to the next page at the foot of the page, inside a clip path that ends above
it (only the ring of an "Å" would show, if anything). pdfminer ignores clip paths and
PDFium's text page reports every glyph, so both readers would join that stray letter
to the text. A character whose box's centre lies outside its clip box is not printed;
the clip box is the bounding box of the clip paths in force (their intersection), so
a clip that is not a rectangle hides less, never more, than it does on paper.
"""

from __future__ import annotations

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in the page's frame, y up

_SLACK = 1.0  # pt: a centre this close to the clip's edge counts as inside (float noise)


def intersect(clip: Box | None, box: Box | None) -> Box | None:
    """The clip after a further clip path with bounding box `box` (clips only shrink);
    None stands for no clip."""
    if clip is None or box is None:
        return box if clip is None else clip
    return (max(clip[0], box[0]), max(clip[1], box[1]), min(clip[2], box[2]),
            min(clip[3], box[3]))


def bounds(points: list[tuple[float, float]]) -> Box | None:
    """The bounding box of a path's points; None for a path without points."""
    if not points:
        return None
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def hidden(x0: float, y0: float, x1: float, y1: float, clip: Box) -> bool:
    """True when the character with this box (y up) is clipped away."""
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return not (clip[0] - _SLACK <= cx <= clip[2] + _SLACK
                and clip[1] - _SLACK <= cy <= clip[3] + _SLACK)
