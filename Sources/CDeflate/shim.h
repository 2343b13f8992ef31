// zlib (zlib1g-dev): raw inflate and CRC-32 for reading workbook archives (Sources/XLSX/ZipArchive.swift).
#include <zlib.h>
