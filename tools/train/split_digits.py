#!/usr/bin/python3
"""Writes tools/samples/data/digits-heldout.png: the last 70 samples of each
class of ../shared/data/digits-train.png, which the glyph reader never trains
on (train_glyphs.py uses the first 280). The sample generator draws only
these, and the reader's held-out test measures it on them.

Layout: 1400 x 200 px, 8-bit grey, white digits on black, 20 x 20 px cells,
70 columns x 10 rows; row d holds the 70 samples of digit d.
"""
import os
import sys

import cv2
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CELL, COLUMNS, PER_CLASS, FIRST_HELD_OUT = 20, 70, 350, 280

source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "digits-train.png")
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "tools", "samples", "data", "digits-heldout.png")
sheet = cv2.imread(source, cv2.IMREAD_GRAYSCALE)
if sheet is None or sheet.shape != (1000, 1400):
    sys.exit(f"{source}: not the 1400x1000 sheet of handwritten digits")
held = np.zeros((10 * CELL, (PER_CLASS - FIRST_HELD_OUT) * CELL), np.uint8)
for digit in range(10):
    for k, i in enumerate(range(FIRST_HELD_OUT, PER_CLASS)):
        row, col = divmod(digit * PER_CLASS + i, COLUMNS)
        held[digit * CELL:(digit + 1) * CELL, k * CELL:(k + 1) * CELL] = \
            sheet[row * CELL:(row + 1) * CELL, col * CELL:(col + 1) * CELL]
cv2.imwrite(out, held, [cv2.IMWRITE_PNG_COMPRESSION, 9])
print(f"wrote {out}")
