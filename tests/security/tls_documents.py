"""An HTTPS server on 127.0.0.1 with a certificate for `localhost` from a throwaway CA, serving
documents by path: the real TLS peer the metadata-document fetcher is tested against."""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import ssl
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def _certificate(subject: str, issuer_key: Any, issuer: x509.Name | None, key: Any, *, ca: bool) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    now = dt.datetime.now(dt.UTC)
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer or name).public_key(key.public_key())
               .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
               .not_valid_after(now + dt.timedelta(hours=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(obj: Any) -> bytes:
    if isinstance(obj, x509.Certificate):
        return obj.public_bytes(serialization.Encoding.PEM)
    return obj.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


class TlsDocuments:
    """`documents[path] = (status, headers, body, delay_seconds)`; `hits[path]` counts requests."""

    def __init__(self) -> None:
        ca_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
        ca = _certificate("test CA", ca_key, None, ca_key, ca=True)
        leaf = _certificate("localhost", ca_key, ca.subject, leaf_key, ca=False)
        self._directory = Path(tempfile.mkdtemp(prefix="gauzy-mcp-tls-"))
        (self._directory / "leaf.pem").write_bytes(_pem(leaf) + _pem(ca))
        (self._directory / "leaf.key").write_bytes(_pem(leaf_key))
        self.client_context = ssl.create_default_context(cadata=_pem(ca).decode("ascii"))
        self.documents: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
        self.hits: dict[str, int] = {}
        server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_context.load_cert_chain(self._directory / "leaf.pem", self._directory / "leaf.key")
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.socket = server_context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str, host: str = "localhost") -> str:
        return f"https://{host}:{self.port}{path}"

    def __enter__(self) -> TlsDocuments:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(owner: TlsDocuments) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            owner.hits[self.path] = owner.hits.get(self.path, 0) + 1
            status, headers, body, delay = owner.documents.get(self.path, (404, {}, b"", 0.0))
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            time.sleep(delay)
            with contextlib.suppress(OSError):  # the client may have given up (timeout tests)
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    return Handler
