#!/usr/bin/python3
"""Trains the handwritten-name network of listaudit's name slot.

A small convolutional network that reads a whole name cell: for every
quarter of the cell's width, the probability of each letter and of none
(CTC, Graves et al. 2006). The read stage uses it to weigh the names a
hand's row may hold (the register's name for the number read, the electronic
copy's): how likely the cell's ink is to be that name, against the likeliest
reading. Tesseract's print models garble the hands that matter most here
(a Cyrillic hand writes т as m and л as Λ), so their reading confirms no one.

Letters are told apart up to case (the register's name is compared case
folded) and up to script where Cyrillic and Latin letters look alike (а and
a, р and p): the output classes are `CLASSES`, and `label()` maps a name onto
them; pipeline/page/name_sequence.cpp maps names the same way.

Training data (composed here, nothing downloaded): names made of syllables of
the five languages (never the generator's name lists), written letter by
letter in Debian's handwriting fonts the generator does not use (the
generator's hands, HAND_FONTS of train_glyphs.py, are held out, and
--validate measures on them), in italic print fonts whose Cyrillic is
cursive, with jitter of size, baseline, spacing and slant, a pen's width,
remnants of rulings and scanning (train_glyphs.on_paper), binarised as the
reader binarises a cell.

Fixed seed; two CPU threads. Usage: tools/train-names (installs what it
needs from Debian, builds the project and calls this). --validate DIR scores
the network on the handwritten name cells of a make-samples batch DIR.
"""
import argparse
import os
import sys
import tempfile
import unicodedata

import cv2
import numpy as np
import torch
import torch.nn as nn
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_glyphs import HAND_FONTS, on_paper  # noqa: E402
from train_numbers import (batch_cells, batches_of, cell_writing, ctc_epoch, export_sequence_network,  # noqa: E402
                           sequence_input)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The network's outputs 1..N; 0 is "none" (the CTC blank). Must agree with
# kNameClasses in pipeline/page/name_sequence.hpp.
CLASSES = (" -.'abcdefghijklmnopqrstuvwxyzčćđšžëç"
           "бвгджзийклмнптфцчшщъьюяѓљњќџђћ")
# Cyrillic letters drawn as a Latin one: one class for both.
LOOK_ALIKE = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "ј": "j", "ѕ": "s"}
HEIGHT, MAX_WIDTH = 40, 960  # as name_sequence.cpp
BATCH = 16

# Debian's fonts the generator does not write with (fonts-* installed by
# tools/train-names), and italic print fonts, whose Cyrillic is cursive.
TRAINING_FONTS = [
    "breip/Breip.ttf", "femkeklaver/femkeklaver.ttf", "fifthhorseman/dkg.ttf", "fifthhorseman/dkgIt.ttf",
    "fifthhorseman/dkgBd.ttf", "kristi/Kristi.ttf", "rufscript/Rufscript010.ttf", "sjfonts/Delphine.ttf",
    "isabella/Isabella.ttf", "klee/KleeOne-Regular.ttf", "klee/KleeOne-SemiBold.ttf",
    "dancingscript/DancingScript-Regular.otf", "havana/Havana-Regular.otf", "joscelyn/Joscelyn-Regular.otf",
    "kaushanscript/KaushanScript-Regular.otf", "lobstertwo/LobsterTwo-Regular.otf",
    "lobstertwo/LobsterTwo-Italic.otf", "bwht/BecauseWeBuild-Regular.otf", "bwht/BecauseWeConnect-Regular.otf",
    "bwht/BecauseWeCreate-Regular.otf", "bwht/BecauseWeLearn-Regular.otf", "bwht/BecauseWeMentor-Regular.otf",
    "bwht/BecauseWeOrganize-Regular.otf",
    "dejavu/DejaVuSerif-Italic.ttf", "dejavu/DejaVuSans-Oblique.ttf", "dejavu/DejaVuSerifCondensed-Italic.ttf",
    "liberation2/LiberationSerif-Italic.ttf", "liberation2/LiberationSans-Italic.ttf",
    "dejavu/DejaVuSans.ttf", "liberation2/LiberationSerif-Regular.ttf",
]
# A letter a font lacks is drawn by one that has it, as Pango falls back.
FALLBACK_FONTS = ["dejavu/DejaVuSerif-Italic.ttf", "dejavu/DejaVuSans.ttf"]


