#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Writes the main toolbar's fallback icons (used where the desktop theme has none) as SVG into
# resources/icons/toolbar/, then renders each at 24 px and 48 px (name.png, name@2x.png) with
# rsvg-convert (Debian's librsvg2-bin): Qt here has no SVG module, and the @2x files keep the
# toolbar crisp at 200 % scale. Mid-tone colours so each reads on light and dark palettes.
import os
import subprocess

BLUE, GREEN, RED, GREY, ORANGE = "#3b7dd8", "#2a9d5c", "#d9342b", "#7f8c99", "#e08a1e"
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "icons", "toolbar")


def arrow(direction, colour=BLUE):
    # A chevron-like arrow pointing left or right, centred.
    if direction == "left":
        return f'<path d="M15 5 L7 12 L15 19" fill="none" stroke="{colour}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>'
    return f'<path d="M9 5 L17 12 L9 19" fill="none" stroke="{colour}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>'


def magnifier(extra=""):
    return (f'<circle cx="10" cy="10" r="6" fill="none" stroke="{GREY}" stroke-width="2.5"/>'
            f'<path d="M14.5 14.5 L20 20" stroke="{GREY}" stroke-width="3" stroke-linecap="round"/>' + extra)


def circular(colour):
    return (f'<path d="M18.5 12 A6.5 6.5 0 1 1 16 6.9" fill="none" stroke="{colour}" stroke-width="2.6" stroke-linecap="round"/>'
            f'<path d="M13.5 3.5 L19 5.5 L15.5 10 Z" fill="{colour}"/>')


ICONS = {
    "capture-start": f'<path d="M6 4 L20 12 L6 20 Z" fill="{GREEN}"/>',
    "capture-stop": f'<rect x="5" y="5" width="14" height="14" rx="2" fill="{RED}"/>',
    "capture-restart": circular(GREEN),
    "capture-options": (f'<circle cx="12" cy="12" r="7.5" fill="none" stroke="{GREY}" stroke-width="3" stroke-dasharray="3 2.9"/>'
                        f'<circle cx="12" cy="12" r="5" fill="none" stroke="{GREY}" stroke-width="2.4"/>'),
    "document-open": (f'<path d="M3 6 L3 19 L21 19 L21 8 L11 8 L9 6 Z" fill="{ORANGE}"/>'
                      f'<path d="M3 19 L6 11 L23 11 L21 19 Z" fill="#f2b350"/>'),
    "document-save": (f'<rect x="4" y="4" width="16" height="16" rx="2" fill="{BLUE}"/>'
                      f'<rect x="7" y="4" width="10" height="6" fill="#ffffff"/><rect x="7" y="13" width="10" height="7" fill="#dfe8f5"/>'),
    "document-close": f'<path d="M6 6 L18 18 M18 6 L6 18" stroke="{RED}" stroke-width="3.2" stroke-linecap="round"/>',
    "document-reload": circular(BLUE),
    "edit-find": magnifier(),
    "go-previous": arrow("left"),
    "go-next": arrow("right"),
    "go-back": arrow("left", GREY),
    "go-forward": arrow("right", GREY),
    "go-jump": (f'<path d="M3 12 L14 12" stroke="{BLUE}" stroke-width="3" stroke-linecap="round"/>'
                f'<path d="M11 7 L16 12 L11 17" fill="none" stroke="{BLUE}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>'
                f'<path d="M19 4 L19 20" stroke="{GREY}" stroke-width="3" stroke-linecap="round"/>'),
    "go-first": (f'<path d="M6 4 L6 20" stroke="{BLUE}" stroke-width="3" stroke-linecap="round"/>'
                 f'<path d="M19 5 L10 12 L19 19 Z" fill="{BLUE}"/>'),
    "go-last": (f'<path d="M18 4 L18 20" stroke="{BLUE}" stroke-width="3" stroke-linecap="round"/>'
                f'<path d="M5 5 L14 12 L5 19 Z" fill="{BLUE}"/>'),
    "colorize": (f'<rect x="3" y="4" width="18" height="4" fill="#8fd694"/><rect x="3" y="10" width="18" height="4" fill="#9cc3f0"/>'
                 f'<rect x="3" y="16" width="18" height="4" fill="#f0a09c"/>'),
    "auto-scroll": (f'<path d="M4 4 L20 4 M4 9 L20 9 M4 14 L11 14" stroke="{GREY}" stroke-width="2.4" stroke-linecap="round"/>'
                    f'<path d="M17 11 L17 20 M13.5 16.5 L17 20 L20.5 16.5" fill="none" stroke="{BLUE}" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>'),
    "zoom-in": magnifier(f'<path d="M7 10 L13 10 M10 7 L10 13" stroke="{BLUE}" stroke-width="2.4" stroke-linecap="round"/>'),
    "zoom-out": magnifier(f'<path d="M7 10 L13 10" stroke="{BLUE}" stroke-width="2.4" stroke-linecap="round"/>'),
    "zoom-original": magnifier(f'<path d="M9 7.5 L10.5 6.5 L10.5 13.5" fill="none" stroke="{BLUE}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>'),
    "resize-columns": (f'<path d="M3 4 L3 20 M21 4 L21 20" stroke="{GREY}" stroke-width="2.4" stroke-linecap="round"/>'
                       f'<path d="M7 12 L17 12 M10 9 L7 12 L10 15 M14 9 L17 12 L14 15" fill="none" stroke="{BLUE}" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>'),
}

os.makedirs(HERE, exist_ok=True)
for name, body in ICONS.items():
    svg = os.path.join(HERE, name + ".svg")
    with open(svg, "w") as f:
        f.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">{body}</svg>\n')
    for size, suffix in ((24, ""), (48, "@2x")):
        subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), svg, "-o",
                        os.path.join(HERE, name + suffix + ".png")], check=True)
