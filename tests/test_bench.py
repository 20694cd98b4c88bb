"""The batch benchmark runs end to end on a few decisions (its numbers are never asserted: no timed tests)."""

from __future__ import annotations

from notice_builder import bench
from notice_builder.load import load_decision_file
from notice_builder.pipeline import validate_decision


def test_benchmark_reports_every_rate_and_checks_the_render_paths_agree():
    result = bench.run(3, repeat=1)
    assert result["decisions"] == 3 and result["documents"] == 6 and result["best_of"] == 1
    for key in ("naive_docxtpl_docs_per_s", "batch_one_process_docs_per_s", "batch_all_cores_docs_per_s",
                "compiled_render_only_docs_per_s"):
        assert result[key] > 0, key
    assert result["document_xml_equivalent"] is True
    assert result["import_one_core_drafts_per_s"] > 0 and result["python_docx_walk_drafts_per_s"] > 0
    assert result["import_vs_lint"] > 0 and result["import_vs_python_docx_walk"] > 0
    assert set(result["peak_rss_mb_by_decisions"]) == {"1", "3", "12"}
    assert all(mb > 0 for mb in result["peak_rss_mb_by_decisions"].values())
    assert result["output_file_create_ms"] > 0


def test_generated_decisions_are_valid_and_varied(tmp_path):
    paths = bench.make_decisions(tmp_path, 12)
    sources = [load_decision_file(p) for p in paths]
    assert all(validate_decision(s) == [] for s in sources)
    assert {s.data["status"] for s in sources} == {"draft", "final"}


def test_start_up_figures_are_reported_with_their_ratio_to_an_empty_python():
    figures = bench.startup(repeat=1)
    assert set(figures) == {"best_of", "python_c_pass_ms", "notice_help_ms", "notice_lint_short_draft_ms",
                            "notice_help_ratio", "notice_lint_short_draft_ratio"}