def label(name):
    """A name as the network's classes spell it: case folded, look-alike
    Cyrillic letters as their Latin twins, other characters left out."""
    text = unicodedata.normalize("NFC", name.casefold())
    text = "".join(LOOK_ALIKE.get(c, c) for c in text)
    text = "".join(c for c in text if c in CLASSES)
    return " ".join(text.split())


def font_path(relative):
    for base in ("/usr/share/fonts/truetype", "/usr/share/fonts/opentype"):
        path = os.path.join(base, relative)
        if os.path.exists(path):
            return path
    return None


# Syllables of each language; names are made of them, never the generator's.
LANGUAGES = {
    "bg": dict(onsets="б в г д ж з й к л м н п р с т ф х ц ч ш щ бл бр вл гр др зл кр пр ст тр цв хр".split(),
               vowels="а а а е е и и о о у ъ я ю".split(),
               endings=["ов", "ова", "ев", "ева", "ин", "ина", "ски", "ска", "ка", "ко", "ан", "ър", "ьо"]),
    "mk": dict(onsets="б в г д ж з к л м н п р с т ц ч ш ѓ ќ ѕ љ њ џ ј бл ст тр".split(),
               vowels="а а е е и и о о у".split(),
               endings=["овски", "евски", "оска", "ска", "ов", "ева", "иќ", "ко", "ица"]),
    "sr": dict(onsets="б в г д ж з к л м н п р с т ћ ч ш ђ џ љ њ ј бр ст др гр".split(),
               vowels="а а е е и и о о у".split(),
               endings=["овић", "евић", "ић", "ић", "ин", "ана", "ица", "ко", "ло"]),
    "sr-latn": dict(onsets="b v g d ž z k l m n p r s t ć č š đ dž lj nj j br st dr gr".split(),
                    vowels="a a e e i i o o u".split(),
                    endings=["ović", "ević", "ić", "ić", "in", "ana", "ica", "ko", "lo"]),
    "sq": dict(onsets="b c ç d dh f g gj h k l ll m n nj p q r rr s sh t th v x xh z zh j".split(),
               vowels="a a e e ë ë i i o u y".split(),
               endings=["aj", "i", "a", "ë", "ri", "ja", "ra", "im", "ita", "ona"]),
}


def random_word(rng, language, surname):
    parts = LANGUAGES[language]
    word = "".join(parts["onsets"][rng.integers(len(parts["onsets"]))] + parts["vowels"][rng.integers(
        len(parts["vowels"]))] for _ in range(int(rng.integers(1, 4))))
    if surname or rng.random() < 0.3:
        word += parts["endings"][rng.integers(len(parts["endings"]))]
    return word


def random_name(rng, words=None):
    """A name of `words` words (of the language's usual count when None)."""
    language = ["bg", "mk", "sr", "sr-latn", "sq"][int(rng.choice(5, p=[0.3, 0.15, 0.15, 0.2, 0.2]))]
    if words is None:
        words = 3 if language == "bg" and rng.random() < 0.6 else 2 if rng.random() < 0.9 else 3
    name = [random_word(rng, language, k > 0) for k in range(words)]
    case = rng.random()
    if case < 0.75:
        name = [w[:1].upper() + w[1:] for w in name]
    elif case < 0.95:
        name = [w.upper() for w in name]
    if rng.random() < 0.03:
        name[-1] = name[-1] + "-" + random_word(rng, language, True).capitalize()
    return " ".join(name)


