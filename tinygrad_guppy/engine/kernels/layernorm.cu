// layernorm.cu: LayerNorm over the last axis (C features) of N rows, forward and backward.
//
// NumPy reference: fused.layernorm_forward and fused.layernorm_backward.
// Shapes: x (N, C) float32 (the residual stream), w, b (C,) float32, mean, rstd (N,) float32,
//   out (N, C) and dout (N, C) float (the _f32 kernels) or half (_f16: mixed precision),
//   dx (N, C) float32, dw_partial, db_partial (n_chunks, C) float32.
//
// Forward, one warp per row, 8 rows per 256-thread block, grid = ceil(N / 8):
//   mean = sum(x) / C;  var = sum((x - mean)^2) / C  (two passes: E[x^2] - mean^2 cancels badly)
//   rstd = 1 / sqrt(var + eps);  out = (x - mean) * rstd * w + b
// Backward dx, the same layout. With norm = (x - mean) * rstd and dnorm = dout * w:
//   dx = rstd * (dnorm - mean(dnorm) - norm * mean(dnorm * norm))
// Backward dw and db are sums over the N rows. So that the result does not depend on thread timing
//   (no atomics), a block of (32, 8) threads sums 32 columns over one chunk of ROWS_PER_CHUNK rows,
//   grid = (ceil(C / 32), ceil(N / ROWS_PER_CHUNK)), and writes one partial sum per chunk:
//   dw_partial[chunk, c] = sum over the chunk's rows of dout * norm;  db_partial[chunk, c] = sum of dout
//   The caller adds the partials over axis 0.
#include "common.cuh"   // to_float, store_float, warp_sum

#define ROWS_PER_BLOCK 8      // forward and dx: one warp per row
#define ROWS_PER_CHUNK 256    // dw, db: rows summed into one partial

template <typename T>
__device__ void layernorm_forward(T* out, float* mean, float* rstd, const float* x, const float* w,
                                  const float* b, int N, int C, float eps) {
    const int lane = threadIdx.x % 32;
    const int row = blockIdx.x * ROWS_PER_BLOCK + threadIdx.x / 32;
    if (row >= N) return;  // the whole warp leaves together; this kernel has no block barrier
    const float* x_row = x + (long long)row * C;
    float sum = 0.0f;
    for (int c = lane; c < C; c += 32) sum += x_row[c];
    const float m = warp_sum(sum) / C;
    float squares = 0.0f;
    for (int c = lane; c < C; c += 32) {
        const float d = x_row[c] - m;
        squares += d * d;
    }
    const float s = rsqrtf(warp_sum(squares) / C + eps);
    T* out_row = out + (long long)row * C;
    for (int c = lane; c < C; c += 32) store_float(out_row + c, (x_row[c] - m) * s * w[c] + b[c]);
    if (lane == 0) {
        mean[row] = m;
        rstd[row] = s;
    }
}

template <typename T>
__device__ void layernorm_backward_dx(float* dx, const T* dout, const float* x, const float* w,
                                      const float* mean, const float* rstd, int N, int C) {
    const int lane = threadIdx.x % 32;
    const int row = blockIdx.x * ROWS_PER_BLOCK + threadIdx.x / 32;
    if (row >= N) return;
    const long long offset = (long long)row * C;  // start of this row in x, dout and dx
    const float m = mean[row], s = rstd[row];
    float sum_dnorm = 0.0f, sum_dnorm_norm = 0.0f;
    for (int c = lane; c < C; c += 32) {
        const float norm = (x[offset + c] - m) * s;
        const float dnorm = to_float(dout[offset + c]) * w[c];
        sum_dnorm += dnorm;
        sum_dnorm_norm += dnorm * norm;
    }
    const float mean_dnorm = warp_sum(sum_dnorm) / C;
    const float mean_dnorm_norm = warp_sum(sum_dnorm_norm) / C;
    for (int c = lane; c < C; c += 32) {
        const float norm = (x[offset + c] - m) * s;
        const float dnorm = to_float(dout[offset + c]) * w[c];
        dx[offset + c] = s * (dnorm - mean_dnorm - norm * mean_dnorm_norm);
    }
}

template <typename T>
__device__ void layernorm_backward_dwdb(float* dw_partial, float* db_partial, const T* dout,
                                        const float* x, const float* mean, const float* rstd, int N,
                                        int C) {
    __shared__ float dw_s[8][32];   // one row of partial sums per threadIdx.y
    __shared__ float db_s[8][32];
    const int c = blockIdx.x * 32 + threadIdx.x;
    const int first = blockIdx.y * ROWS_PER_CHUNK;
    const int end = min(N, first + ROWS_PER_CHUNK);
    float dw = 0.0f, db = 0.0f;
    if (c < C) {
        for (int r = first + threadIdx.y; r < end; r += 8) {  // 32 threads of a warp read one row
            const long long at = (long long)r * C + c;
            const float d = to_float(dout[at]);
            dw += d * (x[at] - mean[r]) * rstd[r];
            db += d;
        }
    }
    dw_s[threadIdx.y][threadIdx.x] = dw;
    db_s[threadIdx.y][threadIdx.x] = db;
    __syncthreads();
    if (threadIdx.y == 0 && c < C) {
        float sum_dw = 0.0f, sum_db = 0.0f;
        for (int y = 0; y < 8; y++) {  // a fixed order: the same bits every run
            sum_dw += dw_s[y][threadIdx.x];
            sum_db += db_s[y][threadIdx.x];
        }
        dw_partial[(long long)blockIdx.y * C + c] = sum_dw;
        db_partial[(long long)blockIdx.y * C + c] = sum_db;
    }
}

extern "C" __global__ void layernorm_forward_f32(float* out, float* mean, float* rstd, const float* x,
                                                 const float* w, const float* b, int N, int C, float eps) {
    layernorm_forward(out, mean, rstd, x, w, b, N, C, eps);
}

extern "C" __global__ void layernorm_forward_f16(__half* out, float* mean, float* rstd, const float* x,
                                                 const float* w, const float* b, int N, int C, float eps) {
    layernorm_forward(out, mean, rstd, x, w, b, N, C, eps);
}

extern "C" __global__ void layernorm_backward_dx_f32(float* dx, const float* dout, const float* x,
                                                     const float* w, const float* mean,
                                                     const float* rstd, int N, int C) {
    layernorm_backward_dx(dx, dout, x, w, mean, rstd, N, C);
}

extern "C" __global__ void layernorm_backward_dx_f16(float* dx, const __half* dout, const float* x,
                                                     const float* w, const float* mean,
                                                     const float* rstd, int N, int C) {
    layernorm_backward_dx(dx, dout, x, w, mean, rstd, N, C);
}

extern "C" __global__ void layernorm_backward_dwdb_f32(float* dw_partial, float* db_partial,
                                                       const float* dout, const float* x,
                                                       const float* mean, const float* rstd, int N, int C) {
    layernorm_backward_dwdb(dw_partial, db_partial, dout, x, mean, rstd, N, C);
}

extern "C" __global__ void layernorm_backward_dwdb_f16(float* dw_partial, float* db_partial,
                                                       const __half* dout, const float* x,
                                                       const float* mean, const float* rstd, int N, int C) {
    layernorm_backward_dwdb(dw_partial, db_partial, dout, x, mean, rstd, N, C);
}
