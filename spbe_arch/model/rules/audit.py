"""Audit rules (family A): what the integration audit reports about a model's graph.

Each rule is checked by the function of `spbe_arch.audit` that names it in `@check(...)`.
"""

from ..finding import Severity
from ..i18n import N_
from .table import RuleStatus, declare

__all__ = [
    "APLIKASI_KHUSUS_DUPLICATING_APLIKASI_UMUM",
    "APPLICATION_HOSTED_ON_CLOUD_OR_VENDOR",
    "APPLICATION_HOSTED_OUTSIDE_GOVERNMENT_DATA_CENTRE",
    "APPLICATION_WITHOUT_HOSTING",
    "DATA_WITHOUT_STEWARD",
    "DUPLICATE_APPLICATIONS",
    "HUB_APPLICATION",
    "INCOMPLETE_DATA",
    "INFRASTRUCTURE_SINGLE_POINT_OF_FAILURE",
    "INTEGRATION_BYPASSING_SPLP",
    "INTEGRATION_OVER_INTERNET",
    "INTEGRATION_SINGLE_POINT_OF_FAILURE",
    "ISOLATED_APPLICATION",
    "NON_INTEGRATION_MECHANISM",
    "OPEN_DATA_NOT_PUBLISHED",
    "SERVICE_WITHOUT_APPLICATION",
    "UNINTEGRATED_DATA_FLOW",
    "UNINTEGRATED_SERVICE",
    "UNIT_OUTSIDE_JIP",
    "UNIT_OWNING_NOTHING",
    "UNUSED_DATA",
]

ISOLATED_APPLICATION = declare(
    "SPBE-A001",
    "isolated-application",
    severity=Severity.warning,
    message={
        "": N_("aplikasi '{element}' is active but integrated with no other application"),
        "pending": N_("aplikasi '{element}' is active but integrated with no other application "
                      "yet: {integrations} not active, or manual or a shared login"),
    },
    hint=N_("connect it through SPLP to the applications that use or supply its data"),
    doc="""
## What it does
Reports an active application that exchanges data with no other application: no active
integration in or out, other than `manual` or `shared_login` (which are not integration).
Local instances of a national aplikasi umum (`platform:` set) are left out: the national
operator integrates them; so is a login provider (single sign-on: other applications' users
log in through it, `via: shared_login` from it), whose job is logins, not data. Not reported
while a file of the model cannot be read: its integrations may be there.

## Why is this bad?
An isolated application keeps its own copy of data that other applications also keep, so
citizens and officers enter the same data twice and the copies drift apart. The SPBE
evaluation only credits integration between systems.

## Example
```yaml
applications:
  - {id: sipedas, name: SIPEDAS, kind: khusus, owner: dispertan}
# no integration names sipedas
```
Use instead: publish or consume its data through SPLP, e.g. an integration
`{source: sipedas, target: satu-data-kab, via: splp}`.
""",
)


UNINTEGRATED_DATA_FLOW = declare(
    "SPBE-A002",
    "unintegrated-data-flow",
    severity=Severity.error,
    message={
        "": N_("aplikasi '{element}' reads data '{data}' produced by {producers} with no "
        "integration path to it"),
        "services": N_("aplikasi '{element}' reads data '{data}' produced by {producers} with "
        "no integration path to it (affects layanan {services})"),
    },
    hint=N_("integrate '{producer}' -> '{element}' through SPLP"),
    subject="data",
    doc="""
## What it does
Reports an active application that reads a data set produced (written) by another active
application when no path of active integrations leads from any producer to the reader.
Data flows from producer to consumer, so only a directed path counts: integrations from
the producer to the consumer, directly or through intermediate applications (SPLP is the
mechanism of an integration, not a stop on the way); an integration whose `direction` is
`unknown` may carry data either way (to a national platform, which only receives, it stays
one way). `manual` and `shared_login` integrations do not count. The services the reader
realizes are named in the message. Not reported while a file of the model cannot be read: the
path may run through it.

## Why is this bad?
This is the core "unintegrated" gap: the data exists in the producer's system but reaches
the reader by re-typing, spreadsheets or not at all, so the services built on it run on
stale or duplicated data. Integration through SPLP is what the SPBE evaluation rewards.

## Example
```yaml
data:
  - {id: data-penduduk, name: Data Penduduk, producer: siak-kab}
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [data-penduduk]}
integrations: []          # nothing from siak-kab to simpus
```
Use instead: `integrations: [{id: int-01, source: siak-kab, target: simpus, via: splp}]`.
""",
)


