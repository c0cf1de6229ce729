"""Serves www/ on 127.0.0.1 with the Content-Security-Policy the product promises to work under.

Usage: python3 scripts/serve.py [--port 8080] [--root www]
With --port 0 the system picks a free port; the first line printed names the URL either way.
"""
import argparse
import functools
import http.server
import pathlib
import sys

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'"
# For the browser tests only: the same files under /no-wasm/ are sent with a policy that forbids
# compiling WebAssembly, to check that the element then reports a clear error.
NO_WASM_PREFIX = "/no-wasm/"
NO_WASM_CSP = CSP.replace(" 'wasm-unsafe-eval'", "")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def translate_path(self, path):
        if path.startswith(NO_WASM_PREFIX):
            path = "/" + path[len(NO_WASM_PREFIX):]
        return super().translate_path(path)

    def end_headers(self):
        strict = self.path.startswith(NO_WASM_PREFIX)
        self.send_header("Content-Security-Policy", NO_WASM_CSP if strict else CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def copyfile(self, source, outputfile):
        # A page closed (or a test that holds a request back) before a file was sent: nothing to
        # report, the browser no longer wants it.
        try:
            super().copyfile(source, outputfile)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, fmt, *args):
        if self.server.verbose:
            super().log_message(fmt, *args)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--root", default=str(pathlib.Path(__file__).resolve().parent.parent / "www"))
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    handler = functools.partial(Handler, directory=args.root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    server.verbose = not args.quiet
    print(f"serving {args.root} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
