"""Benchmark the web form (`notice serve`): from a change in a field to its findings on screen, and from
"Download" to the .docx, each beside the library call it wraps, measured in the same run.

Run: python bench/serve_bench.py [--rounds 60] [--output FILE]. It serves a copy of the examples on
127.0.0.1 in this process, drives the Debian chromium package with Playwright for the field changes
(the time is taken in the page: from the input event to the findings written into the page), and
fetches documents over HTTP for the downloads. Targets (issue 15): findings p95 at most 150 ms,
download at most 300 ms. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

from notice_builder.load import load_decision_file
from notice_builder.pipeline import run_decision
from notice_builder.serve.form_model import field_id
from notice_builder.serve.server import serving_in_thread

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = "wmpcc-005-2013-technology-task-force.json"  # the reference decision, the longest example
CHROMIUM = "/usr/bin/chromium"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict:
    return {"median_ms": round(statistics.median(values), 1), "p95_ms": round(percentile(values, 0.95), 1),
            "max_ms": round(max(values), 1)}


def library_findings_ms(path: Path, rounds: int) -> list[float]:
    """What the form's findings cost in the library alone: load, validate and lint, no render."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run_decision(load_decision_file(path), render=False, keep_going=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def library_build_ms(path: Path, rounds: int) -> list[float]:
    """What a download costs in the library alone: the whole pipeline, documents rendered."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run_decision(path)
        times.append((time.perf_counter() - start) * 1000)
    return times


def field_change_ms(url: str, port: int, rounds: int) -> list[float]:
    """From an input event in the email field to its findings written into the page, in the page's clock."""
    from playwright.sync_api import sync_playwright

    email = field_id("/notice/contact_officer/email")
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page()
        page.goto(url)
        page.goto(f"http://127.0.0.1:{port}/d/0")
        page.wait_for_selector("#decision-form")
        for number in range(rounds):
            value = "j.courtney@" if number % 2 else "j.courtney@west-midlands.pnn.police.uk"
            started = page.evaluate("""([id, value]) => {
                const field = document.getElementById(id);
                field.value = value;
                const start = Date.now();
                field.dispatchEvent(new Event('input', {bubbles: true}));
                return start;
            }""", [email, value])
            page.wait_for_function("""(start) => Number(document.getElementById('decision-form')
                .getAttribute('data-findings-shown') || 0) >= start""", arg=started)
            shown = int(page.locator("#decision-form").get_attribute("data-findings-shown"))
            times.append(float(shown - started))
        browser.close()
    return times


def download_ms(client: httpx.Client, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        answer = client.get("/d/0/download/notice.docx")
        answer.raise_for_status()
        times.append((time.perf_counter() - start) * 1000)
    return times


def run(rounds: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as temporary:
        folder = Path(temporary)
        shutil.copy(REPO / "examples" / EXAMPLE, folder / EXAMPLE)
        library_findings_ms(folder / EXAMPLE, 3)  # warm the caches the server shares
        with serving_in_thread(folder) as running:
            origin = f"http://127.0.0.1:{running.port}"
            with httpx.Client(base_url=origin, headers={"Origin": origin}, timeout=60) as client:
                client.get(running.url, follow_redirects=True).raise_for_status()
                download_ms(client, 3)
                download = download_ms(client, rounds)
        if Path(CHROMIUM).exists():
            with serving_in_thread(folder) as running:  # a new server: the first one's token is spent
                change = field_change_ms(running.url, running.port, rounds)
        else:
            print(f"chromium is not at {CHROMIUM} (`make system-deps` installs it): the field-change "
                  "figure is not measured", file=sys.stderr)
            change = [float("nan")]
        findings_alone = library_findings_ms(folder / EXAMPLE, rounds)
        build_alone = library_build_ms(folder / EXAMPLE, rounds)
    result = {
        "decision": EXAMPLE,
        "rounds": rounds,
        "python": sys.version.split()[0],
        "field_change_to_findings": summary(change),
        "findings_in_the_library": summary(findings_alone),
        "download_docx": summary(download),
        "render_in_the_library": summary(build_alone),
    }
    result["ratios"] = {
        "findings_p95_over_library_p95": round(result["field_change_to_findings"]["p95_ms"]
                                               / result["findings_in_the_library"]["p95_ms"], 2),
        "download_p95_over_library_p95": round(result["download_docx"]["p95_ms"]
                                               / result["render_in_the_library"]["p95_ms"], 2),
    }
    result["targets"] = {
        "field_change_p95_at_most_150_ms": result["field_change_to_findings"]["p95_ms"] <= 150,
        "download_at_most_300_ms": result["download_docx"]["max_ms"] <= 300,
    }
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    result = run(args.rounds)
    text = json.dumps(result, indent=2)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
