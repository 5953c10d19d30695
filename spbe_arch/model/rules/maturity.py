"""Maturity rules (family M): problems of the self-assessment and of service indicators."""

from ..finding import Severity
from .table import declare

__all__ = [
    "ASSESSMENT_ABOVE_MODEL",
    "ASSESSMENT_LEVEL_OUT_OF_RANGE",
    "ASSESSMENT_OTHER_FRAMEWORK",
    "DUPLICATE_ASSESSMENT",
    "EVIDENCE_AFTER_ASSESSMENT",
    "EVIDENCE_NAMES_NO_DOCUMENT",
    "FRAMEWORK_NOT_LOADED",
    "FRAMEWORK_SHADOWED",
    "FUTURE_ASSESSMENT",
    "SERVICE_KIND_MISMATCH",
    "SHARED_EVIDENCE",
    "UNKNOWN_ASSESSMENT_INDICATOR",
    "UNKNOWN_SERVICE_INDICATOR",
    "VERIFIED_WITHOUT_EVALUATION",
]



UNKNOWN_ASSESSMENT_INDICATOR = declare("SPBE-M001", "unknown-assessment-indicator", """
## What it does
Reports a self-assessment entry whose `indicator` is not an indicator of the instansi's
evaluation framework (for PermenPANRB 59/2020: 1 to 47; other frameworks use ids such as
`35-2`).

## Why is this bad?
The level would count for nothing, and the indicator the team meant stays unrated; the index
estimate is lower than the team believes.

## Example
```yaml
assessment:
  - indicator: 48        # the framework has 47 indicators
    year: 2024
    level: 3
```
Use instead: the number of the indicator in `models/frameworks/permenpanrb-59-2020.yaml`.
""")

DUPLICATE_ASSESSMENT = declare("SPBE-M002", "duplicate-assessment-indicator", """
## What it does
Reports an indicator assessed more than once for the same year; the entry with the lower
level is used.

## Why is this bad?
Two levels for one indicator leave it unclear which one the bukti dukung support; the
evaluator rates each indicator once.

## Example
```yaml
assessment:
  - {indicator: 19, year: 2024, level: 3}
  - {indicator: 19, year: 2024, level: 4}
```
Use instead: one entry per indicator and year.
""", severity=Severity.warning)

UNKNOWN_SERVICE_INDICATOR = declare("SPBE-M003", "unknown-service-indicator", """
## What it does
Reports a service whose `indicator` is not a service indicator of the framework (for
PermenPANRB 59/2020: 32 to 47).

## Why is this bad?
The service's level is used only for the indicator it names; with a wrong number it raises
no indicator, or would raise one that is not about services.

## Example
```yaml
services:
  - id: layanan-arsip
    kind: administration
    level: transaksi
    indicator: 18          # 18 is the SPLP indicator, not a service
```
Use instead: `indicator: 37` (layanan kearsipan dinamis).
""", severity=Severity.warning)

ASSESSMENT_ABOVE_MODEL = declare("SPBE-M004", "assessment-above-model-evidence", """
## What it does
Reports a self-assessed level that does not count in full: the architecture model shows a
lower level for the same indicator (claiming level 4 for the SPLP indicator while
integrations between units bypass SPLP), or the level needs documents the entry does not
name (levels 4 and 5 outside the service indicators, optimum for a service, and any level
the model shows nothing of, such as a policy's: without bukti dukung it counts as level 1).
The lower level counts in the index, unless the evaluator's `verified` level is recorded.

## Why is this bad?
The evaluator compares the claim with what the architecture and the bukti dukung show and
rates the lower one; the estimate, and the plan, should not count on the higher level.

## Example
```yaml
assessment:
  - indicator: 18
    year: 2024
    level: 4             # but int-simpeg-eoffice connects two units with api_direct
```
Use instead: route the integrations through SPLP (`via: splp`) and name the bukti dukung
under `evidence:`, or assess level 2.
""", severity=Severity.warning)

ASSESSMENT_LEVEL_OUT_OF_RANGE = declare("SPBE-M005", "assessment-level-out-of-range", """
## What it does
Reports a self-assessed level above the highest level of the framework.

## Why is this bad?
A framework with fewer than five levels cannot rate an indicator at level 5; the entry is
ignored.

## Example
```yaml
assessment:
  - {indicator: 2, year: 2024, level: 5}   # the framework has levels 1 to 4
```
Use instead: a level the framework defines.
""")

