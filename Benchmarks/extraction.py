#!/usr/bin/env python3
"""CPU cost of `vitae extract` against pdftotext (PDF) and pandoc / docx2txt (DOCX).

Builds nothing: pass the vitae binary (default .build/release/vitae; build it first with
`swift build -c release --product vitae`). Runs over the PDFs and DOCX files of the shared corpus
(resumes/ plus the pdf-odd samples that both tools extract), several rounds, and reports
user+sys CPU seconds from getrusage(RUSAGE_CHILDREN) deltas, so wall-clock noise from the
shared machine does not count.

Two views, both reported:
  per process  one process per file for every tool, as a CLI user or the server's sandboxed
               child would run it; includes process start-up (Swift runtime, Foundation, ICU).
  in process   vitae reads every file `--repeat` times in one process (start-up paid once),
               divided per file; the other tools have no such mode, so they stay per process.

    python3 Benchmarks/extraction.py [--vitae PATH] [--corpus DIR] [--rounds N] [--repeat N]
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cpu(command):
    """CPU seconds the command used, and whether it succeeded."""
    before = cpu_seconds()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cpu_seconds() - before, result.returncode == 0


def corpus_files(corpus):
    pdfs, docxs = [], []
    for folder in ("resumes", os.path.join("pdf-odd", "samples")):
        for root, _, names in os.walk(os.path.join(corpus, folder)):
            for name in sorted(names):
                path = os.path.join(root, name)
                if name.endswith(".pdf"):
                    pdfs.append(path)
                elif name.endswith(".docx"):
                    docxs.append(path)
    return sorted(pdfs), sorted(docxs)


def median(values):
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def measure(tools, files, rounds):
    """{tool: {file: median CPU seconds}} with rounds interleaved so drift hits all tools alike."""
    samples = {tool: {f: [] for f in files} for tool in tools}
    for _ in range(rounds):
        for f in files:
            for tool, command in tools.items():
                seconds, _ = run_cpu(command(f))
                samples[tool][f].append(seconds)
    return {tool: {f: median(v) for f, v in per.items()} for tool, per in samples.items()}


def report(title, results, files, baseline, corpus):
    tools = list(results)
    print(f"\n## {title}: median CPU ms per file over the rounds (user+sys)")
    width = max(len(os.path.relpath(f, corpus)) for f in files)
    print(f"{'file':<{width}}  " + "  ".join(f"{t:>10}" for t in tools) + f"  {'ratio':>7}")
    for f in files:
        row = "  ".join(f"{results[t][f] * 1000:10.1f}" for t in tools)
        base = results[baseline][f]
        ratio = results["vitae"][f] / base if base > 0 else float("nan")
        print(f"{os.path.relpath(f, corpus):<{width}}  {row}  {ratio:7.2f}")
    totals = {t: sum(results[t].values()) for t in tools}
    print(f"{'TOTAL':<{width}}  " + "  ".join(f"{totals[t] * 1000:10.1f}" for t in tools)
          + f"  {totals['vitae'] / totals[baseline]:7.2f}")
    for t in tools:
        if t != "vitae":
            print(f"vitae uses {totals['vitae'] / totals[t]:.2f}x the CPU of {t} "
                  f"({t} uses {totals[t] / totals['vitae']:.2f}x the CPU of vitae)")
    return totals


def in_process(vitae, files, repeat, rounds):
    """Median CPU seconds per file extraction with start-up amortised over `repeat` passes."""
    per_file = []
    for _ in range(rounds):
        seconds, ok = run_cpu([vitae, "extract", "--repeat", str(repeat), *files])
        per_file.append(seconds / (repeat * len(files)))
    startup = median([run_cpu([vitae, "--version"])[0] for _ in range(rounds)])
    return median(per_file), startup


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vitae", default=os.path.join(REPO, ".build", "release", "vitae"))
    parser.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    corpus = os.path.abspath(args.corpus)
    if not os.access(args.vitae, os.X_OK):
        sys.exit(f"no vitae binary at {args.vitae}; run `swift build -c release --product vitae` first")
    for tool in ("pdftotext", "pandoc", "docx2txt"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed")

    pdfs, docxs = corpus_files(corpus)
    # Only files both sides read: a PDF vitae refuses (encrypted, scanned) is no speed contest.
    pdfs = [f for f in pdfs if run_cpu([args.vitae, "extract", f])[1] and run_cpu(["pdftotext", f, "-"])[1]]
    print(f"vitae: {args.vitae}\ncorpus: {corpus}\n{len(pdfs)} PDFs, {len(docxs)} DOCX, "
          f"{args.rounds} rounds, CPU = user+sys of child processes")

    pdf_tools = {
        "vitae": lambda f: [args.vitae, "extract", f],
        "pdftotext": lambda f: ["pdftotext", f, "-"],
    }
    docx_tools = {
        "vitae": lambda f: [args.vitae, "extract", f],
        "pandoc": lambda f: ["pandoc", "-t", "plain", f],
        "docx2txt": lambda f: ["docx2txt", f, "-"],
    }
    pdf_totals = report("PDF, one process per file", measure(pdf_tools, pdfs, args.rounds), pdfs, "pdftotext", corpus)
    docx_totals = report("DOCX, one process per file", measure(docx_tools, docxs, args.rounds), docxs, "pandoc", corpus)

    print("\n## in process (vitae extract --repeat, start-up amortised)")
    rounds_for_startup = max(args.rounds, 5)
    pdf_each, startup = in_process(args.vitae, pdfs, args.repeat, args.rounds)
    pdftotext_each = pdf_totals["pdftotext"] / len(pdfs)
    pdftotext_startup = median([run_cpu(["pdftotext", "-v"])[0] for _ in range(rounds_for_startup)])
    print(f"process start-up alone: vitae --version {startup * 1000:.1f} ms CPU, pdftotext -v {pdftotext_startup * 1000:.1f} ms")
    print(f"PDF:  vitae {pdf_each * 1000:.2f} ms/file in process vs pdftotext {pdftotext_each * 1000:.2f} ms/file "
          f"per process -> {pdf_each / pdftotext_each:.2f}x; against pdftotext minus its start-up "
          f"({(pdftotext_each - pdftotext_startup) * 1000:.2f} ms) -> {pdf_each / (pdftotext_each - pdftotext_startup):.2f}x")
    if docxs:
        docx_each, _ = in_process(args.vitae, docxs, args.repeat * 10, args.rounds)
        pandoc_each = docx_totals["pandoc"] / len(docxs)
        print(f"DOCX: vitae {docx_each * 1000:.2f} ms/file in process vs pandoc {pandoc_each * 1000:.2f} ms/file "
              f"per process -> {pandoc_each / docx_each:.0f}x faster")

    print("\n## targets")
    pdf_ratio = pdf_totals["vitae"] / pdf_totals["pdftotext"]
    docx_speedup = docx_totals["pandoc"] / docx_totals["vitae"]
    in_ratio = pdf_each / (pdftotext_each - pdftotext_startup)
    print(f"PDF per process: {pdf_ratio:.2f}x pdftotext CPU (target <= 1.10): {'met' if pdf_ratio <= 1.10 else 'NOT met'}")
    print(f"PDF in process:  {in_ratio:.2f}x pdftotext CPU without its start-up (target <= 1.10): "
          f"{'met' if in_ratio <= 1.10 else 'NOT met'}")
    print(f"DOCX per process: {docx_speedup:.1f}x faster than pandoc (target >= 5): {'met' if docx_speedup >= 5 else 'NOT met'}")
    if docxs:
        print(f"DOCX in process:  {pandoc_each / docx_each:.0f}x faster than pandoc (target >= 5): "
              f"{'met' if pandoc_each / docx_each >= 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