UNINTEGRATED_SERVICE = declare(
    "SPBE-A003",
    "unintegrated-service",
    severity=Severity.warning,
    message=N_("layanan '{element}' depends on data that is not integrated: {flows}"),
    hint=None,
    doc="""
## What it does
Reports a service realized by an application that reads data produced elsewhere with no
integration path from the producer (an `unintegrated-data-flow` gap), naming each missing data flow.
Not reported while a file of the model cannot be read.

## Why is this bad?
The service cannot be delivered end to end electronically: somewhere an officer carries
data from one system to the other. Such a service cannot reach the *kolaborasi* level.

## Example
```yaml
services:
  - {id: layanan-puskesmas, kind: public, owner: dinkes, applications: [simpus]}
# simpus reads data-penduduk from siak-kab with no integration
```
Use instead: integrate the producer with the application, as for `unintegrated-data-flow`.
""",
)


INTEGRATION_BYPASSING_SPLP = declare(
    "SPBE-A004",
    "integration-bypassing-splp",
    severity=Severity.warning,
    message={
        "national": N_("integration '{element}' ('{source}' -> '{target}') to national platform "
            "'{target}' uses '{via}' instead of splp"),
        "units": N_("integration '{element}' ('{source}' -> '{target}') from unit "
            "'{source_unit}' to unit '{target_unit}' uses '{via}' instead of splp"),
        "instance": N_("integration '{element}' ('{source}' -> '{target}') to national "
            "platform '{platform}' (its instance '{target}') uses '{via}' instead of splp"),
    },
    hint=N_("route it through SPLP: via: splp"),
    doc="""
## What it does
Reports an active integration between applications of different units, or with a national
platform, whose mechanism is not `splp` (a direct API, a database link, a file transfer). A
target that is the instansi's instance of a national platform its operator runs
(`platform: srikandi`, not a portal node the instansi runs itself) counts as that platform,
whichever unit owns it in the model; between two such instances (SiRUP to SPSE) the link is
the operators' own; a link from an instance to an application of the instansi (SIPD's data
reaching e-BMD) is judged by the units that own its ends, as other links are.

## Why is this bad?
SPLP (*Sistem Penghubung Layanan Pemerintah*) is the government's integration gateway:
point-to-point links between units multiply, are not catalogued, and are not credited as
integration by the SPBE evaluation (the integration indicator reaches level 4 only through
SPLP).

## Example
```yaml
integrations:
  - {id: int-02, source: e-pajak, target: simda-keu, via: database_link}
# e-pajak (bapenda) and simda-keu (bpkad) belong to different units
```
Use instead: `via: splp`.
""",
)


INTEGRATION_OVER_INTERNET = declare(
    "SPBE-A005",
    "integration-over-internet",
    severity=Severity.warning,
    message=N_("integration '{element}' ('{source}' -> '{target}') runs over the public internet "
    "'{network}' instead of JIP"),
    hint=N_("use the government intranet: network: {jip}"),
    doc="""
## What it does
Reports an active integration whose `network` is of kind `internet`.

## Why is this bad?
Government data exchanged over the public internet is exposed to interception and outages
outside the government's control; JIP (*Jaringan Intra Pemerintah*) is the network meant
for traffic between government systems.

## Example
```yaml
infrastructure:
  - {id: internet-isp, name: ISP Lokal, kind: internet}
integrations:
  - {id: int-03, source: simpus, target: satusehat, via: splp, network: internet-isp}
```
Use instead: `network: jip`.
""",
)


