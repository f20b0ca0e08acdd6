#!/usr/bin/python3
"""Trains the handwritten-glyph reader of listaudit's number slot.

A small convolutional network that classifies one character of a personal
number: the ten digits and the 26 capital letters (Albanian numbers start and
end with a letter). It is run by OpenCV's dnn module from the ONNX file this
script writes (pipeline/page/weights/glyphs.onnx).

Data (all from the project or Debian, nothing downloaded):
- digits: ../shared/data/digits-train.png, the first 280 samples of each
  class. The last 70 of each class are held out: the generator draws only
  those (tools/samples/data/digits-heldout.png) and the test measures the
  reader on them, so the reader is never scored on, or shown, a digit it
  trained on.
- letters, and printed digits: rendered from Debian's handwriting fonts
  (Steve, Humor Sans, Comic Neue, Andika) and print fonts (DejaVu,
  Liberation).
Every sample is augmented as a scan would treat it: elastic distortion,
slant, rotation, scale, stroke width, size on the page (150 to 400 dpi),
blur, noise, JPEG, then binarised as the clean stage does, and normalised as
pipeline/page/glyph_image.cpp does (the two must agree).

Fixed seeds; two CPU threads. Usage: tools/train-glyphs (installs what it
needs from Debian and calls this).
"""
import argparse
import glob
import io
import os
import sys

import cv2
import numpy as np
import torch
import torch.nn as nn
from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLASSES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CELL, COLUMNS, PER_CLASS, TRAIN_PER_CLASS = 20, 70, 350, 280
SIZE, BOX = 28, 20  # network input, and the box a glyph is fitted into

HAND_FONTS = ["Steve", "Humor Sans", "Comic Neue", "Andika"]
PRINT_FONTS = ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "Liberation Mono", "DejaVu Serif"]


def font_files(families):
    files = []
    for family in families:
        out = os.popen(f"fc-list '{family}' file").read().split()
        files += sorted(f.rstrip(":") for f in out if f.rstrip(":").lower().endswith((".ttf", ".otf")))
    return files


def sheet_digits(path, first, last):
    sheet = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if sheet is None or sheet.shape != (1000, 1400):
        sys.exit(f"{path}: not the 1400x1000 sheet of handwritten digits")
    out = []
    for digit in range(10):
        for i in range(first, last):
            row, col = divmod(digit * PER_CLASS + i, COLUMNS)
            out.append((sheet[row * CELL:(row + 1) * CELL, col * CELL:(col + 1) * CELL].copy(), digit))
    return out


def normalise(mask):
    """The glyph's ink (0/255, white on black) fitted into 20x20, centred in 28x28,
    as glyph_image.cpp does it."""
    ys, xs = np.nonzero(mask)
    out = np.zeros((SIZE, SIZE), np.float32)
    if len(xs) == 0:
        return out
    crop = mask[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    h, w = crop.shape
    scale = BOX / max(h, w)
    nh, nw = max(1, int(h * scale + 0.5)), max(1, int(w * scale + 0.5))
    small = cv2.resize(crop, (nw, nh), interpolation=cv2.INTER_AREA)
    y0, x0 = (SIZE - nh) // 2, (SIZE - nw) // 2
    out[y0:y0 + nh, x0:x0 + nw] = small / 255.0
    return out


def render_glyph(rng, char, font_file):
    size = 64
    image = Image.new("L", (size * 2, size * 2), 0)
    font = ImageFont.truetype(font_file, size)
    ImageDraw.Draw(image).text((size // 2, size // 4), char, fill=255, font=font)
    return np.array(image)


def elastic(rng, image, alpha, sigma):
    h, w = image.shape
    dx = cv2.GaussianBlur((rng.random((h, w)) * 2 - 1).astype(np.float32), (0, 0), sigma) * alpha
    dy = cv2.GaussianBlur((rng.random((h, w)) * 2 - 1).astype(np.float32), (0, 0), sigma) * alpha
    x, y = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    return cv2.remap(image, x + dx, y + dy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)


def on_paper(rng, ink, palest, blur_up_to, jpeg_chance):
    """Ink (white on black, 0 to 255) as a scanner gives it back: dark ink on
    white paper, its darkness `palest` to 1, blurred half the time (sigma 0.3
    to `blur_up_to`), noisy, JPEG-compressed with `jpeg_chance`. 8-bit grey."""
    paper = 255 - ink.astype(np.float32) * rng.uniform(palest, 1.0)
    if rng.random() < 0.5:
        paper = cv2.GaussianBlur(paper, (0, 0), rng.uniform(0.3, blur_up_to))
    paper += rng.normal(0, rng.uniform(1, 9), paper.shape)
    paper = np.clip(paper, 0, 255).astype(np.uint8)
    if rng.random() < jpeg_chance:
        _, jpeg = cv2.imencode(".jpg", paper, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(35, 95))])
        paper = cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE)
    return paper


