"""``chrono serve``: the page on localhost, reloaded in the browser after each rebuild.

The server listens on 127.0.0.1 only, on a free port unless one is asked for,
and serves the files of the output folder. Into ``timeline.html`` as it is
*served* (never into the file on disk) it puts a small script that listens to
``/__chrono/events`` (server-sent events): the build's number is sent on
connecting and after each good rebuild, and the page reloads when the number
is not the one it was built with; a failed build sends its errors, which the
page shows in a banner over the last good chart.
"""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PAGE = "timeline.html"
EVENTS = "/__chrono/events"
KEEPALIVE_S = 15.0

_SCRIPT = """<script>
(function () {
  var built = %s;
  var source = new EventSource("%s");
  var banner = null;
  source.onmessage = function (e) {
    if (e.data !== built) { location.reload(); }
  };
  source.addEventListener("problem", function (e) {
    if (!banner) {
      banner = document.createElement("pre");
      banner.id = "chrono-problem";
      banner.style.cssText = "position:fixed;top:0;left:0;right:0;margin:0;padding:8px;" +
        "background:#fee;color:#900;border-bottom:2px solid #900;z-index:1000;white-space:pre-wrap";
      document.body.appendChild(banner);
    }
    banner.textContent = e.data;
  });
})();
</script>"""


class PreviewServer(ThreadingHTTPServer):
    """Serves ``folder``; :meth:`built` and :meth:`failed` tell the open pages."""

    daemon_threads = True

    def __init__(self, folder: Path, port: int = 0) -> None:
        self.folder = folder
        self.version = 0  # the first good build makes it 1
        self.problem = ""
        self.closing = False
        self.changed = threading.Condition()
        super().__init__(("127.0.0.1", port), partial(_Handler, directory=str(folder)))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{PAGE}"

    def built(self) -> None:
        with self.changed:
            self.version += 1
            self.problem = ""
            self.changed.notify_all()

    def failed(self, text: str) -> None:
        with self.changed:
            self.problem = text
            self.changed.notify_all()

    def close(self) -> None:
        with self.changed:
            self.closing = True
            self.changed.notify_all()
        self.shutdown()
        self.server_close()


class _Handler(SimpleHTTPRequestHandler):
    server: PreviewServer

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the rebuilds are what the terminal reports

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/":
            self.send_response(302)
            self.send_header("Location", "/" + PAGE)
            self.end_headers()
        elif path == "/" + PAGE:
            self._page()
        elif path == EVENTS:
            self._events()
        else:
            super().do_GET()

    def _page(self) -> None:
        try:
            text = (self.server.folder / PAGE).read_text(encoding="utf-8")
        except OSError:
            self.send_error(404, f"no {PAGE} yet: the first build failed")
            return
        with self.server.changed:
            version = self.server.version
        script = _SCRIPT % (json.dumps(str(version)), EVENTS)
        at = text.rfind("</body>")
        text = text + script if at < 0 else text[:at] + script + text[at:]
        data = text.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        print(f"page served (build {version})", flush=True)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        server = self.server
        seen: tuple[int, str] | None = None
        try:
            while True:
                with server.changed:
                    if not server.closing and (server.version, server.problem) == seen:
                        server.changed.wait(timeout=KEEPALIVE_S)
                    if server.closing:
                        return
                    state = (server.version, server.problem)
                if state == seen:
                    self.wfile.write(b": still here\n\n")
                else:
                    if seen is None or state[0] != seen[0]:
                        self.wfile.write(f"data: {state[0]}\n\n".encode())
                    if state[1]:
                        lines = "".join(f"data: {line}\n" for line in state[1].splitlines())
                        self.wfile.write(f"event: problem\n{lines}\n".encode())
                    seen = state
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


def start(folder: Path, port: int = 0) -> PreviewServer:
    """A preview server answering in a background thread."""
    server = PreviewServer(folder, port)
    threading.Thread(target=server.serve_forever, name="chrono-serve", daemon=True).start()
    return server
