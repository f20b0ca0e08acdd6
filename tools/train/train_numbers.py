#!/usr/bin/python3
"""Trains the handwritten-number reader of listaudit's number slot.

A small convolutional network that reads a whole number cell at once: it
gives, for every quarter of the cell's width, the probability of each
character (the ten digits, the 26 capital letters) and of none (CTC, Graves et
al. 2006). Reading the cell whole, it needs no cut into characters, which is
where the glyph-by-glyph reader loses most numbers (a 0 cut in two, touching
digits). It is run by OpenCV's dnn module from the ONNX file this script
writes (pipeline/page/weights/numbers.onnx).

Data (all from the project or Debian, nothing downloaded):
- handwritten digits: ../shared/data/digits-train.png, the first 280 samples
  of each class only (the last 70 are held out: the generator draws only
  those, and the tests measure on them).
- number cells as the reader sees them: `listaudit make-samples` draws
  handwritten lists with the training digits (--digits), and
  `listaudit-training-cells` cuts each page's number cells as the read stage
  does; truth.csv gives each cell's number.
- number cells composed here from the same training digits and from letters
  of Debian's handwriting fonts, more varied than the generator's: spacing
  from touching to wide, slant, pen, size on the page, blur, noise, JPEG,
  remnants of rulings and of the neighbouring rows' writing.
Both binarised as the reader binarises a cell (smoothed, then Otsu) and
normalised as pipeline/page/number_sequence.cpp does (`sequence_input`; the
two must agree).

The reader averages two networks' readings, so that a character they read
differently is left in doubt: numbers.onnx, which this script makes, and
numbers-2.onnx, the network this script made at commit 6d9ec1e, before the
generator's harder hands (pipeline/page/weights/README.md says why and how to
remake it). --networks N trains N networks from seeds seed, seed + 1, ...
(numbers.onnx, numbers-2.onnx, ...). Fixed seeds; two CPU threads. Usage: tools/train-numbers (installs what it
needs from Debian, builds the project and calls this). --validate DIR scores
the network on the cells of a batch DIR made by make-samples with its default,
held-out digits, and is never trained on.
"""
import argparse
import csv
import os
import subprocess
import sys
import tempfile

import cv2
import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_glyphs import elastic, font_files, on_paper, render_glyph, HAND_FONTS  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLASSES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # the network's outputs 1..36; 0 is "none" (the CTC blank)
CELL, COLUMNS, PER_CLASS, TRAIN_PER_CLASS = 20, 70, 350, 280
HEIGHT, MARGIN, MAX_WIDTH = 32, 8, 480  # as number_sequence.cpp


