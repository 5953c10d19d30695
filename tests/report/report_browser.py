"""A headless Chromium driven over the DevTools protocol on a pipe (stdlib only, no websocket
client, no Playwright): open a local page offline, record every request and console error,
read the DOM and take a full-page screenshot.

(A plain module rather than a conftest.py, which would shadow the `conftest` module other
tests import.)"""

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    for name in _BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageVisit:
    """What happened when the page was opened."""

    url: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    screenshot: bytes = b""
    clips: list[bytes] = field(default_factory=list)
    width: int = 0
    height: int = 0
    dom: dict = field(default_factory=dict)


class _Pipe:
    """CDP over `--remote-debugging-pipe`: JSON messages separated by NUL bytes."""

    def __init__(self, write_fd: int, read_fd: int) -> None:
        self.write_fd = write_fd
        self.read_fd = read_fd
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 60.0) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.write_fd, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive(timeout)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from chromium")
            ready, _, _ = select.select([self.read_fd], [], [], left)
            if ready:
                chunk = os.read(self.read_fd, 1 << 20)
                if not chunk:
                    raise EOFError("chromium closed the DevTools pipe")
                self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait_for(self, method: str, timeout: float) -> None:
        if any(e.get("method") == method for e in self.events):
            return
        while True:
            event = self.receive(timeout)
            self.events.append(event)
            if event.get("method") == method:
                return

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                self.events.append(self.receive(max(0.0, deadline - time.monotonic())))
            except TimeoutError:
                return


class Page:
    """An open page: evaluate JavaScript, take screenshots, print to PDF."""

    def __init__(self, cdp: _Pipe, session: str, url: str, width: int) -> None:
        self.cdp, self.session, self.url, self.width = cdp, session, url, width

    def eval(self, expression: str, timeout: float = 60.0):
        """The value of a JavaScript expression (awaited when it is a promise)."""
        reply = self.cdp.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=self.session,
            timeout=timeout,
        )
        if "exceptionDetails" in reply:
            raise RuntimeError(reply["exceptionDetails"].get("text", "exception"))
        return reply["result"].get("value")

    def screenshot(self, top: int = 0, height: int | None = None) -> bytes:
        """A PNG of the page from `top`, `height` pixels high (to the end when None)."""
        if height is None:
            height = int(self.eval("document.documentElement.scrollHeight")) - top
        clip = {"x": 0, "y": top, "width": self.width, "height": height, "scale": 1}
        shot = self.cdp.send(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True, "clip": clip},
            session=self.session,
            timeout=120,
        )
        return base64.b64decode(shot["data"])

    def pdf(self) -> bytes:
        """The page printed as the browser prints it (its own @page sizes)."""
        printed = self.cdp.send(
            "Page.printToPDF",
            {"preferCSSPageSize": True, "printBackground": True},
            session=self.session,
            timeout=120,
        )
        return base64.b64decode(printed["data"])


@contextlib.contextmanager
def open_page(page: Path, *, width: int = 1280, chromium: str | None = None):
    """Open `page` (a local file) in headless Chromium and yield a `Page`; afterwards
    `Page.visit` holds the requests, failed loads and console errors seen."""
    binary = chromium or find_chromium()
    assert binary, "chromium not found"
    to_browser_r, to_browser_w = os.pipe()
    from_browser_r, from_browser_w = os.pipe()
    profile = tempfile.mkdtemp(prefix="spbe-chromium-")
    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
        "--remote-debugging-pipe",
        f"--user-data-dir={profile}",
        f"--window-size={width},1000",
        "about:blank",
    ]

    def pipe_fds() -> None:
        """In the child: the browser reads commands on fd 3 and writes answers on fd 4."""
        read, write = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser_r, from_browser_w))
        os.dup2(read, 3)
        os.dup2(write, 4)

    process = subprocess.Popen(
        [binary, *args],
        pass_fds=(3, 4),
        preexec_fn=pipe_fds,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(to_browser_r)
    os.close(from_browser_w)
    cdp = _Pipe(to_browser_w, from_browser_r)
    url = page.resolve().as_uri()
    opened = None
    try:
        target = cdp.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = cdp.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            cdp.send(f"{domain}.enable", session=session)
        cdp.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        cdp.events.clear()
        cdp.send("Page.navigate", {"url": url}, session=session)
        cdp.wait_for("Page.loadEventFired", timeout=60)
        cdp.drain(0.5)
        opened = Page(cdp, session, url, width)
        yield opened
        cdp.drain(0.2)
    finally:
        with contextlib.suppress(RuntimeError, TimeoutError, EOFError, OSError):
            cdp.send("Browser.close", timeout=10)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        os.close(to_browser_w)
        os.close(from_browser_r)
        shutil.rmtree(profile, ignore_errors=True)
        if opened is not None:
            opened.visit = _events(url, cdp.events)


def _events(url: str, events: list[dict]) -> PageVisit:
    result = PageVisit(url=url)
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            result.requests.append(params["request"]["url"])
        elif method == "Network.loadingFailed":
            result.failed.append(f"{params.get('errorText')} {params.get('blockedReason', '')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            result.console_errors.append(
                " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            )
        elif method == "Runtime.exceptionThrown":
            result.console_errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            result.console_errors.append(params["entry"].get("text", ""))
    return result


def visit(
    page: Path,
    *,
    width: int = 1280,
    clips: tuple[tuple[int, int], ...] = (),
    chromium: str | None = None,
) -> PageVisit:
    """Open `page` (a local file) in headless Chromium; screenshot the whole page and the
    `(top, height)` clips; record requests, failed loads and console errors."""
    with open_page(page, width=width, chromium=chromium) as opened:
        opened.cdp.drain(0.5)
        dom = json.loads(opened.eval(
            "JSON.stringify({"
            "text: document.body.innerText.length,"
            "title: document.title,"
            "sections: [...document.querySelectorAll('h2[id]')].map(h => h.id),"
            "svgs: document.querySelectorAll('svg').length,"
            "scripts: document.querySelectorAll('script').length,"
            "height: document.documentElement.scrollHeight})"
        ))
        screenshot = opened.screenshot(0, int(dom["height"]))
        shots = [opened.screenshot(top, height) for top, height in clips]
    result = opened.visit
    result.dom, result.width, result.height = dom, width, int(dom["height"])
    result.screenshot, result.clips = screenshot, shots
    return result


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes): width, height, rows."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + pred) & 0xFF
        rows.append(bytes(line if channels == 3 else _rgb(line)))
        previous = line
    return width, height, rows


def _rgb(line: bytearray) -> bytearray:
    out = bytearray()
    for i in range(0, len(line), 4):
        out += line[i : i + 3]
    return out
