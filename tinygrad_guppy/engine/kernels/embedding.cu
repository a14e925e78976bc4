// embedding.cu: the model's input, token embedding plus position embedding, then dropout; and its
// backward, the gradients of both tables.
//
// NumPy reference: fused.embedding_forward and fused.embedding_backward.
// Shapes: idx (N,) int64 token ids, N = B * T rows; positions (N,) int64 (batched = 1), (T,) int64
//   shared by all rows (batched = 0), or a null pointer (position = row % T); tok, dtok (V, C),
//   pos, dpos (P, C), out, dout (N, C), all float32.
// Dropout as in epilogue.cu: keep = hash32(hash32(row * C + col) ^ seed) >= threshold (0: keep
//   everything), kept values scaled by 1 / (1 - p).
//
// embedding_forward (elementwise over N * C, grid ceil(N * C / 256), 256 threads):
//   out[r, c] = dropout(tok[idx[r], c] + pos[position(r), c])
// embedding_backward (the same grid), with g = dout[r, c] * keep / (1 - p):
//   dtok[idx[r], c] += g;   dpos[position(r), c] += g
//   A token (and a position) can appear in many rows, so the additions are atomicAdd: their order
//   is not fixed, and the last bits of a sum can differ between runs (CuPy's scatter-add, which
//   this replaces, is the same). The caller zeroes dtok and dpos first (one memset: they are two
//   parts of one buffer).
#include "common.cuh"   // dropout_factor

#define THREADS 256

__device__ __forceinline__ long long position_of(long long r, const long long* positions, int batched, int T) {
    if (positions == nullptr) return r % T;
    return positions[batched ? r : r % T];
}

extern "C" __global__ void __launch_bounds__(THREADS) embedding_forward(
        float* out, const float* tok, const float* pos, const long long* idx, const long long* positions,
        int batched, long long N, int T, int C, unsigned int seed, unsigned int threshold, float keep_scale) {
    const long long e = (long long)blockIdx.x * THREADS + threadIdx.x;
    if (e >= N * C) return;
    const long long r = e / C, c = e % C;
    const float sum = tok[idx[r] * C + c] + pos[position_of(r, positions, batched, T) * C + c];
    out[e] = sum * dropout_factor((unsigned int)e, seed, threshold, keep_scale);
}

extern "C" __global__ void __launch_bounds__(THREADS) embedding_backward(
        float* dtok, float* dpos, const float* dout, const long long* idx, const long long* positions,
        int batched, long long N, int T, int C, unsigned int seed, unsigned int threshold, float keep_scale) {
    const long long e = (long long)blockIdx.x * THREADS + threadIdx.x;
    if (e >= N * C) return;
    const long long r = e / C, c = e % C;
    const float g = dout[e] * dropout_factor((unsigned int)e, seed, threshold, keep_scale);
    atomicAdd(dtok + idx[r] * C + c, g);
    atomicAdd(dpos + position_of(r, positions, batched, T) * C + c, g);
}
