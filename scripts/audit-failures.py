#!/usr/bin/env python3
"""A fixed-seed sample of false positives and false negatives, with the resume text around them,
for classifying them by hand.

usage: scripts/audit-failures.py DUMP [--labelled ../shared/corpus/labelled/dev.jsonl]
           [--field LABEL] [--fp 30] [--fn 20] [--seed 7] [--part all|tune|held] [--split 2/3]

For each field, failures are matched exactly as the evaluation does (scripts/evalmatch.py, shared
with eval-failures.py); the sample is drawn from the whole set (or --part) with
random.Random(seed), so the same dump gives the same sample. Each item shows the resume index,
the value, the field's labels in that resume, the resume line(s) that hold the value, and a hint:
  overlap=...  the value shares tokens with an unmatched value on the other side (a boundary or
               partial mismatch candidate, class c);
  in-text      (FP) the value's tokens all occur on one line of the resume;
  not-in-text  (FP) they do not (the analyzer built or normalised it).
The hint is only a hint: the classes (a unlabelled but correct, b our mistake, c partial) are
decided by reading the text.
"""
import argparse, json, random, re, sys
from evalmatch import tokens, unmatched as failures
from fractions import Fraction

ap = argparse.ArgumentParser()
ap.add_argument("dump")
ap.add_argument("--labelled", default="../shared/corpus/labelled/dev.jsonl")
ap.add_argument("--field", action="append")
ap.add_argument("--fp", type=int, default=30)
ap.add_argument("--fn", type=int, default=20)
ap.add_argument("--seed", type=int, default=7)
ap.add_argument("--part", default="all", choices=["all", "tune", "held"])
ap.add_argument("--split", default="2/3")
ap.add_argument("--context", type=int, default=1, help="lines of context either side")
args = ap.parse_args()

rows = [json.loads(l) for l in open(args.dump) if l.strip()]
texts = [json.loads(l)["content"] for l in open(args.labelled) if l.strip()]
cut = int(len(rows) * Fraction(args.split))
rows = {"all": rows, "tune": rows[:cut], "held": rows[cut:]}[args.part]

def where(text, value):
    """Lines of `text` holding all of `value`'s tokens (first such line), with context."""
    lines = text.split("\n")
    want = tokens(value)
    for i, line in enumerate(lines):
        if want and want <= tokens(line):
            lo, hi = max(0, i - args.context), min(len(lines), i + args.context + 1)
            return True, [("> " if k == i else "  ") + lines[k][:160] for k in range(lo, hi)]
    # fall back: the line sharing most tokens
    best = max(range(len(lines)), key=lambda k: len(want & tokens(lines[k])), default=None)
    if best is None or not want & tokens(lines[best]):
        return False, []
    return False, ["~ " + lines[best][:160]]

order = ["Designation", "Companies worked at", "Location", "Graduation Year", "Skills", "College Name", "Degree", "Name"]
fields = args.field or order[:-1]
for field in fields:
    fps, fns = [], []
    for r in rows:
        p, l, preds, labs = failures(r["fields"][field])
        for v in p:
            fps.append((r["index"], v, l, labs))
        for v in l:
            fns.append((r["index"], v, p, preds))
    rng = random.Random(args.seed)
    for kind, items, n in (("FP", fps, args.fp), ("FN", fns, args.fn)):
        sample = sorted(rng.sample(items, min(n, len(items))), key=lambda x: x[0])
        print(f"\n===== {field} {kind}: {len(sample)} of {len(items)} =====")
        for k, (index, value, other_unmatched, other_all) in enumerate(sample, 1):
            overlap = [o for o in other_unmatched if tokens(o) & tokens(value)]
            found, ctx = where(texts[index], value)
            hint = f"overlap={overlap!r}" if overlap else ("in-text" if found else "not-in-text")
            side = "labels" if kind == "FP" else "predicted"
            print(f"[{kind}{k}] #{index} {value.strip()!r}  ({hint})")
            print(f"    {side}: {[o.strip()[:60] for o in other_all][:12]!r}")
            for c in ctx:
                print("    " + c)