NON_INTEGRATION_MECHANISM = declare(
    "SPBE-A006",
    "non-integration-mechanism",
    severity=Severity.info,
    message=N_("integration '{element}' ('{source}' -> '{target}') is '{via}', which is not "
    "counted as integration"),
    hint=N_("exchange the data through an API on SPLP: via: splp"),
    doc="""
## What it does
Reports an active integration whose mechanism is `manual` or `shared_login`. The audit does
not count it as integration (no data moves between the systems).

## Why is this bad?
Re-typing data or sharing a login (single sign-on, a hyperlink) is not integration: the
SPBE evaluation does not credit it, and the data still lives in two places.

## Example
```yaml
integrations:
  - {id: int-04, source: e-office, target: srikandi, via: shared_login}
```
Use instead: an API exchange, `via: splp`.
""",
)


DUPLICATE_APPLICATIONS = declare(
    "SPBE-A007",
    "duplicate-applications",
    severity=Severity.warning,
    message=N_("aplikasi {apps} duplicate each other: they {reasons}"),
    hint=N_("keep one application per service; retire or merge the others"),
    doc="""
## What it does
Reports two or more active aplikasi khusus that carry the same RAA code (`ref`), that carry
the same name (case, spacing and punctuation aside; an acronym and the long name a name
spells out together are names too, so "SIMPUS — Sistem Informasi Manajemen Puskesmas" is one
with "SIMPUS" and with "Sistem Informasi Manajemen Puskesmas", while "SIMDA — Keuangan" and
"SIMDA — BMD" are not; "SIMPUS" and "Sistem Informasi Manajemen Puskesmas" alone are not
matched: which long name an acronym stands for is a guess unless a name pairs them) or that
are reached at the same address (`url`, scheme and `www.` aside). Applications that
realize one service complement each other as often as they duplicate (e-PBB and e-BPHTB both
serve pajak daerah; a SIMPUS and a SIMRS both serve health): sharing a service alone is not
reported, and an application without an RAA code is unknown, not the same as another. One
finding per group, on the first application; the reasons are merged when a group shares
several. Duplicates of an aplikasi umum are `aplikasi-khusus-duplicating-aplikasi-umum`.

## Why is this bad?
Each duplicate costs a budget line, a server and a team, and splits the data of one service
over two systems. Reducing duplicate applications is national SPBE policy (Indonesia runs
tens of thousands of government applications, many doing the same job).

## Example
```yaml
applications:
  - {id: sicantik, name: SiCantik, kind: khusus, owner: dpmptsp, ref: RAA.03.01}
  - {id: e-izin, name: e-Izin, kind: khusus, owner: dpmptsp, ref: RAA.03.01}
```
Use instead: retire one of them (`status: retired`), or correct the RAA code of the one that
does another job.
""",
)


APLIKASI_KHUSUS_DUPLICATING_APLIKASI_UMUM = declare(
    "SPBE-A008",
    "aplikasi-khusus-duplicating-aplikasi-umum",
    severity=Severity.warning,
    message=N_("aplikasi khusus '{element}' duplicates an aplikasi umum: it {reasons}"),
    hint=N_("use the aplikasi umum and retire the local application"),
    doc="""
## What it does
Reports an active aplikasi khusus that realizes a service also realized by an active
aplikasi umum, or whose RAA code (`ref`) is that of an active aplikasi umum of the model or
of a national aplikasi umum in the catalog (`models/platforms.yaml`). Sharing a service is
no duplicate when the aplikasi khusus writes data that the aplikasi umum reads and does not
write itself, and nothing it writes: it feeds it (e-Planning's plans taken in by SIPD), not
does its job.

## Why is this bad?
Aplikasi umum (SIPD, SRIKANDI, SIASN, ...) are designated nationally so that every instansi
uses the same system; a local application for the same job must be retired in favour of
it, and the SPBE evaluation scores the use of aplikasi umum.

## Example
```yaml
applications:
  - {id: srikandi-kab, kind: umum, platform: srikandi, owner: setda}
  - {id: e-surat, kind: khusus, owner: diskominfo}
services:
  - {id: layanan-persuratan, kind: administration, owner: setda,
     applications: [srikandi-kab, e-surat]}
```
Use instead: retire `e-surat` and use `srikandi-kab`.
""",
)


