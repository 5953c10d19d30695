"""Validation rules (family R): what the loader and the reference checks report."""

from ..finding import Severity
from .table import declare

__all__ = [
    "DANGLING_REFERENCE",
    "DUPLICATE_ID",
    "EMPTY_FILE",
    "INVALID_IDENTIFIER",
    "INVALID_SEVERITY_OVERRIDE",
    "INVALID_VALUE",
    "MISPLACED_INSTANSI",
    "MISSING_FIELD",
    "MISSING_INSTANSI",
    "RESERVED_ID",
    "SELF_INTEGRATION",
    "SYNTAX_ERROR",
    "UMUM_WITHOUT_PLATFORM",
    "UNIT_PARENT_CYCLE",
    "UNKNOWN_COLLECTION",
    "UNKNOWN_FIELD",
    "UNKNOWN_PLATFORM",
    "WRONG_REFERENCE_KIND",
]



SYNTAX_ERROR = declare("SPBE-R001", "file-syntax-error", """
## What it does
Reports a file that is not valid YAML 1.2 or JSON, including a key written twice in one mapping.

## Why is this bad?
Nothing in the file can be read, so every element in it would be missing from the model.

## Example
```yaml
applications:
  - id: e-office
    name: E-Office
    name: E-Office Kabupaten   # duplicate key
```
Use instead: one `name:` per element.
""", overridable=False)

UNKNOWN_COLLECTION = declare("SPBE-R002", "unknown-collection", """
## What it does
Reports a top-level key that is not one of the model's collections, or a file whose top level
is not a mapping of collections.

## Why is this bad?
A typo such as `aplikasi:` for `applications:` would otherwise drop every element under it
without a word.

## Example
```yaml
aplikasi:
  - id: simpus
```
Use instead: `applications:`.
""", overridable=False)

INVALID_VALUE = declare("SPBE-R003", "invalid-value", """
## What it does
Reports a field whose value has the wrong type, is outside its closed vocabulary (enum), does
not match its pattern (such as an `RAL.01.02` reference code) or is out of range.

## Why is this bad?
Analyses rely on these values: a service level `transaksional` or an application kind `Umum`
cannot be scored or audited.

## Example
```yaml
applications:
  - id: simpus
    kind: Umum        # must be umum or khusus
```
Use instead: `kind: umum`.
""", overridable=False)

UNKNOWN_FIELD = declare("SPBE-R004", "unknown-field", """
## What it does
Reports a key an element does not have. A merge key (`<<: *base`) is reported as such: it is
YAML 1.1, and the model is read as YAML 1.2, which has none.

## Why is this bad?
A misspelt key (`hostng:`) silently loses the information it was meant to carry. Free
extensions belong under `properties:` or `tags:`.

## Example
```yaml
applications:
  - id: simpus
    hostng: pdd-kab
```
Use instead: `hosting: pdd-kab`.
""", overridable=False)

MISSING_FIELD = declare("SPBE-R005", "missing-field", """
## What it does
Reports an element without a required field (for example an application without `owner`).

## Why is this bad?
Required fields are what the audit and the maturity estimate read; without them the element
cannot be placed in the architecture.

## Example
```yaml
applications:
  - id: simpus
    name: SIMPUS
    kind: khusus       # owner is missing
```
Use instead: add `owner: dinkes`.
""", overridable=False)

INVALID_IDENTIFIER = declare("SPBE-R006", "invalid-identifier", """
## What it does
Reports an id, or a reference to an id, that is not lowercase ASCII letters, digits, `.`, `-`
and `_`.

## Why is this bad?
Spaces, capitals and unicode look-alikes (a Cyrillic `а`) make two ids that look the same
differ, and break exchange with ArchiMate tools.

## Example
```yaml
units:
  - id: Dinas Kesehatan
```
Use instead: `id: dinkes`.
""", overridable=False)

DUPLICATE_ID = declare("SPBE-R007", "duplicate-id", """
## What it does
Reports an id used by more than one element anywhere in the model, in any file.

## Why is this bad?
References are by id; with two elements of one id, a reference could mean either.

## Example
```yaml
# units.yaml
units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas}]
# aplikasi/kesehatan.yaml
applications: [{id: dinkes, name: SIMPUS, kind: khusus, owner: dinkes}]
```
Use instead: `id: simpus` for the application.
""", overridable=False)

DANGLING_REFERENCE = declare("SPBE-R008", "dangling-reference", """
## What it does
Reports a reference to an id that no element of the model (nor a national platform, where one
is allowed) has.

## Why is this bad?
The relation it was meant to express is lost: an application whose `hosting` names a missing
data centre escapes the impact analysis of that data centre.

## Example
```yaml
applications:
  - id: simpus
    owner: dinas-kesehatan   # the unit's id is dinkes
```
Use instead: `owner: dinkes`.
""")

