"""Waiver rules (family W): waivers that no longer do what they say."""

from ..finding import Severity
from .table import declare

__all__ = ["BROAD_WAIVER", "EXPIRED_WAIVER", "UNKNOWN_WAIVER_CODE", "UNMATCHED_WAIVER"]

EXPIRED_WAIVER = declare("SPBE-W001", "expired-waiver", """
## What it does
Reports a waiver whose `until` date has passed. The finding it waived counts again.

## Why is this bad?
A waiver accepts a finding for a time, with a reason; once that time is over the reason must
be looked at again, or the finding fixed.

## Example
```yaml
waivers:
  - code: SPBE-A0NN     # the code of an audit finding on e-pbb
    element: e-pbb
    reason: kontrak vendor berakhir Desember 2025
    until: 2025-12-31
```
Use instead: fix the finding and remove the waiver, or give a new date with a new reason.
""", severity=Severity.warning, since="0.2")

UNMATCHED_WAIVER = declare("SPBE-W002", "unmatched-waiver", """
## What it does
Reports a waiver that accepts no finding: the element has no finding with that code (it was
fixed, renamed or never had one). Checked where the rules of the code ran: validation codes by
every command, audit codes by `audit`, maturity codes by `maturity`.

## Why is this bad?
A stale waiver would silently accept the finding if it came back later, without anyone
reviewing the reason.

## Example
```yaml
waivers:
  - code: SPBE-A0NN            # the SPLP bypass finding
    element: int-simbg-izin      # now via splp: no finding any more
    reason: menunggu tenant SPLP
    until: 2026-12-31
```
Use instead: remove the waiver.
""", severity=Severity.warning, since="0.2")

UNKNOWN_WAIVER_CODE = declare("SPBE-W003", "unknown-waiver-code", """
## What it does
Reports a waiver whose `code` is no rule of spbe-arch (a typo, or a code from another tool).

## Why is this bad?
The waiver accepts nothing, while the team reading the model believes a finding is accepted,
with a reason and a date, when it is not.

## Example
```yaml
waivers:
  - code: SPBE-A999          # no such rule
    element: e-pbb
    reason: kontrak vendor berakhir Desember 2026
    until: 2026-12-31
```
Use instead: the code of the finding, as `spbe-arch audit` prints it (see docs/rules.md).
""", severity=Severity.warning, since="0.2")

BROAD_WAIVER = declare("SPBE-W004", "broad-waiver", """
## What it does
Reports a waiver of a code that finds several problems of one element (the unintegrated data
flow: one per data set an application reads without integration) that does not say which one
it accepts (`about:`).

## Why is this bad?
The waiver accepts every such finding of the element, those a later change introduces too: a
pull request adding a new unintegrated data flow to a waived application passes unseen.

## Example
```yaml
waivers:
  - code: SPBE-A0NN     # an unintegrated data flow of e-bphtb
    element: e-bphtb
    reason: data pegawai dibaca manual sampai SIMPEG terhubung SPLP
    until: 2026-12-31
```
Use instead: name the data set it accepts, as the finding's `about` gives it:
```yaml
waivers:
  - code: SPBE-A0NN
    element: e-bphtb
    about: data-pegawai
    reason: data pegawai dibaca manual sampai SIMPEG terhubung SPLP
    until: 2026-12-31
```
""", severity=Severity.warning, since="0.4")
