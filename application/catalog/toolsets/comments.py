"""Comments (`/api/comment`; the reference called `/api/comments`, which does not exist).

A comment is about one record (`entity` + `entityId`, e.g. Task + a task id) and is written
as the signed-in employee. `GET /api/comment/count` is shadowed by `GET /api/comment/:id`
(Nest registers the controller's own routes before the inherited ones), so counting reads
the total of a one-record page. Gauzy's list is an offset list ordered as asked; text search is
done by a use case over the list, since no route searches comment text.
"""

from __future__ import annotations

from pydantic import Field

from application.catalog.enums_teamwork import ActorType, BaseEntity
from application.catalog.fields import IdInput, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.fields_teamwork import Hidden
from application.catalog.model import ContextValue, Paging, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs import PageOutput
from application.catalog.rows import RECORD, delete, read, same, write

TOOLSET = "comments"
BASE = "/api/comment"
FILTERS = ("entity", "entityId", "employeeId", "parentId")
NEWEST_FIRST = {"orderBy": "createdAt", "order": "DESC"}
# Gauzy takes the author from the token only for users without CHANGE_SELECTED_EMPLOYEE (admins
# have it); for the others it uses the body's employeeId, and stores null when there is none.
AS_ME = {"employeeId": ContextValue.EMPLOYEE_ID}


class CommentFilters(ToolInput):
    entity: BaseEntity | None = Field(None, description="Kind of record commented on.")
    entityId: Uuid | None = None  # noqa: N815
    employeeId: Uuid | None = None  # noqa: N815
    parentId: Uuid | None = None  # noqa: N815


class GetComments(PageInput, RelationsInput, CommentFilters):
    pass


class ByEntity(PageInput, RelationsInput):
    entity: BaseEntity
    entityId: Uuid  # noqa: N815


class Replies(PageInput, RelationsInput):
    parentId: Uuid  # noqa: N815


class MyComments(PageInput, RelationsInput):
    entity: BaseEntity | None = None
    entityId: Uuid | None = None  # noqa: N815
    employeeId: Hidden = None  # noqa: N815 - the caller's own employee


class GetComment(IdInput, RelationsInput):
    pass


class CommentData(ToolInput):
    """Fields of UpdateCommentDTO."""

    comment: str | None = Field(None, min_length=1, description="The text (HTML allowed).")
    parentId: Uuid | None = None  # noqa: N815
    resolved: bool | None = None
    actorType: ActorType | None = None  # noqa: N815
    mentionEmployeeIds: list[Uuid] | None = Field(None, description="Employees to notify.")  # noqa: N815


class NewCommentData(CommentData):
    comment: str = Field(min_length=1, description="The text (HTML allowed).")
    entity: BaseEntity = Field(description="Kind of record commented on.")
    entityId: Uuid  # noqa: N815


class CreateComment(ToolInput):
    comment_data: NewCommentData


class UpdateComment(IdInput):
    comment_data: CommentData


class Reply(ToolInput):
    parentId: Uuid  # noqa: N815
    comment: str = Field(min_length=1)
    entity: BaseEntity
    entityId: Uuid  # noqa: N815


class TaskComment(ToolInput):
    taskId: Uuid  # noqa: N815
    comment: str = Field(min_length=1)


class ProjectComment(ToolInput):
    projectId: Uuid  # noqa: N815
    comment: str = Field(min_length=1)


class SearchComments(ToolInput):
    query: str = Field(min_length=1, description="Text to find in comments (case-insensitive).")
    limit: int = Field(20, ge=1, le=100)
    entity: BaseEntity | None = None
    employeeId: Uuid | None = None  # noqa: N815


class RecentComments(RelationsInput):
    limit: int = Field(20, ge=1, le=100)
    entity: BaseEntity | None = None
    employeeId: Uuid | None = None  # noqa: N815


def listing(model: type[ToolInput], defaults: dict[str, object] | None = None, shape: Shape = Shape.PAGE
            ) -> ResourceCall:
    where = same(*(name for name in FILTERS if name in model.model_fields))
    return ResourceCall("GET", BASE, shape, Tenancy.WHERE, where=where, paging=Paging.OFFSET,
                        defaults=defaults or {})


def post(**fields: str) -> ResourceCall:
    return ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body=fields)


TOOLS = (
    read("get_comments", "List comments",
         "Comments, optionally on one record (entity + entityId), by an employee or replying to one.",
         TOOLSET, GetComments, listing(GetComments)),
    read("get_comment_count", "Count comments",
         "Count comments; filters as get_comments.",
         TOOLSET, CommentFilters, listing(CommentFilters, {"limit": 1}, Shape.COUNT)),
    read("get_comment", "Get a comment",
         "One comment by id; relations e.g. 'replies', 'employee'.",
         TOOLSET, GetComment, ResourceCall("GET", f"{BASE}/{{id}}", tenancy=Tenancy.WHERE), RECORD),
    write("create_comment", "Write a comment",
          "Comment on a record (entity + entityId) as the signed-in employee.",
          TOOLSET, CreateComment,
          ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="comment_data", body_defaults=AS_ME),
          output=RECORD),
    write("update_comment", "Edit a comment",
          "Change the text of one of your own comments, or mark it resolved.",
          TOOLSET, UpdateComment,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="comment_data"),
          idempotent=True, output=RECORD),
    delete("delete_comment", "Delete a comment", "Delete a comment permanently by its id.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    read("get_comments_by_entity", "Comments on a record",
         "The comments (replies included) on one record, e.g. entity 'Task' and its id.",
         TOOLSET, ByEntity, listing(ByEntity)),
    write("reply_to_comment", "Reply to a comment",
          "Answer a comment; the reply is on the same record (entity + entityId).",
          TOOLSET, Reply, post(**same("parentId", "comment", "entity", "entityId")), output=RECORD),
    read("get_comment_replies", "Replies to a comment",
         "The replies to one comment.", TOOLSET, Replies, listing(Replies)),
    read("get_my_comments", "My comments",
         "The comments the signed-in employee wrote, optionally on one record.",
         TOOLSET, MyComments, listing(MyComments, {"employeeId": ContextValue.EMPLOYEE_ID})),
    write("add_comment_to_task", "Comment on a task",
          "Add a comment to a task as the signed-in employee.",
          TOOLSET, TaskComment,
          ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body={"taskId": "entityId", "comment": "comment"},
                       body_defaults={"entity": "Task", **AS_ME}),
          output=RECORD),
    write("add_comment_to_project", "Comment on a project",
          "Add a comment to a project as the signed-in employee.",
          TOOLSET, ProjectComment,
          ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body={"projectId": "entityId", "comment": "comment"},
                       body_defaults={"entity": "OrganizationProject", **AS_ME}),
          output=RECORD),
    read("search_comments", "Search comments",
         "Comments whose text contains the query (any case), newest first, among the latest 1000.",
         TOOLSET, SearchComments, UseCaseCall("search_comments", (f"GET {BASE}",)), PageOutput),
    read("get_recent_comments", "Recent comments",
         "The latest comments, newest first.",
         TOOLSET, RecentComments,
         ResourceCall("GET", BASE, Shape.PAGE, Tenancy.WHERE, where=same("entity", "employeeId"),
                      paging=Paging.OFFSET, defaults=NEWEST_FIRST)),
)

REMOVED = {
    "add_comment_to_goal": "Gauzy comments can only be about the records of BaseEntityEnum, which has no "
                           "goal: POST /api/comment refuses entity 'Goal'.",
}
