"""Reference catalogs shipped with the package (`models/`): national platforms, frameworks.

Inventories name a national system however their authors write it ("e-SAKIP", "Aplikasi
SAKIP", "SIPD RI", its address); `match_platform` finds the catalog entry such a name or
address stands for, and `name_forms` the names an application written "SIMPUS — Sistem
Informasi Manajemen Puskesmas" is known by.
"""

import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple
from urllib.parse import urlsplit

import yaml_rs

from ..model import NationalPlatform

__all__ = [
    "NameForm",
    "PlatformMatcher",
    "address_key",
    "catalog_dir",
    "find_platforms",
    "match_platform",
    "name_forms",
    "name_key",
    "national_platforms",
]


def catalog_dir() -> Path:
    """The `models/` folder: inside the installed wheel, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_data" / "models", package.parent / "models"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reference catalogs not found beside {package}")


def find_platforms(query: str | None = None) -> list[NationalPlatform]:
    """The catalog's platforms (all, by id), or those `query` names: the one its name, acronym,
    alias or address stands for (`match_platform`), then those whose id or name holds it.

    >>> [p.id for p in find_platforms("SRIKANDI Kabupaten")]
    ['srikandi']
    """
    catalog = national_platforms()
    if not query:
        return [catalog[i] for i in sorted(catalog)]
    matched = match_platform(query)
    wanted = name_key(query)
    holding = sorted(i for i, p in catalog.items()
                     if wanted and (wanted in name_key(i) or wanted in name_key(p.name)))
    return [catalog[i] for i in dict.fromkeys([*([matched] if matched else []), *holding])]


@cache
def national_platforms() -> dict[str, NationalPlatform]:
    """National platforms and aplikasi umum by id (read once: every impact analysis asks)."""
    raw = yaml_rs.load((catalog_dir() / "platforms.yaml").read_bytes())
    return {p["id"]: NationalPlatform.model_validate(p) for p in raw["platforms"]}


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_PARENTHESES = re.compile(r"\(([^)]*)\)")
_FILLER = ("aplikasi", "app")
"""Words that open a name without naming the system: "Aplikasi SAKIP" is SAKIP."""
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^\s/]+\.[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})"
                   r"(?::\d+)?(?:[/?#]\S*)?$")
"""An address: a host name, or an IP address as inventories give an intranet application's
('http://10.1.1.5:8080'), with or without scheme, port and path."""


def name_key(text: str) -> str:
    """Case, accents, punctuation and spacing dropped: 'e-SAKIP', 'E SAKIP' -> 'esakip'.

    >>> name_key("SMS  Gateway"), name_key("sms-gateway")
    ('smsgateway', 'smsgateway')
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("", plain.casefold())


class NameForm(NamedTuple):
    """One name an application is known by: its whole name, its acronym or its long name."""

    kind: Literal["name", "acronym", "long name", "short name"]
    text: str
    of: str | None = None
    """The long name an acronym abbreviates, where the name spells it out."""


_DASH = re.compile(r"\s+-\s+|\s*[\u2013\u2014]\s*")
"""The dash between an acronym and its long name: an en or em dash, or a spaced hyphen (the
hyphen of 'e-PBB' or 'SI-JALAN' belongs to the name)."""


