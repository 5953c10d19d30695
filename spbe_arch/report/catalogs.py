"""The message catalogs: which messages the package writes, and keeping the `.po` files whole.

A message is a msgid marked in the code (`gettext(...)` imported as `_`, or `N_(...)` where a
template is declared), or a rule's name (translated to its title: `unit-outside-jip` is
"Units outside JIP", "Unit kerja di luar JIP") or summary (the first sentence of its docs),
which the report shows. `python -m spbe_arch.report.catalogs` adds new messages to both catalogs
(English ones filled with the msgid itself, Indonesian ones left for a translator) and drops
messages no longer in the code; `missing(lang)` lists those a catalog does not translate (a
test fails on any).
"""

from pathlib import Path

from ..model.i18n import DOMAIN, LANGS, catalog_path

__all__ = ["messages", "missing", "update"]

_PACKAGE = Path(__file__).resolve().parent.parent
_KEYWORDS = {"_": None, "N_": None, "gettext": None}


def messages() -> dict[str, list[tuple[str, int]]]:
    """msgid -> where it is written (file relative to the package, line), sorted by msgid."""
    from babel.messages.extract import extract_from_dir

    from ..model.rules import RULES

    found: dict[str, list[tuple[str, int]]] = {}
    for file, line, message, _comments, _context in extract_from_dir(
        str(_PACKAGE), method_map=[("**.py", "python"), ("**/templates/**.html", "jinja2")],
        keywords=_KEYWORDS,
    ):
        if isinstance(message, str) and message:
            found.setdefault(message, []).append((file, line))
    for code, rule in RULES.items():
        found.setdefault(rule.name, []).append((f"rule {code}", 0))  # its title
        if rule.summary:
            found.setdefault(rule.summary, []).append((f"rule {code}", 0))
    return dict(sorted(found.items()))


def _read(lang: str):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = catalog_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def missing(lang: str) -> list[str]:
    """The package's messages that the catalog of `lang` does not translate."""
    catalog = _read(lang)
    return [
        msgid
        for msgid in messages()
        if (entry := catalog.get(msgid)) is None or not entry.string or entry.fuzzy
    ]


def update() -> dict[str, int]:
    """Bring both catalogs in line with the code; return how many messages each lacks."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    found = messages()
    out = {}
    for lang in LANGS:
        old = _read(lang)
        new = Catalog(
            locale=lang, domain=DOMAIN, project="spbe-arch", fuzzy=False,
            creation_date=old.creation_date, revision_date=old.revision_date,
            header_comment=f"# {'Indonesian' if lang == 'id' else 'English'} messages of "
            "spbe-arch.",
        )
        for msgid, where in found.items():
            entry = old.get(msgid)
            string = entry.string if entry is not None and entry.string else ""
            if not string and lang == "en":
                string = msgid
            new.add(msgid, string, locations=where)
        path = catalog_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, new, width=100, omit_header=False, sort_output=True,
                     include_previous=False, include_lineno=False)
        out[lang] = sum(1 for msgid in found if not new[msgid].string)
    return out


if __name__ == "__main__":
    for lang, count in update().items():
        print(f"{catalog_path(lang)}: {count} untranslated")