APPLICATION_HOSTED_OUTSIDE_GOVERNMENT_DATA_CENTRE = declare(
    "SPBE-A009",
    "application-hosted-outside-government-data-centre",
    severity=Severity.warning,
    message=N_("aplikasi '{element}' is hosted on premise in '{host}', outside {outside}"),
    hint=N_("move it to {to}"),
    doc="""
## What it does
Reports an active application hosted on an `on_premise` data centre (a server room in a
unit) rather than in PDN (*Pusat Data Nasional*) or the pusat data daerah.

## Why is this bad?
Server rooms in single units rarely have redundant power, cooling, backup or security
monitoring; SPBE policy consolidates hosting into PDN and the regional data centre.

## Example
```yaml
infrastructure:
  - {id: server-dinkes, name: Ruang Server Dinkes, kind: on_premise}
applications:
  - {id: simpus, kind: khusus, owner: dinkes, hosting: server-dinkes}
```
Use instead: `hosting: pdd-kab` (a `pusat_data_daerah`) or `hosting: pdn`.
""",
)


APPLICATION_HOSTED_ON_CLOUD_OR_VENDOR = declare(
    "SPBE-A010",
    "application-hosted-on-cloud-or-vendor",
    severity=Severity.info,
    message=N_("aplikasi '{element}' is hosted on {kind} '{host}', outside {outside}"),
    hint=None,
    doc="""
## What it does
Reports an active application hosted on a `cloud` or `vendor` data centre. This is
allowed; the finding is information for the hosting plan.

## Why is this bad?
Hosting outside PDN and the pusat data daerah must meet the government's data-placement
and security requirements, and the contract ends one day: the architect should know which
applications depend on it.

## Example
```yaml
infrastructure:
  - {id: vendor-x, name: Hosting Vendor X, kind: vendor}
applications:
  - {id: e-pajak, kind: khusus, owner: bapenda, hosting: vendor-x}
```
Use instead: `hosting: pdd-kab`, or keep it and record why.
""",
)


APPLICATION_WITHOUT_HOSTING = declare(
    "SPBE-A011",
    "application-without-hosting",
    severity=Severity.info,
    message=N_("aplikasi '{element}' does not say where it is hosted"),
    hint=N_("add 'hosting:' with a data centre id"),
    doc="""
## What it does
Removed in 0.2: a hosting the model does not state is unknown, not absent; the
`incomplete-data` rule says how many applications state their hosting. It reported an active
application that does not say where it is hosted (`hosting:`).

## Why is this bad?
The impact analysis cannot tell what stops when a data centre fails, and the hosting
consolidation plan cannot include it.

## Example
```yaml
applications:
  - {id: e-pajak, kind: khusus, owner: bapenda}
```
Use instead: `hosting: pdd-kab`.
""",
    status=RuleStatus.removed,
)


DATA_WITHOUT_STEWARD = declare(
    "SPBE-A012",
    "data-without-steward",
    severity=Severity.warning,
    message=N_("data '{element}' has no steward (produsen data)"),
    hint=N_("add 'steward:' with the unit responsible for it"),
    doc="""
## What it does
Removed in 0.2: a steward the model does not state is unknown, not absent; the
`incomplete-data` rule says how many data sets name their steward. It reported a data set with
no `steward` (produsen data / walidata).

## Why is this bad?
Satu Data Indonesia (Perpres 39/2019) gives every data set a producer responsible for its
quality and updates; without one nobody answers for it and it cannot be published.

## Example
```yaml
data:
  - {id: data-jalan, name: Data Jalan}
```
Use instead: `steward: dpupr`.
""",
    status=RuleStatus.removed,
)


OPEN_DATA_NOT_PUBLISHED = declare(
    "SPBE-A013",
    "open-data-not-published",
    severity=Severity.warning,
    message=N_("data '{element}' is terbuka (open) but not published on Satu Data"),
    hint=N_("publish it on the Satu Data portal and set 'published: true'"),
    doc="""
## What it does
Reports a data set classified `terbuka` (open) that is not published on the Satu Data
portal (`published: false`).

## Why is this bad?
Open data is meant to be published; the SPBE evaluation scores open-data publication, and
unpublished open data gets requested and re-collected by hand.

## Example
```yaml
data:
  - {id: data-apbd, classification: terbuka, steward: bpkad}
```
Use instead: publish it and set `published: true`.
""",
)


