"""`notice import`: Word drafts become decision files.

- `word_markdown.py`: a draft's paragraphs as Markdown (emphasis, links, Word's lists, table cells);
- `markdown_body.py`: a section's paragraphs as one Markdown body (lists, GFM tables, sub-headings);
- `values.py`: dates, people, references and labels read from the text;
- `masthead.py`: the lines before a document's first heading;
- `placement.py`: headings to sections and labelled lines to fields, by the profile;
- `covering_report.py`: a covering report's numbered paragraphs and its authors line;
- `assemble.py`: the placed values as a decision;
- `profile_choice.py`: which profile a draft is written in;
- `api.py`: `import_draft`, the library entry point (the CLI and the web form use it);
- `decision_writer.py`: the decision file, written as `notice new` writes one;
- `folder_run.py`: a folder of drafts on every core, with a summary.
"""

from notice_builder.draft_import.api import ImportResult, import_draft
from notice_builder.draft_import.decision_writer import decision_path, decision_text, write_decision

__all__ = ["ImportResult", "decision_path", "decision_text", "import_draft", "write_decision"]
