// attention.cu: causal multi-head self-attention, forward and backward, fused in the manner of
// flash-attention: the (T, T) attention matrix is never written to memory; the forward keeps one
// log-sum-exp per row and the backward recomputes the probabilities from it.
//
// NumPy reference: fused.attention_forward and fused.attention_backward (which keep probs instead).
// Shapes, with C = n_head * hs and hs <= 64: qkv (B, T, 3C), per token q | k | v, each cut into
//   n_head heads of hs features (q of head h at qkv[b, t, h * hs ...], k at + C, v at + 2C);
//   y, dy (B, T, C) heads side by side; dqkv (B, T, 3C); lse, D (B, n_head, T) float32.
//   qkv, y, dy, dqkv are float (the _f32 kernels) or half (_f16); all arithmetic is float32.
//   bias (3C,) float32 or a null pointer: the qkv projection's bias, added to q, k, v as they are
//   read (so the product that made qkv needs no pass of its own to add it).
// Masks: query i may attend to key j when j <= i and, if `segments` (B, T) is not null,
//   segments[b, j] == segments[b, i] (packed samples stay apart). The diagonal is always allowed.
// Dropout on the probabilities, when p > 0: keep(b, h, i, j) = hash(seed, ((b * n_head + h) * T + i)
//   * T + j) >= threshold, with threshold = p * 2^32; kept probabilities are scaled by 1 / (1 - p).
//   The same pure function of the position decides it in all three kernels (and in its NumPy twin,
//   cuda.dropout_keep, that the tests use), so no mask is stored.
//
// Forward: a block of 8 warps handles 8 query rows (one per warp), grid (ceil(T / 8), n_head, B),
//   the last (longest) rows first. Keys go by tiles of 32: the block copies the tile's k and v rows
//   to shared memory, lane l scores key l of the tile, and the row keeps an online softmax:
//     s_ij = q_i . k_j * scale;   m_i = the running max of s_ij;   l_i = sum_j exp(s_ij - m_i)
//     o_i = sum_j exp(s_ij - m_i) * keep_ij / (1 - p) * v_j    (both rescaled when m_i grows)
//     y_i = o_i / l_i;   lse_i = m_i + log(l_i)
// Backward, two kernels so that no two threads add into the same gradient (no atomics):
//   dq:   one warp per query row i, over the key tiles, as in the forward:
//         D_i = dy_i . y_i;   P_ij = exp(s_ij - lse_i);   dP_ij = keep_ij / (1 - p) * (dy_i . v_j)
//         dS_ij = P_ij * (dP_ij - D_i) * scale;   dq_i = sum_j dS_ij k_j       (also writes D)
//   dkdv: one warp per key row j, over the tiles of queries i >= j:
//         dv_j = sum_i P_ij * keep_ij / (1 - p) * dy_i;   dk_j = sum_i dS_ij q_i
//   (D_i = sum_j P_ij dP_ij, the softmax backward's row sum, equals dy_i . y_i because
//   y_i = sum_j P_ij keep_ij / (1 - p) v_j.)
#include "common.cuh"   // to_float, store_float, warp_sum, hash32, NEG_INF

#define ROWS 8        // query (forward, dq) or key (dkdv) rows per block: one per warp
#define TILE 32       // keys (or queries) per tile: one per lane
#define MAX_HS 64     // head size limit: lane l owns features l and l + 32

// The max of v over the 32 lanes of a warp, in every lane (the butterfly of warp_sum).
__device__ __forceinline__ float warp_max(float v) {
    for (int offset = 16; offset > 0; offset >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, offset));
    return v;
}

// Dropout's decision for one attention entry: kept when the hash of (seed, position) >= threshold.
__device__ __forceinline__ bool dropout_keep(unsigned int seed, unsigned int position, unsigned int threshold) {
    return hash32(hash32(position) ^ seed) >= threshold;
}

