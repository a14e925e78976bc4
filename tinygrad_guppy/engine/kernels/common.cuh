// common.cuh: the small device helpers the kernel files share: float32 arithmetic on float or half
// storage, a warp's sum, -infinity, and the hash that decides dropout (attention.cu, embedding.cu,
// epilogue.cu: the same pure function of an element's position, so no mask is stored).
//
// Included as #include "common.cuh". Every compiler of the kernels finds it on its include path:
// cuda.compile_options gives NVRTC (through cupy.RawModule) this folder as include path, .ci/run
// gives nvcc the same, and the simulator (tests/cudasim) passes cuda.py's include path on to g++.
#pragma once

#include <cuda_fp16.h>

#define NEG_INF (-__int_as_float(0x7f800000))  // -infinity (NVRTC has no INFINITY macro)

// Storage is float (the _f32 kernels) or half (_f16, mixed precision); arithmetic is float32.
__device__ __forceinline__ float to_float(float v) { return v; }
__device__ __forceinline__ float to_float(__half v) { return __half2float(v); }
__device__ __forceinline__ void store_float(float* p, float v) { *p = v; }
__device__ __forceinline__ void store_float(__half* p, float v) { *p = __float2half(v); }

// The sum of v over the 32 lanes of a warp, in every lane (butterfly: lane i adds lane i ^ offset).
__device__ __forceinline__ float warp_sum(float v) {
    for (int offset = 16; offset > 0; offset >>= 1) v += __shfl_xor_sync(0xffffffffu, v, offset);
    return v;
}

// A 32-bit integer hash with good avalanche ("lowbias32", C. Wellons); a bijection on 32 bits.
__device__ __forceinline__ unsigned int hash32(unsigned int x) {
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
}

// The dropout factor of one element: keep / (1 - p), or 1 when threshold is 0 (no dropout);
// kept when the hash of (seed, position) >= threshold = p * 2^32.
__device__ __forceinline__ float dropout_factor(unsigned int position, unsigned int seed, unsigned int threshold,
                                                float keep_scale) {
    if (threshold == 0u) return 1.0f;
    return hash32(hash32(position) ^ seed) >= threshold ? keep_scale : 0.0f;
}