WRONG_REFERENCE_KIND = declare("SPBE-R009", "wrong-reference-kind", """
## What it does
Reports a reference to an element of the wrong kind, such as `hosting` naming a unit or a
network, an integration `source` naming a data set, or an integration `target` naming SPLP,
JIP or PDN itself (what data goes through or runs on, not an application to exchange it with).

## Why is this bad?
The graph would connect elements that cannot be related, and the audit would draw wrong
conclusions from it: a link "to SPLP" would count as an integration with another instansi
through SPLP, lifting the index, where no application is named to receive the data (the graph
leaves such a link out).

## Example
```yaml
applications:
  - id: simpus
    hosting: dinkes          # a unit, not a data centre
```
Use instead: `hosting: pdd-kab`.
""")

UNKNOWN_PLATFORM = declare("SPBE-R010", "unknown-national-platform", """
## What it does
Reports an application `platform` that is not a national platform of the shipped catalog
(`models/platforms.yaml`).

## Why is this bad?
Aplikasi umum adoption and duplicate detection rely on knowing which national application a
local instance belongs to.

## Example
```yaml
applications:
  - id: sipd-kab
    kind: umum
    platform: sipd-ri        # the catalog id is sipd
```
Use instead: `platform: sipd`.
""")

SELF_INTEGRATION = declare("SPBE-R011", "self-integration", """
## What it does
Reports an integration whose source and target are the same application.

## Why is this bad?
It integrates nothing and inflates the integration figures of the audit and the index.

## Example
```yaml
integrations:
  - id: int-01
    source: simpus
    target: simpus
    via: splp
```
Use instead: name the application the data goes to.
""")

MISPLACED_INSTANSI = declare("SPBE-R012", "misplaced-instansi", """
## What it does
Reports an `instansi:` block outside the manifest `spbe.yaml`, or more than one.

## Why is this bad?
The model describes one instansi; a second block would leave it unclear which target and
framework apply.

## Example
```yaml
# units.yaml
instansi: {id: kab-x, name: Kabupaten X, level: kabupaten}
```
Use instead: keep `instansi:` in `spbe.yaml` only.
""", overridable=False)

MISSING_INSTANSI = declare("SPBE-R013", "missing-instansi", """
## What it does
Reports a manifest `spbe.yaml` (or single-file model) without an `instansi:` block.

## Why is this bad?
Without it the model has no name, level, framework or evaluation target.

## Example
```yaml
# spbe.yaml
units: []
```
Use instead: start with `instansi: {id: kab-x, name: Kabupaten X, level: kabupaten}`.
""")

RESERVED_ID = declare("SPBE-R014", "reserved-id", """
## What it does
Reports a model element whose id is the id of a national platform (`sipd`, `splp`, ...).

## Why is this bad?
An integration `target: sipd` must mean the national SIPD; a local element of the same id
would make it ambiguous.

## Example
```yaml
applications:
  - id: sipd
    kind: umum
```
Use instead: `id: sipd-kab` with `platform: sipd`.
""")

INVALID_SEVERITY_OVERRIDE = declare("SPBE-R015", "invalid-severity-override", """
## What it does
Reports an entry of `instansi.severity` that names an unknown code, a code whose severity
cannot change, or a severity other than error, warning, info or off.

## Why is this bad?
The override would silently do nothing, and the team would believe a rule is tuned when it is
not.

## Example
```yaml
instansi:
  severity: {SPBE-A999: off}
```
Use instead: a code listed in docs/rules.md.
""")

UNIT_PARENT_CYCLE = declare("SPBE-R016", "unit-parent-cycle", """
## What it does
Reports units whose `parent` chain comes back to itself.

## Why is this bad?
The organisation chart has no top; roll-ups by unit never end.

## Example
```yaml
units:
  - {id: a, name: A, kind: bagian, parent: b}
  - {id: b, name: B, kind: bagian, parent: a}
```
Use instead: give the top unit no parent.
""")

UMUM_WITHOUT_PLATFORM = declare("SPBE-R017", "aplikasi-umum-without-platform", """
## What it does
Reports an application of kind `umum` that does not say which national platform it is.

## Why is this bad?
An aplikasi umum is by definition designated nationally; without `platform:` its adoption
cannot be counted and duplicates of it cannot be found.

## Example
```yaml
applications:
  - id: srikandi-kab
    kind: umum
```
Use instead: add `platform: srikandi`.
""", severity=Severity.warning)

EMPTY_FILE = declare("SPBE-R018", "empty-model-file", """
## What it does
Reports a model file that holds nothing: empty, or only comments.

## Why is this bad?
A file in the model folder is read as part of the model. One that holds nothing is often a
file whose content was lost (saved empty, truncated by a merge) or everything in it was
commented out by mistake; either way, the elements meant to be there are missing.

## Example
```yaml
# aplikasi.yaml
# applications:
#   - id: simpus
```
Use instead: uncomment the collection, or delete the file.
""", severity=Severity.warning)
