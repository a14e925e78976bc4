// layernorm.cu: LayerNorm over the last axis (C features) of N rows, forward and backward.
//
// NumPy reference: fused.layernorm_forward and fused.layernorm_backward.
// Shapes: x (N, C) float32 (the residual stream), w, b (C,) float32, mean, rstd (N,) float32,
//   out (N, C) and dout (N, C) float (the _f32 kernels) or half (_f16: mixed precision),
//   dx (N, C), dw, db (C,) float32.
//
// Forward, one warp per row, 8 rows per 256-thread block, grid = ceil(N / 8):
//   mean = sum(x) / C;  var = sum((x - mean)^2) / C  (two passes: E[x^2] - mean^2 cancels badly)
//   rstd = 1 / sqrt(var + eps);  out = (x - mean) * rstd * w + b
// Backward, one launch doing two independent jobs, grid = ceil(N / 8) + ceil(C / 32) blocks of 256:
//   the first ceil(N / 8) blocks compute dx, one warp per row as in the forward. With
//   norm = (x - mean) * rstd and dnorm = dout * w:
//     dx = rstd * (dnorm - mean(dnorm) - norm * mean(dnorm * norm))
//   the other blocks compute dw and db, sums over the N rows, 32 columns per block: thread
//   (lane, y = warp) adds rows y, y + 8, ..., then the 8 partial sums are added in order (the same
//   bits every run, no atomics):
//     dw = sum over rows of dout * norm;   db = sum over rows of dout
#include "common.cuh"   // to_float, store_float, warp_sum

#define ROWS_PER_BLOCK 8      // forward and dx: one warp per row
#define COLUMNS 32            // dw and db: columns per block (one per lane)

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
                                      const float* mean, const float* rstd, int N, int C, int block) {
    const int lane = threadIdx.x % 32;
    const int row = block * ROWS_PER_BLOCK + threadIdx.x / 32;
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
__device__ void layernorm_backward_dwdb(float* dw, float* db, const T* dout, const float* x, const float* mean,
                                        const float* rstd, int N, int C, int block) {
    __shared__ float dw_s[ROWS_PER_BLOCK][COLUMNS];   // one row of partial sums per warp
    __shared__ float db_s[ROWS_PER_BLOCK][COLUMNS];
    const int lane = threadIdx.x % 32, y = threadIdx.x / 32;
    const int c = block * COLUMNS + lane;
    float dw_sum = 0.0f, db_sum = 0.0f;
    if (c < C) {
        for (int r = y; r < N; r += ROWS_PER_BLOCK) {  // the 32 lanes of a warp read one row
            const long long at = (long long)r * C + c;
            const float d = to_float(dout[at]);
            dw_sum += d * (x[at] - mean[r]) * rstd[r];
            db_sum += d;
        }
    }
    dw_s[y][lane] = dw_sum;
    db_s[y][lane] = db_sum;
    __syncthreads();
    if (y == 0 && c < C) {
        float total_dw = 0.0f, total_db = 0.0f;
        for (int k = 0; k < ROWS_PER_BLOCK; k++) {  // a fixed order: the same bits every run
            total_dw += dw_s[k][lane];
            total_db += db_s[k][lane];
        }
        dw[c] = total_dw;
        db[c] = total_db;
    }
}

template <typename T>
__device__ void layernorm_backward(float* dx, float* dw, float* db, const T* dout, const float* x, const float* w,
                                   const float* mean, const float* rstd, int N, int C) {
    const int row_blocks = (N + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
    if ((int)blockIdx.x < row_blocks) {
        layernorm_backward_dx(dx, dout, x, w, mean, rstd, N, C, blockIdx.x);
    } else {
        layernorm_backward_dwdb(dw, db, dout, x, mean, rstd, N, C, blockIdx.x - row_blocks);
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

extern "C" __global__ void layernorm_backward_f32(float* dx, float* dw, float* db, const float* dout,
                                                  const float* x, const float* w, const float* mean,
                                                  const float* rstd, int N, int C) {
    layernorm_backward(dx, dw, db, dout, x, w, mean, rstd, N, C);
}

extern "C" __global__ void layernorm_backward_f16(float* dx, float* dw, float* db, const __half* dout,
                                                  const float* x, const float* w, const float* mean,
                                                  const float* rstd, int N, int C) {
    layernorm_backward(dx, dw, db, dout, x, w, mean, rstd, N, C);
}
