"""The real API's enum values (gauzy-contracts `enums`), with the reference server's
spellings accepted as aliases. Case, `_` and `-` differences are folded automatically."""

from __future__ import annotations

from application.catalog.fields import api_enum

# TaskStatusEnum, plus "closed": Gauzy validates a task's status only as a string, and tasks
# imported from GitHub issues (the demo seed's among them) carry the state, open or closed.
TaskStatus = api_enum(
    ("backlog", "open", "in-progress", "ready-for-review", "in-review", "blocked", "done", "completed",
     "cancelled", "closed", "custom"),
    what="task status",
)
TaskPriority = api_enum(("urgent", "high", "medium", "low"), {"HIGHEST": "urgent", "LOWEST": "low"},
                        what="task priority")
TaskSize = api_enum(("x-large", "large", "medium", "small", "tiny"), {"X_SMALL": "tiny"}, what="task size")
TaskType = api_enum(("epic", "story", "task", "bug", "memo"), {"FEATURE": "story"}, what="issue type")
ProjectBilling = api_enum(("RATE", "FLAT_FEE", "MILESTONES"), what="billing type")
ProjectOwner = api_enum(("CLIENT", "INTERNAL"), what="project owner")
ProjectBudgetType = api_enum(("hours", "cost"), what="budget type")
TimeLogType = api_enum(("TRACKED", "MANUAL", "IDLE", "RESUMED"), what="time log type")
TimeLogSource = api_enum(
    ("BROWSER", "DESKTOP", "MOBILE", "UPWORK", "HUBSTAFF", "TEAMS", "BROWSER_EXTENSION", "CLOC"),
    {"WEB_TIMER": "BROWSER"},
    what="time log source",
)
# CurrenciesEnum, every value the API accepts.
CURRENCIES = (
    "AFN", "AFA", "ALL", "ALK", "DZD", "ADP", "AOA", "AOK", "AON", "AOR", "ARA", "ARS", "ARM", "ARP",
    "ARL", "AMD", "AWG", "AUD", "ATS", "AZN", "AZM", "BSD", "BHD", "BDT", "BBD", "BYN", "BYB", "BYR",
    "BEF", "BEC", "BEL", "BZD", "BMD", "BTN", "BOB", "BOL", "BOV", "BOP", "BAM", "BAD", "BAN", "BWP",
    "BRC", "BRZ", "BRE", "BRR", "BRN", "BRB", "BRL", "GBP", "BND", "BGL", "BGN", "BGO", "BGM", "BUK",
    "BIF", "XPF", "KHR", "CAD", "CVE", "KYD", "XAF", "CLE", "CLP", "CLF", "CNX", "CNY", "COP", "COU",
    "KMF", "CDF", "CRC", "HRD", "HRK", "CUC", "CUP", "CYP", "CZK", "CSK", "DKK", "DJF", "DOP", "NLG",
    "XCD", "DDM", "ECS", "ECV", "EGP", "GQE", "ERN", "EEK", "ETB", "EUR", "XEU", "FKP", "FJD", "FIM",
    "FRF", "XFO", "XFU", "GMD", "GEK", "GEL", "DEM", "GHS", "GHC", "GIP", "GRD", "GTQ", "GWP", "GNF",
    "GNS", "GYD", "HTG", "HNL", "HKD", "HUF", "ISK", "ISJ", "INR", "IDR", "IRR", "IQD", "IEP", "ILS",
    "ILP", "ILR", "ITL", "JMD", "JPY", "JOD", "KZT", "KES", "KWD", "KGS", "LAK", "LVL", "LVR", "LBP",
    "LSL", "LRD", "LYD", "LTL", "LTT", "LUL", "LUC", "LUF", "MOP", "MKD", "MKN", "MGA", "MGF", "MWK",
    "MYR", "MVR", "MVP", "MLF", "MTL", "MTP", "MRO", "MUR", "MXV", "MXN", "MXP", "MDC", "MDL", "MCF",
    "MNT", "MAD", "MAF", "MZE", "MZN", "MZM", "MMK", "NAD", "NPR", "ANG", "TWD", "NZD", "NIO", "NIC",
    "NGN", "KPW", "NOK", "OMR", "PKR", "PAB", "PGK", "PYG", "PEI", "PEN", "PES", "PHP", "PLN", "PLZ",
    "PTE", "GWE", "QAR", "XRE", "RHD", "RON", "ROL", "RUB", "RUR", "RWF", "SVC", "WST", "SAR", "RSD",
    "CSD", "SCR", "SLL", "SGD", "SKK", "SIT", "SBD", "SOS", "ZAR", "ZAL", "KRH", "KRW", "KRO", "SSP",
    "SUR", "ESP", "ESA", "ESB", "LKR", "SHP", "SDD", "SDG", "SDP", "SRD", "SRG", "SZL", "SEK", "CHF",
    "SYP", "STD", "TJR", "TJS", "TZS", "THB", "TPE", "TOP", "TTD", "TND", "TRY", "TRL", "TMT", "TMM",
    "USD", "USN", "USS", "UGX", "UGS", "UAH", "UAK", "AED", "UYU", "UYP", "UYI", "UZS", "VUV", "VEF",
    "VEB", "VND", "VNN", "CHE", "CHW", "XOF", "YDD", "YER", "YUN", "YUD", "YUM", "YUR", "ZRN", "ZRZ",
    "ZMW", "ZMK", "ZWD", "ZWR", "ZWL",
)
Currency = api_enum(CURRENCIES, what="currency code")
OrderDirection = api_enum(("ASC", "DESC"), what="sort direction")