class Pens:
    """The training fonts, with which letters each draws, and every letter's
    picture at the sizes drawn (made once: the letter-by-letter writing of
    ten thousand names a round needs it fast)."""

    def __init__(self, size):
        self.size = size
        self.fonts = [p for p in (font_path(f) for f in TRAINING_FONTS) if p]
        self.fallbacks = [p for p in (font_path(f) for f in FALLBACK_FONTS) if p]
        if len(self.fonts) < 8 or not self.fallbacks:
            sys.exit("training fonts missing: run tools/train-names, which installs them")
        self.loaded = {}
        self.cache = {}
        letters = set("".join(LOOK_ALIKE) + CLASSES + CLASSES.upper() + "".join(LOOK_ALIKE).upper()) - set(" -.'")
        self.draws = {p: {c for c in letters if self._draws(p, c)} for p in self.fonts + self.fallbacks}
        self.cyrillic = [p for p in self.fonts if sum(1 for c in "бвгджзийклмнптфцчшщ" if c in self.draws[p]) >= 15]

    def _font(self, path, size):
        key = (path, size)
        if key not in self.loaded:
            self.loaded[key] = ImageFont.truetype(path, size)
        return self.loaded[key]

    def _raw(self, path, char, size):
        font = self._font(path, size)
        image = Image.new("L", (size * 3, size * 3), 0)
        ImageDraw.Draw(image).text((size, 2 * size), char, font=font, fill=255, anchor="ls")
        return np.asarray(image), font.getlength(char)

    def _draws(self, path, char):
        missing, _ = self._raw(path, "\U000F0000", 40)
        drawn, _ = self._raw(path, char, 40)
        return drawn.any() and not np.array_equal(drawn, missing)

    def letter(self, path, char, size):
        """(picture, baseline row, left column, advance) of one letter."""
        if char not in self.draws[path]:
            path = next((f for f in self.fallbacks if char in self.draws[f]), self.fallbacks[0])
        key = (path, char, size)
        if key not in self.cache:
            raw, advance = self._raw(path, char, size)
            ys, xs = np.nonzero(raw)
            if len(xs) == 0:
                self.cache[key] = (np.zeros((1, 1), np.uint8), 0, 0, advance)
            else:
                y0, x0 = ys.min(), xs.min()
                self.cache[key] = (raw[y0:ys.max() + 1, x0:xs.max() + 1], 2 * size - y0, x0 - size, advance)
        return self.cache[key]


