"""Export a model to the ArchiMate 3.1 Open Exchange Format, so ArchiMate tools can open it.

Every element becomes an ArchiMate element and every reference a relationship, as
`archimate_map` says; fields ArchiMate has no place for (reference codes, `via`, hosting kind,
status, ...) become properties `spbe:<field>` with property definitions, next to the
element's own `properties`. National platforms the model names (SPLP, PDN, SIPD, ...) are
exported too, marked `spbe:collection: national`, so that relationships to them have both ends;
the model's own `platforms:` are elements marked `spbe:collection: platforms`, with their
fields. Waivers, which are about findings rather than elements, are properties of the model
(`spbe:waiver`, one JSON value each).
Folders follow the ArchiMate layers, and each layer gets one view laid out as a grid: one row
band per element type, in a fixed order, at most VIEW_COLUMNS nodes wide.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..io import national_platforms
from ..model import Architecture
from .archimate_map import (
    COLLECTION,
    FIELD,
    FIELD_RELATIONS,
    INTEGRATION_TYPE,
    NAMESPACE,
    NATIONAL,
    SPBE,
    STATED_EMPTY,
    XSI,
    allowed,
    element_type,
    layer_of,
    platform_type,
    xml_id,
)

__all__ = ["VIEW_COLUMNS", "export_archimate"]

VIEW_COLUMNS = 10
"""Nodes per row in the views' grid layout."""
_NODE_W, _NODE_H, _STEP_X, _STEP_Y, _BAND_GAP = 170, 60, 190, 90, 50

_VIEWS = (
    ("Strategy", "Strategi (Strategy)"),
    ("Business", "Bisnis: unit, proses dan layanan (Business)"),
    ("Application", "Aplikasi dan data (Application)"),
    ("Technology & Physical", "Infrastruktur (Technology)"),
    ("Motivation", "Keamanan dan penilaian (Motivation)"),
    ("Implementation & Migration", "Peta rencana (Implementation & Migration)"),
    ("Other", "Lainnya (Other)"),
)
ATTRIBUTE_PROPERTIES = ("archimate:accessType", "archimate:modifier", "archimate:isDirected")
"""Properties of a kept relationship that are attributes in the exchange format."""


@dataclass
class _Concept:
    identifier: str
    type: str
    name: str | None
    documentation: str | None
    properties: list[tuple[str, Any]]
    source: str = ""
    target: str = ""
    attributes: dict[str, str] = field(default_factory=dict)


class _Output:
    """The document as UTF-8 chunks: a national model is ~150 MB of text, and a list of
    millions of small strings would take three times that."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.part: list[str] = []

    def append(self, text: str) -> None:
        self.part.append(text)
        if len(self.part) >= 20_000:
            self.flush()

    def extend(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.append(text)

    def flush(self) -> None:
        self.chunks.append("".join(self.part).encode("utf-8"))
        self.part.clear()

    def getvalue(self) -> bytes:
        self.flush()
        return b"".join(self.chunks)


class _Ids:
    """Identifiers in use in the file: model ids as `xml_id` makes them, made ones unique."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, identifier: str) -> str:
        candidate, n = identifier, 1
        while candidate in self.used:
            n += 1
            candidate = f"{identifier}.{n}"
        self.used.add(candidate)
        return candidate


def export_archimate(arch: Architecture) -> bytes:
    """The model as an ArchiMate 3.1 exchange file (UTF-8 bytes).

    Parameters
    ----------
    arch
        A loaded model (`spbe_arch.validate.load_model(path).architecture`).

    Returns
    -------
    bytes
        The XML document; it validates against the Open Group's archimate3_Diagram.xsd.
    """
    ids = _Ids()
    elements = list(_elements(arch, ids))
    known = {concept.identifier: concept for concept in elements}
    relationships = list(_relationships(arch, ids, known))
    elements = list(known.values())  # with the national platforms relationships named
    views = _views(elements, relationships, ids)
    definitions: dict[tuple[str, str], str] = {}
    out = _Output()
    out.extend([
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<model xmlns="{NAMESPACE}" xmlns:xsi="{XSI}" identifier="{ids.take("model")}">\n',
        f"  <name>{_esc(arch.instansi.name if arch.instansi else arch.root)}</name>\n",
    ])
    _properties(out, [*((SPBE + "evaluation", item) for item in arch.evaluations),
                      *((SPBE + "waiver", waiver) for waiver in arch.waivers)], definitions, "  ")
    out.append("  <elements>\n")
    for concept in elements:
        _concept(out, "element", concept, definitions)
    out.append("  </elements>\n  <relationships>\n")
    for concept in relationships:
        _concept(out, "relationship", concept, definitions)
    out.append("  </relationships>\n")
    _organizations(out, elements, views)
    if definitions:
        out.append("  <propertyDefinitions>\n")
        for (name, datatype), identifier in definitions.items():
            out.append(f'    <propertyDefinition identifier="{identifier}" type="{datatype}">'
                       f"<name>{_esc(name)}</name></propertyDefinition>\n")
        out.append("  </propertyDefinitions>\n")
    _write_views(out, views)
    out.append("</model>\n")
    return out.getvalue()