// Everything the three kernels share about one launch.
struct Attention {
    int B, T, n_head, hs, C;
    float scale;           // 1 / sqrt(hs)
    float p;               // dropout probability (0: no dropout)
    float keep_scale;      // 1 / (1 - p)
    unsigned int threshold, seed;
    const long long* segments;  // (B, T) or null
    const float* bias;          // (3C,) or null

    __device__ bool allowed(int b, int i, int j) const {
        return j <= i && (segments == nullptr || segments[b * T + j] == segments[b * T + i]);
    }
    // The factor on P_ij from dropout: keep_ij / (1 - p), or 1 without dropout.
    __device__ float dropout_factor(int b, int h, int i, int j) const {
        if (p <= 0.0f) return 1.0f;
        const unsigned int position = (unsigned int)((((long long)b * n_head + h) * T + i) * T + j);
        return dropout_keep(seed, position, threshold) ? keep_scale : 0.0f;
    }
    // Element offsets in (B, T, 3C) and (B, T, C) layouts, and in (B, n_head, T).
    __device__ long long q_at(int b, int t, int h) const { return ((long long)b * T + t) * 3 * C + h * hs; }
    __device__ long long y_at(int b, int t, int h) const { return ((long long)b * T + t) * C + h * hs; }
    __device__ long long row_at(int b, int h, int t) const { return ((long long)b * n_head + h) * T + t; }
};

__device__ Attention make_attention(int B, int T, int n_head, int hs, float p, unsigned int threshold,
                                    unsigned int seed, const long long* segments, const float* bias) {
    Attention a;
    a.B = B;
    a.T = T;
    a.n_head = n_head;
    a.hs = hs;
    a.C = n_head * hs;
    a.scale = rsqrtf((float)hs);
    a.p = p;
    a.keep_scale = p > 0.0f ? 1.0f / (1.0f - p) : 1.0f;
    a.threshold = threshold;
    a.seed = seed;
    a.segments = segments;
    a.bias = bias;
    return a;
}

// Feature d of q (part 0), k (1) or v (2) of token t in head h, with the qkv bias added.
template <typename T>
__device__ __forceinline__ float load_qkv(const T* qkv, const Attention& a, int b, int t, int h, int part, int d) {
    const float bias = a.bias == nullptr ? 0.0f : a.bias[part * a.C + h * a.hs + d];
    return to_float(qkv[a.q_at(b, t, h) + part * a.C + d]) + bias;
}

