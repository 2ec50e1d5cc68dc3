"""How `vitae eval` matches predicted and labelled values, for the scripts that read its dumps:
lower-cased alphanumeric token sets, Jaccard >= 0.5, greedy best pairs, each value once."""
import re


def tokens(s):
    return frozenset(re.findall(r"[a-z0-9]+", s.lower()))


def jac(a, b):
    u = len(a | b)
    return len(a & b) / u if u else 0


def distinct(values):
    """The values with distinct token sets, first spelling kept (a value given twice counts once)."""
    seen, out = [], []
    for v in values:
        t = tokens(v)
        if t and t not in seen:
            seen.append(t)
            out.append(v)
    return out


def unmatched(field):
    """(unmatched predictions, unmatched labels, distinct predictions, distinct labels) of one field
    of one dumped resume: {"predicted": [...], "labelled": [...]}."""
    preds, labs = distinct(field["predicted"]), distinct(field["labelled"])
    pairs = sorted(((jac(tokens(p), tokens(l)), -i, -j, i, j) for i, p in enumerate(preds) for j, l in enumerate(labs)
                    if jac(tokens(p), tokens(l)) >= 0.5), reverse=True)
    used_p, used_l = set(), set()
    for _, _, _, i, j in pairs:
        if i not in used_p and j not in used_l:
            used_p.add(i)
            used_l.add(j)
    return ([p for i, p in enumerate(preds) if i not in used_p], [l for j, l in enumerate(labs) if j not in used_l],
            preds, labs)
