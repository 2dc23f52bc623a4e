"""Activity logs (`GET /api/activity-log`, the only route; the reference called
`/api/activity-logs/...`, which does not exist).

Gauzy writes these logs itself and filters them only by entity, entity id, action and actor
type. The reference's other filters (author, employee, dates, text) are applied by a use
case over the newest logs, and its statistics, search and timeline are computed the same way.
"""

from __future__ import annotations

from pydantic import Field

from application.catalog.enums import OrderDirection
from application.catalog.enums_teamwork import ActionType, ActivityGroupBy, ActivitySortField, ActorType, BaseEntity
from application.catalog.fields import IsoDate, IsoEndDate, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import UseCaseCall
from application.catalog.outputs import CountOutput, PageOutput
from application.catalog.rows import read

TOOLSET = "activity-logs"
ROUTES = ("GET /api/activity-log",)
SCANNED = "Filters besides entity, entityId, action and actorType see the latest 1000 logs."


class Kinds(ToolInput):
    entity: BaseEntity | None = None
    action: ActionType | None = None


class Period(ToolInput):
    startDate: IsoDate | None = None  # noqa: N815
    endDate: IsoEndDate | None = None  # noqa: N815


class Authors(ToolInput):
    actorType: ActorType | None = None  # noqa: N815
    createdByUserId: Uuid | None = Field(None, description="Changes by this user.")  # noqa: N815
    employeeId: Uuid | None = Field(None, description="Changed by this employee.")  # noqa: N815


class Sorting(ToolInput):
    sortBy: ActivitySortField = "createdAt"  # noqa: N815
    sortOrder: OrderDirection = "DESC"  # noqa: N815


class GetLogs(PageInput, RelationsInput, Kinds, Period, Authors, Sorting):
    entityId: Uuid | None = None  # noqa: N815


class CountLogs(Kinds, Period, Authors):
    entityId: Uuid | None = None  # noqa: N815


class LogsByEntity(PageInput, RelationsInput, Period, Authors, Sorting):
    entity: BaseEntity
    entityId: Uuid  # noqa: N815
    action: ActionType | None = None


class LogsByUser(PageInput, RelationsInput, Kinds, Period):
    userId: Uuid  # noqa: N815


class MyLogs(PageInput, RelationsInput, Kinds, Period):
    pass


class RecentLogs(RelationsInput, Kinds):
    limit: int = Field(20, ge=1, le=100)
    hours: float = Field(24, gt=0, le=24 * 366, description="How far back to look.")


class LogStatistics(Kinds, Period):
    groupBy: ActivityGroupBy = Field("entity", description="How to group the counts.")  # noqa: N815
    userId: Uuid | None = Field(None, description="Changes by this user.")  # noqa: N815


class SearchLogs(Kinds, Period):
    query: str = Field(min_length=1, description="Text to find in a log's description, entity or fields.")
    limit: int = Field(20, ge=1, le=100)


class Timeline(Period):
    entity: BaseEntity
    entityId: Uuid  # noqa: N815
    limit: int = Field(50, ge=1, le=100)


TOOLS = (
    read("get_activity_logs", "List activity logs",
         f"Who created, updated or deleted what, newest first. {SCANNED}",
         TOOLSET, GetLogs, UseCaseCall("activity_logs", ROUTES), PageOutput),
    read("get_activity_log_count", "Count activity logs",
         f"Count activity logs; filters as get_activity_logs. {SCANNED}",
         TOOLSET, CountLogs, UseCaseCall("activity_log_count", ROUTES), CountOutput),
    read("get_activity_logs_by_entity", "History of a record",
         "The activity logs of one record (entity + entityId), e.g. every change to a task.",
         TOOLSET, LogsByEntity, UseCaseCall("activity_logs", ROUTES), PageOutput),
    read("get_activity_logs_by_user", "Changes made by a user",
         f"The activity logs of changes one user made, newest first. {SCANNED}",
         TOOLSET, LogsByUser, UseCaseCall("activity_logs", ROUTES), PageOutput),
    read("get_my_activity_logs", "My activity",
         f"The activity logs of changes the signed-in user made, newest first. {SCANNED}",
         TOOLSET, MyLogs, UseCaseCall("my_activity_logs", ROUTES), PageOutput),
    read("get_recent_activity_logs", "Recent activity",
         "The activity logs of the last `hours` hours, newest first.",
         TOOLSET, RecentLogs, UseCaseCall("activity_logs", ROUTES), PageOutput),
    read("get_activity_log_statistics", "Activity statistics",
         f"Count activity logs grouped by kind of record, action, user, day or hour. {SCANNED}",
         TOOLSET, LogStatistics, UseCaseCall("activity_log_statistics", ROUTES)),
    read("search_activity_logs", "Search activity logs",
         "Activity logs whose description, entity, action or fields contain the query (any case), among the latest "
         "1000.",
         TOOLSET, SearchLogs, UseCaseCall("activity_logs", ROUTES), PageOutput),
    read("get_activity_timeline", "Timeline of a record",
         "The latest `limit` activity logs of one record, oldest first: its history as a story.",
         TOOLSET, Timeline, UseCaseCall("activity_timeline", ROUTES), PageOutput),
)

REMOVED = {
    "get_activity_log": "Gauzy has no route to fetch one activity log by id (only GET /api/activity-log, a "
                        "filtered list without an id filter).",
    "create_activity_log": "Gauzy writes activity logs itself when records change; the API has no route "
                           "to create one.",
    "delete_activity_logs": "The API has no route to delete activity logs.",
}
