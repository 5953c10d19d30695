"""Load an evaluation framework file, by id from the shipped catalog or by path."""

from functools import cache
from math import fsum
from pathlib import Path

from ..io import SpbeError, catalog_dir, parse_file
from ..model.framework import Framework
from ..model.i18n import N_
from ..model.i18n import gettext as _

__all__ = ["DEFAULT_FRAMEWORK", "MODEL_FRAMEWORKS", "Framework", "framework_ids", "load_framework"]

DEFAULT_FRAMEWORK = "permenpanrb-59-2020"
"""The framework of an instansi that names none (PermenPANRB 59/2020)."""

MODEL_FRAMEWORKS = "frameworks"
"""A model folder's subfolder where an id is looked up first (`frameworks/ID.yaml`)."""

_SUFFIXES = (".yaml", ".yml", ".json")
_WEIGHT_TOLERANCE = 1e-9


def framework_ids() -> list[str]:
    """Ids of the frameworks shipped in `models/frameworks/`."""
    folder = catalog_dir() / "frameworks"
    return sorted(path.stem for path in folder.iterdir() if path.suffix in _SUFFIXES)


def load_framework(ref: str | Path | None = None, *, root: Path | None = None) -> Framework:
    """The framework `ref`: an id (e.g. ``permenpanrb-59-2020``) or a file path.

    With a model folder `root`, a relative path resolves from that folder (not from the
    current directory), and an id is first looked up as `frameworks/ID.yaml`, then `ID.yaml`
    inside it, so that a pemda can keep the framework of an older evaluation with its model;
    then in the shipped catalog (`models/frameworks/`).

    The file is validated against `schemas/framework.schema.json` with `jsonschema`, then for
    consistency (references between domains, aspects and indicators; domain weights equal to
    the sum of their indicators; levels numbered 1..n; predikat bands from high to low).
    Indicator weights may sum to anything: the index divides by their sum.

    Raises
    ------
    SpbeError
        Unknown id, unreadable file, or a file that breaks the schema or is inconsistent; the
        message names the file and the problem.

    Examples
    --------
    >>> framework = load_framework()
    >>> framework.id, len(framework.indicators), framework.total_weight
    ('permenpanrb-59-2020', 47, 100.0)
    """
    path = _resolve(ref or DEFAULT_FRAMEWORK, root)
    return _load(path, path.stat().st_mtime_ns)


def _resolve(ref: str | Path, root: Path | None) -> Path:
    text = str(ref)
    path = Path(ref)
    if isinstance(ref, Path) or "/" in text or "\\" in text or path.suffix in _SUFFIXES:
        if root is not None and not path.is_absolute():
            path = root / path
        if not path.is_file():
            raise SpbeError(_("{path}: framework file not found").format(path=path))
        return path.resolve()
    folders = [catalog_dir() / "frameworks"]
    if root is not None:
        folders[:0] = [root / MODEL_FRAMEWORKS, root]
    for folder in folders:
        for suffix in _SUFFIXES:
            candidate = folder / f"{text}{suffix}"
            if candidate.is_file():
                return candidate.resolve()
    raise SpbeError(_(
        "unknown framework '{framework}'; shipped frameworks: {shipped} (or keep it as "
        "{folder}/{framework}.yaml in the model folder, or give the path of a framework file)"
    ).format(framework=text, shipped=", ".join(framework_ids()), folder=MODEL_FRAMEWORKS))


@cache
def _load(path: Path, _modified: int) -> Framework:
    """The framework of the file at `path`, read once per version of it (`_modified`: a
    framework file kept with a model may be edited while a process keeps running)."""
    parsed = parse_file(path, path.parent)
    if parsed.error is not None:
        raise SpbeError(f"{path}:{parsed.line}:{parsed.column}: {parsed.error}")
    if not path.is_relative_to((catalog_dir() / "frameworks").resolve()):
        _check_schema(path, parsed.data)  # the shipped files are checked by the test suite
    framework = Framework.model_validate(parsed.data)
    problems = list(_inconsistencies(framework))
    if problems:
        raise SpbeError(_("{path}: inconsistent framework: {problems}").format(
            path=path, problems="; ".join(problems)))
    domains = [d if d.weight is not None else d.model_copy(update={"weight": fsum(
        i.weight for i in framework.indicators if i.domain == d.id)}) for d in framework.domains]
    return framework.model_copy(update={"domains": domains})