def scanned(rng, grey, strength=1.0):
    """A glyph (white on black, any size) as it comes out of a scan and the clean stage: a binary mask."""
    ys, xs = np.nonzero(grey > 30)
    if len(xs) == 0:
        return None
    grey = grey[max(0, ys.min() - 2):ys.max() + 3, max(0, xs.min() - 2):xs.max() + 3]
    # Work at 64 px high with a margin.
    scale = 64.0 / grey.shape[0]
    g = cv2.resize(grey, (max(1, int(grey.shape[1] * scale)), 64), interpolation=cv2.INTER_CUBIC)
    g = cv2.copyMakeBorder(g, 16, 16, 24, 24, cv2.BORDER_CONSTANT, value=0)
    if rng.random() < 0.8 * strength:
        g = elastic(rng, g, alpha=rng.uniform(2, 7) * strength, sigma=rng.uniform(3, 5))
    h, w = g.shape
    angle = rng.uniform(-10, 10) * strength
    shear = rng.uniform(-0.35, 0.35) * strength
    sx, sy = rng.uniform(0.8, 1.15), rng.uniform(0.85, 1.15)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    m = m @ np.array([[sx, shear, -shear * h / 2 + (1 - sx) * w / 2], [0, sy, (1 - sy) * h / 2], [0, 0, 1]])
    g = cv2.warpAffine(g, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
    # Stroke width: a thinner or a broader pen.
    k = int(rng.integers(0, 4))
    if k and rng.random() < 0.5:
        g = cv2.dilate(g, np.ones((k, k), np.uint8))
    elif k and rng.random() < 0.5:
        g = cv2.erode(g, np.ones((min(k, 2), min(k, 2)), np.uint8))
    # The glyph's height on the page: 4 to 8 mm at 150 to 400 dpi.
    target = int(rng.uniform(14, 60))
    scale = target / 64.0
    g = cv2.resize(g, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    paper = on_paper(rng, g, palest=0.55, blur_up_to=1.0, jpeg_chance=0.7)
    # Binarised as the reader binarises a number cell: smoothed, then Otsu.
    paper = cv2.copyMakeBorder(paper, 6, 6, 6, 6, cv2.BORDER_REPLICATE)
    smooth = cv2.GaussianBlur(paper, (3, 3), 0)
    _, mask = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    # Background-level ink is the threshold's border noise; keep the biggest blobs.
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if count <= 1:
        return None
    biggest = stats[1:, cv2.CC_STAT_AREA].max()
    keep = np.zeros_like(mask)
    for i in range(1, count):
        if stats[i, cv2.CC_STAT_AREA] >= max(3, biggest * 0.08):
            keep[labels == i] = 255
    return keep


class GlyphNet(nn.Module):
    def __init__(self):
        super().__init__()
        # About two million multiply-adds a glyph: far cheaper than Tesseract on the cell.
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.classify = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(64 * 3 * 3, 128), nn.ReLU(),
                                      nn.Dropout(0.3), nn.Linear(128, len(CLASSES)))

    def forward(self, x):
        return self.classify(self.features(x))


def make_epoch(rng, digits, glyph_sources, copies):
    xs, ys = [], []
    for grey, label in digits:
        for _ in range(copies):
            # A finer or a broader pen than the sample's, at the sample's own scale.
            pen = int(rng.integers(-1, 2))
            source = cv2.erode(grey, np.ones((2, 2), np.uint8)) if pen < 0 else \
                cv2.dilate(grey, np.ones((2, 2), np.uint8)) if pen > 0 else grey
            big = cv2.resize(source, (60, 60), interpolation=cv2.INTER_CUBIC)
            mask = scanned(rng, big)
            if mask is not None:
                xs.append(normalise(mask))
                ys.append(label)
    for char, fonts in glyph_sources:
        label = CLASSES.index(char)
        for _ in range(copies * (60 if char.isalpha() else 40)):
            font = fonts[int(rng.integers(0, len(fonts)))]
            mask = scanned(rng, render_glyph(rng, char, font))
            if mask is not None:
                xs.append(normalise(mask))
                ys.append(label)
    order = rng.permutation(len(xs))
    return np.stack(xs)[order][:, None], np.array(ys)[order]


def held_out_accuracy(model, digits):
    """Per-digit accuracy on held-out sheet digits, read as the test reads them."""
    xs = np.stack([normalise(np.where(g > 127, 255, 0).astype(np.uint8)) for g, _ in digits])[:, None]
    ys = np.array([label for _, label in digits])
    model.eval()
    with torch.no_grad():
        logits = model(torch.from_numpy(xs))[:, :10]
    return float((logits.argmax(1).numpy() == ys).mean())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--digits", default=os.path.join(ROOT, "..", "shared", "data", "digits-train.png"))
    parser.add_argument("--out", default=os.path.join(ROOT, "pipeline", "page", "weights", "glyphs.onnx"))
    parser.add_argument("--epochs", type=int, default=16)
    parser.add_argument("--seed", type=int, default=20231)
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    rng = np.random.default_rng(args.seed)
    train = sheet_digits(args.digits, 0, TRAIN_PER_CLASS)
    held_out = sheet_digits(args.digits, TRAIN_PER_CLASS, PER_CLASS)
    hand, printed = font_files(HAND_FONTS), font_files(PRINT_FONTS)
    if not hand or not printed:
        sys.exit("fonts missing: run tools/setup")
    sources = [(c, hand + printed) for c in CLASSES[10:]] + [(c, printed + hand) for c in CLASSES[:10]]

    model = GlyphNet()
    optimiser = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, T_max=args.epochs)
    loss_of = nn.CrossEntropyLoss(label_smoothing=0.05)
    for epoch in range(args.epochs):
        xs, ys = make_epoch(rng, train, sources, copies=6)
        model.train()
        total = 0.0
        for start in range(0, len(xs), 128):
            x = torch.from_numpy(xs[start:start + 128])
            y = torch.from_numpy(ys[start:start + 128]).long()
            optimiser.zero_grad()
            loss = loss_of(model(x), y)
            loss.backward()
            optimiser.step()
            total += float(loss) * len(y)
        schedule.step()
        print(f"epoch {epoch + 1}/{args.epochs}: {len(xs)} samples, loss {total / len(xs):.4f}, "
              f"held-out digits {held_out_accuracy(model, held_out):.4f}", flush=True)

    model.eval()
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    torch.onnx.export(model, torch.zeros(1, 1, SIZE, SIZE), args.out, opset_version=11, input_names=["glyph"],
                      output_names=["logits"], dynamic_axes={"glyph": {0: "n"}, "logits": {0: "n"}})
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes); held-out digits "
          f"{held_out_accuracy(model, held_out):.4f}")


if __name__ == "__main__":
    main()
