#!/bin/sh
# Draws the app icon (an envelope with a "+" badge on a blue tile) with ImageMagick 6 and writes
# the sizes electron-builder uses: icon.png (mac/win, converted to icns/ico) and NxN.png (Linux).
set -eu
cd "$(dirname "$0")"
convert -size 512x512 xc:none -depth 8 \
  -fill '#0b5ea8' -draw "roundrectangle 16,16 495,495 96,96" \
  -fill white -draw "rectangle 116,156 396,356" \
  -fill '#0b5ea8' -draw "polygon 116,156 256,276 396,156 380,156 256,258 132,156" \
  -stroke '#0b5ea8' -strokewidth 10 -fill none -draw "line 120,352 220,262" -draw "line 392,352 292,262" \
  -stroke none -fill '#ffd200' -draw "circle 386,376 386,330" \
  -fill '#0b5ea8' -draw "rectangle 380,352 392,400" -draw "rectangle 362,370 410,382" \
  PNG32:icon.png
cp icon.png 512x512.png
for s in 256 128 64 32 16; do convert icon.png -resize "${s}x${s}" "PNG32:${s}x${s}.png"; done