def _check_schema(path: Path, data: object) -> None:
    """Raise `SpbeError` naming the first place `data` breaks the framework schema, in words
    a pemda's framework author can act on (pydantic's alone would be less precise).

    jsonschema is imported here only: it takes a quarter of a second, which `validate` does
    not pay for the shipped framework."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    from ..model.schema import framework_schema

    errors = list(Draft202012Validator(framework_schema()).iter_errors(data))
    if errors:
        first = best_match(errors)
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first.absolute_path)
        more = _(" (and {count} more)").format(count=len(errors) - 1) if len(errors) > 1 else ""
        raise SpbeError(_("{path}: invalid framework at '{where}': {problem}").format(
            path=path, where=where.lstrip(".") or _("(top)"),
            problem=_schema_problem(first) + more))


_SCHEMA_PROBLEMS = {
    "minimum": N_("{value} is less than the minimum of {limit}"),
    "exclusiveMinimum": N_("{value} is less than or equal to the minimum of {limit}"),
    "maximum": N_("{value} is greater than the maximum of {limit}"),
    "type": N_("{value} is not of type {limit}"),
    "enum": N_("{value} is not one of {limit}"),
    "pattern": N_("{value} does not match {limit}"),
}
"""JSON Schema keyword -> what breaking it means (jsonschema's own English wording)."""


def _schema_problem(error) -> str:
    """A jsonschema error in the language in force; other keywords keep jsonschema's text."""
    keyword, limit = error.validator, error.validator_value
    if keyword in _SCHEMA_PROBLEMS:
        several = keyword == "type" and isinstance(limit, list)
        shown = ", ".join(map(repr, limit)) if several else repr(limit)
        return _(_SCHEMA_PROBLEMS[keyword]).format(value=repr(error.instance), limit=shown)
    if keyword == "required" and isinstance(error.instance, dict):
        missing = [name for name in limit if name not in error.instance]
        return _("{name} is a required property").format(name=repr(missing[0]))
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return (_("Additional properties are not allowed ({names} was unexpected)")
                if len(extra) == 1 else
                _("Additional properties are not allowed ({names} were unexpected)")).format(
            names=", ".join(map(repr, extra)))
    return str(error.message)


def _inconsistencies(framework: Framework):
    for twice, items in (
        (_("domain {id} is defined twice"), framework.domains),
        (_("aspect {id} is defined twice"), framework.aspects),
        (_("indicator {id} is defined twice"), framework.indicators),
    ):
        seen: set = set()
        for item in items:
            if item.id in seen:
                yield twice.format(id=item.id)
            seen.add(item.id)
    levels = sorted(entry.level for entry in framework.levels)
    if levels != list(range(1, len(levels) + 1)):
        yield _("levels must be numbered 1..{count}, got {levels}").format(
            count=len(levels), levels=levels)
    for domain in framework.domains:
        if domain.levels is not None and sorted(e.level for e in domain.levels) != levels:
            yield _("domain {id} levels must be numbered like the framework's").format(
                id=domain.id)
    domains = {domain.id: domain for domain in framework.domains}
    aspects = {aspect.id: aspect for aspect in framework.aspects}
    for aspect in framework.aspects:
        if aspect.domain not in domains:
            yield _("aspect {id} names unknown domain {domain}").format(
                id=aspect.id, domain=aspect.domain)
    for indicator in framework.indicators:
        aspect = aspects.get(indicator.aspect)
        if indicator.domain not in domains:
            yield _("indicator {id} names unknown domain {domain}").format(
                id=indicator.id, domain=indicator.domain)
        elif aspect is None:
            yield _("indicator {id} names unknown aspect {aspect}").format(
                id=indicator.id, aspect=indicator.aspect)
        elif aspect.domain != indicator.domain:
            yield _(
                "indicator {id} is in domain {domain} but its aspect {aspect} is in domain "
                "{aspect_domain}"
            ).format(id=indicator.id, domain=indicator.domain, aspect=aspect.id,
                     aspect_domain=aspect.domain)
    for domain in framework.domains:
        total = sum(i.weight for i in framework.indicators if i.domain == domain.id)
        if domain.weight is not None and abs(total - domain.weight) > _WEIGHT_TOLERANCE:
            yield _(
                "domain {id} weight is {weight} but its indicators' weights sum to {total}"
            ).format(id=domain.id, weight=f"{domain.weight:g}", total=f"{total:g}")
    minimums = [band.min for band in framework.predikat]
    if minimums != sorted(minimums, reverse=True) or len(set(minimums)) != len(minimums):
        yield _("predikat bands must be listed from the highest 'min' to the lowest, each "
                "distinct")
    elif minimums[-1] != 0:
        yield _("the lowest predikat band must have 'min: 0' so that every index has a "
                "predikat")
