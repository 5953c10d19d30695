"""Which national platform an inventory row names, and how sure that is.

A row matches a platform when its compacted name (letters and digits only, lower case) is the
platform's id, name, the acronym in the name's brackets ("... (SIPD)") or one of its aliases;
or when its URL's host is the platform's; or, less surely, when one word of its name is such a
key of at least four letters ("Aplikasi SRIKANDI Kab."). The keys of a platform come from
`platform_keys`, the one place that knows the catalog's fields.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = ["PlatformMatch", "PlatformMatcher", "compact", "platform_keys", "url_host"]


def compact(text: str) -> str:
    """Letters and digits only, lower case: 'SP4N-LAPOR!' -> 'sp4nlapor'.

    >>> compact("e-Kinerja BKN")
    'ekinerjabkn'
    """
    return re.sub(r"[\W_]+", "", text.casefold())


def url_host(url: str) -> str | None:
    """The host of an address written with or without a scheme, without 'www.'.

    >>> url_host("https://www.Srikandi.ARSIP.go.id/login")
    'srikandi.arsip.go.id'
    >>> url_host("sipd.kemendagri.go.id")
    'sipd.kemendagri.go.id'
    """
    text = url.strip()
    if not text:
        return None
    try:
        host = urlsplit(text if "//" in text else f"//{text}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def platform_keys(platform) -> tuple[set[str], set[str]]:
    """(name keys, URL hosts) a platform is known by: id, name, bracketed acronym, aliases, url.

    `aliases` and `url` are read when the catalog has them (a list of names, a URL or a list).
    """
    names = {compact(platform.id), compact(platform.name)}
    names.update(compact(a) for a in re.findall(r"\(([^)]+)\)", platform.name))
    names.update(compact(a) for a in getattr(platform, "aliases", None) or ())
    urls = getattr(platform, "url", None) or getattr(platform, "urls", None) or ()
    hosts = {url_host(u) for u in ([urls] if isinstance(urls, str) else urls)}
    return names - {""}, hosts - {None}


@dataclass(frozen=True)
class PlatformMatch:
    """A platform a row was matched to, and how: 'id', 'name', 'url' or 'word'."""

    platform: str
    how: str
    key: str


class PlatformMatcher:
    """Match row names and URLs against a catalog of national platforms (id -> platform)."""

    def __init__(self, platforms: Mapping[str, object]) -> None:
        self._names: dict[str, str] = {}
        self._hosts: dict[str, str] = {}
        for platform_id in sorted(platforms):
            names, hosts = platform_keys(platforms[platform_id])
            for key in names:
                self._names.setdefault(key, platform_id)
            for host in hosts:
                self._hosts.setdefault(host, platform_id)

    def match(self, name: str, url: str = "") -> PlatformMatch | None:
        """The platform `name` or `url` names, or None."""
        key = compact(name)
        if key in self._names:
            return PlatformMatch(self._names[key], "name", key)
        host = url_host(url) if url else None
        if host is not None:
            for known, platform_id in self._hosts.items():
                if host == known or host.endswith(f".{known}"):
                    return PlatformMatch(platform_id, "url", host)
        for word in _words(name):
            if len(word) >= 4 and word in self._names:
                return PlatformMatch(self._names[word], "word", word)
        return None


def _words(name: str) -> Iterable[str]:
    yield from (compact(w) for w in re.split(r"[\s()/,;:]+", name) if w)