SERVICE_WITHOUT_APPLICATION = declare(
    "SPBE-A014",
    "service-without-application",
    severity=Severity.warning,
    message={
        "manual": N_("layanan '{element}' ({kind}) has no application: it is delivered manually"),
        "inactive": N_("layanan '{element}' ({kind}) has no active application: {statuses}"),
    },
    hint=N_("name the application that delivers it under 'applications:'"),
    doc="""
## What it does
Reports a public or administration service that no active application realizes: it has no
`applications`, or all of them are planned, in development or retired. A service naming an
application written in a file that cannot be read is not reported (unknown, not absent).

## Why is this bad?
A service with no application is delivered manually; it scores the lowest level in the
SPBE evaluation of services and its data never reaches other systems.

## Example
```yaml
services:
  - {id: layanan-izin-reklame, kind: public, owner: dpmptsp}
```
Use instead: name the application that delivers it, `applications: [sicantik]`.
""",
)


INTEGRATION_SINGLE_POINT_OF_FAILURE = declare(
    "SPBE-A015",
    "integration-single-point-of-failure",
    severity=Severity.warning,
    message=N_("aplikasi '{element}' is a single point of failure: every integration path from "
    "{senders} to {receivers} runs through it"),
    hint=N_("where data of {senders} must reach {receivers}, integrate them through SPLP too; "
    "where it need not, nothing depends on this path"),
    doc="""
## What it does
Reports an application that relays data between other applications and is an
articulation point of the local integration graph (active applications joined by
integration links, taken as undirected): some application sending data to it can reach
some application it sends data to only through it. The message names both sides. It speaks
of the paths, not of the integrations' `data:` lists (often left incomplete), with one
exception: where the model states what a sender reads or writes, and what the receiver and
every application data reaches from it read, and none of them reads what the sender writes
or passes on (what it reads), the path carries nothing they need from it, and the pair is
left out (a national platform further on is not counted: it takes what the links into it
carry). Where one of them is unstated, the path may carry what is needed, and it counts.
National platforms are left out: they only receive data, so two applications that both
send to one do not exchange data through it. An articulation point that only receives, or
only sends, relays nothing and is not reported (a hub is `hub-application`); an integration
whose `direction` is `unknown` makes no sender or receiver: whether data passes through the
application is not known.

## Why is this bad?
Every exchange between the two sides passes through one system; when it is down, under
maintenance or compromised, data stops flowing between them. Integrating through SPLP,
rather than relaying through one local application, removes this dependency.

## Example
```yaml
integrations:
  - {id: int-01, source: siak-kab, target: middleware, via: api_direct}
  - {id: int-02, source: middleware, target: simpus, via: api_direct}
# middleware is the only way from siak-kab to simpus
```
Use instead: integrate `siak-kab` and `simpus` through SPLP.

Notes: one pass over the biconnected components (Hopcroft-Tarjan), O(V + E).
""",
)


HUB_APPLICATION = declare(
    "SPBE-A016",
    "hub-application",
    severity=Severity.info,
    message=N_("aplikasi '{element}' is a hub: integrated with {partners} applications or national "
    "platforms"),
    hint=None,
    doc="""
## What it does
Reports an application integrated with 5 or more distinct applications or
national platforms, counting active integrations in either direction.

## Why is this bad?
Many exchanges depend on it even where other paths exist; its outage, upgrade or breach
has a wide blast radius and deserves redundancy and monitoring.

## Example
```yaml
integrations:   # siak-kab feeds five applications
  - {id: int-01, source: siak-kab, target: simpus, via: splp}
  - {id: int-02, source: siak-kab, target: e-pajak, via: splp}
  # ... three more
```
Use instead: keep it, with high availability, or publish its data once through SPLP.
""",
)


