// gemm.cu: C = A @ B for half-precision A and B on tensor cores (WMMA: 16x16x16 products with
// float32 accumulation), written to be read. cuBLAS stays the default; this kernel is switched on
// with TINYGRAD_GUPPY_GEMM=ours (see cuda.py), checked against cuBLAS in tests/test_gpu.py and timed
// beside it in bench/gpu.py.
//
// NumPy reference: a @ b on float32 copies of the operands.
// Shapes: A is M x K and B is K x N, each given by a pointer and two strides in elements (a step
//   down a row, a step along a column), so a transposed operand is read in place, never copied:
//   A[m, k] = a[m * a_row + k * a_col];  B[k, n] = b[k * b_row + n * b_col].
//   C (M, N) is row-major, float (gemm_f32) or half (gemm_f16). Any M, N, K >= 1.
//
// Layout: a block of 4 warps computes one 64 x 64 tile of C (grid (ceil(N / 64), ceil(M / 64))),
//   each warp a 32 x 32 quarter held in 2 x 2 accumulator fragments of 16 x 16. The block walks K in
//   steps of 32: it copies the 64 x 32 slice of A and the 32 x 64 slice of B into shared memory
//   (zeros past the edges of the matrices, so no size needs to be a multiple of anything), then
//   each warp multiplies its fragments: 2 (along K) x 2 x 2 mma_sync. At the end the accumulators go
//   through shared memory so that the edge tiles can be written with bounds checks.
// Copies are coalesced when the operand's stride along the copied row is 1: the loop below picks
//   the order in which consecutive threads touch consecutive addresses.
#include "common.cuh"   // store_float (and cuda_fp16.h)
#include <mma.h>

using namespace nvcuda;

#define TILE_M 64
#define TILE_N 64
#define TILE_K 32
#define PAD 8         // extra halves per shared row: fewer bank conflicts, rows still 32-byte aligned


// Copy the rows x cols block of X starting at (r0, c0) into tile (row length ld) as half; zeros
// outside the rows_total x cols_total matrix.
__device__ void copy_tile(__half* tile, int ld, const __half* x, long long x_row, long long x_col,
                          int r0, int c0, int rows, int cols, int rows_total, int cols_total) {
    const bool along_rows = x_col == 1;  // consecutive threads take consecutive columns if that is contiguous
    for (int e = threadIdx.x; e < rows * cols; e += blockDim.x) {
        const int r = along_rows ? e / cols : e % rows;
        const int c = along_rows ? e % cols : e / rows;
        const int gr = r0 + r, gc = c0 + c;
        tile[r * ld + c] = (gr < rows_total && gc < cols_total) ? x[gr * x_row + gc * x_col] : __float2half(0.0f);
    }
}

template <typename T>
__device__ void gemm(T* c, const __half* a, const __half* b, int M, int N, int K, long long a_row,
                     long long a_col, long long b_row, long long b_col) {
    __shared__ __align__(32) __half a_s[TILE_M][TILE_K + PAD];
    __shared__ __align__(32) __half b_s[TILE_K][TILE_N + PAD];
    __shared__ __align__(32) float c_s[TILE_M][TILE_N + PAD];
    const int warp = threadIdx.x / 32;
    const int m0 = blockIdx.y * TILE_M, n0 = blockIdx.x * TILE_N;
    const int wm = (warp / 2) * 32, wn = (warp % 2) * 32;  // this warp's quarter of the tile

    wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc[2][2];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) wmma::fill_fragment(acc[i][j], 0.0f);

    for (int k0 = 0; k0 < K; k0 += TILE_K) {
        __syncthreads();  // the previous step's tiles have been read
        copy_tile(&a_s[0][0], TILE_K + PAD, a, a_row, a_col, m0, k0, TILE_M, TILE_K, M, K);
        copy_tile(&b_s[0][0], TILE_N + PAD, b, b_row, b_col, k0, n0, TILE_K, TILE_N, K, N);
        __syncthreads();
        for (int kk = 0; kk < TILE_K; kk += 16) {
            wmma::fragment<wmma::matrix_a, 16, 16, 16, __half, wmma::row_major> a_frag[2];
            wmma::fragment<wmma::matrix_b, 16, 16, 16, __half, wmma::row_major> b_frag[2];
            for (int i = 0; i < 2; i++) wmma::load_matrix_sync(a_frag[i], &a_s[wm + 16 * i][kk], TILE_K + PAD);
            for (int j = 0; j < 2; j++) wmma::load_matrix_sync(b_frag[j], &b_s[kk][wn + 16 * j], TILE_N + PAD);
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++) wmma::mma_sync(acc[i][j], a_frag[i], b_frag[j], acc[i][j]);
        }
    }
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            wmma::store_matrix_sync(&c_s[wm + 16 * i][wn + 16 * j], acc[i][j], TILE_N + PAD, wmma::mem_row_major);
    __syncthreads();
    for (int e = threadIdx.x; e < TILE_M * TILE_N; e += blockDim.x) {
        const int r = e / TILE_N, col = e % TILE_N;
        if (m0 + r < M && n0 + col < N) store_float(c + (long long)(m0 + r) * N + n0 + col, c_s[r][col]);
    }
}

extern "C" __global__ void __launch_bounds__(128) gemm_f32(float* c, const __half* a, const __half* b, int M,
                                                           int N, int K, long long a_row, long long a_col,
                                                           long long b_row, long long b_col) {
    gemm(c, a, b, M, N, K, a_row, a_col, b_row, b_col);
}

extern "C" __global__ void __launch_bounds__(128) gemm_f16(__half* c, const __half* a, const __half* b, int M,
                                                           int N, int K, long long a_row, long long a_col,
                                                           long long b_row, long long b_col) {
    gemm(c, a, b, M, N, K, a_row, a_col, b_row, b_col);
}