def _elements(arch: Architecture, ids: _Ids) -> Iterable[_Concept]:
    if arch.instansi is not None:
        instansi = arch.instansi
        props = [(COLLECTION, "instansi"), *_field_properties(instansi, ())]
        yield _Concept(ids.take(xml_id(instansi.id)), "BusinessActor", instansi.name,
                       None, props)
    for collection, items in arch.collections.items():
        if collection in ("integrations", "archimate_relationships"):
            continue
        skip = _RELATION_FIELDS.get(collection, ())
        if collection == "archimate_elements":
            skip = ("type",)
        for element in items.values():
            kind = element_type(collection, element)
            props = [(COLLECTION, collection), *_field_properties(element, skip)]
            yield _Concept(ids.take(xml_id(element.id)), kind, element.name,
                           element.description, props)
    for platform in arch.platforms.values():
        props = [(COLLECTION, "platforms"), *_field_properties(platform, ())]
        yield _Concept(ids.take(xml_id(platform.id)), platform_type(platform.kind),
                       platform.name, None, props)
    for n, entry in enumerate(arch.assessment, start=1):
        name = f"Indikator {entry.indicator} ({entry.year}): tingkat {entry.level}"
        props = [(COLLECTION, "assessment"), *_field_properties(entry, ())]
        yield _Concept(ids.take(f"assessment-{n}"), "Assessment", name, None, props)


def _field_properties(element: Any, skip: tuple[str, ...]) -> list[tuple[str, Any]]:
    """The fields the element states (not its defaults) as (property name, value) pairs.

    A list stated empty (`networks: []`: the element has none) is a fact, where an omitted
    one is unknown: it becomes the property `spbe:<field>` with an empty value, even for a
    field `skip` leaves to relationships (no relationship can say "none").
    """
    out: list[tuple[str, Any]] = []
    own: list[tuple[str, Any]] = []
    for name in type(element).model_fields:
        if name in ("id", "name", "description") or name not in element.model_fields_set:
            continue
        value = getattr(element, name)
        if value == []:
            out.append((SPBE + name, STATED_EMPTY))
            continue
        if value is None or name in skip:
            continue
        if name == "properties":
            own = list(value.items())
        elif name == "tags":
            out.extend((SPBE + "tag", tag) for tag in value)
        elif name == "severity":
            out.extend((SPBE + "severity", f"{code}={level}") for code, level in value.items())
        elif isinstance(value, list):  # a structured item (evidence, a change) as JSON
            out.extend((SPBE + name, item) for item in value)
        else:
            out.append((SPBE + name, value))
    return out + own


