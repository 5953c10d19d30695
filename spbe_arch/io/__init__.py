"""Reading model folders: files, parsing, source positions, shipped catalogs."""

from .catalog import (
    NameForm,
    PlatformMatcher,
    address_key,
    catalog_dir,
    find_platforms,
    match_platform,
    name_forms,
    name_key,
    national_platforms,
)
from .files import (
    MANIFEST,
    SUFFIXES,
    ParsedFile,
    SpbeError,
    folder_of,
    misnamed_manifests,
    model_files,
    model_folder,
    not_a_model_folder,
    parse_file,
    relative_name,
)
from .positions import element_lines, key_position, written_ids, written_scalar

__all__ = [
    "MANIFEST",
    "SUFFIXES",
    "NameForm",
    "ParsedFile",
    "PlatformMatcher",
    "SpbeError",
    "address_key",
    "catalog_dir",
    "element_lines",
    "find_platforms",
    "folder_of",
    "key_position",
    "match_platform",
    "misnamed_manifests",
    "model_files",
    "model_folder",
    "name_forms",
    "name_key",
    "national_platforms",
    "not_a_model_folder",
    "parse_file",
    "relative_name",
    "written_ids",
    "written_scalar",
]