def name_forms(text: str) -> tuple[NameForm, ...]:
    """The names an application is known by, its whole name first.

    A name written as an acronym and its long name, separated by a dash or one of them in
    parentheses ('SIMPUS — Sistem Informasi Manajemen Puskesmas', 'Sistem Informasi
    Manajemen Puskesmas (SIMPUS)'), is also known by each. A part is the acronym of another
    when it abbreviates it (`_abbreviates`); then the other is its long name. A name's first
    part is its acronym too when written as one ('e-PBB — PBB-P2 Online', 'SITARU (Tata
    Ruang)': one word with a capital past its first letter), but its other part then names
    nothing alone: a qualifier ('(lama)', '— versi web') or a description is no name. No
    single word of a name counts: 'Sistem Informasi' opens half the names of an inventory.

    Examples
    --------
    >>> [(f.kind, f.text, f.of) for f in name_forms("Sistem Informasi Manajemen Puskesmas"
    ...                                              " (SIMPUS)")][1:]
    [('acronym', 'SIMPUS', 'Sistem Informasi Manajemen Puskesmas'), \
('long name', 'Sistem Informasi Manajemen Puskesmas', 'SIMPUS')]
    >>> [(f.kind, f.text) for f in name_forms("e-PBB — PBB-P2 Online")]
    [('name', 'e-PBB — PBB-P2 Online'), ('acronym', 'e-PBB')]
    >>> [f.kind for f in name_forms("Dashboard (Command Center)")]
    ['name']

    The part before the dash is the name's short name when it holds an acronym and is none
    ('SIMBG Daerah — Sistem Informasi Manajemen Bangunan Gedung'): what people call it.

    >>> [(f.kind, f.text) for f in name_forms("SIMBG Daerah — Sistem Informasi Bangunan")][1:]
    [('short name', 'SIMBG Daerah')]

    A one-word acronym in parentheses opening with the name's first letter is one too, though
    its other letters do not all come from the name ('Sistem Informasi Kinerja Pegawai
    (SIKEPO)'); it spells nothing out (`of` None). One opening otherwise is a qualifier
    ('Aplikasi Absensi (BKPSDM)': the unit).

    >>> [(f.kind, f.text) for f in name_forms("Sistem Informasi Kinerja Pegawai (SIKEPO)")][1:]
    [('acronym', 'SIKEPO'), ('long name', 'Sistem Informasi Kinerja Pegawai')]
    """
    whole = " ".join(text.split())
    forms = [NameForm("name", whole)]
    inside = [" ".join(p.split()) for p in _PARENTHESES.findall(whole)]
    parts = [p for p in (*_DASH.split(_PARENTHESES.sub(" ", whole)), *inside) if p.strip()]
    parts = [p.strip() for p in parts]
    if len(parts) < 2:
        return tuple(forms)
    for short in parts:
        for long in parts:
            if short != long and _abbreviates(short, long):
                forms.append(NameForm("acronym", short, long))
                forms.append(NameForm("long name", long, short))
    first = parts[0]
    if not any(f.kind == "acronym" and f.text == first for f in forms) and _written_as_acronym(
        first
    ):
        forms.append(NameForm("acronym", first))
    dashed = [p.strip() for p in _DASH.split(_PARENTHESES.sub(" ", whole)) if p.strip()]
    if (len(dashed) > 1 and not any(f.text == dashed[0] for f in forms)
            and any(_written_as_acronym(word) for word in dashed[0].split())):
        forms.append(NameForm("short name", dashed[0]))  # 'SIMBG Daerah — Sistem ...'
    outside = " ".join(_PARENTHESES.sub(" ", whole).split())
    for short in inside:  # 'Sistem Informasi Kinerja Pegawai (SIKEPO)': its letters aside
        if (_written_as_acronym(short) and len(outside.split()) > 1
                and name_key(short)[:1] == name_key(outside)[:1]  # not '(BKPSDM)', a unit
                and name_key(short) not in _QUALIFIERS
                and not any(f.kind == "acronym" and f.text == short for f in forms)):
            forms.append(NameForm("acronym", short))
            forms.append(NameForm("long name", outside))
    seen: set[tuple[str, str]] = set()
    unique = []
    for form in forms:
        if (form.kind, name_key(form.text)) not in seen:
            seen.add((form.kind, name_key(form.text)))
            unique.append(form)
    return tuple(unique)