INFRASTRUCTURE_SINGLE_POINT_OF_FAILURE = declare(
    "SPBE-A017",
    "infrastructure-single-point-of-failure",
    severity=Severity.warning,
    message=N_("infrastruktur '{element}' is a single point of failure: its loss stops {count} "
    "services ({services})"),
    hint=N_("add a disaster recovery site (a security control of kind disaster_recovery "
            "covering it), or spread the services"),
    doc="""
## What it does
Reports a data centre or network (of the model, or the national PDN / JIP it uses) whose
failure stops more than 5 services, as computed by the impact analysis
(`spbe-arch impact`), unless an active security control of kind `disaster_recovery` (or
`drc`) covers it: its services come back at the recovery site. A `backup` alone does not
count: a copy of the data brings no service back. In a model that records no service (an
inventory of applications, say) what an outage stops is not known, and nothing is reported
here: `incomplete-data` says the services are known for none of the applications.

## Why is this bad?
The June 2024 ransomware attack on a temporary PDN stopped services of hundreds of
instansi at once. Infrastructure that many services need must have a tested backup and
recovery site, or the services must be spread.

## Example
```yaml
infrastructure:
  - {id: pdd-kab, name: Pusat Data Daerah, kind: pusat_data_daerah}
applications:   # six applications realizing six services, all on pdd-kab
  - {id: simpus, kind: khusus, owner: dinkes, hosting: pdd-kab}
```
Use instead: a recovery site (`security: [{id: drc-kab, name: DRC, kind: disaster_recovery,
covers: [pdd-kab]}]`) with a tested recovery plan, or host part of the services elsewhere.
""",
)


UNIT_OWNING_NOTHING = declare(
    "SPBE-A018",
    "unit-owning-nothing",
    severity=Severity.info,
    message=N_("unit '{element}' owns no application, service, business process or data"),
    hint=N_("record what the unit runs, or remove it"),
    doc="""
## What it does
Reports a unit that owns no application, service, business process or data set and has no
sub-units. Not reported while a file of the model cannot be read: what it holds may be the
unit's.

## Why is this bad?
Either the unit's work is missing from the architecture (its services and applications
were not recorded), or the unit no longer exists; both make the model incomplete.

## Example
```yaml
units:
  - {id: dispar, name: Dinas Pariwisata, kind: dinas}
# nothing names dispar as owner or steward
```
Use instead: record the services and applications the unit runs.
""",
)


UNUSED_DATA = declare(
    "SPBE-A019",
    "unused-data",
    severity=Severity.info,
    message=N_("data '{element}' is neither read nor written by any application"),
    hint=N_("name the application that keeps it under 'writes:'"),
    doc="""
## What it does
Reports a data set that no application (of any status) reads, writes or produces. Not
reported while a file of the model cannot be read: its applications may use the data.

## Why is this bad?
Data that no system holds is kept on paper or in spreadsheets, or the data set is a
leftover; either way it cannot be integrated or published automatically.

## Example
```yaml
data:
  - {id: data-reklame, name: Data Reklame, steward: bapenda}
# no application lists data-reklame under reads or writes
```
Use instead: list it under the `writes:` of the application that keeps it.
""",
)


UNIT_OUTSIDE_JIP = declare(
    "SPBE-A020",
    "unit-outside-jip",
    severity=Severity.warning,
    message={
        "none": N_("unit '{element}' is not connected to JIP: it has no network"),
        "other": N_("unit '{element}' is not connected to JIP: it uses {networks}"),
    },
    hint=N_("connect the unit to JIP and list it under 'networks:'"),
    doc="""
## What it does
Reports a unit that is connected to no JIP network: none of its `networks` is of kind
`jip` (or the national `jip`). The networks it does use are named in the message.

## Why is this bad?
JIP (*Jaringan Intra Pemerintah*) is the government intranet; a unit reaching the other
units' applications over the public internet exposes government data and depends on a
commercial line. The share of units on JIP is an SPBE infrastructure indicator.

## Example
```yaml
units:
  - {id: kec-bukit-raya, name: Kecamatan Bukit Raya, kind: kecamatan,
     networks: [internet]}
```
Use instead: `networks: [jip-kab]` (a network of kind `jip`).
""",
)


