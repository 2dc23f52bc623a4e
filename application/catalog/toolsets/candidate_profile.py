"""A candidate's skills, experience and education (`/api/candidate-skills`,
`/api/candidate-experience`, `/api/candidate-educations`), part of the candidates toolset.

Gauzy keeps fewer fields than the reference asked for: a skill has only a name, an
experience no employer field. The extra facts are kept in the fields Gauzy has (the skill
name, the experience description) rather than being dropped.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Self

from pydantic import Field, model_validator

from application.catalog.fields import IsoDate, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy
from application.catalog.rows import RECORD, read, write

TOOLSET = "candidates"


def _today() -> str:
    return datetime.now(UTC).date().isoformat() + "T00:00:00Z"


class Skill(ToolInput):
    name: str = Field(min_length=1)
    proficiency: str | None = Field(
        None, exclude=True, description="E.g. 'Expert'; kept in the name: 'Python (Expert)'.")

    @model_validator(mode="after")
    def _keep_proficiency(self) -> Self:
        if self.proficiency:
            self.name = f"{self.name} ({self.proficiency})"
        return self


class Experience(ToolInput):
    occupation: str = Field(min_length=1, description="Job title.")
    duration: str = Field(min_length=1, description="E.g. '2 years' or 'Jan 2020 - Dec 2022'.")
    organization: str | None = Field(None, exclude=True, description="Employer; kept at the start of the description.")
    description: str | None = None

    @model_validator(mode="after")
    def _keep_employer(self) -> Self:
        if self.organization:
            self.description = f"At {self.organization}." + (f" {self.description}" if self.description else "")
        return self


class Education(ToolInput):
    schoolName: str = Field(min_length=1)  # noqa: N815
    degree: str = Field(min_length=1)
    field: str = Field(min_length=1, description="Field of study.")
    completionDate: IsoDate = Field(  # noqa: N815
        default_factory=_today, description="Gauzy requires one; defaults to today.")
    notes: str | None = None


class CandidateRef(ToolInput):
    candidateId: Uuid  # noqa: N815


class AddSkill(CandidateRef):
    skill: Skill


class AddExperience(CandidateRef):
    experience: Experience


class AddEducation(CandidateRef):
    education: Education


def listing(path: str) -> ResourceCall:
    return ResourceCall("GET", path, Shape.PAGE, Tenancy.WHERE, where={"candidateId": "candidateId"}, paging=None)


def adding(path: str, part: str) -> ResourceCall:
    return ResourceCall("POST", path, tenancy=Tenancy.BODY, body_from=part, body={"candidateId": "candidateId"})


SKILLS, EXPERIENCE, EDUCATION = "/api/candidate-skills", "/api/candidate-experience", "/api/candidate-educations"

TOOLS = (
    read("get_candidate_skills", "Candidate's skills",
         "The skills on a candidate's profile.", TOOLSET, CandidateRef, listing(SKILLS)),
    write("add_candidate_skill", "Add a skill to a candidate",
          "Add a skill (name, optionally a proficiency) to a candidate's profile.",
          TOOLSET, AddSkill, adding(SKILLS, "skill"), output=RECORD),
    read("get_candidate_experience", "Candidate's work experience",
         "The previous jobs on a candidate's profile, with durations.",
         TOOLSET, CandidateRef, listing(EXPERIENCE)),
    write("add_candidate_experience", "Add work experience",
          "Add a previous job to a candidate's profile.",
          TOOLSET, AddExperience, adding(EXPERIENCE, "experience"), output=RECORD),
    read("get_candidate_education", "Candidate's education",
         "The schools, degrees and fields of study on a candidate's profile.",
         TOOLSET, CandidateRef, listing(EDUCATION)),
    write("add_candidate_education", "Add education",
          "Add a school or degree to a candidate's profile.",
          TOOLSET, AddEducation, adding(EDUCATION, "education"), output=RECORD),
)
