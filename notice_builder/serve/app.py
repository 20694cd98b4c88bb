"""The web form's pages and actions (Starlette), over the library: the same pipeline as the CLI.

Pages are rendered on the server (Jinja2, autoescaped); a little plain JavaScript (static/form.js)
adds live findings, previews, reveals and autosave, and every action also works as a plain form post.
Decisions are addressed by their place in the folder's listing (`/d/3`), never by a path.
"""

from __future__ import annotations

import json
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from notice_builder.docx.atomic_files import write_atomically
from notice_builder.draft_import import import_draft, write_decision
from notice_builder.load.decision_file import parse_decision_text
from notice_builder.load.project_settings import project_profile
from notice_builder.model.decision_text import decision_date
from notice_builder.model.findings import Finding, NoticeBuilderError
from notice_builder.model.limits import MAX_DECISION_BYTES
from notice_builder.model.redaction import confidential_items
from notice_builder.office.starter import starter_decision
from notice_builder.pipeline import document_path, run_decision
from notice_builder.pipeline.outputs import title_slug
from notice_builder.profiles import profile_for, project_or_default_profile
from notice_builder.profiles.document_order import decision_json_text
from notice_builder.serve import form_model, preview, versions
from notice_builder.serve.finding_fields import place_findings
from notice_builder.serve.listing import DecisionFile, decision_files, file_at, read_bytes, sha256
from notice_builder.serve.security import BodyTooLarge, Guard

MAX_BODY = 8 * 1024 * 1024  # a form holds the decision twice (its fields and its state): 2 x 2 MB and room
MAX_UPLOAD = MAX_DECISION_BYTES
MAX_DRAFT_UPLOAD = 7 * 1024 * 1024  # a Word draft, pictures and all; under the request cap (MAX_BODY)


@dataclass
class Opened:
    """A decision file as read for the form: its entry, text, sha256, parse and profile."""

    entry: DecisionFile
    text: str
    sha: str
    data: dict | None
    problem: list[Finding]


