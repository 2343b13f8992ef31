#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// The 64 round constants of FIPS 180-4 (the fractional parts of the cube roots of the first 64
/// primes), for both compressions: this one and the portable one in SHA256.swift.
extern const uint32_t dti_sha256_round_constants[64];

/// 1 when this processor has the SHA extensions (x86-64 SHA-NI with SSSE3 and SSE4.1), else 0.
int dti_sha256_has_hardware(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` (the eight words of FIPS 180-4,
/// in order) with the SHA extensions. Call only when `dti_sha256_has_hardware()` is 1.
void dti_sha256_compress_hardware(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
