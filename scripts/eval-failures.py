#!/usr/bin/env python3
"""Per-field scores and failures from `vitae eval --dump FILE`.

usage: scripts/eval-failures.py DUMP [--split 2/3] [--part tune|held|all] [--field LABEL] [--top N]
                                [--annotated-only]

--split F: the first F of the resumes are the tuning part, the rest the held-out part; scores are
printed for both and the whole set. --field lists that field's most frequent false positives and
false negatives (token-set level, as the evaluation compares) in --part, with the resume index.
--annotated-only scores each field only on the resumes that have at least one label of it: the
labellers skipped whole fields in some resumes (Graduation Year in 56 of 97), and there every
prediction counts as a false positive whatever it is.
"""
import argparse, collections, json, re
from evalmatch import tokens, unmatched
from fractions import Fraction

ap = argparse.ArgumentParser()
ap.add_argument("dump")
ap.add_argument("--split", default="2/3")
ap.add_argument("--part", default="tune", choices=["tune", "held", "all"])
ap.add_argument("--field")
ap.add_argument("--top", type=int, default=40)
ap.add_argument("--per-resume", action="store_true", help="print each resume's FPs and FNs instead of the frequency list")
ap.add_argument("--annotated-only", action="store_true", help="score a field only on resumes with a label of it")
args = ap.parse_args()

rows = [json.loads(l) for l in open(args.dump) if l.strip()]
cut = int(len(rows) * Fraction(args.split))
parts = {"tune": rows[:cut], "held": rows[cut:], "all": rows}
fields = list(rows[0]["fields"].keys())
order = ["Name", "Designation", "Companies worked at", "Location", "College Name", "Degree", "Graduation Year", "Skills"]
fields = [f for f in order if f in fields]

def score(rs, f):
    m = p = l = 0
    for r in rs:
        a, b, c = r["fields"][f]["counts"]
        if args.annotated_only and c == 0:
            continue
        m += a; p += b; l += c
    P = m / p if p else 0
    R = m / l if l else 0
    F = 2 * P * R / (P + R) if P + R else 0
    return P, R, F, m, p, l

print(f"{'field':22}" + "".join(f"{name + ' (' + str(len(rs)) + ')':>28}" for name, rs in parts.items()))
for f in fields:
    line = f"{f:22}"
    for rs in parts.values():
        P, R, F, m, p, l = score(rs, f)
        line += f"   {P:.3f} {R:.3f} {F:.3f} {m:>4}/{p:<4}"
    print(line)

def failures(r, f):
    """Unmatched predictions and labels, matched as the evaluation does (greedy best pairs)."""
    return unmatched(r["fields"][f])[:2]

if args.field:
    fp, fn = collections.Counter(), collections.Counter()
    where = collections.defaultdict(list)
    for r in parts[args.part]:
        p, l = failures(r, args.field)
        if args.per_resume and (p or l):
            print(f"#{r['index']}\n  FP: {p}\n  FN: {l}\n  all predicted: {r['fields'][args.field]['predicted']}")
        for v in p:
            fp[v.lower()] += 1; where[("fp", v.lower())].append(r["index"])
        for v in l:
            fn[v.lower()] += 1; where[("fn", v.lower())].append(r["index"])
    if not args.per_resume:
        print(f"\n{args.field}: false positives ({sum(fp.values())})")
        for v, n in fp.most_common(args.top):
            print(f"  {n:3} {v!r} {where[('fp', v)][:6]}")
        print(f"\n{args.field}: false negatives ({sum(fn.values())})")
        for v, n in fn.most_common(args.top):
            print(f"  {n:3} {v!r} {where[('fn', v)][:6]}")
