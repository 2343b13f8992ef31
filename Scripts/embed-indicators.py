#!/usr/bin/env python3
"""Writes Sources/DTIWorkflow/BuiltIn/BuiltInIndicators.swift from Indicators/: every file as a Swift raw
string, so the dti binary carries its reference data and runs from any folder.

Indicators/ stays the source of truth. Run this after editing it; `swift test` fails when the
built-in copy differs from the folder, and .ci/run fails when this script's output is not committed.

The fingerprint is the SHA-256 of every file as `path NUL content NUL`, paths sorted, so `dti
catalogue` shows the same fingerprint for the built-in data and for an unchanged Indicators folder.
The communes' maps (maps/communes-NN.geojson, 5 MB of GeoJSON) are not written as text: they go,
packed, into BuiltInMaps.swift (see `pack` below: 0.6 MB, a tenth of the text), and the binary
unpacks them when a report draws one. The fingerprint is still that of their GeoJSON.
Usage: Scripts/embed-indicators.py
"""
import base64
import hashlib
import json
import os
import re
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "Indicators")
TARGET = os.path.join(ROOT, "Sources", "DTIWorkflow", "BuiltIn", "BuiltInIndicators.swift")
MAPS_TARGET = os.path.join(ROOT, "Sources", "DTIWorkflow", "BuiltIn", "BuiltInMaps.swift")
PACKED = re.compile(r"^maps/communes-[0-9]+\.geojson$")


def files():
    found = []
    for folder, subfolders, names in os.walk(SOURCE):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, SOURCE).replace(os.sep, "/")
            with open(path, "rb") as handle:
                found.append((relative, handle.read()))
    return sorted(found, key=lambda item: item[0].encode("utf-8"))


def fingerprint(entries):
    digest = hashlib.sha256()
    for path, content in entries:
        digest.update(path.encode("utf-8") + b"\0" + content + b"\0")
    return digest.hexdigest()


def literal(text):
    # A raw string with one more '#' than any '"#…' or '\#…' run in the text, so nothing inside
    # ends it or reads as an escape. Swift reads a literal's line breaks as LF, so a CR (CRLF files)
    # is written as the raw string's own escape, \#r.
    longest = max([len(run) for run in re.findall(r'["\\](#+)', text)] + [0])
    hashes = "#" * (longest + 1)
    body = text.replace("\r", "\\" + hashes + "r")
    return f'{hashes}"""\n{body}\n"""{hashes}'


def varint(out, number):
    while True:
        byte = number & 0x7F
        number >>= 7
        out.append(byte | 0x80 if number else byte)
        if not number:
            return


def pack(entries):
    """The maps as DTIIngest's `PackedMaps` reads them: "DTIMAPS1", then raw deflate (level 9) of
    the file count and, per file, a header (path, notes, each feature's properties: UTF-8 JSON) and
    its geometry, each preceded by its length. Geometry, per feature: polygon count; per polygon,
    ring count; per ring, point count, then each point as the change from the ring's previous one
    (from 0, 0) in ten-thousandths of a degree, zigzag-coded. Every number is an unsigned LEB128
    varint. Exact: a coordinate with more than four decimals is refused, not rounded."""
    body = bytearray()
    varint(body, len(entries))
    for path, content in entries:
        data = json.loads(content.decode("utf-8"))
        header = {key: data[key] for key in ("note", "note_vi") if key in data}
        header["path"] = path
        header["features"] = [feature["properties"] for feature in data["features"]]
        geometry = bytearray()
        for number, feature in enumerate(data["features"], 1):
            kind = feature["geometry"]["type"]
            if kind not in ("Polygon", "MultiPolygon"):
                sys.exit(f"Indicators/{path}: feature {number} is a {kind}; only polygons are packed")
            coordinates = feature["geometry"]["coordinates"]
            polygons = [coordinates] if kind == "Polygon" else coordinates
            varint(geometry, len(polygons))
            for polygon in polygons:
                varint(geometry, len(polygon))
                for ring in polygon:
                    varint(geometry, len(ring))
                    previous = (0, 0)
                    for position in ring:
                        whole = tuple(round(value * 10000) for value in position[:2])
                        if any(w / 10000 != value for w, value in zip(whole, position[:2])) or len(position) != 2:
                            sys.exit(f"Indicators/{path}: feature {number} has {position}, not [longitude, latitude] to 4 decimals")
                        for now, before in zip(whole, previous):
                            change = now - before
                            varint(geometry, (change << 1) ^ (change >> 63))
                        previous = whole
        encoded = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        varint(body, len(encoded))
        body += encoded
        varint(body, len(geometry))
        body += geometry
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    return b"DTIMAPS1" + compressor.compress(bytes(body)) + compressor.flush()


def write_if_changed(target, text, summary):
    # Written only when it changes: a file rewritten with the same bytes gets a new time, and every
    # build that compiles DTIWorkflow (CI runs this check while its other builds run) would start again.
    try:
        with open(target, encoding="utf-8", newline="\n") as handle:
            unchanged = handle.read() == text
    except FileNotFoundError:
        unchanged = False
    if unchanged:
        print(f"{os.path.relpath(target, ROOT)} is up to date: {summary}")
        return
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print(f"wrote {os.path.relpath(target, ROOT)}: {summary}")


def maps_source(entries):
    packed = pack(entries)
    text = base64.b64encode(packed).decode("ascii")
    lines = [
        "// swift-format-ignore-file",
        "// GENERATED by Scripts/embed-indicators.py from Indicators/maps/communes-*.geojson: do not edit.",
        "",
        "/// The communes' maps of every province, packed (DTIIngest's `PackedMaps`), as base64 in lines:",
        f"/// {len(entries)} files, {sum(len(c) for _, c in entries):,} bytes of GeoJSON in {len(packed):,} bytes.",
        "enum BuiltInMaps {",
        "    /// The paths of the packed files, sorted.",
        "    static let paths: [String] = [",
    ]
    lines += [f'        "{path}",' for path, _ in entries]
    lines += ["    ]", "", '    static let base64 = """']
    lines += [text[i : i + 120] for i in range(0, len(text), 120)]
    lines += ['"""', "}", ""]
    return "\n".join(lines), len(packed)


def main():
    every = files()
    entries = [(path, content) for path, content in every if not PACKED.match(path)]
    packed = [(path, content) for path, content in every if PACKED.match(path)]
    source, size = maps_source(packed)
    write_if_changed(MAPS_TARGET, source, f"{len(packed)} maps packed in {size:,} bytes")
    lines = [
        "// swift-format-ignore-file",
        "// GENERATED by Scripts/embed-indicators.py from Indicators/: do not edit; edit Indicators/ and run the script.",
        "",
        "/// The Indicators folder built into the binary: catalogues, editions, unit sets, aliases, tile",
        "/// layouts and the XML Schema, by path relative to the folder.",
        "public enum BuiltInIndicators {",
        "    /// SHA-256 of every file as `path NUL content NUL`, paths sorted (as `IndicatorFiles` computes it).",
        f'    public static let fingerprint = "{fingerprint(every)}"',
        "",
        "    public static let files: [String: String] = [",
    ]
    for path, content in entries:
        text = content.decode("utf-8")
        lines.append(f'        "{path}": {literal(text)},')
    lines += ["    ]", "}", ""]
    write_if_changed(TARGET, "\n".join(lines), f"{len(entries)} files, fingerprint {fingerprint(every)[:12]}")


if __name__ == "__main__":
    main()