def _relationships(
    arch: Architecture, ids: _Ids, known: dict[str, _Concept]
) -> list[_Concept]:
    """Integrations and kept relationships first (their ids are the model's), then one
    relationship per reference, then SPLP on the route of each integration through it."""
    platforms = national_platforms()
    stated: dict[str, _Concept] = {}  # relationships with a model id, as ends of others

    def end(element_id: str) -> _Concept | None:
        """The concept of an id, adding a national platform the first time it is named."""
        identifier = xml_id(element_id)
        concept = known.get(identifier) or stated.get(identifier)
        if concept is None and element_id in platforms and element_id not in arch.sources:
            platform = platforms[element_id]
            concept = known[identifier] = _Concept(
                ids.take(identifier), platform_type(platform.kind), platform.name, None,
                [(COLLECTION, NATIONAL)],
            )
        return concept

    for integration in arch.integrations.values():
        props = _field_properties(integration, ("source", "target"))
        flow = _Concept(ids.take(xml_id(integration.id)), INTEGRATION_TYPE, integration.name,
                        integration.description, [(COLLECTION, "integrations"), *props],
                        source=integration.source, target=integration.target)
        stated[flow.identifier] = flow
    for relationship in arch.collections["archimate_relationships"].values():
        props = _field_properties(relationship, ("type", "source", "target"))
        attributes = {
            key.removeprefix("archimate:"): str(value).lower()
            if isinstance(value, bool) else str(value)
            for key, value in props if key in ATTRIBUTE_PROPERTIES
        }
        props = [(key, value) for key, value in props if key not in ATTRIBUTE_PROPERTIES]
        kept = _Concept(ids.take(xml_id(relationship.id)), relationship.type.value,
                        relationship.name, relationship.description,
                        [(COLLECTION, "archimate_relationships"), *props],
                        source=relationship.source, target=relationship.target,
                        attributes=attributes)
        stated[kept.identifier] = kept
    out: list[_Concept] = []
    for concept in list(stated.values()):  # ends are model ids until resolved here
        source, target = end(concept.source), end(concept.target)
        if source is None or target is None:
            del stated[concept.identifier]  # a dangling reference: validate reports it
            continue
        concept.source, concept.target = source.identifier, target.identifier
        out.append(concept)

    by_field = {(r.collection, r.field): r for r in FIELD_RELATIONS if r.export}
    for collection, fields in _RELATION_FIELDS.items():
        for element in arch.collections[collection].values():
            holder = known[xml_id(element.id)]
            for name in fields:
                value = getattr(element, name)
                relation = by_field[(collection, name)]
                for target_id in value if isinstance(value, list) else [value]:
                    other = end(target_id) if target_id is not None else None
                    if other is None:
                        continue  # a dangling reference: validate reports it
                    source, target = (other, holder) if relation.reverse else (holder, other)
                    kind = relation.type
                    if not allowed(_end_type(source, stated), _end_type(target, stated), kind):
                        kind = "Association"
                    attributes = {"accessType": relation.access} if kind == "Access" else {}
                    identifier = ids.take(f"{holder.identifier}.{name}.{other.identifier}")
                    # the importer reads the field from the type; say it where it cannot
                    marker = [] if relation.infer and kind == relation.type else [(FIELD, name)]
                    out.append(_Concept(identifier, kind, None, None, marker,
                                        source=source.identifier, target=target.identifier,
                                        attributes=attributes))
    splp = None
    for integration in arch.integrations.values():
        flow = stated.get(xml_id(integration.id))
        if flow is not None and integration.via == "splp" and (splp := splp or end("splp")):
            out.append(_Concept(ids.take(f"{flow.identifier}.route"), "Association", None,
                                None, [(FIELD, "route")], source=splp.identifier,
                                target=flow.identifier))
    return out


_RELATION_FIELDS = {
    collection: tuple(dict.fromkeys(r.field for r in FIELD_RELATIONS
                                    if r.export and r.collection == collection))
    for collection in dict.fromkeys(r.collection for r in FIELD_RELATIONS)
}
"""Collection -> the reference fields exported as relationships (an application's `platform`
a Specialization of it), not as properties."""


def _end_type(concept: _Concept, stated: dict[str, _Concept]) -> str:
    """The type the allowed-relationships table knows an end by."""
    return "Relationship" if concept.identifier in stated else concept.type


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})
"""`\r` too: XML parsers turn a literal one into `\n`."""


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _esc(text: str) -> str:
    """Text for an XML attribute or element, without the characters XML 1.0 cannot hold (a
    YAML string may have control characters)."""
    return _NOT_XML.sub("", text).translate(_ESCAPES)


def _value(value: Any) -> tuple[str, str]:
    """A property value as (exchange data type, text); a structured one (evidence, a roadmap
    change, a waiver) as JSON."""
    if isinstance(value, bool):
        return "boolean", "true" if value else "false"
    if isinstance(value, int | float):
        return "number", repr(value)
    if hasattr(value, "model_dump"):
        import orjson

        return "string", orjson.dumps(value.model_dump(mode="json")).decode()
    return "string", str(value)


def _concept(out: _Output, tag: str, concept: _Concept, definitions: dict) -> None:
    head = f'    <{tag} identifier="{concept.identifier}" xsi:type="{concept.type}"'
    if tag == "relationship":
        head += f' source="{concept.source}" target="{concept.target}"'
        for key, value in concept.attributes.items():
            head += f' {key}="{_esc(value)}"'
    out.append(head + ">\n")
    if concept.name:
        out.append(f"      <name>{_esc(concept.name)}</name>\n")
    if concept.documentation:
        out.append(f"      <documentation>{_esc(concept.documentation)}</documentation>\n")
    _properties(out, concept.properties, definitions, "      ")
    out.append(f"    </{tag}>\n")


