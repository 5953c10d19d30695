"""Helpers for the exchange tests: the XSD validator and readers of exported files."""

from pathlib import Path

from lxml import etree

from spbe_arch.interop.archimate_map import NAMESPACE, XSI

NS = {"a": NAMESPACE, "xsi": XSI}
XSI_TYPE = f"{{{XSI}}}type"


def xsd_errors(shared: Path, document: bytes) -> list[str]:
    """Messages of the Open Group schema (through the repo's wrapper) on `document`."""
    xsd = shared / "reference" / "archimate" / "xsd" / "archimate3_with_dc.xsd"
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    doc = etree.fromstring(document, etree.XMLParser(huge_tree=True))
    return [] if schema.validate(doc) else [str(e) for e in schema.error_log]


def concepts(document: bytes, tag: str) -> dict[str, etree._Element]:
    """Identifier -> node, for every `element` or `relationship` of an exchange file."""
    root = etree.fromstring(document, etree.XMLParser(huge_tree=True))
    return {n.get("identifier"): n for n in root.iterfind(f"a:{tag}s/a:{tag}", NS)}


def properties(document: bytes, identifier: str) -> list[tuple[str, str]]:
    """(property name, value) pairs of one concept, names resolved through the definitions."""
    root = etree.fromstring(document, etree.XMLParser(huge_tree=True))
    names = {
        d.get("identifier"): d.findtext("a:name", namespaces=NS)
        for d in root.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)
    }
    node = root.find(f".//*[@identifier='{identifier}']")
    return [
        (names[p.get("propertyDefinitionRef")], p.findtext("a:value", namespaces=NS))
        for p in node.iterfind("a:properties/a:property", NS)
    ]
