#!/usr/bin/env python3
"""Prints a dti history database's content in a fixed text form: every stored value with its
provenance, every replaced value, and the recorded unit sets, sorted by key, without the times
of import. Two databases holding the same history print the same text, whatever their layout.

    Scripts/dump-history.py HISTORY.sqlite

Tests/DTIWorkflowTests/Dumps/*.txt were printed by it from databases that dti wrote before
values were keyed by number (commit f70cb7f); DumpComparisonTests prints the same form in Swift.
It reads each layout dti has written: a row per value (the `observation` table or view) and,
since issue 35, a block per unit and edition (`storedBlock`, decoded as ValueBlock.swift writes it).
"""
import sqlite3
import struct
import sys

STATUS = {0: None, 1: "official", 2: "provisional", 3: "synthetic"}


class Reader:
    def __init__(self, data):
        self.data, self.offset = bytes(data), 0

    def byte(self):
        self.offset += 1
        return self.data[self.offset - 1]

    def unsigned(self):
        result, shift = 0, 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            if b < 0x80:
                return result
            shift += 7

    def signed(self):
        raw = self.unsigned()
        return (raw >> 1) ^ -(raw & 1)


def block_values(value_bytes, provenance_bytes):
    """(entryID, value, status, batch, line, column or None, extra or None) for each value."""
    r = Reader(value_bytes)
    assert r.byte() == 1, "unknown block format"
    count = r.unsigned()
    entries, entry = [], 0
    for _ in range(count):
        entry += r.unsigned()
        entries.append(entry)
    values = struct.unpack_from("<%dd" % count, r.data, r.offset)
    r.offset += 8 * count
    mode = r.byte()
    statuses = [r.data[r.offset]] * count if mode == 0 else list(r.data[r.offset:r.offset + count])
    p = Reader(provenance_bytes)
    assert p.byte() == 1, "unknown block format"
    line, result = 0, []
    for index in range(count):
        batch = p.unsigned()
        line += p.signed()
        column = p.unsigned() - 1
        extra = p.unsigned() - 1
        result.append((entries[index], values[index], STATUS[statuses[index]], batch, line,
                       None if column < 0 else column, None if extra < 0 else extra))
    return result


def current_values(db):
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    if "storedBlock" not in tables:
        return db.execute(
            """SELECT o.unitSet, o.year, o.unitCode, o.indicatorID, o.value, b.file, b.sha256, o.line, o.valueColumn,
                      o.sheet, o.source, o.note, o.status
               FROM observation o JOIN importBatch b ON b.id = o.importBatchID""").fetchall()
    sets = dict(db.execute("SELECT id, unitSet FROM unitSetKey"))
    units = dict(db.execute("SELECT id, code FROM unitKey"))
    entries = dict(db.execute("SELECT id, indicatorID FROM entryKey"))
    batches = {row[0]: row[1:] for row in db.execute("SELECT id, file, sha256 FROM importBatch")}
    extras = {row[0]: row[1:] for row in db.execute("SELECT id, sheet, source, note FROM valueExtra")}
    rows = []
    for set_id, year, unit_id, value_bytes, provenance_bytes in db.execute(
            "SELECT setID, year, unitID, valueBytes, provenanceBytes FROM storedBlock"):
        for entry, value, status, batch, line, column, extra in block_values(value_bytes, provenance_bytes):
            sheet, source, note = extras.get(extra, (None, None, None))
            rows.append((sets[set_id], year, units[unit_id], entries[entry], value, batches[batch][0], batches[batch][1],
                         line, column, sheet, source, note, status))
    return rows


def text(value):
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return "%.17g" % value
    return str(value)


def main(path):
    db = sqlite3.connect(path)
    lines = []
    rows = current_values(db)
    for row in sorted(rows, key=lambda r: (r[0].encode(), r[1], r[2].encode(), r[3].encode())):
        lines.append("value|" + "|".join(text(v) for v in row))
    rows = db.execute(
        """SELECT h.unitSet, h.year, h.unitCode, h.indicatorID, h.value, b.file, b.sha256, h.line, h.valueColumn,
                  h.sheet, h.source, h.note, h.status, r.file
           FROM observationHistory h JOIN importBatch b ON b.id = h.importBatchID JOIN importBatch r ON r.id = h.replacedByBatchID
           ORDER BY h.id""").fetchall()
    for row in rows:
        lines.append("replaced|" + "|".join(text(v) for v in row))
    for row in db.execute("SELECT id, file, sha256 FROM importBatch ORDER BY id"):
        lines.append("batch|" + "|".join(text(v) for v in row))
    for row in db.execute("SELECT unitSet, fingerprint FROM unitSetRecord ORDER BY unitSet"):
        lines.append("unitSet|" + "|".join(text(v) for v in row))
    rows = db.execute("SELECT unitSet, code, name, parent, retired FROM unitSetMember").fetchall()
    for row in sorted(rows, key=lambda r: (r[0].encode(), r[1].encode())):
        lines.append("member|" + "|".join(text(v) for v in row))
    sys.stdout.write("".join(line + "\n" for line in lines))


if __name__ == "__main__":
    main(sys.argv[1])