ASSESSMENT_OTHER_FRAMEWORK = declare("SPBE-M006", "assessment-for-another-framework", """
## What it does
Reports an assessment entry made for another evaluation framework than the one being rated:
its `framework:`, or the instansi's `framework` in spbe.yaml when the entry names none,
differs from the framework of the run (`--framework`). The entry is not used.

## Why is this bad?
Indicator numbers of different frameworks mean different things (indicator 18 of the 2018
evaluation is not indicator 18 of PermenPANRB 59/2020): rating one framework's levels
against another's weights gives a number that looks right and means nothing.

## Example
```yaml
assessment:
  - {indicator: 35-2, year: 2018, level: 2, framework: evaluasi-spbe-2018}
```
rated with `spbe-arch maturity MODEL` (PermenPANRB 59/2020).
Use instead: `spbe-arch maturity MODEL --framework evaluasi-spbe-2018`.
""")

EVIDENCE_AFTER_ASSESSMENT = declare("SPBE-M007", "evidence-after-assessment-year", """
## What it does
Reports a bukti dukung whose `year` is later than the evaluation year of its assessment entry.
The document does not support that year's level: an entry whose every document is later counts
as an entry without bukti dukung. Without `year:`, the year its title gives counts ('Peraturan
Bupati Nomor 3 Tahun 2026 ...', 'Perbup 12/2022'); a `year:` written as a date ('2025-03-01',
'Desember 2025') gives its year.

## Why is this bad?
The evaluator rates what existed in the year evaluated; a decree signed the year after does not
raise the level of the year before, and an estimate that counts it overstates the index.

## Example
```yaml
assessment:
  - indicator: 19
    year: 2025
    level: 4
    evidence:
      - {title: SK Tim Koordinasi SPBE, year: 2026}
```
Use instead: a document of 2025 or before, or the entry of the year the document supports.
""", severity=Severity.warning)

FRAMEWORK_NOT_LOADED = declare("SPBE-M008", "framework-not-loaded", """
## What it does
Reports a `framework:` in spbe.yaml that names no framework the tool can load: an id that is
neither shipped nor kept in the model folder (`frameworks/ID.yaml`), a file that does not
exist, or a framework file with errors. `validate` reports it with the other problems of the
model; `maturity` cannot run without it.

## Why is this bad?
The assessment entries and the services' indicators mean nothing without their framework: the
index cannot be estimated, and the report has no maturity section.

## Example
```yaml
instansi:
  id: kab-sukamaju
  name: Pemerintah Kabupaten Sukamaju
  level: kabupaten
  framework: permenpanrb-59-2021    # the shipped framework is permenpanrb-59-2020
```
Use instead: a shipped id (`spbe-arch maturity --help` lists them), or the path of the
framework file kept with the model.
""")

SERVICE_KIND_MISMATCH = declare("SPBE-M009", "service-of-another-kind", """
## What it does
Reports a service whose `indicator` rates services of the other kind: a public service
(`kind: public`) named on an indicator of government administration services, or the reverse
(for PermenPANRB 59/2020: 32 to 41 rate administration services, 42 to 47 public services).
The service's level does not count for that indicator.

## Why is this bad?
The evaluator rates an administration indicator by the administration service it is about; a
public service's level says nothing of it, and counting it would raise the index with a claim
about something else.

## Example
```yaml
services:
  - id: svc-kesehatan
    kind: public
    level: transaksi
    indicator: 37          # layanan kearsipan dinamis, an administration service
```
Use instead: the indicator of its kind (a public service of the health sector: 45, 46 or 47),
or correct `kind:` if the service is an administration service.
""", severity=Severity.warning)

EVIDENCE_NAMES_NO_DOCUMENT = declare("SPBE-M010", "evidence-names-no-document", """
## What it does
Reports a bukti dukung whose `title` names no document: a placeholder that says a document
exists or not ('-', 'ada', 'tidak ada', 'terlampir', 'menyusul', '?'), a denial ('Tidak ada
dokumen', 'Belum ada SK'), generic words and numbers only ('Dokumen 1', 'Lampiran', 'Foto
kegiatan', 'bukti_dukung_final_v2.docx'), a kind of document with neither its number nor its
subject ('SK', 'Peraturan Bupati', 'Laporan Tahunan'; 'Perbup 12/2022' and 'SK Tim Koordinasi
SPBE' name one), a draft ('Rancangan Peraturan Bupati ...': not in force), a web address only
(where the document is, not which) or no word at all. It supports no level: an entry whose
every document is such a title counts as an entry without bukti dukung.

## Why is this bad?
The evaluator rates a level by the documents uploaded for it; "ada" is a claim that one
exists, not the document, and an estimate that counts it overstates the index. A spreadsheet
column of yes/no marks pasted into `evidence:` looks documented and is not.

## Example
```yaml
assessment:
  - indicator: 43
    year: 2025
    level: 4
    evidence:
      - {title: "-"}
```
Use instead: the document's title, with its link and year
(`{title: Keputusan Bupati Nomor 45 Tahun 2024 tentang Portal Data Terbuka, year: 2024}`), or
no `evidence:` until it is found.
""", severity=Severity.warning)

