"""The per-decision pipeline: load, profile, validate, lint, render, stage.

Every command that turns a decision into documents or findings runs these stages through this
package and writes them out nowhere else: `build` (one decision), `batch` (a meeting's decisions on
every core), `pack`, `register`, `lint` over files and folders, and the web form.

- `decision.py`: `run_decision`, the stages up to rendering, with each stage's problems as findings;
- `outputs.py`: output file names, staging documents in temporary files, publishing them all or none;
- `build.py`: one decision's documents into a folder (`notice build`);
- `lint_files.py`: `notice lint` over files and folders of decisions and Word drafts.
"""

from notice_builder.pipeline.build import BuildResult, BuiltDocument, build_documents
from notice_builder.pipeline.decision import (
    RENDER_ENGINES,
    DecisionRun,
    render_documents,
    run_decision,
    validate_decision,
)
from notice_builder.pipeline.lint_files import lint_file, lint_paths
from notice_builder.pipeline.outputs import (
    StagedDocument,
    discard,
    document_path,
    output_stem,
    publish_documents,
    stage_document,
    stage_documents,
)

__all__ = [
    "RENDER_ENGINES",
    "BuildResult",
    "BuiltDocument",
    "DecisionRun",
    "StagedDocument",
    "build_documents",
    "discard",
    "document_path",
    "lint_file",
    "lint_paths",
    "output_stem",
    "publish_documents",
    "render_documents",
    "run_decision",
    "stage_document",
    "stage_documents",
    "validate_decision",
]
