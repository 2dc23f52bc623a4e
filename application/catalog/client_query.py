"""Tools answered by reading what a route returns and filtering, paging or counting it here.

Some Gauzy routes cannot filter or page (`?data=` findAll routes, CrudController.findAll,
`/key-results/pagination` shadowed by `/key-results/:id`), and some tools promise things no
route computes (substring search, statistics). Such a tool's input model names its
`ClientQuery` in the class variable `client_query`; the `client_query` use case runs it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from application.catalog.model import ContextValue, ResourceCall


class Result(StrEnum):
    PAGE = "page"  # {items, total}, sliced by the input's page / limit
    COUNT = "count"  # {count}
    FIRST = "first"  # the first match, or not found
    SUMMARY = "summary"  # {total, groups, averages}


@dataclass(frozen=True)
class ClientQuery:
    """`call` fetches the rows (its own mapping builds the request; give it `paging=None`).

    `equals` maps input fields to record keys compared for equality (a dotted key descends,
    a list value matches when any element does); `fixed` and `mine` add record filters from
    constants and from the caller's credential; `search` lists the record keys the input
    field `search_field` matches as a case-insensitive substring. `groups` (output name →
    record key) and `averages` shape a SUMMARY; an input `groupBy` keeps one group. With
    `language_field`, translated rows (products, categories) show that language's name first.
    """

    call: ResourceCall
    result: Result = Result.PAGE
    noun: str = "record"
    equals: Mapping[str, str] = field(default_factory=dict)
    fixed: Mapping[str, Any] = field(default_factory=dict)
    mine: Mapping[str, ContextValue] = field(default_factory=dict)
    search: tuple[str, ...] = ()
    search_field: str = "search"
    groups: Mapping[str, str] = field(default_factory=dict)
    averages: tuple[str, ...] = ()
    date_key: str = "createdAt"  # what the input's startDate / endDate bound
    language_field: str | None = None  # rows get name/description from this language's translation

    @property
    def consumed(self) -> frozenset[str]:
        """Input fields this query applies itself; they are not sent to Gauzy."""
        consumed = {*self.equals, self.search_field, "page", "limit", "groupBy", "startDate", "endDate"}
        return frozenset(consumed | ({self.language_field} if self.language_field else set()))
