// common.cuh: the small device helpers that attention.cu, layernorm.cu, cross_entropy.cu and gemm.cu
// share: float32 arithmetic on float or half storage, a warp's sum, and -infinity.
//
// Included as #include "common.cuh". Every compiler of the kernels finds it on its include path:
// cuda.py gives NVRTC (through cupy.RawModule) -I for this folder, nvcc (.ci/run) finds it beside
// the .cu file, and the simulator (tests/cudasim) passes cuda.py's -I on to g++.
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
