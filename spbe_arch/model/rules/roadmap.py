"""Roadmap rules (family P, Peta Rencana): items that cannot be applied as written."""

from ..finding import Severity
from .table import declare

__all__ = [
    "ROADMAP_CHANGE_INVALID",
    "ROADMAP_DEPENDENCY_CYCLE",
    "ROADMAP_ITEM_BEFORE_DEPENDENCY",
    "ROADMAP_ITEM_OVERDUE",
    "ROADMAP_ITEM_TOUCHING_UNKNOWN_ELEMENT",
    "ROADMAP_RETIRES_WHAT_IS_IN_USE",
    "ROADMAP_STATUS_ALREADY_THERE",
]

ROADMAP_DEPENDENCY_CYCLE = declare("SPBE-P001", "roadmap-dependency-cycle", """
## What it does
Reports roadmap items whose `depends_on` lead back to themselves.

## Why is this bad?
No item of the cycle can start first, so the Peta Rencana cannot be carried out in any order,
and its years cannot be checked.

## Example
```yaml
roadmap:
  - {id: rm-a, name: A, year: 2026, depends_on: [rm-b]}
  - {id: rm-b, name: B, year: 2026, depends_on: [rm-a]}
```
Use instead: decide which item comes first and drop the other dependency.
""", since="0.2")

ROADMAP_ITEM_TOUCHING_UNKNOWN_ELEMENT = declare(
    "SPBE-P002", "roadmap-item-touching-unknown-element", """
## What it does
Reports a roadmap item that adds, changes or retires an element the model does not define,
depends on something that is not a roadmap item, or names a responsible unit that is not a unit.

## Why is this bad?
The item cannot be applied to the model: the roadmap's year-by-year index and the comparison
with the target architecture would silently leave it out.

## Example
```yaml
roadmap:
  - id: rm-2026-splp
    name: Integrasi melalui SPLP
    year: 2026
    retires: [e-office-lama]     # no element has this id
```
Use instead: the id of an element of the model (add a planned element first if it is new).
""", since="0.2")

ROADMAP_ITEM_BEFORE_DEPENDENCY = declare("SPBE-P003", "roadmap-item-before-dependency", """
## What it does
Reports a roadmap item scheduled in an earlier year than an item it depends on.

## Why is this bad?
The item needs the other one done first; planned earlier, the plan promises what it cannot
deliver, and the budget of that year is requested too soon.

## Example
```yaml
roadmap:
  - {id: rm-splp, name: Tenant SPLP, year: 2027}
  - {id: rm-nik, name: NIK melalui SPLP, year: 2026, depends_on: [rm-splp]}
```
Use instead: move `rm-nik` to 2027 or later, or `rm-splp` earlier.
""", since="0.2")

ROADMAP_CHANGE_INVALID = declare("SPBE-P004", "roadmap-change-invalid", """
## What it does
Reports a roadmap change the element cannot take: a field it does not have, a value of the
wrong type or outside its vocabulary, a change of its id, or an element added or retired that
has no `status` (infrastructure aside: an item may retire a data centre or a network, which is
then gone from the model from its year).

## Why is this bad?
Applied to the model, the change would make an element that validation rejects; the roadmap
would compute the index of a model that cannot exist.

## Example
```yaml
roadmap:
  - id: rm-2026-splp
    name: Integrasi melalui SPLP
    year: 2026
    changes:
      - {element: int-simbg-izin, set: {via: spl}}   # not a mechanism
```
Use instead: `set: {via: splp}`.
""", since="0.2")

ROADMAP_RETIRES_WHAT_IS_IN_USE = declare("SPBE-P005", "roadmap-retires-what-is-in-use", """
## What it does
Reports a roadmap item that retires a data centre or a network which, in the model of its
year (the items up to then applied), active applications are still hosted on, integrations
still run over or units still use.

## Why is this bad?
Closing the vendor's server before its applications have moved stops them; the plan's
trajectory would count a landscape that cannot run. Their hosting becomes unknown in the
years after, as if nobody knew where they run.

## Example
```yaml
roadmap:
  - id: rm-2026-tutup-server-vendor
    name: Tutup server vendor pajak
    year: 2026
    retires: [vendor-pajak]          # e-pbb is still hosted there in 2026
```
Use instead: move what runs there first, in that item or an earlier one:
`changes: [{element: e-pbb, set: {hosting: pdn}}]`.
""", since="0.4")

ROADMAP_ITEM_OVERDUE = declare("SPBE-P006", "roadmap-item-overdue", """
## What it does
Reports a roadmap item planned for a year before the latest year the model is assessed for
(its `assessment:` entries) that is still `planned` or in `development`: done but not marked
so, or late.

## Why is this bad?
The roadmap applies it after the model as it is, which stands for that later year: if it is
done, the model shows its changes already and the plan counts them as to come; if it is late,
the plan shows it where it no longer is.

## Example
```yaml
assessment:
  - {indicator: 1, year: 2025, level: 2}
roadmap:
  - {id: rm-2024-tenant-splp, name: Tenant SPLP, year: 2024}
```
Use instead: `status: active` if it is done, else `year: 2025` or later.
""", severity=Severity.warning, since="0.4")

ROADMAP_STATUS_ALREADY_THERE = declare("SPBE-P007", "roadmap-status-already-there", """
## What it does
Reports a roadmap item still to be done (`planned` or in `development`) that adds an element
already active in the model, or retires one already retired (not in a model of the target
architecture, `instansi.to_be`, which shows the items done).

## Why is this bad?
The model as it is has the element already as the item would leave it: the trajectory counts
what the item promises as done today, and the item's own year shows no change. Most often the
new element was written without `status: planned`.

## Example
```yaml
applications:
  - {id: super-app, name: Super App, kind: khusus, owner: diskominfo}   # active by default
roadmap:
  - {id: rm-2028-super-app, name: Super App, year: 2028, adds: [super-app]}
```
Use instead: `status: planned` on the element the item adds, or `status: active` on the item
if it is done.
""", severity=Severity.warning, since="0.4")
