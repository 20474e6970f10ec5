#!/usr/bin/env python3
"""Draws ProcLab's app icons (web/icons/): a Gantt chart of three processes on the accent blue.

One drawing, written twice: as SVG (any size) and as PNG at 192 and 512 pixels (what install
prompts and home screens ask for), rasterised here with the standard library only, so the
committed files can be made again exactly: `python3 scripts/icons.py`.
"""
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "web" / "icons"
ACCENT = (0x0B, 0x5C, 0xAD)
# Bars on a 16-unit grid: (row, start, end, colour). Three processes taking turns on one CPU.
COLOURS = [(0xFF, 0xFF, 0xFF), (0xFF, 0xC8, 0x57), (0x8F, 0xE3, 0xB0)]
BARS = [(0, 3, 6, 0), (1, 6, 9, 1), (0, 9, 11, 0), (2, 11, 13, 2)]
ROWS_Y = [3.3, 6.3, 9.3]
BAR_HEIGHT = 2.4
AXIS = (3, 13, 12.6, 0.4)  # x from, x to, y, thickness


def svg():
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">',
        '<rect width="16" height="16" rx="3" fill="#%02x%02x%02x"/>' % ACCENT,
    ]
    for row, start, end, colour in BARS:
        parts.append(
            '<rect x="%g" y="%g" width="%g" height="%g" rx="0.4" fill="#%02x%02x%02x"/>'
            % (start, ROWS_Y[row], end - start, BAR_HEIGHT, *COLOURS[colour])
        )
    x0, x1, y, thickness = AXIS
    parts.append('<rect x="%g" y="%g" width="%g" height="%g" fill="#ffffff"/>' % (x0, y, x1 - x0, thickness))
    parts.append("</svg>\n")
    return "\n".join(parts)


def inside_rounded(x, y, size, radius):
    """Whether (x, y) in units lies in the rounded square of side `size`."""
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def colour_at(x, y, rounded):
    """The colour at (x, y) in units, or None outside the icon."""
    if rounded and not inside_rounded(x, y, 16, 3):
        return None
    x0, x1, ay, thickness = AXIS
    if x0 <= x < x1 and ay <= y < ay + thickness:
        return (0xFF, 0xFF, 0xFF)
    for row, start, end, colour in BARS:
        if start <= x < end and ROWS_Y[row] <= y < ROWS_Y[row] + BAR_HEIGHT:
            return COLOURS[colour]
    return ACCENT


def png(pixels, rounded=True):
    samples = 4  # supersampling per axis: smooth rounded corners
    rows = []
    for py in range(pixels):
        row = bytearray([0])
        for px in range(pixels):
            total = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples) * 16 / pixels
                    y = (py + (sy + 0.5) / samples) * 16 / pixels
                    colour = colour_at(x, y, rounded)
                    if colour is not None:
                        total[0] += colour[0]
                        total[1] += colour[1]
                        total[2] += colour[2]
                        total[3] += 255
            count = samples * samples
            alpha = total[3] // count
            if alpha:
                covered = total[3] // 255
                row += bytes([total[0] // covered, total[1] // covered, total[2] // covered, alpha])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", pixels, pixels, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(svg())
    for size in (192, 512):
        (OUT / f"icon-{size}.png").write_bytes(png(size))
    # Maskable: the full square (the platform cuts its own shape), drawing inside the safe zone.
    (OUT / "icon-maskable-512.png").write_bytes(png(512, rounded=False))


if __name__ == "__main__":
    main()
