"""Waiver rules (family W): waivers that no longer do what they say."""

from ..finding import Severity
from .table import declare

__all__ = ["BROAD_WAIVER", "EXPIRED_WAIVER", "OPEN_ENDED_WAIVER", "REASONLESS_WAIVER",
           "UNKNOWN_WAIVER_CODE", "UNMATCHED_WAIVER"]

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

REASONLESS_WAIVER = declare("SPBE-W005", "reasonless-waiver", """
## What it does
Reports a waiver whose `reason` gives no reason: a placeholder ('-', 'TBD', 'n/a', 'belum',
'...') or no word at all.

## Why is this bad?
A waiver accepts a finding because of something: a contract that ends, a tenant SPLP has not
opened yet. Without it, whoever reviews the waiver when it expires cannot tell whether that
reason still holds, and the evaluator reading the model sees a finding hidden for nothing.

## Example
```yaml
waivers:
  - code: SPBE-A0NN
    element: e-pbb
    reason: "-"
    until: 2026-12-31
```
Use instead: say why it is accepted, e.g. `reason: kontrak vendor berakhir Desember 2026`.
""", severity=Severity.warning, since="0.5")

OPEN_ENDED_WAIVER = declare("SPBE-W006", "open-ended-waiver", """
## What it does
Reports a waiver whose `until` is more than five years away (a Peta Rencana SPBE's span): a
date such as 9999-12-31 that stands for "never".

## Why is this bad?
A waiver accepts a finding for a time, to be looked at again when it expires; one that never
expires hides the finding for good, and no review ever sees it again.

## Example
```yaml
waivers:
  - code: SPBE-A0NN
    element: e-pbb
    reason: aplikasi warisan
    until: 9999-12-31
```
Use instead: the date by which the reason should be looked at again (at most five years), or
turn the rule off for the model (`severity:`) when it does not apply to it at all.
""", severity=Severity.warning, since="0.5")
