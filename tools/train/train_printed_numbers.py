#!/usr/bin/python3
"""Trains the printed-number network of listaudit's number slot.

The same network as the handwritten numbers' (train_numbers.py, NumberNet):
it reads a whole number cell and gives, for every quarter of the cell's
width, the probability of each character (the ten digits, the 26 capital
letters) and of none (CTC). This one is trained on typed numbers. The read
stage runs it on a printed number cell before Tesseract and keeps its reading
only when the reading passes the number's check with every character sure;
Tesseract reads every other cell (pipeline/page/printed_number_reader.cpp).
Tesseract costs about nine milliseconds of CPU a number; this network
about 2.6.

Data (all from Debian, nothing downloaded): numbers composed here, typed in
print faces the generator never types with (tools/samples/typing.cpp lists
the generator's seventeen; these are others: Noto, URW's Nimbus and its
kin, TeX Gyre, Open Sans, Roboto, Lato, Cantarell, Gentium, Charis, EB
Garamond, Computer Modern, Courier Prime, monospaced faces, and the
captions and monospaced cuts of installed families), so that the batches
make-samples draws measure the network on faces it never saw:
- random numbers of the three forms (13 and 10 digits; a letter, eight
  digits and a letter) and of other lengths;
- typed at 7 to 14 points, regular or bold, tracking from tight to spread
  (spaced typing, per-digit boxes), one in ten grouped by a space or a dash;
- one in eight printed by a dot-matrix printer, as make-samples draws one
  (pins 0.3 to 0.42 mm apart, a worn ribbon, a broken pin);
- scanned at 150 to 400 dpi: turned up to a degree and a half, grey toner,
  blur, noise, JPEG, remnants of the cell's rulings; one in eight faxed
  (turned up to three degrees, sampled black or white in the fax's lines,
  as make-samples draws a fax), and of the rest one in four photocopied
  (black or nothing at a drawn threshold, with specks: a light copy breaks
  a thin serif's hairlines);
then binarised as numberWriting binarises a cell (a dot's speck kept among its figure's others) and normalised as
number_sequence.cpp does (both through train_numbers.py).

Fixed seed; two CPU threads. Usage: tools/train-printed-numbers (installs
what it needs from Debian, builds the project and calls this). --validate DIR
scores the network on the printed number cells of a make-samples batch.
"""
import argparse
import os
import sys
import tempfile

