"""MCP_WS_TLS: the WebSocket listener serves wss:// with the configured key and certificate."""

from __future__ import annotations

import datetime
import json
import ssl
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from websockets.sync.client import connect

from tests.remote import ServerProcess

pytestmark = [pytest.mark.integration]


def self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .sign(key, hashes.SHA256()))
    key_path, cert_path = directory / "key.pem", directory / "cert.pem"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def test_the_websocket_is_served_over_tls(tmp_path: Path) -> None:
    key, cert = self_signed(tmp_path)
    server = ServerProcess("websocket", MCP_WS_TLS="true", MCP_WS_KEY_PATH=str(key), MCP_WS_CERT_PATH=str(cert))
    trust = ssl.create_default_context(cafile=str(cert))
    server.health_scheme, server.health_ssl = "https", trust
    server.start()
    try:
        with connect(f"wss://localhost:{server.ws_port}/sse", subprotocols=["mcp"], ssl=trust) as ws:  # type: ignore[list-item]
            ws.send(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "ping"}))
            assert json.loads(ws.recv(timeout=10)) == {"jsonrpc": "2.0", "id": 1, "result": {}}
    finally:
        assert server.stop() == 0, server.logs()
