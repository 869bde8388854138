"""Reads a PDF's accessibility facts with pikepdf (independent of PDFsharp) and prints them as JSON."""
import json
import sys

import pikepdf


def walk(node, facts, depth=0):
    if depth > 64 or not isinstance(node, pikepdf.Dictionary):
        return
    tag = node.get("/S")
    if tag is not None:
        name = str(tag).lstrip("/")
        facts["tags"].append(name)
        if name == "Figure":
            facts["figures"].append(str(node.get("/Alt", "")))
        if "/Lang" in node:
            facts["languages"].append(str(node["/Lang"]))
    kids = node.get("/K")
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            walk(kid, facts, depth + 1)
    elif isinstance(kids, pikepdf.Dictionary):
        walk(kids, facts, depth + 1)


with pikepdf.open(sys.argv[1]) as pdf:
    root = pdf.Root
    facts = {
        "lang": str(root.get("/Lang", "")),
        "marked": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
        "displayDocTitle": bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)),
        "structTreeRoot": "/StructTreeRoot" in root,
        "metadata": "/Metadata" in root,
        "title": str(pdf.docinfo.get("/Title", "")),
        "pages": len(pdf.pages),
        "tags": [],
        "figures": [],
        "languages": [],
        "fontsEmbedded": True,
    }
    if facts["structTreeRoot"]:
        walk(root.StructTreeRoot, facts)
    for page in pdf.pages:
        fonts = page.get("/Resources", pikepdf.Dictionary()).get("/Font", pikepdf.Dictionary())
        for key in fonts.keys():
            font = fonts[key]
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0] if descendants else font).get("/FontDescriptor", pikepdf.Dictionary())
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                facts["fontsEmbedded"] = False
    print(json.dumps(facts, ensure_ascii=False))
