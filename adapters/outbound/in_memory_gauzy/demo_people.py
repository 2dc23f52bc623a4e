"""Demo records for sales pipelines and deals, job candidates and employee awards."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from adapters.outbound.in_memory_gauzy.demo_finance import CLIENT_NAME, Records, record_id

PIPELINES = {
    "Sales": ("Lead", "Qualified Lead", "Proposal Made", "Negotiation", "Closed Won", "Closed Lost"),
    "Partnerships": ("Intro", "Pilot", "Signed"),
}
DEALS = (("Website revamp", 0, 2), ("Mobile app retainer", 1, 3), ("Data warehouse audit", 3, 4),
         ("Support contract", 4, 5), ("Reseller agreement", 6, 1), ("Cloud migration", 2, 2))
CANDIDATES = (("Liam", "Novak", "APPLIED", 4.0), ("Maya", "Ortiz", "REJECTED", 2.5), ("Noah", "Price", "APPLIED", 3.5))
AWARDS = (("Employee of the month", 0), ("Best mentor", 1), ("Customer hero", 0), ("Innovation award", 2))


def seed_people(data: dict[str, Any], now: datetime) -> None:
    demo = Records(data, now)
    _pipelines(demo, data)
    _candidates(demo)
    _awards(demo)


def _pipelines(demo: Records, data: dict[str, Any]) -> None:
    pipelines, stages = [], []
    for p, (name, stage_names) in enumerate(PIPELINES.items()):
        pipeline = demo.row("pipeline", p, 200 - p, name=name, description=f"{name} pipeline")
        rows = [demo.row("pipeline-stage", f"{p}/{i}", 200 - p, name=stage, index=i + 1, pipelineId=pipeline["id"])
                for i, stage in enumerate(stage_names)]
        pipelines.append({**pipeline, "stages": rows})
        stages.extend(rows)
    client = next((c["id"] for c in demo.collections.get("organization-contact", []) if c.get("name") == CLIENT_NAME),
                  None)
    creator = data["users"][0]["id"]
    deals = [demo.row("deal", i, 60 - 7 * i, title=title, stageId=stages[stage]["id"], probability=chance,
                      clientId=client, createdByUserId=creator if i % 2 == 0 else None)
             for i, (title, stage, chance) in enumerate(DEALS)]
    demo.add("pipelines", pipelines)
    demo.add("deals", deals)


def _candidates(demo: Records) -> None:
    candidates, skills, experience, educations = [], [], [], []
    for i, (first, last, status, rating) in enumerate(CANDIDATES):
        user = {"id": record_id("candidate-user", i), "tenantId": demo.tenant_id, "firstName": first,
                "lastName": last, "email": f"{first.lower()}.{last.lower()}@candidates.example"}
        candidate = demo.row("candidate", i, 45 - 10 * i, user=user, userId=user["id"], status=status,
                             rating=rating, appliedDate=demo.when(45 - 10 * i), candidateLevel="Middle",
                             rejectDate=demo.when(5) if status == "REJECTED" else None, alreadyHired=False)
        candidates.append(candidate)
        link = {"candidateId": candidate["id"]}
        skills += [demo.row("candidate-skill", f"{i}/{n}", 40, name=name, **link)
                   for n, name in enumerate(("Python", "TypeScript"))]
        experience.append(demo.row("candidate-experience", i, 40, occupation="Software Engineer",
                                   duration=f"{i + 2} years", description="Built web services.", **link))
        educations.append(demo.row("candidate-education", i, 40, schoolName="State University", degree="BSc",
                                   field="Computer Science", completionDate=demo.when(2000 + 100 * i), **link))
    demo.add("candidate", candidates)
    demo.add("candidate-skills", skills)
    demo.add("candidate-experience", experience)
    demo.add("candidate-educations", educations)


def _awards(demo: Records) -> None:
    employees = demo.ids("employee")
    year = demo.now.year
    awards = [demo.row("employee-award", i, 90 - 20 * i, name=name, year=str(year - (i % 2)),
                       employeeId=employees[who])
              for i, (name, who) in enumerate(AWARDS)]
    demo.add("employee-award", awards)