INCOMPLETE_DATA = declare(
    "SPBE-A021",
    "incomplete-data",
    severity=Severity.info,
    since="0.2",
    message={
        "": N_("{field} known for {known} of {of} {about}"),
        "named": N_("{field} known for {known} of {of} {about}; not stated by {ids}"),
    },
    hint=N_("state {keys} where the source gives it; until then no finding rests on it"),
    doc="""
## What it does
Reports, once per fact the analyses read (an application's hosting, a unit's networks, a data
set's steward, an integration's mechanism, whether the model records integrations or
services, ...), how many of the elements it is about state it, when some do not. A fact the
model does not state is unknown, not absent: no other finding rests on it, and the metrics and
the maturity estimate say how much known data they rest on. An integration `via: unknown` links its
applications but states no mechanism: it is neither through SPLP nor a bypass of it.

## Why is this bad?
An inventory that says nothing about hosting is not an inventory of applications without
hosting. Reporting the missing facts as defects would bury the real ones; ignoring them would
let an estimate rest on data nobody gave. Knowing how much is known tells where to collect
data first.

## Example
```yaml
applications:
  - {id: e-pajak, name: E-Pajak, kind: khusus, owner: bapenda}   # no hosting: unknown
integrations:
  - {id: int-pajak, source: e-pajak, target: sipd, via: unknown}   # how: unknown
```
Use instead: `hosting: pdd-kab` once the inventory says where it runs, and the mechanism
(`via: splp`, ...) once the source says how the data goes.
""",
)


INTEGRATION_WITH_INACTIVE_END = declare(
    "SPBE-A022",
    "integration-with-inactive-end",
    severity=Severity.warning,
    since="0.3",
    message=N_("integration '{element}' is active but its {end} '{app}' is {status}"),
    subject="app",
    hint={
        "": N_("retire the integration with its application (`status: retired`), or move it "
               "to the application that takes over"),
        "coming": N_("give the integration its application's status (`status: {app_status}`) "
                     "until the application is in service"),
    },
    doc="""
## What it does
Reports an integration with `status: active` whose source or target application is retired,
planned or in development.

## Why is this bad?
Only an integration between active applications carries data, so the analyses leave this one
out: its findings (an SPLP bypass, a single point of failure) disappear without anything having
been fixed. A change that retires an application but forgets its integrations looks, in a
`diff`, like one that resolved their problems.

## Example
```yaml
applications:
  - {id: e-office-lama, name: E-Office Lama, kind: khusus, owner: setda, status: retired}
integrations:
  - {id: int-simpeg-eoffice, source: simpeg, target: e-office-lama, via: api_direct}
```
Use instead: `status: retired` on `int-simpeg-eoffice` too, or `target: srikandi` if the
application that replaces it now receives the data.
""",
)


DATA_WITHOUT_ACTIVE_PRODUCER = declare(
    "SPBE-A023",
    "data-without-active-producer",
    severity=Severity.warning,
    since="0.4",
    message=N_("aplikasi '{element}' reads data '{data}' that no active application writes: "
               "{producers}"),
    hint=N_("name the application that writes '{data}' now (its 'writes:'), or take '{data}' "
            "out of the 'reads:' of '{element}'"),
    subject="data",
    doc="""
## What it does
Reports an active application that reads a data set whose producers, as the model states them
(`producer`, `writes`), are all retired, planned or in development. A data set the model names
no producer for is not reported: where it comes from is unknown, not nowhere (the
incomplete-data rule counts it); nor is a reader whose link to a national platform carries
the data set (the platform answers with it).

## Why is this bad?
When the application that kept a data set is retired, its readers lose their source; their
data flows disappear from the analyses with it (only active applications exchange data), so
the gap shows nowhere unless it is reported. In a `diff` the change looks like a success.

## Example
```yaml
data:
  - {id: data-pegawai, name: Data Pegawai, producer: simpeg}
applications:
  - {id: simpeg, name: SIMPEG, kind: khusus, owner: bkpsdm, status: retired}
  - {id: e-tpp, name: e-TPP, kind: khusus, owner: bkpsdm, reads: [data-pegawai]}
```
Use instead: the producer that keeps the data now (`producer: simpeg-baru`), a link to the
national platform that answers with it (`{id: int-tpp-siasn, source: e-tpp, target: siasn,
via: splp, data: [data-pegawai]}`), or `status: retired` on `e-tpp` too if it went with
SIMPEG.
""",
)