template <typename T>
__device__ void attention_forward(T* y, float* lse, const T* qkv, const Attention a) {
    __shared__ float q_s[ROWS][MAX_HS];         // each warp's query row
    __shared__ float k_s[TILE][MAX_HS + 1];     // +1: lanes read different rows at one feature
    __shared__ float v_s[TILE][MAX_HS];         // lanes read one row at consecutive features
    const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
    const int b = blockIdx.z, h = blockIdx.y;
    const int row0 = (gridDim.x - 1 - blockIdx.x) * ROWS;  // the last rows (most keys) first
    const int i = row0 + warp;
    const bool active = i < a.T;                            // a warp past the end only helps load
    for (int d = lane; d < a.hs; d += 32) q_s[warp][d] = active ? load_qkv(qkv, a, b, i, h, 0, d) : 0.0f;

    float m = NEG_INF, l = 0.0f, o0 = 0.0f, o1 = 0.0f;  // o0: feature lane, o1: lane + 32
    const int last_key = min(a.T, row0 + ROWS) - 1;        // the block's rows see keys 0..last_key
    for (int tile0 = 0; tile0 <= last_key; tile0 += TILE) {
        __syncthreads();  // everyone is done with the previous tile (and q_s is written)
        for (int e = threadIdx.x; e < TILE * a.hs; e += blockDim.x) {
            const int jj = e / a.hs, d = e % a.hs, j = tile0 + jj;
            k_s[jj][d] = j < a.T ? load_qkv(qkv, a, b, j, h, 1, d) : 0.0f;
            v_s[jj][d] = j < a.T ? load_qkv(qkv, a, b, j, h, 2, d) : 0.0f;
        }
        __syncthreads();
        const int j = tile0 + lane;
        const bool ok = active && a.allowed(b, i, j);
        float s = NEG_INF;
        if (ok) {
            float dot = 0.0f;
            for (int d = 0; d < a.hs; d++) dot += q_s[warp][d] * k_s[lane][d];
            s = dot * a.scale;
        }
        const float new_m = fmaxf(m, warp_max(s));
        if (new_m == NEG_INF) continue;          // no allowed key yet for this row (warp-uniform)
        const float rescale = expf(m - new_m);     // 0 when m is still -inf
        const float prob = ok ? expf(s - new_m) : 0.0f;
        l = l * rescale + warp_sum(prob);
        const float dropped = ok ? prob * a.dropout_factor(b, h, i, j) : 0.0f;
        o0 *= rescale;
        o1 *= rescale;
        const int n_keys = min(TILE, last_key - tile0 + 1);
        for (int jj = 0; jj < n_keys; jj++) {
            const float pj = __shfl_sync(0xffffffffu, dropped, jj);  // key jj's weight, to all lanes
            if (lane < a.hs) o0 += pj * v_s[jj][lane];
            if (lane + 32 < a.hs) o1 += pj * v_s[jj][lane + 32];
        }
        m = new_m;
    }
    if (active) {
        const float inv_l = 1.0f / l;
        if (lane < a.hs) store_float(y + a.y_at(b, i, h) + lane, o0 * inv_l);
        if (lane + 32 < a.hs) store_float(y + a.y_at(b, i, h) + lane + 32, o1 * inv_l);
        if (lane == 0) lse[a.row_at(b, h, i)] = m + logf(l);
    }
}

template <typename T>
__device__ void attention_backward_dq(T* dqkv, float* D, const T* dy, const T* y, const T* qkv,
                                      const float* lse, const Attention a) {
    __shared__ float q_s[ROWS][MAX_HS];
    __shared__ float dy_s[ROWS][MAX_HS];
    __shared__ float k_s[TILE][MAX_HS + 1];
    __shared__ float v_s[TILE][MAX_HS + 1];
    const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
    const int b = blockIdx.z, h = blockIdx.y;
    const int row0 = (gridDim.x - 1 - blockIdx.x) * ROWS;
    const int i = row0 + warp;
    const bool active = i < a.T;
    float dy_dot_y = 0.0f;
    for (int d = lane; d < a.hs; d += 32) {
        q_s[warp][d] = active ? load_qkv(qkv, a, b, i, h, 0, d) : 0.0f;
        const float g = active ? to_float(dy[a.y_at(b, i, h) + d]) : 0.0f;
        dy_s[warp][d] = g;
        dy_dot_y += active ? g * to_float(y[a.y_at(b, i, h) + d]) : 0.0f;
    }
    const float D_i = warp_sum(dy_dot_y);
    const float lse_i = active ? lse[a.row_at(b, h, i)] : 0.0f;

    float dq0 = 0.0f, dq1 = 0.0f;
    const int last_key = min(a.T, row0 + ROWS) - 1;
    for (int tile0 = 0; tile0 <= last_key; tile0 += TILE) {
        __syncthreads();
        for (int e = threadIdx.x; e < TILE * a.hs; e += blockDim.x) {
            const int jj = e / a.hs, d = e % a.hs, j = tile0 + jj;
            k_s[jj][d] = j < a.T ? load_qkv(qkv, a, b, j, h, 1, d) : 0.0f;
            v_s[jj][d] = j < a.T ? load_qkv(qkv, a, b, j, h, 2, d) : 0.0f;
        }
        __syncthreads();
        const int j = tile0 + lane;
        float dS = 0.0f;
        if (active && a.allowed(b, i, j)) {
            float qk = 0.0f, dyv = 0.0f;
            for (int d = 0; d < a.hs; d++) {
                qk += q_s[warp][d] * k_s[lane][d];
                dyv += dy_s[warp][d] * v_s[lane][d];
            }
            const float P = expf(qk * a.scale - lse_i);
            const float dP = dyv * a.dropout_factor(b, h, i, j);
            dS = P * (dP - D_i) * a.scale;
        }
        const int n_keys = min(TILE, last_key - tile0 + 1);
        for (int jj = 0; jj < n_keys; jj++) {
            const float dSj = __shfl_sync(0xffffffffu, dS, jj);
            if (lane < a.hs) dq0 += dSj * k_s[jj][lane];
            if (lane + 32 < a.hs) dq1 += dSj * k_s[jj][lane + 32];
        }
    }
    if (active) {
        if (lane < a.hs) store_float(dqkv + a.q_at(b, i, h) + lane, dq0);
        if (lane + 32 < a.hs) store_float(dqkv + a.q_at(b, i, h) + lane + 32, dq1);
        if (lane == 0) D[a.row_at(b, h, i)] = D_i;
    }
}

