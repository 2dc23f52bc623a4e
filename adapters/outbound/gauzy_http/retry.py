"""When a Gauzy call may be sent again, and how long to wait between tries.

A call that never left (no connection) is sent again whatever it is. A call that may have
reached Gauzy is sent again only when it is safe to repeat (the caller decides), on failures
that say "try later": an answer lost (timeout, dropped connection), 500/502/503/504 from the
API or a proxy in front of it, and 429.
Waits grow exponentially with full jitter, so that many clients that failed together do not
come back together, and never beyond an overall deadline; a 429's Retry-After is honoured,
and when it points past the deadline the 429 is handed back at once.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_base,
    retry_if_exception_type,
    retry_if_result,
    stop_after_attempt,
    stop_before_delay,
    wait_random_exponential,
)

from adapters.outbound.gauzy_http.errors import NOT_SENT, retry_after_seconds

log = logging.getLogger("gauzy_mcp.gauzy_http")

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Raised once the request may have been written: the answer is lost, not the request.
ANSWER_LOST = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)

Attempt = Callable[[], Awaitable[httpx.Response]]


@dataclass(frozen=True)
class RetryPolicy:
    """`attempts` counts the first try; `deadline` bounds the time spent trying and waiting."""

    attempts: int = 4
    base_delay: float = 0.25
    max_delay: float = 4.0
    deadline: float = 15.0


def _should_retry_status(response: httpx.Response) -> bool:
    return response.status_code in RETRY_STATUSES


def _last_outcome(state: RetryCallState) -> httpx.Response:
    """When retries run out, hand back the last answer (or raise its exception) for mapping."""
    assert state.outcome is not None
    response: httpx.Response = state.outcome.result()
    return response


def _log_retry(state: RetryCallState) -> None:
    outcome = state.outcome
    what = "no answer" if outcome is None or outcome.failed else str(outcome.result().status_code)
    sleep = state.next_action.sleep if state.next_action else 0.0
    log.debug("retrying after %s (attempt %d), waiting %.2f s", what, state.attempt_number, sleep)


class _Backoff:
    """Exponential backoff with full jitter, but at least the answer's Retry-After."""

    def __init__(self, policy: RetryPolicy) -> None:
        self._jitter = wait_random_exponential(multiplier=policy.base_delay, max=policy.max_delay)

    def __call__(self, state: RetryCallState) -> float:
        wait = float(self._jitter(state))
        outcome = state.outcome
        if outcome is not None and not outcome.failed:
            wait = max(wait, retry_after_seconds(outcome.result()) or 0.0)
        return wait


async def with_retries(policy: RetryPolicy, attempt: Attempt, *, repeatable: bool) -> httpx.Response:
    """Run `attempt`, again per the policy; returns the last response."""
    if policy.attempts <= 1:
        return await attempt()
    retry: retry_base = retry_if_exception_type(NOT_SENT)
    if repeatable:
        retry = retry | retry_if_exception_type(ANSWER_LOST) | retry_if_result(_should_retry_status)
    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.attempts) | stop_before_delay(policy.deadline),
        wait=_Backoff(policy),
        retry=retry,
        retry_error_callback=_last_outcome,
        before_sleep=_log_retry,
    )
    response: httpx.Response = await retrying(attempt)
    return response