_QUALIFIERS = frozenset({
    "web", "online", "offline", "mobile", "android", "ios", "desktop", "pwa", "lama", "baru",
    "new", "old", "beta", "demo", "api", "app", "apk", "v1", "v2", "v3",
})
"""Words in capitals in parentheses that qualify a name, not abbreviate it: '(WEB)'."""


def _written_as_acronym(part: str) -> bool:
    """One word with a capital past its first letter: 'SIMPUS', 'e-PBB', 'SiRUP'."""
    return (len(part.split()) == 1 and len(name_key(part)) > 1
            and any(c.isupper() for c in part[1:]))


def _abbreviates(short: str, long: str) -> bool:
    """Whether `short` is an acronym of `long`: the letters of `short`, in order, in `long`,
    the first opening it and at least two words giving some (Schwartz and Hearst's test, 2003,
    with the long form a whole part of the name); an opening 'e-' (elektronik) may stand for
    no word. Indonesian acronyms take syllables from inside words ('SIMPAD': sistem informasi
    manajemen PendApatan Daerah), so letters are not held to the words' starts.

    >>> _abbreviates("SIMPUS", "Sistem Informasi Manajemen Puskesmas")
    True
    >>> _abbreviates("e-PBB", "Pajak Bumi dan Bangunan"), _abbreviates("online", "Pajak Online")
    (True, False)
    >>> _abbreviates("e-Office", "Tata Naskah Dinas Elektronik")
    False
    """
    words = [key for key in map(name_key, long.split()) if key]
    if len(words) < 2 or len(short.split()) > 2:
        return False
    letters = name_key(short)
    tries = [letters, letters[1:]] if short[:2].casefold() == "e-" else [letters]
    return any(1 < len(key) < len("".join(words)) and _spelled(key, words) for key in tries)


def _spelled(letters: str, words: list[str]) -> bool:
    """`letters` in order in `words`, the first opening the first word, drawing on two words
    or more."""
    if words[0][0] != letters[0]:
        return False
    used = {0}
    position = 1
    for index, word in enumerate(words):
        for char in word[1 if index == 0 else 0:]:
            if position < len(letters) and char == letters[position]:
                position += 1
                used.add(index)
    return position == len(letters) and len(used) > 1


def _keys(text: str) -> set[str]:
    """The keys a name is known by: itself, without its parenthesis, the parenthesis alone, and
    without an opening filler word ('Aplikasi ...')."""
    variants = {text, _PARENTHESES.sub(" ", text), *_PARENTHESES.findall(text)}
    for variant in list(variants):
        words = variant.split()
        if len(words) > 1 and name_key(words[0]) in _FILLER:
            variants.add(" ".join(words[1:]))
    return {key for key in map(name_key, variants) if key}


def address_key(address: str) -> str | None:
    """An address as host (a name or an IP address), port and path, without scheme, `www.`,
    query or trailing slash, so that two ways of writing one address compare equal; None for
    text that is no address ('-', '=', 'intranet').

    >>> address_key("https://www.sms.kab.go.id/"), address_key("sms.kab.go.id/app?x=1")
    ('sms.kab.go.id', 'sms.kab.go.id/app')
    >>> address_key("http://10.1.1.5:8080/simpeg/"), address_key("10.1.1.6:8080")
    ('10.1.1.5:8080/simpeg', '10.1.1.6:8080')
    """
    text = address.strip().casefold()
    if not _HOST.match(text):
        return None
    parts = urlsplit(text if "://" in text else "//" + text)
    try:
        port = f":{parts.port}" if parts.port not in (None, 80, 443) else ""
    except ValueError:  # a port past 65535: no address
        return None
    if parts.hostname is None:
        return None
    return parts.hostname.removeprefix("www.") + port + parts.path.rstrip("/")


def _host(address: str) -> str | None:
    """The host name of an address written with or without its scheme, without `www.`."""
    text = address.strip().casefold()
    if not _HOST.match(text):
        return None
    host = urlsplit(text if "://" in text else "//" + text).hostname
    if host is None:
        return None
    return host.removeprefix("www.")


