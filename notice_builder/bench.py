"""Benchmark the board-meeting batch against the naive docxtpl loop (run: python -m notice_builder.bench).

It writes N varied decisions (lengths, lists, tables, links, draft or final), then measures on the same
inputs, in one run: the naive loop (DocxTemplate, render, save for each document), `notice batch` in
one process, and `notice batch` on every core. Each rate is the best of `--repeat` runs (3), as timeit
does, so that other work on the machine disturbs the comparison less. Peak memory is measured in fresh
processes for three batch sizes (N/4, N, 4N), to show how it grows with N. It also checks that both
render paths give the same Word XML, and records the median cost of creating a file on the disk the
batch writes to, which varies from run to run. `notice import` is timed on one core over each decision's
built notice, against `notice lint` and a python-docx paragraph walk of the same drafts in the same round
(the round with the fastest import counts). Start-up is measured too, as whole processes: `python -c
pass`, `notice --help` and `notice lint examples/short-draft.json`, interleaved, best of
`--startup-repeat` (15), each also as a ratio to `python -c pass`. Prints JSON; `--output
bench/baseline.json` keeps it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

from notice_builder.load import load_decision_file
from notice_builder.profiles import profile_for
from notice_builder.publish.batch import BatchOptions, available_cores, run_batch
from notice_builder.render import compiled_template, docx_render

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "wmpcc-012-2013-final-signed.json"
WORDS = ("the", "commissioner", "board", "policing", "community", "grant", "partnership", "service",
         "victims", "budget", "report", "decision", "review", "funding", "officers", "public", "safety",
         "local", "force", "plan", "year")


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def markdown_body(rng: random.Random, paragraphs: int) -> str:
    """Markdown with some of everything the renderer handles: lists, tables, links, emphasis."""
    blocks = [" ".join(_sentence(rng, rng.randint(8, 25)) for _ in range(rng.randint(1, 4)))
              for _ in range(paragraphs)]
    if rng.random() < 0.5:
        blocks.append("\n".join(f"- {_sentence(rng, 6)}" for _ in range(rng.randint(2, 6))))
    if rng.random() < 0.4:
        blocks.append("\n".join(f"{n}. **{_sentence(rng, 5)}**" for n in range(1, rng.randint(3, 6))))
    if rng.random() < 0.3:
        rows = "\n".join(f"| {_sentence(rng, 3)} | £{rng.randint(1, 900)},000 |"
                         for _ in range(rng.randint(2, 8)))
        blocks.append("| Item | Cost |\n| --- | --- |\n" + rows)
    if rng.random() < 0.4:
        blocks.append(f"See the [published plan](https://www.example.gov.uk/plan/{rng.randint(1, 40)}) "
                      f"and <https://www.legislation.gov.uk/ukpga/2011/13/section/{rng.randint(1, 99)}>.")
    return "\n\n".join(blocks)


def make_decisions(folder: Path, count: int, seed: int = 2013) -> list[Path]:
    """Write `count` varied, valid decision files into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    base = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    base.pop("$schema", None)
    paths = []
    for number in range(1, count + 1):
        decision = json.loads(json.dumps(base))
        decision["reference"] = f"WMPCC {number:03d}/2013"
        decision["title"] = f"Decision {number}: " + _sentence(rng, rng.randint(4, 12))[:-1]
        if rng.random() < 0.4:
            decision["status"] = "draft"  # a draft is unsigned and has no reference yet
            decision["notice"].pop("signature")
            decision.pop("reference")
        report, notice = decision["report"], decision["notice"]
        report["background"] = [markdown_body(rng, 1) for _ in range(rng.randint(1, 6))]
        notice["executive_summary"] = markdown_body(rng, rng.randint(1, 4))
        notice["decision"] = markdown_body(rng, rng.randint(1, 3))
        notice["facts_and_advice"]["sections"] = [
            {"heading": _sentence(rng, 3)[:-1].upper(), "body": markdown_body(rng, rng.randint(1, 6))}
            for _ in range(rng.randint(0, 3))
        ]
        notice["implications"]["financial"] = markdown_body(rng, rng.randint(1, 3))
        path = folder / f"decision-{number:04d}.json"
        path.write_text(json.dumps(decision, indent=2, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def canonical_document(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return etree.tostring(etree.fromstring(archive.read("word/document.xml")), method="c14n")


def naive_loop(paths: list[Path]) -> tuple[float, int, dict]:
    """docs/s of the docxtpl loop, and its document.xml for each document (for the equivalence check)."""
    sources = [load_decision_file(p) for p in paths]
    documents = {}
    start = time.perf_counter()
    for source in sources:
        profile = profile_for(source)
        for kind in profile.documents:
            documents[(source.path, kind)] = docx_render.render_document(source.data, profile, kind)
    elapsed = time.perf_counter() - start
    return len(documents) / elapsed, len(documents), documents


def timed_batch(paths: list[Path], out_dir: Path, jobs: int, lint: bool = True) -> float:
    start = time.perf_counter()
    result = run_batch([str(p) for p in paths], BatchOptions(out_dir, jobs=jobs, lint=lint))
    elapsed = time.perf_counter() - start
    if result.failed:
        raise RuntimeError(f"{result.failed} benchmark decisions failed to build")
    return sum(len(d.outputs) for d in result.decisions) / elapsed


def fast_render(naive: dict) -> tuple[float, bool]:
    """docs/s of the compiled path alone (render only, like the naive loop), and whether it gives
    the naive loop's document.xml (C14N) for every document."""
    sources = {path: load_decision_file(path) for path, _ in naive}
    fast = {}
    start = time.perf_counter()
    for path, kind in naive:
        source = sources[path]
        fast[(path, kind)] = compiled_template.render_document(source.data, profile_for(source), kind)
    elapsed = time.perf_counter() - start
    same = all(canonical_document(fast[key]) == canonical_document(docx) for key, docx in naive.items())
    return len(fast) / elapsed, same


def import_rates(naive: dict, folder: Path) -> tuple[float, float, float]:
    """Drafts/s of `import_draft` on one core (each decision's built notice, as a Word draft), of
    `notice lint`'s reading of the same drafts, and of python-docx opening them and walking their
    paragraphs, for same-run ratios."""
    import docx

    from notice_builder.draft_import import import_draft
    from notice_builder.lint import lint_docx
    from notice_builder.profiles import load_profile

    folder.mkdir(parents=True, exist_ok=True)
    drafts = []
    for number, ((_, kind), data) in enumerate(sorted(naive.items())):
        if kind == "notice":
            drafts.append(folder / f"draft-{number:04d}.docx")
            drafts[-1].write_bytes(data)
    profile = load_profile("wmpcc")
    start = time.perf_counter()
    for draft in drafts:
        import_draft(draft, profile)
    imported = len(drafts) / (time.perf_counter() - start)
    start = time.perf_counter()
    for draft in drafts:
        lint_docx(draft, profile)
    linted = len(drafts) / (time.perf_counter() - start)
    start = time.perf_counter()
    for draft in drafts:
        sum(len(p.text) for p in docx.Document(str(draft)).paragraphs)
    walked = len(drafts) / (time.perf_counter() - start)
    return imported, linted, walked


def file_create_ms(folder: Path, count: int = 200) -> float:
    """Median milliseconds to create, write (15 kB) and close one file in `folder`.

    Every document is a new file, and on some disks creating one costs more than rendering it (0.02
    to 0.9 ms has been seen on this project's machine), so the result records what the disk cost.
    """
    folder.mkdir(parents=True, exist_ok=True)
    data = bytes(15_000)
    times = []
    for number in range(count):
        start = time.perf_counter()
        with open(folder / f"probe-{number}.bin", "xb") as stream:
            stream.write(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def own_peak_rss_kb() -> int:
    """This process's own peak resident memory, in kB.

    On Linux, ru_maxrss also counts the memory of the parent that started this process (it survives
    exec), so the high-water mark of this process's own memory (VmHWM) is read where /proc has it.
    """
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def peak_rss_probe(count: int) -> int:
    """Peak RSS in kB of a fresh process that builds `count` decisions in one process."""
    with tempfile.TemporaryDirectory() as work:
        paths = make_decisions(Path(work), count)
        run_batch([str(p) for p in paths], BatchOptions(Path(work) / "out", jobs=1))
    return own_peak_rss_kb()


def _probe_in_subprocess(count: int) -> float:
    output = subprocess.run([sys.executable, "-m", "notice_builder.bench", "--rss-probe", str(count)],
                            check=True, capture_output=True, text=True).stdout
    return round(int(output) / 1024, 1)


def _notice_command() -> list[str]:
    """The installed `notice` script beside this Python, else the same entry point through `-c`."""
    script = Path(sys.executable).with_name("notice")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from notice_builder.cli import main; sys.exit(main())"]


def startup_commands() -> dict[str, list[str]]:
    notice = _notice_command()
    return {
        "python_c_pass": [sys.executable, "-c", "pass"],
        "notice_help": [*notice, "--help"],
        "notice_lint_short_draft": [*notice, "lint", "examples/short-draft.json"],
    }


def startup(repeat: int = 15) -> dict:
    """Milliseconds of each start-up command as a whole process, best of `repeat` interleaved rounds,
    and each as a ratio to `python -c pass` measured in the same rounds."""
    commands = startup_commands()
    best = dict.fromkeys(commands, float("inf"))
    for _ in range(max(1, repeat)):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            best[name] = min(best[name], (time.perf_counter() - start) * 1000)
    base = best["python_c_pass"]
    return {"best_of": max(1, repeat),
            **{f"{name}_ms": round(ms, 1) for name, ms in best.items()},
            **{f"{name}_ratio": round(ms / base, 1) for name, ms in best.items() if name != "python_c_pass"}}


def run(count: int, repeat: int = 3) -> dict:
    cores = available_cores()
    with tempfile.TemporaryDirectory(prefix="notice-bench-") as work:
        folder = Path(work)
        paths = make_decisions(folder / "decisions", count)
        # Each round measures everything once, so a machine that speeds up or slows down during the
        # benchmark affects every measurement alike; the best round of each counts.
        rounds = []
        for n in range(max(1, repeat)):
            naive_rate, documents, naive = naive_loop(paths)
            rounds.append({
                "naive": naive_rate,
                "one_process": timed_batch(paths, folder / f"out-1-{n}", 1),
                "all_cores": timed_batch(paths, folder / f"out-all-{n}", cores),
                "all_cores_unlinted": timed_batch(paths, folder / f"out-no-lint-{n}", cores, lint=False),
                "render": fast_render(naive),
                "import": import_rates(naive, folder / f"drafts-{n}"),
            })
        naive_rate, one_process, all_cores, all_cores_unlinted = (
            max(r[key] for r in rounds) for key in ("naive", "one_process", "all_cores", "all_cores_unlinted")
        )
        render_rate = max(r["render"][0] for r in rounds)
        equivalent = all(r["render"][1] for r in rounds)
        import_rate, lint_rate, walk_rate = max((r["import"] for r in rounds), key=lambda rates: rates[0])
        create_ms = file_create_ms(folder / "probe")
    rss = {str(n): _probe_in_subprocess(n) for n in (max(1, count // 4), count, count * 4)}
    return {
        "decisions": count,
        "documents": documents,
        "best_of": max(1, repeat),
        "cores": cores,
        "python": platform.python_version(),
        "naive_docxtpl_docs_per_s": round(naive_rate, 1),
        "compiled_render_only_docs_per_s": round(render_rate, 1),
        "batch_one_process_docs_per_s": round(one_process, 1),
        "batch_all_cores_docs_per_s": round(all_cores, 1),
        "batch_all_cores_no_lint_docs_per_s": round(all_cores_unlinted, 1),
        "speedup_one_process": round(one_process / naive_rate, 1),
        "speedup_all_cores": round(all_cores / naive_rate, 1),
        "peak_rss_mb_by_decisions": rss,
        "output_file_create_ms": round(create_ms, 3),
        "document_xml_equivalent": equivalent,
        "import_one_core_drafts_per_s": round(import_rate, 1),
        "lint_one_core_drafts_per_s": round(lint_rate, 1),
        "python_docx_walk_drafts_per_s": round(walk_rate, 1),
        "import_vs_lint": round(import_rate / lint_rate, 2),
        "import_vs_python_docx_walk": round(import_rate / walk_rate, 2),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--decisions", type=int, default=200, help="decisions to generate (200)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best counts (3)")
    parser.add_argument("--startup-repeat", type=int, default=15,
                        help="runs of each start-up command; the best counts (15; 0 skips them)")
    parser.add_argument("--output", type=Path, help="also write the JSON result to this file")
    parser.add_argument("--rss-probe", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rss_probe:
        print(peak_rss_probe(args.rss_probe))
        return
    figures = {"startup": startup(args.startup_repeat)} if args.startup_repeat > 0 else {}
    text = json.dumps({**run(args.decisions, args.repeat), **figures}, indent=2) + "\n"
    print(text, end="")
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
