#!/usr/bin/env python3
"""Build the skills taxonomy and job-title vocabulary that VitaeAnalysis ships.

Inputs (read-only): the O*NET/ESCO derived lists in ../shared/corpus/taxonomy/ and the
hand-curated scripts/skill-aliases.tsv. Outputs, in Sources/VitaeAnalysis/Resources/:

  skills.tsv           canonical<TAB>category<TAB>flags<TAB>alias|alias...
                       flags: "a" = ambiguous short/common word; the analyzer only counts it in a
                       list context with its exact case. "l" = counts only in a list context (soft
                       skills named in prose are claims, not listings). Aliases starting with "="
                       match case-exactly; starting with "~" (before any "="), only in a list context.
  job-title-words.tsv  word<TAB>times it ends an O*NET title<TAB>times it appears in one
                       (only words seen at least 3 times), so the analyzer can tell a job title
                       from a company name without shipping all 61,000 titles.

Python 3 standard library only. Same inputs give byte-identical outputs.

    python3 scripts/build-taxonomy.py [--taxonomy ../shared/corpus/taxonomy]
"""
import argparse
import collections
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(REPO, "Sources", "VitaeAnalysis", "Resources")

# Company names O*NET puts in front of a product; the product alone is what resumes say.
VENDORS = ["The MathWorks", "Dassault Systemes", "Microsoft", "Oracle", "Adobe", "IBM", "Apple", "Google",
           "Autodesk", "Atlassian", "Intuit", "ESRI", "Bentley", "Amazon", "SAP", "Apache", "Red Hat",
           "Cisco", "Salesforce", "Epic", "Hewlett Packard", "HP", "Sage", "Corel", "Citrix", "VMware"]
# Single words that are products but also everyday words: never used as a bare alias, and
# marked ambiguous when they are the whole name.
COMMON_WORDS = set("""
access project word teams office dynamics publisher outlook visio zoom chef puppet box slack maple
delicious evernote go c r swift ruby rust dart spark express react shell basic less sass ant hive
pig storm flask jest mocha chai gulp grunt bower spring rails elm crystal julia
ada io hack curl turing dylan euphoria fantom ceylon gosu logo pilot alpha beta prism
notes mail calendar drive sheets docs forms keep meet chat paint movie maker live share
stream sway bookings delve planner lens whiteboard kaizala yammer snap line
etc pro she tax com air ads sam doe sis gap spot target compass pass urban architect google act act!
salt scheme forth icon
""".split())
MIN_OCCUPATIONS = 2


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            yield dict(zip(header, line.rstrip("\n").split("\t")))


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def is_generic(name):
    """'Spreadsheet software', 'Data base user interface and query software': a category, not a product."""
    words = name.split()
    return words[-1].lower() == "software" and all(w[:1].islower() for w in words[1:]) and name[:1].isupper() \
        and not any(c.isupper() for c in "".join(words[1:]))


def onet_entries(path):
    for row in read_tsv(path):
        if not (int(row["occupations"]) >= MIN_OCCUPATIONS or row["hot"] == "Y" or row["in_demand"] == "Y"):
            continue
        name = squash(row["name"])
        if is_generic(name):
            continue
        aliases = []
        if name.endswith(" software"):
            aliases.append(name)
            name = name[: -len(" software")]
        # "Google": a vendor's bare name is the company (an employer, a client, the first word of a
        # wrapped "Google / Cloud SQL"), not a product; the curated rows keep the vendors whose name
        # is their product's (SAP, Cisco, Salesforce, VMware).
        if name in VENDORS:
            continue
        words = name.split()
        # "Structured query language SQL" -> SQL, with the spelled-out phrase as an alias.
        if len(words) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9+#/&.-]+", words[-1]):
            aliases.append(name)
            aliases.append(" ".join(words[:-1]))
            name = words[-1]
        else:
            for vendor in VENDORS:
                if name.startswith(vendor + " "):
                    rest = name[len(vendor) + 1:]
                    # "Microsoft Exchange" -> "Exchange" would match the English word; only keep a
                    # vendor-less alias that cannot be one: several words, or a coined spelling.
                    coined = re.search(r"[A-Z0-9+#.]", rest[1:]) is not None
                    named = any(w[:1].isupper() for w in rest.split())  # not "operating system"
                    if rest.lower() not in COMMON_WORDS and len(rest) > 2 and named and (" " in rest or coined):
                        aliases.append(rest)
                    break
        if len(name) <= 2:
            continue  # two-letter O*NET names (XP, HR, PM) are noise unless curated
        yield name, row["category"], aliases


