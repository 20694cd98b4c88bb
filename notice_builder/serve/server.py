"""Run the form on the loopback address only, and say where it is: one URL with a one-time token."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from notice_builder.model.findings import Finding, NoticeBuilderError

LOOPBACK = "127.0.0.1"
ALLOWED_HOSTS = ("127.0.0.1", "localhost")


def refuse_other_hosts(host: str) -> None:
    """Only the loopback address may be bound: another address would open the form to the network."""
    if host not in ALLOWED_HOSTS:
        raise NoticeBuilderError([Finding(
            code="host-refused", path=host,
            message=f"the form listens on this computer only (127.0.0.1); {host} was refused",
            hint="leave out --host; to let others use the form, each runs `notice serve` on their own "
                 "computer",
        )])


def _bind(port: int) -> socket.socket:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((LOOPBACK, port))
    except OSError as error:
        listener.close()
        raise NoticeBuilderError([Finding(
            code="port-in-use", path=f"{LOOPBACK}:{port}",
            message=f"port {port} cannot be used: {error.strerror}",
            hint="choose another with --port, or leave it out to take a free one")]) from None
    listener.listen(64)
    return listener


def _folder(folder: Path) -> Path:
    folder = Path(folder)
    if not folder.is_dir():
        raise NoticeBuilderError([Finding(code="not-a-folder", path=str(folder),
                                          message="this is not a folder",
                                          hint="give the folder of decisions")])
    return folder.resolve()


@dataclass
class RunningForm:
    """A form being served: its address with the one-time token, and the server, to stop it."""

    url: str
    port: int
    server: object
    thread: threading.Thread | None = None

    def stop(self) -> None:
        self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(10)


def _server(folder: Path, port: int, host: str):
    import uvicorn

    from notice_builder.serve.app import create_app

    refuse_other_hosts(host)
    listener = _bind(port)
    bound = listener.getsockname()[1]
    app, token = create_app(_folder(folder), port=bound)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    return server, listener, f"http://{LOOPBACK}:{bound}/?token={token}", bound


def serve(folder: Path, *, port: int = 0, host: str = LOOPBACK, on_ready=None) -> None:
    """Serve `folder` until interrupted; `on_ready(url)` is called once the server listens."""
    server, listener, url, _ = _server(folder, port, host)
    if on_ready is not None:
        on_ready(url)
    server.run(sockets=[listener])


@contextlib.contextmanager
def serving_in_thread(folder: Path, *, port: int = 0) -> Iterator[RunningForm]:
    """Serve `folder` in a background thread (for tests and benchmarks); stopped on leaving."""
    server, listener, url, bound = _server(folder, port, LOOPBACK)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        threading.Event().wait(0.01)
    running = RunningForm(url, bound, server, thread)
    try:
        yield running
    finally:
        running.stop()
        listener.close()