template <typename T>
__device__ void attention_backward_dkdv(T* dqkv, const T* dy, const T* qkv, const float* lse,
                                        const float* D, const Attention a) {
    __shared__ float k_s[ROWS][MAX_HS];          // each warp's key row
    __shared__ float v_s[ROWS][MAX_HS];
    __shared__ float q_s[TILE][MAX_HS + 1];      // a tile of query rows
    __shared__ float dy_s[TILE][MAX_HS + 1];
    __shared__ float lse_s[TILE], D_s[TILE];
    const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
    const int b = blockIdx.z, h = blockIdx.y;
    const int key0 = blockIdx.x * ROWS;  // the first keys (seen by the most queries) first
    const int j = key0 + warp;
    const bool active = j < a.T;
    for (int d = lane; d < a.hs; d += 32) {
        k_s[warp][d] = active ? load_qkv(qkv, a, b, j, h, 1, d) : 0.0f;
        v_s[warp][d] = active ? load_qkv(qkv, a, b, j, h, 2, d) : 0.0f;
    }
    float dk0 = 0.0f, dk1 = 0.0f, dv0 = 0.0f, dv1 = 0.0f;
    for (int tile0 = key0 / TILE * TILE; tile0 < a.T; tile0 += TILE) {  // queries i >= key0
        __syncthreads();
        for (int e = threadIdx.x; e < TILE * a.hs; e += blockDim.x) {
            const int ii = e / a.hs, d = e % a.hs, i = tile0 + ii;
            q_s[ii][d] = i < a.T ? load_qkv(qkv, a, b, i, h, 0, d) : 0.0f;
            dy_s[ii][d] = i < a.T ? to_float(dy[a.y_at(b, i, h) + d]) : 0.0f;
        }
        if (threadIdx.x < TILE) {
            const int i = tile0 + threadIdx.x;
            lse_s[threadIdx.x] = i < a.T ? lse[a.row_at(b, h, i)] : 0.0f;
            D_s[threadIdx.x] = i < a.T ? D[a.row_at(b, h, i)] : 0.0f;
        }
        __syncthreads();
        const int i = tile0 + lane;
        float dS = 0.0f, dropped = 0.0f;
        if (active && i < a.T && a.allowed(b, i, j)) {
            float qk = 0.0f, dyv = 0.0f;
            for (int d = 0; d < a.hs; d++) {
                qk += q_s[lane][d] * k_s[warp][d];
                dyv += dy_s[lane][d] * v_s[warp][d];
            }
            const float P = expf(qk * a.scale - lse_s[lane]);
            const float factor = a.dropout_factor(b, h, i, j);
            dropped = P * factor;
            dS = P * (dyv * factor - D_s[lane]) * a.scale;
        }
        const int n_queries = min(TILE, a.T - tile0);
        for (int ii = 0; ii < n_queries; ii++) {
            const float dSi = __shfl_sync(0xffffffffu, dS, ii);
            const float Pi = __shfl_sync(0xffffffffu, dropped, ii);
            if (lane < a.hs) {
                dk0 += dSi * q_s[ii][lane];
                dv0 += Pi * dy_s[ii][lane];
            }
            if (lane + 32 < a.hs) {
                dk1 += dSi * q_s[ii][lane + 32];
                dv1 += Pi * dy_s[ii][lane + 32];
            }
        }
    }
    if (active) {
        T* dk = dqkv + a.q_at(b, j, h) + a.C;
        T* dv = dqkv + a.q_at(b, j, h) + 2 * a.C;
        if (lane < a.hs) {
            store_float(dk + lane, dk0);
            store_float(dv + lane, dv0);
        }
        if (lane + 32 < a.hs) {
            store_float(dk + lane + 32, dk1);
            store_float(dv + lane + 32, dv1);
        }
    }
}

