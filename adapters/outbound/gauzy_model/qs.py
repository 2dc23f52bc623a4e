"""Query-string parsing with qs bracket syntax.

Fact: Gauzy's bootstrap sets Express' ``query parser`` to ``extended`` (contracts ``legend.query.shape``
"where-brackets"), i.e. the ``qs`` library: ``where[status]=open`` -> ``{"where": {"status": "open"}}``,
``relations[]=a&relations[]=b`` and ``relations[0]=a`` -> lists, ``order[createdAt]=DESC``, a repeated
plain key -> list, ``+`` -> space. Values stay strings. Indices above qs' ``arrayLimit`` (20) make an
object instead of a list; nesting deeper than qs' ``depth`` (5) is kept as a literal key rest.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

ARRAY_LIMIT = 20
DEPTH = 5
_SEGMENT_RE = re.compile(r"\[([^\[\]]*)\]")


def _decode(text: str) -> str:
    return unquote(text.replace("+", " "))


def _split_key(key: str) -> list[str]:
    """``a[b][c]`` -> ``["a", "b", "c"]``; ``a[]`` -> ``["a", ""]``."""
    bracket = key.find("[")
    if bracket <= 0:
        return [key]
    parts = [key[:bracket]]
    rest = key[bracket:]
    position = 0
    while len(parts) <= DEPTH:
        found = _SEGMENT_RE.match(rest, position)
        if not found:
            break
        parts.append(found.group(1))
        position = found.end()
    if position < len(rest):
        parts.append(rest[position:])
    return parts


class _Node(dict[str, Any]):
    """A qs object under construction; ``[]`` appends use the next free integer key."""

    def push(self) -> str:
        index = 0
        while str(index) in self:
            index += 1
        return str(index)


def _assign(target: _Node, parts: list[str], value: str) -> None:
    head, rest = parts[0], parts[1:]
    if head == "":
        head = target.push()
    if not rest:
        current = target.get(head)
        if current is None:
            target[head] = value
        elif isinstance(current, list):
            current.append(value)
        elif isinstance(current, str):
            target[head] = [current, value]
        else:
            current[current.push()] = value
        return
    child = target.get(head)
    if not isinstance(child, _Node):
        node = _Node()
        if isinstance(child, list):
            for index, item in enumerate(child):
                node[str(index)] = item
        elif isinstance(child, str):
            node["0"] = child
        target[head] = node
        child = node
    _assign(child, rest, value)


def _finish(value: Any) -> Any:
    if isinstance(value, list):
        return [_finish(v) for v in value]
    if not isinstance(value, dict):
        return value
    finished = {k: _finish(v) for k, v in value.items()}
    keys = list(finished)
    if keys and all(k.isdigit() and int(k) <= ARRAY_LIMIT for k in keys):
        return [finished[k] for k in sorted(keys, key=int)]
    return finished


def parse_qs(query: str) -> dict[str, Any]:
    """Parse a raw query string the way ``qs.parse`` (Express extended parser) does."""
    root = _Node()
    if not query:
        return {}
    for piece in query.split("&"):
        if not piece:
            continue
        raw_key, sep, raw_value = piece.partition("=")
        key = _decode(raw_key)
        if not key:
            continue
        value = _decode(raw_value) if sep else ""
        _assign(root, _split_key(key), value)
    result = _finish(root)
    return result if isinstance(result, dict) else {str(i): v for i, v in enumerate(result)}
