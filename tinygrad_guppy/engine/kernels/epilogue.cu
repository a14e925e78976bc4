// epilogue.cu: what follows a matrix product, in one pass each: the bias, ReLU, dropout and the
// residual add, forward and backward (the bias gradient computed in the same pass).
//
// NumPy references: fused.bias_relu_forward / bias_relu_backward, fused.residual_forward /
// residual_backward, and ops.Dropout (dropout alone).
// Shapes: y, dy (N, C) float (the _f32 kernels) or half (_f16: mixed precision), the output of a
//   matrix product without its bias; b, db (C,) float32; x, out, dout of the residual kernels
//   (N, C) float32 (the residual stream).
// Dropout: keep(position) = hash32(hash32(position) ^ seed) >= threshold, position = row * C + col,
//   threshold = p * 2^32 (0: keep everything); kept values are scaled by 1 / (1 - p). The same
//   function as attention.cu's (and cuda.dropout_keep, its NumPy twin), of a seed the host draws
//   for each call, so no mask is stored and the backward decides again what the forward kept.
//
// bias_relu_forward (elementwise, grid ceil(N * C / 256), 256 threads):
//   out = relu(y + b)
// bias_relu_backward (one block of (32, 8) threads per 32 columns, all N rows, grid ceil(C / 32)):
//   dz = dout where out > 0, else 0;   dy = dz;   db = sum over rows of dz
// residual_forward (elementwise):   out = x + dropout(y + b)
// residual_backward (as bias_relu_backward):   dz = dout * keep / (1 - p);   dy = dz;   db = sum of dz
// dropout (elementwise):   out = x * keep / (1 - p)   (its backward is the same call on dout)
// A column block adds its rows in a fixed order (thread row ty takes rows ty, ty + 8, ...; then the
// 8 partial sums in order), so db has the same bits every run, without atomics.
#include "common.cuh"   // to_float, store_float, dropout_factor

#define THREADS 256
#define COLUMNS 32     // columns per block in the backward kernels (one per lane)
#define ROW_PHASES 8   // threadIdx.y: rows ty, ty + 8, ty + 16, ...

template <typename T>
__device__ void bias_relu_forward(T* out, const T* y, const float* b, long long n, int C) {
    const long long e = (long long)blockIdx.x * THREADS + threadIdx.x;
    if (e >= n) return;
    store_float(out + e, fmaxf(to_float(y[e]) + b[e % C], 0.0f));
}

// The column-block backward shared by bias_relu_backward and residual_backward: column c, rows
// ty, ty + 8, ...;  dz = dout * (relu_out > 0, when relu_out is given) * dropout factor.
template <typename T, typename Gradient>
__device__ void column_backward(T* dy, float* db, const Gradient* dout, const T* relu_out, int N, int C,
                                unsigned int seed, unsigned int threshold, float keep_scale,
                                float (*db_s)[COLUMNS]) {
    const int c = blockIdx.x * COLUMNS + threadIdx.x;
    float sum = 0.0f;
    if (c < C) {
        for (int r = threadIdx.y; r < N; r += ROW_PHASES) {
            const long long at = (long long)r * C + c;
            float dz = to_float(dout[at]) * dropout_factor((unsigned int)at, seed, threshold, keep_scale);
            if (relu_out != nullptr && !(to_float(relu_out[at]) > 0.0f)) dz = 0.0f;
            store_float(dy + at, dz);
            sum += dz;
        }
    }
    db_s[threadIdx.y][threadIdx.x] = sum;
    __syncthreads();
    if (threadIdx.y == 0 && c < C) {
        float total = 0.0f;
        for (int y = 0; y < ROW_PHASES; y++) total += db_s[y][threadIdx.x];  // a fixed order
        db[c] = total;
    }
}

template <typename T>
__device__ void residual_forward(float* out, const float* x, const T* y, const float* b, long long n, int C,
                                 unsigned int seed, unsigned int threshold, float keep_scale) {
    const long long e = (long long)blockIdx.x * THREADS + threadIdx.x;
    if (e >= n) return;
    out[e] = x[e] + (to_float(y[e]) + b[e % C]) * dropout_factor((unsigned int)e, seed, threshold, keep_scale);
}

template <typename T>
__device__ void dropout(T* out, const T* x, long long n, unsigned int seed, unsigned int threshold, float keep_scale) {
    const long long e = (long long)blockIdx.x * THREADS + threadIdx.x;
    if (e >= n) return;
    store_float(out + e, to_float(x[e]) * dropout_factor((unsigned int)e, seed, threshold, keep_scale));
}

// ---- entry points ----------------------------------------------------------------------------------

extern "C" __global__ void __launch_bounds__(THREADS) bias_relu_forward_f32(
        float* out, const float* y, const float* b, long long n, int C) {
    bias_relu_forward(out, y, b, n, C);
}

extern "C" __global__ void __launch_bounds__(THREADS) bias_relu_forward_f16(
        __half* out, const __half* y, const float* b, long long n, int C) {
    bias_relu_forward(out, y, b, n, C);
}

extern "C" __global__ void __launch_bounds__(THREADS) bias_relu_backward_f32(
        float* dy, float* db, const float* dout, const float* out, int N, int C) {
    __shared__ float db_s[ROW_PHASES][COLUMNS];
    column_backward(dy, db, dout, out, N, C, 0u, 0u, 1.0f, db_s);
}

extern "C" __global__ void __launch_bounds__(THREADS) bias_relu_backward_f16(
        __half* dy, float* db, const __half* dout, const __half* out, int N, int C) {
    __shared__ float db_s[ROW_PHASES][COLUMNS];
    column_backward(dy, db, dout, out, N, C, 0u, 0u, 1.0f, db_s);
}

extern "C" __global__ void __launch_bounds__(THREADS) residual_forward_f32(
        float* out, const float* x, const float* y, const float* b, long long n, int C, unsigned int seed,
        unsigned int threshold, float keep_scale) {
    residual_forward(out, x, y, b, n, C, seed, threshold, keep_scale);
}

extern "C" __global__ void __launch_bounds__(THREADS) residual_forward_f16(
        float* out, const float* x, const __half* y, const float* b, long long n, int C, unsigned int seed,
        unsigned int threshold, float keep_scale) {
    residual_forward(out, x, y, b, n, C, seed, threshold, keep_scale);
}

extern "C" __global__ void __launch_bounds__(THREADS) residual_backward_f32(
        float* dy, float* db, const float* dout, int N, int C, unsigned int seed, unsigned int threshold,
        float keep_scale) {
    __shared__ float db_s[ROW_PHASES][COLUMNS];
    column_backward(dy, db, dout, (const float*)nullptr, N, C, seed, threshold, keep_scale, db_s);
}

extern "C" __global__ void __launch_bounds__(THREADS) residual_backward_f16(
        __half* dy, float* db, const float* dout, int N, int C, unsigned int seed, unsigned int threshold,
        float keep_scale) {
    __shared__ float db_s[ROW_PHASES][COLUMNS];
    column_backward(dy, db, dout, (const __half*)nullptr, N, C, seed, threshold, keep_scale, db_s);
}

extern "C" __global__ void __launch_bounds__(THREADS) dropout_f32(
        float* out, const float* x, long long n, unsigned int seed, unsigned int threshold, float keep_scale) {
    dropout(out, x, n, seed, threshold, keep_scale);
}

extern "C" __global__ void __launch_bounds__(THREADS) dropout_f16(
        __half* out, const __half* x, long long n, unsigned int seed, unsigned int threshold, float keep_scale) {
    dropout(out, x, n, seed, threshold, keep_scale);
}