// ---- entry points: grid (ceil(T / 8), n_head, B), block 256 -------------------------------------
// seed: the dropout seed the host drew for this call (unused when p = 0); segments: (B, T) int64
// or a null pointer; bias: (3C,) float32 or a null pointer.

extern "C" __global__ void __launch_bounds__(256) attention_forward_f32(
        float* y, float* lse, const float* qkv, const long long* segments, const float* bias, unsigned int seed,
        int B, int T, int n_head, int hs, float p, unsigned int threshold) {
    attention_forward(y, lse, qkv, make_attention(B, T, n_head, hs, p, threshold, seed, segments, bias));
}

extern "C" __global__ void __launch_bounds__(256) attention_forward_f16(
        __half* y, float* lse, const __half* qkv, const long long* segments, const float* bias, unsigned int seed,
        int B, int T, int n_head, int hs, float p, unsigned int threshold) {
    attention_forward(y, lse, qkv, make_attention(B, T, n_head, hs, p, threshold, seed, segments, bias));
}

extern "C" __global__ void __launch_bounds__(256) attention_backward_dq_f32(
        float* dqkv, float* D, const float* dy, const float* y, const float* qkv, const float* lse,
        const long long* segments, const float* bias, unsigned int seed, int B, int T, int n_head, int hs,
        float p, unsigned int threshold) {
    attention_backward_dq(dqkv, D, dy, y, qkv, lse,
                          make_attention(B, T, n_head, hs, p, threshold, seed, segments, bias));
}

extern "C" __global__ void __launch_bounds__(256) attention_backward_dq_f16(
        __half* dqkv, float* D, const __half* dy, const __half* y, const __half* qkv, const float* lse,
        const long long* segments, const float* bias, unsigned int seed, int B, int T, int n_head, int hs,
        float p, unsigned int threshold) {
    attention_backward_dq(dqkv, D, dy, y, qkv, lse,
                          make_attention(B, T, n_head, hs, p, threshold, seed, segments, bias));
}

extern "C" __global__ void __launch_bounds__(256) attention_backward_dkdv_f32(
        float* dqkv, const float* dy, const float* qkv, const float* lse, const float* D,
        const long long* segments, const float* bias, unsigned int seed, int B, int T, int n_head, int hs,
        float p, unsigned int threshold) {
    attention_backward_dkdv(dqkv, dy, qkv, lse, D,
                            make_attention(B, T, n_head, hs, p, threshold, seed, segments, bias));
}

extern "C" __global__ void __launch_bounds__(256) attention_backward_dkdv_f16(
        __half* dqkv, const __half* dy, const __half* qkv, const float* lse, const float* D,
        const long long* segments, const float* bias, unsigned int seed, int B, int T, int n_head, int hs,
        float p, unsigned int threshold) {
    attention_backward_dkdv(dqkv, dy, qkv, lse, D,
                            make_attention(B, T, n_head, hs, p, threshold, seed, segments, bias));
}