class PlatformMatcher:
    """Finds the platform a free-text name or an address stands for.

    Parameters
    ----------
    platforms
        Platforms by id: the catalog's, or the catalog's and a model's own.

    Examples
    --------
    >>> match = PlatformMatcher(national_platforms())
    >>> match("Aplikasi e-SAKIP"), match("SIPD (Sistem Informasi Pemerintahan Daerah)")
    ('e-sakip', 'sipd')
    >>> match("https://sipd.kemendagri.go.id/siap/login"), match("SIMPUS")
    ('sipd', None)
    >>> match("SIMDA Gaji"), match("SIPD dan SIMDA")
    ('simda', None)
    >>> match("Dukcapil"), match("Antrian Dukcapil")
    ('siak', None)
    """

    def __init__(self, platforms: Mapping[str, NationalPlatform]) -> None:
        by_key: dict[str, set[str]] = {}
        self._domains: dict[str, str] = {}
        for platform_id, platform in platforms.items():
            for name in (platform_id, platform.name, *platform.aliases):
                for key in _keys(name):
                    by_key.setdefault(key, set()).add(platform_id)
            hosts = [platform.url, *platform.domains] if platform.url else platform.domains
            for address in hosts:
                host = _host(address)
                if host is not None:
                    self._domains[host] = platform_id
        # a key two platforms share names neither
        self._names = {key: next(iter(ids)) for key, ids in by_key.items() if len(ids) == 1}
        self._words = {
            name_key(name): self._names[name_key(name)]
            for platform_id, platform in platforms.items()
            for name in (platform_id, *filter(_written_as_acronym, platform.aliases))
            if len(name.split()) == 1 and name_key(name) in self._names
        }
        """Single-word ids and acronyms ('SIMDA', 'e-Kinerja'), found as a word of a longer
        name; a plain word ('Dukcapil', the operator's name) names the platform only alone:
        'Antrian Dukcapil' is the local office's queue, no SIAK."""

    def named(self, text: str) -> str | None:
        """The id of the platform whose id, name or an alias `text` is as a whole ('SIPKD'),
        not one it names by a part ('Sistem Informasi Akademik (SIAK)' is no SIAK), or None."""
        return self._names.get(name_key(text))

    def __call__(self, text: str) -> str | None:
        """The id of the platform `text` names or addresses, or None.

        A name matches the id, name or an alias of one platform (see `_keys`), or holds a
        one-word id or alias of one platform as a word ('SIMDA Gaji'). An address matches a
        platform whose `url` host or one of whose `domains` is its host or a parent of it,
        the most specific first (`sirup.lkpp.go.id` before `lkpp.go.id`).
        """
        for key in sorted(_keys(text), key=len, reverse=True):
            found = self._names.get(key)
            if found is not None:
                return found
        host = _host(text)
        if host is None:
            named = {self._words.get(name_key(word)) for word in text.split()} - {None}
            return named.pop() if len(named) == 1 else None
        while host is not None and "." in host:
            found = self._domains.get(host)
            if found is not None:
                return found
            host = host.split(".", 1)[1]
        return None


@cache
def _catalog_matcher() -> PlatformMatcher:
    return PlatformMatcher(national_platforms())


def match_platform(text: str) -> str | None:
    """The id of the catalog platform a free-text name or address stands for, or None.

    Case, punctuation, spacing and an opening "Aplikasi" do not matter; aliases and the host
    of an address (`https://sipd.kemendagri.go.id/...`, `kinerja.bkn.go.id`) count. For a
    model's own platforms too, use `PlatformMatcher({**national_platforms(), **own})`.

    Examples
    --------
    >>> match_platform("SP4N LAPOR"), match_platform("e-Katalog LKPP"), match_platform("x")
    ('sp4n-lapor', 'inaproc', None)
    """
    return _catalog_matcher()(text)