def writing_box(mask):
    """The box of a cell's writing: every stroke's, except flat strokes much
    lower than the tallest (the last pixels of a ruling, an underline), which
    would shrink the digits when the box is scaled. (x, y, w, h), or None."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if count <= 1:
        return None
    tallest = stats[1:, cv2.CC_STAT_HEIGHT].max()
    kept = [i for i in range(1, count)
            if not (stats[i, cv2.CC_STAT_WIDTH] > 2 * stats[i, cv2.CC_STAT_HEIGHT] and
                    stats[i, cv2.CC_STAT_HEIGHT] * 4 < tallest)]
    kept = kept or list(range(1, count))
    x0 = min(stats[i, cv2.CC_STAT_LEFT] for i in kept)
    y0 = min(stats[i, cv2.CC_STAT_TOP] for i in kept)
    x1 = max(stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH] for i in kept)
    y1 = max(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] for i in kept)
    return int(x0), int(y0), int(x1 - x0), int(y1 - y0)


def sequence_input(mask, height=HEIGHT, max_width=MAX_WIDTH):
    """A cell's writing (0/255, white on black) as the network reads it: cut to
    the writing's box, scaled to `height` - 4 pixels high (2 rows above and
    below), at most `max_width` wide with 8 empty columns each side; values 0
    to 1. None for a cell without writing."""
    box = writing_box(mask)
    if box is None:
        return None
    x, y, w, h = box
    crop = mask[y:y + h, x:x + w]
    inner = height - 4
    width = max(1, min(max_width - 2 * MARGIN, int(w * inner / h + 0.5)))  # std::lround
    small = cv2.resize(crop, (width, inner), interpolation=cv2.INTER_AREA).astype(np.float32) / 255.0
    out = np.zeros((height, width + 2 * MARGIN), np.float32)
    out[2:2 + inner, MARGIN:MARGIN + width] = small
    return out


def sheet_digits(path, first, last):
    sheet = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if sheet is None or sheet.shape != (1000, 1400):
        sys.exit(f"{path}: not the 1400x1000 sheet of handwritten digits")
    out = [[] for _ in range(10)]
    for digit in range(10):
        for i in range(first, last):
            row, col = divmod(digit * PER_CLASS + i, COLUMNS)
            out[digit].append(sheet[row * CELL:(row + 1) * CELL, col * CELL:(col + 1) * CELL].copy())
    return out


def training_sheets(digits, folder):
    """The training digits as make-samples' sheets (70 per class, a row per digit)."""
    paths = []
    for k in range(TRAIN_PER_CLASS // 70):
        sheet = np.zeros((10 * CELL, 70 * CELL), np.uint8)
        for d in range(10):
            for j in range(70):
                sheet[d * CELL:(d + 1) * CELL, j * CELL:(j + 1) * CELL] = digits[d][70 * k + j]
        paths.append(os.path.join(folder, f"digits-{k}.png"))
        cv2.imwrite(paths[-1], sheet)
    return paths


def batch_cells(batch, cells_tool, folder, names=False, writing="handwritten"):
    """(writing, number), or with `names` (writing, name), for each row
    written as `writing` ("handwritten" or "printed") of a make-samples batch
    whose page's table was found with as many rows as the truth has."""
    scans = []
    with open(os.path.join(batch, "manifest.csv"), newline="", encoding="utf-8") as f:
        lists = {os.path.normpath(os.path.join(batch, r["path"])): r["list_id"] for r in csv.DictReader(f)}
    scans = sorted(lists)
    subprocess.run([cells_tool] + (["--names"] if names else []) + [folder] + scans, check=True,
                   stderr=subprocess.DEVNULL)
    truth = {}
    with open(os.path.join(batch, "truth.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            truth.setdefault((r["list_id"], int(r["page"])), []).append(r)
    found = {}
    with open(os.path.join(folder, "cells.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            key = (lists[os.path.normpath(r["scan"])], int(r["page"]))
            found.setdefault(key, []).append(os.path.join(folder, r["file"]))
    out = []
    for key, files in found.items():
        rows = truth.get(key, [])
        if len(rows) != len(files):
            continue
        for file, row in zip(files, rows):
            if row["writing"] != writing:
                continue
            if names and row["full_name"]:
                out.append((cv2.imread(file, cv2.IMREAD_GRAYSCALE), row["full_name"]))
            elif not names and row["national_id"]:
                out.append((cv2.imread(file, cv2.IMREAD_GRAYSCALE), row["national_id"].replace(" ", "").upper()))
    return out


def generated_cells(sheets, seed, batches, work):
    listaudit = os.path.join(work, "build", "tools", "listaudit")
    cells_tool = os.path.join(work, "build", "tools", "listaudit-training-cells")
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for b in range(batches):
            batch = os.path.join(tmp, f"batch{b}")
            subprocess.run([listaudit, "make-samples", "--seed", str(seed + b), "--lists", "8", "--pages", "2",
                            "--style", "handwritten", "--digits", sheets[b % len(sheets)], "--out", batch],
                           check=True, stdout=subprocess.DEVNULL)
            got = batch_cells(batch, cells_tool, os.path.join(tmp, f"cells{b}"))
            out += got
            print(f"generated batch {b + 1}/{batches}: {len(got)} handwritten cells", flush=True)
    return out


def random_number(rng):
    kind = rng.random()
    if kind < 0.12:  # Albanian: a letter, eight digits, a letter
        return (CLASSES[10 + rng.integers(0, 26)] + "".join(str(d) for d in rng.integers(0, 10, 8)) +
                CLASSES[10 + rng.integers(0, 26)])
    length = 13 if kind < 0.35 else 10 if kind < 0.9 else int(rng.integers(6, 14))
    return "".join(str(d) for d in rng.integers(0, 10, length))


def ruling_remnant(rng, canvas, reach):
    """Three cells in ten keep a ruling's last pixels: a line along the top or
    the bottom `reach` rows of `canvas` (white on black), drawn in place."""
    h, w = canvas.shape
    if rng.random() < 0.3:
        y = int(rng.choice([rng.integers(0, reach), h - 1 - rng.integers(0, reach)]))
        x0 = int(rng.integers(0, w // 2))
        cv2.line(canvas, (x0, y), (int(rng.integers(x0 + 10, w)), y), 255, int(rng.integers(1, 4)))


def composed_cell(rng, digits, fonts, number):
    """A number written by a hand of training digits (and font letters) and
    scanned: the cell's writing as the reader binarises it."""
    height = 60
    spacing = rng.uniform(0.48, 0.58) if rng.random() < 0.3 else rng.uniform(0.58, 0.95)
    pen = int(rng.integers(-1, 2))
    parts, cursor = [], 24.0
    # One hand in six groups its digits (EGN 6+4, JMBG 7+6, or threes) with a
    # gap, a dash, a slash or a dot: none of them is a character of the number.
    breaks = set()
    if rng.random() < 1 / 6 and len(number) >= 6:
        breaks = {int(rng.choice([6, 7]))} if rng.random() < 0.6 else set(range(3, len(number), 3))
    separator = rng.choice(["gap", "dash", "slash", "dot"])
    for position, c in enumerate(number):
        if position in breaks:
            mark = np.zeros((height, 30), np.uint8)
            if separator == "dash":
                cv2.line(mark, (6, height // 2), (24, height // 2 + int(rng.integers(-3, 4))), 255, 4)
            elif separator == "slash":
                cv2.line(mark, (22, height // 6), (8, height * 5 // 6), 255, 4)
            elif separator == "dot":
                cv2.circle(mark, (15, height * 4 // 5), 3, 255, -1)
            parts.append((mark, int(cursor), 0))
            cursor += 30 * rng.uniform(0.8, 1.3)
        if c.isdigit():
            sample = digits[int(c)][int(rng.integers(0, len(digits[int(c)])))]
            size = int(height * rng.uniform(0.88, 1.12))
            glyph = cv2.resize(sample, (size, size), interpolation=cv2.INTER_CUBIC)
            # The pen, at three times the sample's scale as the generator draws it.
            if pen < 0:
                glyph = cv2.erode(glyph, np.ones((3, 3), np.uint8))
            elif pen > 0:
                glyph = cv2.dilate(glyph, np.ones((4, 4), np.uint8))
            advance = height * spacing * rng.uniform(0.88, 1.12)
        else:
            g = render_glyph(rng, c, fonts[int(rng.integers(0, len(fonts)))])
            ys, xs = np.nonzero(g > 30)
            g = g[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
            scale = height * rng.uniform(0.6, 0.8) / g.shape[0]
            glyph = cv2.resize(g, (max(1, int(g.shape[1] * scale)), max(1, int(g.shape[0] * scale))))
            glyph = cv2.copyMakeBorder(glyph, (height - glyph.shape[0]) // 2, (height - glyph.shape[0] + 1) // 2,
                                       4, 4, cv2.BORDER_CONSTANT, value=0)
            advance = glyph.shape[1] * rng.uniform(0.85, 1.1)
        parts.append((glyph, int(cursor), int(rng.uniform(-4, 4))))
        cursor += advance
    width = int(cursor + 90)
    canvas = np.zeros((height + 40, width), np.float32)
    for glyph, x, dy in parts:
        h, w = glyph.shape
        y = 20 + dy + (height - h) // 2
        y0, x0 = max(0, y), max(0, x)
        region = canvas[y0:y0 + h, x0:x0 + w]
        canvas[y0:y0 + h, x0:x0 + w] = np.maximum(region, glyph[:region.shape[0], :region.shape[1]])
    canvas = canvas.astype(np.uint8)
    if rng.random() < 0.5:
        canvas = elastic(rng, canvas, alpha=rng.uniform(1, 4), sigma=rng.uniform(3, 5))
    h, w = canvas.shape
    shear = rng.uniform(-0.3, 0.3)
    m = np.float32([[1, shear, -shear * h / 2], [0, 1, 0]])
    m = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-3, 3), 1.0) @ np.vstack([m, [0, 0, 1]])
    canvas = cv2.warpAffine(canvas, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
    # Remnants of the cell: a ruling's last pixels, the row above's descenders.
    ruling_remnant(rng, canvas, 6)
    if rng.random() < 0.2:
        x = int(rng.integers(0, w))
        cv2.line(canvas, (x, 0), (x + int(rng.integers(-8, 8)), int(rng.integers(4, 14))), 255, 3)
    # The digit's height on the page: 3 to 8 mm at 150 to 400 dpi.
    target = rng.uniform(16, 48) / height
    small = cv2.resize(canvas, (max(8, int(w * target)), max(8, int(h * target))), interpolation=cv2.INTER_AREA)
    paper = on_paper(rng, small, palest=0.5, blur_up_to=0.4 + target, jpeg_chance=0.6 * target * 1.5)
    return cell_writing(paper)


def cell_writing(paper, clustered_specks=False):
    """A scanned cell (grey) as numberWriting (cell_ink.cpp) binarises it:
    smoothed, Otsu, specks gone. With `clustered_specks`, as it does since
    the printed-number network learnt dot-matrix print: a speck among others
    a dot's pitch away (a twenty-fifth of the cell's height) is kept, as one
    of a figure's dots (withoutLoneSpecks). The handwriting networks and the
    name network were trained without it (their committed weights), and keep
    training so, that their script still makes them."""
    smooth = cv2.GaussianBlur(paper, (3, 3), 0)
    _, mask = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    least = max(6, mask.shape[0] * mask.shape[0] // 600)
    keep_label = stats[:, cv2.CC_STAT_AREA] >= least
    if clustered_specks:
        reach = max(3, mask.shape[0] // 25) | 1
        joined = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (reach, reach)))
        _, clusters = cv2.connectedComponents(joined, connectivity=8)
        inked = labels > 0
        cluster_ink = np.bincount(clusters[inked], minlength=clusters.max() + 1)
        cluster_of = np.zeros(count, dtype=np.int64)
        cluster_of[labels[inked]] = clusters[inked]
        keep_label |= cluster_ink[cluster_of] >= 4 * least
    keep_label[0] = False
    return np.where(keep_label[labels], 255, 0).astype(np.uint8)


class NumberNet(nn.Module):
    def __init__(self):
        super().__init__()
        # About 150 thousand multiply-adds per column of input: 45 million for
        # a cell of thirteen digits, less than Tesseract spends on it.
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
            nn.Conv2d(64, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d((2, 1)),
            nn.Conv2d(64, 128, (4, 3), padding=(0, 1)), nn.BatchNorm2d(128), nn.ReLU(), nn.Dropout(0.2),
            nn.Conv2d(128, 128, (1, 3), padding=(0, 1)), nn.BatchNorm2d(128), nn.ReLU(),
            nn.Conv2d(128, len(CLASSES) + 1, 1),
        )

    def forward(self, x):  # N x 1 x 32 x W  ->  N x 37 x 1 x W/4 (logits)
        return self.features(x)


def batches_of(samples, rng, size, classes=CLASSES):
    """Samples grouped by width, padded to the widest of each group; each
    text's characters as their places in `classes`, counted from 1."""
    order = sorted(range(len(samples)), key=lambda i: samples[i][0].shape[1] + rng.uniform(0, 24))
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    for group in groups:
        width = max(samples[i][0].shape[1] for i in group)
        width += (-width) % 4
        x = np.zeros((len(group), 1, samples[group[0]][0].shape[0], width), np.float32)
        labels, lengths = [], []
        for k, i in enumerate(group):
            image, text = samples[i]
            x[k, 0, :, :image.shape[1]] = image
            labels += [classes.index(c) + 1 for c in text]
            lengths.append(len(text))
        yield torch.from_numpy(x), torch.tensor(labels), torch.tensor(lengths)


def ctc_epoch(model, optimiser, schedule, batches):
    """One pass of CTC training over `batches` (as batches_of gives them):
    the mean loss and how many samples were seen."""
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    model.train()
    total, seen = 0.0, 0
    for x, labels, lengths in batches:
        logits = model(x)[:, :, 0, :]  # N x C x T
        log_probs = logits.permute(2, 0, 1).log_softmax(2)  # T x N x C
        frames = torch.full((x.shape[0],), log_probs.shape[0], dtype=torch.long)
        loss = ctc(log_probs, labels, frames, lengths)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        schedule.step()
        total += float(loss) * x.shape[0]
        seen += x.shape[0]
    return total / max(1, seen), seen


def epoch_line(epoch, epochs, seen, loss, model, validation):
    """What a number network's training says after an epoch: the cells seen,
    the loss and, with validation cells, the share read exactly."""
    line = f"epoch {epoch + 1}/{epochs}: {seen} cells, loss {loss:.4f}"
    if validation:
        line += f", validation numbers exact {exact_share(model, validation):.4f}"
    return line


def export_sequence_network(model, height, out):
    """The network as ONNX for OpenCV's dnn module, its input `height` pixels
    high, any count of cells and any width."""
    model.eval()
    os.makedirs(os.path.dirname(out), exist_ok=True)
    torch.onnx.export(model, torch.zeros(1, 1, height, 128), out, opset_version=11, input_names=["cell"],
                      output_names=["logits"], dynamic_axes={"cell": {0: "n", 3: "width"},
                                                             "logits": {0: "n", 3: "columns"}})


def greedy(logits):
    """Best path: the likeliest class per column, repeats and blanks dropped."""
    best = logits.argmax(0)
    out, last = [], 0
    for k in best:
        if k != last and k != 0:
            out.append(CLASSES[k - 1])
        last = k
    return "".join(out)


def exact_share(model, samples):
    model.eval()
    right = 0
    with torch.no_grad():
        for image, text in samples:
            logits = model(torch.from_numpy(image)[None, None])[0, :, 0].numpy()
            right += greedy(logits) == text
    return right / max(1, len(samples))


def network_path(out, k):
    """The k-th network's file (0-based): numbers.onnx, numbers-2.onnx, ..."""
    if k == 0:
        return out
    stem, ext = os.path.splitext(out)
    return f"{stem}-{k + 1}{ext}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--digits", default=os.path.join(ROOT, "..", "shared", "data", "digits-train.png"))
    parser.add_argument("--out", default=os.path.join(ROOT, "pipeline", "page", "weights", "numbers.onnx"))
    parser.add_argument("--build", default=ROOT, help="the project folder whose build/ holds the tools")
    parser.add_argument("--batches", type=int, default=10, help="make-samples batches of training-digit cells")
    parser.add_argument("--composed", type=int, default=10000, help="composed cells per epoch")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=20231)
    parser.add_argument("--networks", type=int, default=1,
                        help="networks trained alike, the k-th (from 0) with seed + k, written to --out, "
                             "then its name with -2, -3, ...")
    parser.add_argument("--first", type=int, default=0, help="train only the networks from this one (0-based)")
    parser.add_argument("--validate", help="a make-samples batch of held-out digits to score on (not trained on)")
    args = parser.parse_args()
    validation = []
    if args.validate:
        with tempfile.TemporaryDirectory() as tmp:
            cells = batch_cells(args.validate, os.path.join(args.build, "build", "tools", "listaudit-training-cells"),
                                tmp)
        validation = [(sequence_input(m), t) for m, t in cells if sequence_input(m) is not None]
        print(f"validation: {len(validation)} cells of {args.validate}", flush=True)
    for k in range(args.first, args.networks):
        train_network(args, args.seed + k, network_path(args.out, k), validation)


def train_network(args, seed, out, validation):
    """One network from `seed`: its own make-samples batches, composed cells and initial weights."""
    torch.manual_seed(seed)
    torch.set_num_threads(2)
    rng = np.random.default_rng(seed)
    digits = sheet_digits(args.digits, 0, TRAIN_PER_CLASS)
    fonts = font_files(HAND_FONTS)
    if not fonts:
        sys.exit("fonts missing: run tools/setup")
    with tempfile.TemporaryDirectory() as tmp:
        sheets = training_sheets(digits, tmp)
        pipeline_cells = generated_cells(sheets, seed, args.batches, args.build)
    pipeline_samples = [(sequence_input(m), t) for m, t in pipeline_cells]
    pipeline_samples = [(x, t) for x, t in pipeline_samples if x is not None]

    model = NumberNet()
    optimiser = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-5)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=3e-3, total_steps=args.epochs * (
        (args.composed + 3 * len(pipeline_samples)) // 32 + 40))
    for epoch in range(args.epochs):
        samples = list(pipeline_samples) * 3
        while len(samples) < 3 * len(pipeline_samples) + args.composed:
            number = random_number(rng)
            x = sequence_input(composed_cell(rng, digits, fonts, number))
            if x is not None:
                samples.append((x, number))
        loss, seen = ctc_epoch(model, optimiser, schedule, batches_of(samples, rng, 32))
        print(epoch_line(epoch, args.epochs, seen, loss, model, validation), flush=True)

    export_sequence_network(model, HEIGHT, out)
    print(f"wrote {out} ({os.path.getsize(out)} bytes)")


if __name__ == "__main__":
    main()
