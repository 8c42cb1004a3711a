#!/usr/bin/env bash
# Renders the manifest's PNG icons from public/icon.svg (Debian: apt-get install librsvg2-bin).
# The PNGs are committed, so this runs only when the icon changes.
set -euo pipefail
cd "$(dirname "$0")/.."
rsvg-convert -w 192 -h 192 public/icon.svg -o public/icon-192.png
rsvg-convert -w 512 -h 512 public/icon.svg -o public/icon-512.png
rsvg-convert -w 180 -h 180 public/icon.svg -o public/apple-touch-icon.png
# Maskable: full-bleed background, the waveform scaled into the central safe zone (80 % circle),
# because launchers crop the icon to their own shape.
cat > /tmp/wolfie-maskable.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#3b4fd8"/><g transform="translate(12.8 12.8) scale(0.6)"><path d="M8 36h6l4-14 6 26 6-34 6 30 5-16 4 8h11" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></g></svg>
SVG
rsvg-convert -w 512 -h 512 /tmp/wolfie-maskable.svg -o public/icon-maskable-512.png
