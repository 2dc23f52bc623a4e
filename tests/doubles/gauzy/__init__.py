"""A contract-faithful double of the Ever Gauzy REST API, served over real HTTP on loopback.

Built only from the facts in ``shared/reference`` (route table, contracts) and from reading the public
ever-gauzy source for response shapes; it is not derived from any adapter code. See ``server`` for the
public API, ``api`` for the request pipeline and ``handlers`` / ``special`` / ``timer`` for what each
route answers.
"""

from .seed import Account, Seed
from .server import GauzyDouble, RecordedRequest

__all__ = ["Account", "GauzyDouble", "RecordedRequest", "Seed"]