def written_name(rng, pens, name):
    """A name written letter by letter by one hand and scanned: the cell's
    writing as the reader binarises it."""
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in name)
    font = pens.cyrillic[rng.integers(len(pens.cyrillic))] if cyrillic else pens.fonts[rng.integers(len(pens.fonts))]
    base = pens.size
    spacing = rng.uniform(0.85, 1.15)
    word_gap = rng.uniform(0.6, 1.8)
    parts, cursor = [], base * 0.5
    for c in name:
        if c == " ":
            cursor += base * 0.3 * word_gap
            continue
        size = int(base * rng.uniform(0.92, 1.08))
        picture, baseline, left, advance = pens.letter(font, c, size)
        if rng.random() < 0.5:
            h, w = picture.shape
            m = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-4, 4), 1.0)
            picture = cv2.warpAffine(picture, m, (w, h), borderValue=0)
        parts.append((picture, int(cursor + left), int(base * 1.4 - baseline + rng.normal(0, base * 0.03))))
        # Japanese fonts give Cyrillic a full-width advance: no hand leaves that gap.
        cursor += min(advance, left + picture.shape[1] + 0.12 * size) * spacing
    width, height = int(cursor + base * 0.5), int(base * 2.2)
    canvas = np.zeros((height, width), np.uint8)
    for picture, x, y in parts:
        h, w = picture.shape
        y0, x0 = max(0, y), max(0, x)
        region = canvas[y0:y0 + h, x0:x0 + w]
        canvas[y0:y0 + h, x0:x0 + w] = np.maximum(region, picture[:region.shape[0], :region.shape[1]])
    # The hand's slant and the line's tilt.
    shear = rng.uniform(-0.35, 0.25)
    m = np.float32([[1, shear, -shear * height / 2 + max(0, shear) * 0], [0, 1, 0]])
    m = cv2.getRotationMatrix2D((width / 2, height / 2), rng.uniform(-2, 2), 1.0) @ np.vstack([m, [0, 0, 1]])
    pad = int(abs(shear) * height) + 4
    canvas = cv2.copyMakeBorder(canvas, 0, 0, pad, pad, cv2.BORDER_CONSTANT, value=0)
    m[0, 2] += pad
    canvas = cv2.warpAffine(canvas, m, (canvas.shape[1], height), flags=cv2.INTER_LINEAR, borderValue=0)
    # The pen: finer or broader than the font's.
    k = int(rng.integers(0, 4))
    if k and rng.random() < 0.5:
        canvas = cv2.dilate(canvas, np.ones((k, k), np.uint8))
    elif k > 1 and rng.random() < 0.5:
        canvas = cv2.erode(canvas, np.ones((2, 2), np.uint8))
    h, w = canvas.shape
    # Remnants of the cell: a ruling's last pixels, the row above's descenders.
    if rng.random() < 0.3:
        y = int(rng.choice([rng.integers(0, 6), h - 1 - rng.integers(0, 6)]))
        x0 = int(rng.integers(0, w // 2))
        cv2.line(canvas, (x0, y), (int(rng.integers(x0 + 10, w)), y), 255, int(rng.integers(1, 4)))
    if rng.random() < 0.2:
        x = int(rng.integers(0, w))
        cv2.line(canvas, (x, 0), (x + int(rng.integers(-8, 8)), int(rng.integers(4, 14))), 255, 3)
    # The letters' height on the page: 2.5 to 6 mm at 150 to 400 dpi.
    target = rng.uniform(14, 60) / base
    small = cv2.resize(canvas, (max(8, int(w * target)), max(8, int(h * target))), interpolation=cv2.INTER_AREA)
    paper = on_paper(rng, small, palest=0.5, blur_up_to=0.4 + target * 0.5, jpeg_chance=0.5)
    return cell_writing(paper)


def name_input(mask):
    return sequence_input(mask, HEIGHT, MAX_WIDTH)


class NameNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
            nn.Conv2d(64, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d((2, 1)),
            nn.Conv2d(64, 128, (5, 3), padding=(0, 1)), nn.BatchNorm2d(128), nn.ReLU(),
        )
        # Context along the line: a letter is told from its neighbours (the
        # script of the word, a stroke shared with the next letter).
        self.context = nn.Sequential(
            nn.Conv2d(128, 128, (1, 3), padding=(0, 2), dilation=(1, 2)), nn.BatchNorm2d(128), nn.ReLU(),
            nn.Dropout(0.2),
            nn.Conv2d(128, 128, (1, 3), padding=(0, 4), dilation=(1, 4)), nn.BatchNorm2d(128), nn.ReLU(),
            nn.Conv2d(128, len(CLASSES) + 1, 1),
        )

    def forward(self, x):  # N x 1 x 40 x W  ->  N x C x 1 x W/4 (logits)
        return self.context(self.features(x))


CYRILLIC_ONLY = CLASSES[CLASSES.index("б"):]


def greedy(logits, cyrillic):
    """The best path among the letters of the name's script, as
    name_sequence.cpp's decodeName reads it (look-alikes kept as their Latin
    class, as `label` writes them)."""
    allowed = [0] + [k + 1 for k, c in enumerate(CLASSES)
                     if c in " -.'" or ((c in CYRILLIC_ONLY or c in LOOK_ALIKE.values()) if cyrillic
                                        else c not in CYRILLIC_ONLY)]
    best = np.array(allowed)[logits[allowed].argmax(0)]
    out, last = [], 0
    for k in best:
        if k != last and k != 0 and not (CLASSES[k - 1] == " " and (not out or out[-1] == " ")):
            out.append(CLASSES[k - 1])
        last = k
    return "".join(out).strip()


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def scores(model, samples):
    """Exact names and character error rate (read in the script of the name
    written), and the share of cells whose own name is likelier (CTC) than
    every other name of the set in its script."""
    model.eval()
    exact, errors, letters, outputs = 0, 0, 0, []
    with torch.no_grad():
        for image, text in samples:
            logits = model(torch.from_numpy(image)[None, None])[0, :, 0]
            outputs.append(logits.log_softmax(0))
            got = greedy(logits.numpy(), any(c in CYRILLIC_ONLY for c in text))
            exact += got == text
            errors += edit_distance(got, text)
            letters += len(text)
        ctc = nn.CTCLoss(blank=0, reduction="none", zero_infinity=True)
        names = sorted({t for _, t in samples})
        first, total = 0, 0
        for out, (_, text) in zip(outputs, samples):
            cyrillic = any(c in CYRILLIC_ONLY for c in text)
            rivals = [n for n in names if n != text and any(c in CYRILLIC_ONLY for c in n) == cyrillic][:60] + [text]
            t = out.shape[1]
            lp = out.t()[:, None, :].expand(t, len(rivals), out.shape[0])
            targets = torch.tensor([CLASSES.index(c) + 1 for n in rivals for c in n])
            loss = ctc(lp, targets, torch.full((len(rivals),), t), torch.tensor([len(n) for n in rivals]))
            first += int(loss[-1] <= loss[:-1].min())
            total += 1
    n = max(1, len(samples))
    return exact / n, errors / max(1, letters), first / max(1, total)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "pipeline", "page", "weights", "names.onnx"))
    parser.add_argument("--build", default=ROOT, help="the project folder whose build/ holds the tools")
    parser.add_argument("--composed", type=int, default=8000, help="composed name cells per epoch")
    parser.add_argument("--epochs", type=int, default=16)
    parser.add_argument("--seed", type=int, default=20232)
    parser.add_argument("--validate", action="append", default=[],
                        help="a make-samples batch whose handwritten names to score on (not trained on)")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    rng = np.random.default_rng(args.seed)
    pens = Pens(56)
    print(f"{len(pens.fonts)} training fonts, {len(pens.cyrillic)} of them write Cyrillic; held out: "
          f"{', '.join(HAND_FONTS)}", flush=True)
    validation = []
    for batch in args.validate:
        with tempfile.TemporaryDirectory() as tmp:
            cells = batch_cells(batch, os.path.join(args.build, "build", "tools", "listaudit-training-cells"), tmp,
                                names=True)
        validation += [(name_input(m), label(t)) for m, t in cells if name_input(m) is not None]
    if validation:
        print(f"validation: {len(validation)} handwritten name cells", flush=True)

    model = NameNet()
    optimiser = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-5)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=3e-3,
                                                   total_steps=args.epochs * (args.composed // BATCH + 40))
    for epoch in range(args.epochs):
        # 67 letters in thirty hands take long to tell apart from nothing
        # (CTC's plateau): the first round writes single words, the second
        # one or two, then whole names.
        words = 1 if epoch == 0 else None if epoch > 1 else 2
        samples = []
        while len(samples) < args.composed:
            name = random_name(rng, words)
            if epoch == 1 and rng.random() < 0.5:
                name = name.split()[0]
            x = name_input(written_name(rng, pens, name))
            if x is not None:
                samples.append((x, label(name)))
        loss, seen = ctc_epoch(model, optimiser, schedule, batches_of(samples, rng, BATCH, CLASSES))
        line = f"epoch {epoch + 1}/{args.epochs}: {seen} names, loss {loss:.4f}"
        if validation:
            exact, cer, first = scores(model, validation)
            line += f", validation: exact {exact:.4f}, character errors {cer:.4f}, own name likeliest {first:.4f}"
        print(line, flush=True)
        export_sequence_network(model, HEIGHT, args.out)
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)")


if __name__ == "__main__":
    main()