def _properties(out: _Output, properties: list[tuple[str, Any]], definitions: dict,
                pad: str) -> None:
    """The `<properties>` of a concept or of the model, defining each name and type once."""
    if not properties:
        return
    out.append(f"{pad}<properties>\n")
    for name, value in properties:
        datatype, text = _value(value)
        ref = definitions.get((name, datatype))
        if ref is None:
            ref = definitions[(name, datatype)] = f"propid-{len(definitions) + 1}"
        out.append(f'{pad}  <property propertyDefinitionRef="{ref}">'
                   f"<value>{_esc(text)}</value></property>\n")
    out.append(f"{pad}</properties>\n")


@dataclass
class _View:
    identifier: str
    name: str
    nodes: list[tuple[str, str, int, int]]  # node id, element id, x, y
    connections: list[tuple[str, str, str, str]]  # connection id, relationship, source, target


def _views(elements: list[_Concept], relationships: list[_Concept], ids: _Ids) -> list[_View]:
    by_layer: dict[str, dict[str, list[_Concept]]] = {}
    for concept in elements:
        by_layer.setdefault(layer_of(concept.type), {}).setdefault(concept.type, []).append(
            concept
        )
    views = []
    for layer, title in _VIEWS:
        bands = by_layer.get(layer)
        if not bands:
            continue
        view_id = ids.take("view-" + layer.split()[0].lower())
        nodes, node_of, top = [], {}, 0
        for band in bands.values():
            for n, concept in enumerate(band):
                node_id = ids.take(f"{view_id}.{concept.identifier}")
                node_of[concept.identifier] = node_id
                x = 20 + (n % VIEW_COLUMNS) * _STEP_X
                nodes.append((node_id, concept.identifier, x, top + (n // VIEW_COLUMNS) * _STEP_Y))
            top += ((len(band) - 1) // VIEW_COLUMNS + 1) * _STEP_Y + _BAND_GAP
        connections = [
            (ids.take(f"{view_id}.{r.identifier}"), r.identifier, node_of[r.source],
             node_of[r.target])
            for r in relationships
            if r.source in node_of and r.target in node_of
        ]
        views.append(_View(view_id, title, nodes, connections))
    return views


def _organizations(out: _Output, elements, views) -> None:
    folders: dict[str, dict[str, list[str]]] = {}
    for concept in elements:
        collection = next(v for k, v in concept.properties if k == COLLECTION)
        folders.setdefault(layer_of(concept.type), {}).setdefault(collection, []).append(
            concept.identifier
        )
    out.append("  <organizations>\n")
    for layer, _ in _VIEWS:
        if layer not in folders:
            continue
        out.append(f"    <item>\n      <label>{_esc(layer)}</label>\n")
        for collection, members in folders[layer].items():
            out.append(f"      <item>\n        <label>{collection}</label>\n")
            out.extend(f'        <item identifierRef="{i}"/>\n' for i in members)
            out.append("      </item>\n")
        out.append("    </item>\n")
    if views:  # relationships are left out: tools file them under Relations themselves
        out.append("    <item>\n      <label>Views</label>\n")
        out.extend(f'      <item identifierRef="{v.identifier}"/>\n' for v in views)
        out.append("    </item>\n")
    out.append("  </organizations>\n")


def _write_views(out: _Output, views: list[_View]) -> None:
    if not views:
        return
    out.append("  <views>\n    <diagrams>\n")
    size = f'w="{_NODE_W}" h="{_NODE_H}"'
    for view in views:
        out.append(f'      <view identifier="{view.identifier}" xsi:type="Diagram">\n'
                   f"        <name>{_esc(view.name)}</name>\n")
        out.extend(
            f'        <node identifier="{node}" xsi:type="Element" elementRef="{element}" '
            f'x="{x}" y="{y}" {size}/>\n'
            for node, element, x, y in view.nodes
        )
        out.extend(
            f'        <connection identifier="{connection}" xsi:type="Relationship" '
            f'relationshipRef="{relationship}" source="{source}" target="{target}"/>\n'
            for connection, relationship, source, target in view.connections
        )
        out.append("      </view>\n")
    out.append("    </diagrams>\n  </views>\n")