def esco_entries(path):
    for row in read_tsv(path):
        if row["skill_type"] != "knowledge":
            continue
        label = row["preferred_label"]
        m = re.fullmatch(r"(.+?) \((computer programming|.*software.*|.*framework.*)\)", label)
        if m:
            name = m.group(1)
            category = "Programming languages" if m.group(2) == "computer programming" else "Software (ESCO)"
        elif re.fullmatch(r"[A-Z][a-z0-9+#.]*[A-Z0-9+#][A-Za-z0-9+#.]*", label):
            # One camel-case or acronym token (DevOps, CoffeeScript, ABAP): a technology name.
            name, category = label, "Software (ESCO)"
        else:
            continue
        alts = [a for a in row["alt_labels"].split("|") if a and len(a) > 2 and a.lower() not in COMMON_WORDS]
        yield name, category, alts[:6]


def curated(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t") + ["", ""]
            yield parts[0], parts[1], [a for a in parts[2].split("|") if a]


def build_skills(taxonomy, aliases_file):
    skills = collections.OrderedDict()   # folded canonical -> [name, category, flags, aliases]
    taken = {}                           # folded alias -> folded canonical that owns it

    def add(name, category, aliases, override):
        ambiguous = name.startswith("!")
        list_only = name.startswith("~")
        name = name.lstrip("!~")
        key = name.casefold()
        if key in taken and taken[key] != key:
            if not override:
                return          # already an alias of another skill (e.g. "Oracle Java" -> Java)
            old = skills.get(taken[key])
            if old:
                old[3] = [a for a in old[3] if a.lstrip("~=").casefold() != key]
        if key in skills and not override:
            entry = skills[key]
        else:
            entry = skills.setdefault(key, [name, category, "", []])
            if override:
                entry[0], entry[1] = name, category
        if ambiguous or (" " not in name and name.casefold() in COMMON_WORDS):
            entry[2] = "a"
        elif list_only:
            entry[2] = "l"
        taken[key] = key
        for alias in aliases:
            folded = alias.lstrip("~=").casefold()
            if folded == key or folded in taken:
                continue
            taken[folded] = key
            entry[3].append(alias)

    for name, category, aliases in curated(aliases_file):
        add(name, category, aliases, override=True)
    for name, category, aliases in onet_entries(os.path.join(taxonomy, "technology-skills.tsv")):
        add(name, category, aliases, override=False)
    for name, category, aliases in esco_entries(os.path.join(taxonomy, "esco-skills.tsv")):
        add(name, category, aliases, override=False)
    return skills.values()


def build_title_words(taxonomy):
    heads, anywhere = collections.Counter(), collections.Counter()
    for row in read_tsv(os.path.join(taxonomy, "job-titles.tsv")):
        words = re.findall(r"[a-z][a-z'&.-]*", row["title"].lower())
        if not words:
            continue
        heads[words[-1]] += 1
        for w in set(words):
            anywhere[w] += 1
    return sorted((w, heads[w], n) for w, n in anywhere.items() if n >= 3)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taxonomy", default=os.path.join(REPO, "..", "shared", "corpus", "taxonomy"))
    parser.add_argument("--aliases", default=os.path.join(HERE, "skill-aliases.tsv"))
    args = parser.parse_args()

    skills = build_skills(args.taxonomy, args.aliases)
    with open(os.path.join(OUT, "skills.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by scripts/build-taxonomy.py from O*NET 29.2 and ESCO v1.1.1; see ATTRIBUTION.md.\n")
        for name, category, flags, aliases in skills:
            f.write(f"{name}\t{category}\t{flags}\t{'|'.join(aliases)}\n")
    words = build_title_words(args.taxonomy)
    with open(os.path.join(OUT, "job-title-words.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by scripts/build-taxonomy.py from O*NET 29.2 job titles; see ATTRIBUTION.md.\n")
        for word, head, anywhere in words:
            f.write(f"{word}\t{head}\t{anywhere}\n")
    print(f"skills.tsv: {sum(1 for _ in skills)} skills; job-title-words.tsv: {len(words)} words")


if __name__ == "__main__":
    main()
