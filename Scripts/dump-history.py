#!/usr/bin/env python3
"""Prints a dti history database's content in a fixed text form: every stored value with its
provenance, every replaced value, and the recorded unit sets, sorted by key, without the times
of import. Two databases holding the same history print the same text, whatever their layout.

    Scripts/dump-history.py HISTORY.sqlite

Tests/DTIWorkflowTests/Dumps/*.txt were printed by it from databases that dti wrote before
values were keyed by number (commit f70cb7f); DumpComparisonTests prints the same form in Swift.
"""
import sqlite3
import sys


def text(value):
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return "%.17g" % value
    return str(value)


def main(path):
    db = sqlite3.connect(path)
    lines = []
    rows = db.execute(
        """SELECT o.unitSet, o.year, o.unitCode, o.indicatorID, o.value, b.file, b.sha256, o.line, o.valueColumn,
                  o.sheet, o.source, o.note, o.status
           FROM observation o JOIN importBatch b ON b.id = o.importBatchID""").fetchall()
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