def _env() -> Environment:
    env = Environment(loader=PackageLoader("notice_builder.serve", "templates"),
                      autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    env.globals.update(date_parts=form_model.date_parts, field_id=form_model.field_id,
                       markdown_html=preview.markdown_html)
    return env


class FormApp:
    """The routes of one served folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder).resolve()
        self.env = _env()

    # ---- helpers ------------------------------------------------------------------------------

    def page(self, name: str, status: int = 200, **context) -> HTMLResponse:
        html = self.env.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status)

    def entry(self, index: int) -> DecisionFile:
        found = file_at(self.folder, index)
        if found is None:
            raise HTTPException(404, "There is no such decision in this folder; go back to the list.")
        return found

    def open(self, entry: DecisionFile) -> Opened:
        raw = read_bytes(entry.path)
        try:
            text = raw.decode("utf-8")
            source = parse_decision_text(text, str(entry.path))
        except UnicodeDecodeError:
            return Opened(entry, "", sha256(raw), None, [Finding(
                code="not-utf8", path=entry.name, message="the file is not UTF-8 text",
                hint="save it as UTF-8 in a text editor")])
        except NoticeBuilderError as error:
            return Opened(entry, text, sha256(raw), None, error.findings)
        if not isinstance(source.data, dict):
            return Opened(entry, text, sha256(raw), None, [Finding(
                code="not-a-decision", path=entry.name, message="the file is JSON but not a decision")])
        return Opened(entry, text, sha256(raw), source.data, [])

    def profile(self, entry: DecisionFile, data: dict):
        try:
            return profile_for(parse_decision_text(decision_json_text(data), str(entry.path)), None)
        except NoticeBuilderError:
            return project_or_default_profile(entry.path.parent)

    def findings(self, entry: DecisionFile, data: dict) -> tuple:
        source = parse_decision_text(decision_json_text(data), str(entry.path))
        return run_decision(source, render=False, keep_going=True).findings

    def form_page(self, entry: DecisionFile, data: dict, base: str, *, status: int = 200, saved: bool = False,
                  summary: bool = False, notice: str = "", problem: Finding | None = None,
                  focus: str = "", unsaved: bool = False) -> HTMLResponse:
        profile = self.profile(entry, data)
        fields = form_model.form_fields(data, profile)
        placed = place_findings(self.findings(entry, data), fields, form_model.profile_schema(profile))
        by_field: dict[str, list] = {}
        for finding in placed:
            by_field.setdefault(finding.field, []).append(finding)
        return self.page(
            "form.html", status, entry=entry, fields=fields, state=json.dumps(data, ensure_ascii=False),
            base=base, findings=placed, by_field=by_field, show_inline=summary, summary=summary,
            saved=saved, notice=notice, problem=problem, focus=form_model.field_id(focus) if focus else "",
            unsaved=unsaved, title=data.get("title") if isinstance(data.get("title"), str) else "",
            status_value=data.get("status"), profile=profile,
            errors=sum(f.severity == "error" for f in placed),
            warnings=sum(f.severity != "error" for f in placed))

    # ---- the list -----------------------------------------------------------------------------

    async def listing(self, request: Request, problem: Finding | None = None, status: int = 200):
        rows = []
        for entry in decision_files(self.folder):
            opened = self.open(entry)
            data = opened.data or {}
            count = len(opened.problem) if opened.data is None else len(self.findings(entry, data))
            rows.append({"entry": entry, "title": data.get("title") or "(no title)",
                         "reference": data.get("reference") or "", "status": data.get("status") or "",
                         "findings": count})
        return self.page("listing.html", status, rows=rows, folder=self.folder, problem=problem,
                         max_upload=MAX_DRAFT_UPLOAD)

    async def new(self, request: Request):
        await request.form()
        target = self._free_name("new-decision")
        profile = project_or_default_profile(target.parent)
        write_atomically(target, decision_json_text(starter_decision(target, profile)).encode())
        return self._to_entry(target)

    def _free_name(self, stem: str) -> Path:
        folder = self.folder / "decisions" if (self.folder / "decisions").is_dir() else self.folder
        number = 1
        while True:
            candidate = folder / (f"{stem}.json" if number == 1 else f"{stem}-{number}.json")
            if not candidate.exists():
                return candidate
            number += 1

    def _to_entry(self, path: Path) -> RedirectResponse:
        for entry in decision_files(self.folder):
            if entry.path == path.resolve():
                return RedirectResponse(f"/d/{entry.index}", status_code=303)
        return RedirectResponse("/", status_code=303)

    async def upload(self, request: Request):
        try:
            form = await request.form(max_files=1, max_fields=5, max_part_size=MAX_DRAFT_UPLOAD)
        except MultiPartException:
            return await self.listing(request, _upload_problem(
                "the file is larger than a decision (2 MB) or a Word draft (7 MB) can be",
                "upload the decision's .json file, or the Word draft without its pictures"), 413)
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            problem = _upload_problem("no file was chosen", "choose a file first")
            return await self.listing(request, problem, 400)
        data = await upload.read(MAX_DRAFT_UPLOAD + 1)
        name = upload.filename
        if len(data) > MAX_DRAFT_UPLOAD:
            return await self.listing(request, _upload_problem(
                f"{name} is larger than a Word draft can be (7 MB)",
                "upload the Word draft without its pictures, or its decision's .json file"), 413)
        if name.lower().endswith((".docx", ".doc", ".docm")) or data[:2] == b"PK":
            return await self.import_word_draft(request, name, data)
        if len(data) > MAX_UPLOAD:
            return await self.listing(request, _upload_problem(
                f"{name} is larger than a decision can be (2 MB)", "upload the decision's .json file"), 413)
        try:
            text = data.decode("utf-8")
            source = parse_decision_text(text, name)
        except UnicodeDecodeError:
            return await self.listing(request, _upload_problem(
                f"{name} is not a decision file: it is not UTF-8 text", "upload a .json decision file"), 400)
        except NoticeBuilderError as error:
            first = error.findings[0]
            problem = _upload_problem(f"{name} is not a decision file: {first.message}",
                                      first.hint or "correct it and upload again")
            return await self.listing(request, problem, 400)
        if not isinstance(source.data, dict):
            return await self.listing(request, _upload_problem(
                f"{name} is JSON but not a decision (it must be one object in braces)",
                "upload a decision file, as `notice new` writes one"), 400)
        stem = title_slug(Path(name).stem) or "uploaded-decision"
        target = self._free_name(stem)
        write_atomically(target, data)
        return self._to_entry(target)

    async def import_word_draft(self, request: Request, name: str, data: bytes):
        """A Word draft uploaded: the decision it means (as `notice import` writes it), opened in the form."""
        if not name.lower().endswith(".docx") or data[:2] != b"PK":
            return await self.listing(request, _upload_problem(
                f"{name} is not a Word .docx file, so it cannot be imported",
                "open it in Word and save it as a Word Document (.docx), then upload that"), 400)
        with tempfile.TemporaryDirectory(prefix="notice-import-") as work:
            draft = Path(work) / "draft.docx"
            draft.write_bytes(data)
            try:
                result = import_draft(draft, project_profile(self.folder))
            except NoticeBuilderError as error:
                first = error.findings[0]
                return await self.listing(request, _upload_problem(
                    f"{name} cannot be imported: {first.message}",
                    first.hint or "open it in Word, save it again as .docx and upload that"), 400)
        target = self._free_name(title_slug(Path(name).stem) or "imported-draft")
        write_decision(result, target)
        return self._to_entry(target)

    # ---- one decision -------------------------------------------------------------------------

    async def show(self, request: Request):
        entry = self.entry(request.path_params["index"])
        opened = self.open(entry)
        if opened.data is None:
            return self.page("unreadable.html", 200, entry=entry, problems=opened.problem)
        return self.form_page(entry, opened.data, opened.sha)

    async def submitted(self, request: Request) -> tuple[DecisionFile, dict, dict, str]:
        entry = self.entry(request.path_params["index"])
        form = await request.form(max_files=0, max_fields=20_000, max_part_size=MAX_BODY)
        values = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        if values.get("file") != entry.name:
            raise HTTPException(409, "The folder's list of decisions changed since this page was opened; "
                                "go back to the list and open the decision again. Your input is kept in "
                                "this browser.")
        try:  # the state is read as a decision file is: bounded numbers, depth and keys
            state = parse_decision_text(values.get("state", ""), entry.name).data
        except NoticeBuilderError:
            state = None
        if not isinstance(state, dict):
            raise HTTPException(400, "The form was sent without its decision; open the decision again.")
        profile = self.profile(entry, state)
        fields = form_model.form_fields(state, profile)
        return entry, form_model.decision_from_form(state, fields, values), values, values.get("base", "")

    async def act(self, request: Request):
        entry, data, values, base = await self.submitted(request)
        action = values.get("action", "refresh")
        verb = action.partition(":")[0]
        if verb in ("add", "remove", "up", "down"):
            data, focus = form_model.list_action(data, self.profile(entry, data), action)
            return self.form_page(entry, data, base, focus=focus, unsaved=True)
        if verb == "next-ref":
            return self._next_reference(entry, data, base)
        if verb in ("save", "check"):
            return self._save(entry, data, base, check=verb == "check")
        return self.form_page(entry, data, base, unsaved=True)

    def _next_reference(self, entry: DecisionFile, data: dict, base: str) -> HTMLResponse:
        from notice_builder.office.folder import next_reference

        try:
            data = {**data, "reference": next_reference(entry.path.parent)}
        except NoticeBuilderError as error:
            return self.form_page(entry, data, base, problem=error.findings[0], focus="/reference",
                                  unsaved=True)
        return self.form_page(entry, data, base, notice=f"Reference {data['reference']} was issued and "
                              "recorded; save the decision to keep it.", focus="/reference", unsaved=True)

    def _save(self, entry: DecisionFile, data: dict, base: str, *, check: bool):
        if check:
            errors = [f for f in self.findings(entry, data) if f.severity.value == "error"]
            if errors:
                return self.form_page(entry, data, base, summary=True, unsaved=True, status=200)
        opened = self.open(entry)
        if opened.sha == base and opened.data == data:  # nothing changed: the file is left as it is
            if check:
                return RedirectResponse(f"/d/{entry.index}/check", status_code=303)
            return self.form_page(entry, data, base, saved=True)
        try:
            new_sha = versions.save_decision(self.folder, entry, decision_json_text(data), base)
        except versions.SaveConflict as error:
            return self.form_page(entry, data, base, problem=error.findings[0], unsaved=True, status=409)
        except NoticeBuilderError as error:
            return self.form_page(entry, data, base, problem=error.findings[0], unsaved=True, status=500)
        if check:
            return RedirectResponse(f"/d/{entry.index}/check", status_code=303)
        return self.form_page(entry, data, new_sha, saved=True)

    async def live_findings(self, request: Request):
        entry, data, _, _ = await self.submitted(request)
        profile = self.profile(entry, data)
        fields = form_model.form_fields(data, profile)
        placed = place_findings(self.findings(entry, data), fields, form_model.profile_schema(profile))
        return JSONResponse({
            "errors": sum(f.severity == "error" for f in placed),
            "warnings": sum(f.severity != "error" for f in placed),
            "findings": [vars(f) for f in placed],
        })

    async def markdown_preview(self, request: Request):
        form = await request.form(max_files=0, max_fields=2, max_part_size=MAX_BODY)
        text = form.get("text")
        return HTMLResponse(preview.markdown_html(text if isinstance(text, str) else ""))

    async def check(self, request: Request):
        entry = self.entry(request.path_params["index"])
        opened = self.open(entry)
        if opened.data is None:
            return self.page("unreadable.html", 200, entry=entry, problems=opened.problem)
        profile = self.profile(entry, opened.data)
        run = run_decision(parse_decision_text(opened.text, str(entry.path)), render=False, keep_going=True)
        fields = form_model.form_fields(opened.data, profile)
        placed = place_findings(run.findings, fields, form_model.profile_schema(profile))
        return self.page(
            "check.html", entry=entry, data=opened.data,
            documents=preview.document_previews(opened.data, profile),
            signature=preview.signature_lines(opened.data), findings=placed,
            errors=sum(f.severity == "error" for f in placed), kinds=list(profile.built_documents()),
            confidential=bool(confidential_items(opened.data, profile)),
            versions=versions.list_versions(self.folder, entry), pdf=_has_soffice(),
            names={kind: document_path("", run.stem, kind).name for kind in profile.built_documents()},
            title=opened.data.get("title") or "", base=opened.sha)

    async def download(self, request: Request):
        entry = self.entry(request.path_params["index"])
        kind, suffix = request.path_params["kind"], request.path_params["suffix"]
        if kind == "decision" and suffix == "json":
            return _attachment(read_bytes(entry.path), Path(entry.name).name, "application/json")
        confidential = kind == "confidential"
        run = run_decision(entry.path, confidential=confidential)
        if run.errors or kind not in run.documents:
            return self.page("message.html", 409, title="Not ready to download", entry=entry,
                             text="The saved decision has problems that stop its documents being made. "
                                  "Correct them in the form, save, and download again.")
        name = document_path("", run.stem, kind).name
        if suffix == "docx":
            return _attachment(run.documents[kind], name,
                               "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        return self._pdf(entry, run, kind, name)

    def _pdf(self, entry: DecisionFile, run, kind: str, name: str):
        from notice_builder.publish.pdf import INSTALL_HINT, PdfJob, convert_to_pdf, soffice

        try:
            soffice()
        except NoticeBuilderError:
            return self.page("message.html", 409, title="PDF needs LibreOffice", entry=entry,
                             text=f"Making a PDF needs LibreOffice, which is not installed here: "
                                  f"{INSTALL_HINT}. The Word documents can be downloaded without it.")
        with tempfile.TemporaryDirectory(prefix="notice-serve-") as work:
            docx = Path(work) / name
            docx.write_bytes(run.documents[kind])
            result = convert_to_pdf([PdfJob(docx, decision_date(run.source.data))])[docx]
        if isinstance(result, Finding):
            return self.page("message.html", 500, title="The PDF could not be made", entry=entry,
                             text=f"{result.message}. {result.hint or ''}")
        return _attachment(result, Path(name).with_suffix(".pdf").name, "application/pdf")

    async def restore(self, request: Request):
        entry = self.entry(request.path_params["index"])
        form = await request.form(max_files=0, max_fields=5)
        if form.get("file") != entry.name:
            raise HTTPException(409, "The folder's list of decisions changed; open the decision again.")
        text = versions.version_text(self.folder, entry, request.path_params["version"])
        try:
            versions.save_decision(self.folder, entry, text, str(form.get("base", "")))
        except versions.SaveConflict as error:
            return self.page("message.html", 409, title="Not restored", entry=entry,
                             text=error.findings[0].message)
        return RedirectResponse(f"/d/{entry.index}/check?restored=1", status_code=303)


def _has_soffice() -> bool:
    return bool(shutil.which("soffice") or shutil.which("libreoffice"))


def _upload_problem(message: str, hint: str) -> Finding:
    return Finding(code="bad-upload", path="upload", message=message, hint=hint)


def _attachment(data: bytes, name: str, media_type: str) -> Response:
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "")
    return Response(data, media_type=media_type,
                    headers={"content-disposition": f'attachment; filename="{ascii_name}"'})


def create_app(folder: Path, *, port: int, token: str | None = None) -> tuple[Guard, str]:
    """The guarded application serving `folder` on loopback `port`, and its one-time token."""
    routes = FormApp(folder)
    token = token or secrets.token_urlsafe(24)

    async def error_page(request: Request, error: Exception):
        if isinstance(error, BodyTooLarge):
            return HTMLResponse(routes.env.get_template("message.html").render(
                title="Too large", text="What was sent is larger than any decision needs; nothing was saved.",
                entry=None), status_code=413)
        if isinstance(error, NoticeBuilderError):
            first = error.findings[0]
            text, code = f"{first.message}. {first.hint or ''}", 400
        else:
            text, code = error.detail, error.status_code
        return HTMLResponse(routes.env.get_template("message.html").render(
            title="Something needs your attention", text=text, entry=None), status_code=code)

    app = Starlette(routes=[
        Route("/", routes.listing),
        Route("/new", routes.new, methods=["POST"]),
        Route("/upload", routes.upload, methods=["POST"]),
        Route("/preview", routes.markdown_preview, methods=["POST"]),
        Route("/d/{index:int}", routes.show),
        Route("/d/{index:int}", routes.act, methods=["POST"]),
        Route("/d/{index:int}/findings", routes.live_findings, methods=["POST"]),
        Route("/d/{index:int}/check", routes.check),
        Route("/d/{index:int}/download/{kind:str}.{suffix:str}", routes.download),
        Route("/d/{index:int}/versions/{version:int}/restore", routes.restore, methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("notice_builder.serve", "static")]), name="static"),
    ], exception_handlers={HTTPException: error_page, BodyTooLarge: error_page,
                           NoticeBuilderError: error_page})
    return Guard(app, port=port, token=token, max_body=MAX_BODY), token