import cv2
import numpy as np
import torch
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_glyphs import font_files, on_paper  # noqa: E402
from train_numbers import (HEIGHT, NumberNet, batch_cells, batches_of, cell_writing, ctc_epoch,  # noqa: E402
                           epoch_line, export_sequence_network, random_number, ruling_remnant,
                           sequence_input)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Print faces the generator never types with (its own are in
# tools/samples/typing.cpp); the families' files, regular and bold cuts.
TRAINING_FACES = [
    "Noto Sans", "Noto Serif", "Noto Sans Mono", "Nimbus Sans", "Nimbus Sans Narrow", "Nimbus Roman",
    "Nimbus Mono PS", "URW Bookman", "URW Gothic", "C059", "P052", "TeX Gyre Heros", "TeX Gyre Termes",
    "TeX Gyre Cursor", "TeX Gyre Pagella", "TeX Gyre Schola", "TeX Gyre Adventor", "TeX Gyre Bonum",
    "Open Sans", "Roboto", "Roboto Condensed", "Lato", "Cantarell", "Gentium Basic", "Charis SIL",
    "EB Garamond", "CMU Serif", "CMU Sans Serif", "CMU Typewriter Text", "Courier Prime", "Hack",
    "Inconsolata", "Fira Code", "Oxygen", "Cousine", "DejaVu Sans Mono", "PT Mono", "PT Sans Caption",
    "PT Serif Caption", "Linux Biolinum O", "Linux Libertine Mono O",
]


def upright_faces():
    """The training faces' files that FreeType opens, without their italic,
    oblique and hairline cuts (a list is typed upright, and legibly)."""
    out = []
    for f in font_files(TRAINING_FACES):
        try:
            style = ImageFont.truetype(f, 12).getname()[1].lower()
        except OSError:
            continue
        if not any(s in style for s in ("italic", "oblique", "slanted", "hairline")):
            out.append(f)
    return out


def typed(rng, font_file, text):
    """`text` typed in the face at 48 px a character, with the drawn
    tracking; white on black. None when the face draws no such text."""
    size = 48
    font = ImageFont.truetype(font_file, size)
    tracking = size * (rng.uniform(-0.04, 0.08) if rng.random() < 0.7 else rng.uniform(0.1, 0.9))
    bold = int(rng.integers(1, 3)) if rng.random() < 1 / 6 else 0
    width = int(sum(font.getlength(c) for c in text) + tracking * len(text) + 4 * size)
    image = Image.new("L", (width, 3 * size), 0)
    draw = ImageDraw.Draw(image)
    x = size
    for c in text:
        draw.text((x, size), c, fill=255, font=font, stroke_width=bold, stroke_fill=255)
        x += font.getlength(c) + tracking
    ink = np.array(image)
    ys, xs = np.nonzero(ink > 40)
    if len(xs) == 0:
        return None
    return ink[max(0, ys.min() - 6):ys.max() + 7, max(0, xs.min() - 10):xs.max() + 11]


def with_groups(rng, number):
    """One number in ten grouped as some forms type it: a space or a dash
    (neither is a character of the number)."""
    if rng.random() >= 0.1 or len(number) < 8:
        return number
    cut = 6 if len(number) in (10, 13) else 4
    return number[:cut] + (" " if rng.random() < 0.6 else "-") + number[cut:]


def photocopied(rng, grey):
    """A photocopy: black or white at a drawn threshold, toner specks. The
    threshold lies above the print's darkest ink: a copy that lost the
    number is no number to learn."""
    darkest = float(np.percentile(grey, 1))
    out = np.where(grey < rng.uniform(max(110.0, darkest + 30), max(190.0, darkest + 40)), 0, 255).astype(np.uint8)
    for _ in range(int(rng.integers(0, 6))):
        y, x = int(rng.integers(0, out.shape[0])), int(rng.integers(0, out.shape[1]))
        cv2.circle(out, (x, y), int(rng.integers(0, 2)), 0, -1)
    return out


def faxed(rng, grey, dpi):
    """A fax's print of the scan, scanned again: each of the fax's samples,
    204 across and 196 (fine) or 98 (standard, one in three) down an inch,
    black or white at a drawn threshold, as tools/samples/scan_effects.cpp
    draws it; thin strokes fall between its lines."""
    across = min(1.0, 204.0 / dpi)
    down = min(1.0, (98.0 if rng.random() < 1 / 3 else 196.0) / dpi)
    h, w = grey.shape
    sampled = cv2.resize(grey, (max(1, round(w * across)), max(1, round(h * down))), interpolation=cv2.INTER_AREA)
    sampled = np.where(sampled < rng.uniform(120, 180), 0, 255).astype(np.uint8)
    return cv2.resize(sampled, (w, h), interpolation=cv2.INTER_NEAREST)


def dot_printed(rng, ink, px_per_mm):
    """The typed number as a dot-matrix printer prints it, as
    tools/samples/form_renderer.cpp draws it: a pin strikes where the glyph
    covers three sixteenths of its cell (the pins 0.3 to 0.42 mm apart down,
    half that across), a worn ribbon's dots smaller and unevenly faint, one
    printer in three with a pin that no longer strikes. `ink` is white on
    black at px_per_mm; so is what it returns."""
    pitch = rng.uniform(0.3, 0.42) * px_per_mm
    across = pitch / 2
    wear = rng.uniform(0.0, 1.0)
    broken = int(rng.integers(1, 8)) if rng.random() < 1 / 3 else -1
    cover = cv2.blur((ink > 127).astype(np.float32), (max(1, round(across)), max(1, round(pitch))))
    out = np.zeros_like(ink)
    radius = max(1, round(pitch * (0.42 - 0.12 * wear)))
    h, w = ink.shape
    for row, y in enumerate(np.arange(0.0, h, pitch)):
        if row % 9 == broken:
            continue
        for x in np.arange(0.0, w, across):
            if cover[int(y), int(x)] >= 3 / 16:
                shade = int(255 * (1 - wear * rng.uniform(0, 0.8)))
                cv2.circle(out, (int(round(x)), int(round(y))), radius, shade, -1, lineType=cv2.LINE_AA)
    return out


def printed_cell(rng, fonts, number):
    """A typed number as the read stage binarises its cell; None when the
    drawn face cannot type it."""
    ink = typed(rng, fonts[int(rng.integers(0, len(fonts)))], with_groups(rng, number))
    if ink is None:
        return None
    ink = cv2.copyMakeBorder(ink, 12, 12, 20, 20, cv2.BORDER_CONSTANT, value=0)
    h, w = ink.shape
    # A page fed into a fax turned comes out turned further: up to three degrees.
    fax = rng.random() < 1 / 8
    turn = 3.0 if fax else 1.5
    m = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-turn, turn), 1.0)
    ink = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
    # Remnants of the cell: a ruling's last pixels above or below, a column ruling's at an end.
    ruling_remnant(rng, ink, 5)
    if rng.random() < 0.1:
        x = int(rng.choice([rng.integers(0, 4), w - 1 - rng.integers(0, 4)]))
        cv2.line(ink, (x, 0), (x, h - 1), 255, int(rng.integers(1, 4)))
    # The characters' height on the page: 7 to 14 points at 150 to 400 dpi
    # (a capital about 0.7 of the point size), rendered here at 48 px a point size.
    points, dpi = rng.uniform(7, 14), rng.uniform(150, 400)
    scale = points / 72 * dpi / 48
    # One office in eight prints on a dot-matrix printer (make-samples draws one list in eight so).
    if rng.random() < 1 / 8:
        ink = dot_printed(rng, ink, dpi / 25.4 / scale)
    small = cv2.resize(ink, (max(8, int(w * scale)), max(8, int(h * scale))), interpolation=cv2.INTER_AREA)
    paper = on_paper(rng, small, palest=0.35, blur_up_to=0.9, jpeg_chance=0.5)
    if fax:
        paper = faxed(rng, paper, dpi)
    elif rng.random() < 1 / 4:
        paper = photocopied(rng, paper)
    writing = cell_writing(paper, clustered_specks=True)
    # A number drawn too faint or too small to survive the threshold as
    # characters is no number to learn either.
    count = cv2.connectedComponents(writing)[0] - 1
    if count < len(number) // 2 or np.count_nonzero(writing) > writing.size // 2:
        return None
    return writing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "pipeline", "page", "weights", "printed-numbers.onnx"))
    parser.add_argument("--build", default=ROOT, help="the project folder whose build/ holds the tools")
    parser.add_argument("--composed", type=int, default=12000, help="composed cells per epoch")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=20233)
    parser.add_argument("--validate", help="a make-samples batch whose printed number cells to score on")
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    rng = np.random.default_rng(args.seed)
    fonts = upright_faces()
    if len(fonts) < 20:
        sys.exit(f"only {len(fonts)} training faces installed: run tools/train-printed-numbers")
    print(f"{len(fonts)} faces", flush=True)
    validation = []
    if args.validate:
        with tempfile.TemporaryDirectory() as tmp:
            cells = batch_cells(args.validate, os.path.join(args.build, "build", "tools", "listaudit-training-cells"),
                                tmp, writing="printed")
        validation = [(sequence_input(m), t) for m, t in cells if sequence_input(m) is not None]
        print(f"validation: {len(validation)} printed cells of {args.validate}", flush=True)

    model = NumberNet()
    optimiser = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-5)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=3e-3,
                                                   total_steps=args.epochs * (args.composed // 32 + 40))
    for epoch in range(args.epochs):
        samples = []
        while len(samples) < args.composed:
            number = random_number(rng)
            cell = printed_cell(rng, fonts, number)
            x = None if cell is None else sequence_input(cell)
            if x is not None:
                samples.append((x, number))
        loss, seen = ctc_epoch(model, optimiser, schedule, batches_of(samples, rng, 32))
        print(epoch_line(epoch, args.epochs, seen, loss, model, validation), flush=True)

    export_sequence_network(model, HEIGHT, args.out)
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)")


if __name__ == "__main__":
    main()