FUTURE_ASSESSMENT = declare("SPBE-M011", "assessment-year-in-the-future", """
## What it does
Reports an assessment entry whose `year` is after the current year: an evaluation that has
not happened yet, most often a typo (`2052` for `2025`). `maturity` rates by default the
latest year assessed up to the current one, not that year, and its trajectory of the years
assessed leaves it out.

## Why is this bad?
The entries of one year are rated together: a single entry in the future made the estimate
rate that year alone, with every other indicator unrated, and the index of the real year was
not shown at all.

## Example
```yaml
assessment:
  - {indicator: 11, year: 2052, level: 3}
```
Use instead: the evaluation year (`year: 2025`); plans for coming years belong in
`roadmap:`.
""", severity=Severity.warning)

VERIFIED_WITHOUT_EVALUATION = declare("SPBE-M012", "verified-without-evaluation", """
## What it does
Reports a year whose assessment entries give `verified:` levels while `evaluations:` names no
evaluator's result of that year (the document the verified levels come from: the *Laporan Hasil
Evaluasi SPBE*, a title that names a document, as for bukti dukung). Until it is named, the
year's verified levels count as claims: each entry counts as if it claimed the lower of its
`level` and its `verified`, held to what the model shows and to its bukti dukung like any
claim, and the year's index is no published result.

## Why is this bad?
A verified level counts in full, above what the model shows: it is the evaluator's, not the
instansi's. A number typed under `verified:` with nothing to check it against would let any
claim pass as the evaluator's and lift the index to whatever was written.

## Example
```yaml
assessment:
  - {indicator: 18, year: 2024, level: 4, verified: 4}
# no evaluations: entry for 2024
```
Use instead: name the result the levels were copied from
(`evaluations: [{year: 2024, title: Laporan Hasil Evaluasi SPBE Tahun 2024 Pemerintah Kabupaten
Lembah Hijau, link: https://...}]`), or leave `verified:` out until it is published.
""", severity=Severity.warning)

SHARED_EVIDENCE = declare("SPBE-M013", "one-document-for-many-indicators", """
## What it does
Reports a bukti dukung named for more than 10 indicators of one year (the same title, case and
spacing aside): one document is then said to show policies, plans, services and audits alike.
The levels still count (whether the document covers an indicator is the evaluator's judgement,
not the tool's), and the finding lists the indicators to check. Ten is the internal policies of
PermenPANRB 59/2020 (indicators 1 to 10), which one Peraturan Bupati on SPBE may well set.

## Why is this bad?
The evaluator reads each indicator's bukti dukung for what that indicator asks; an annual
report named under every indicator documents few of them, and an estimate that counts it for
all overstates the index.

## Example
```yaml
assessment:
  - {indicator: 1, year: 2025, level: 5, evidence: [{title: Laporan Tahunan Diskominfo 2024}]}
  - {indicator: 2, year: 2025, level: 5, evidence: [{title: Laporan Tahunan Diskominfo 2024}]}
  # ... and so on for 31 indicators
```
Use instead: each indicator's own document (the Peraturan Bupati on the Arsitektur SPBE for
indicator 11, the SK of the Tim Koordinasi SPBE for indicator 19, ...).
""", severity=Severity.warning)

FRAMEWORK_SHADOWED = declare("SPBE-M014", "framework-shadowing-the-shipped-one", """
## What it does
Reports a framework kept in the model folder (`frameworks/ID.yaml`) under the id of a shipped
one (`permenpanrb-59-2020`) whose content differs from it: other weights, levels, indicators
or predikat bands. The model's file is the one used, as the folder's frameworks come first.

## Why is this bad?
The index, the predikat and the report then say "PermenPANRB 59/2020" while a copy with other
bands rates the model: moving a predikat edge from 2.6 to 2.5 turns a Baik into a Sangat Baik
that no evaluator would give.

## Example
```text
frameworks/permenpanrb-59-2020.yaml   # a copy whose predikat bands were edited
```
Use instead: give a framework of your own its own id (`evaluasi-spbe-2018`, say) and name it
in `spbe.yaml`; keep the regulation's under its id untouched.
""", severity=Severity.warning)
