// cross_entropy.cu: softmax cross-entropy of N rows of V logits against integer targets, with an
// ignore index, forward and backward. The probabilities are never stored: the forward keeps one
// log-sum-exp per row and the backward recomputes softmax from it.
//
// NumPy reference: fused.cross_entropy_forward and fused.cross_entropy_backward.
// Shapes: logits, dlogits (N, V) float (the _f32 kernels) or half (_f16); targets (N,) int64;
//   losses, lse (N,) float32; loss, n_valid, dloss: one float32 each (0-d arrays on the device).
//
// cross_entropy_rows: one 256-thread block per row, grid N. Each thread runs an online softmax over
//   its columns (when the max grows from m to m', the sum so far is multiplied by exp(m - m')), the
//   block merges the 256 (max, sum) pairs, and
//     lse = max + log(sum);   losses[row] = lse - logits[row, target]  (0 when target == ignore_index)
// cross_entropy_mean: one 256-thread block adds the row losses and counts the valid rows in a fixed
//   order (the same bits every run):  n_valid = max(count, 1);  loss = sum(losses) / n_valid
// cross_entropy_backward: grid N, 256 threads; dloss is the upstream gradient (the loss scale in
//   mixed precision):
//     dlogits[row, v] = (exp(logits[row, v] - lse[row]) - (v == target)) * dloss / n_valid,
//     and 0 on rows whose target is ignore_index.
#include "common.cuh"   // to_float, store_float, NEG_INF

#define THREADS 256

// Merge two partial softmax sums: (m, s) with s = sum exp(x - m) over some values.
__device__ __forceinline__ void merge(float& m, float& s, float other_m, float other_s) {
    const float new_m = fmaxf(m, other_m);
    if (new_m == NEG_INF) return;  // both empty: exp(-inf - -inf) would be NaN
    s = s * expf(m - new_m) + other_s * expf(other_m - new_m);
    m = new_m;
}

template <typename T>
__device__ void cross_entropy_rows(float* losses, float* lse, const T* logits, const long long* targets,
                                   int V, long long ignore_index, float* m_s, float* s_s) {
    const long long row = blockIdx.x;
    const T* x = logits + row * V;
    float m = NEG_INF, s = 0.0f;
    for (int v = threadIdx.x; v < V; v += THREADS) {
        const float xv = to_float(x[v]);
        if (xv > m) {              // a new max: rescale the sum so far (0 * exp(-inf) = 0 at the start)
            s = s * expf(m - xv) + 1.0f;
            m = xv;
        } else {
            s += expf(xv - m);
        }
    }
    for (int offset = 16; offset > 0; offset >>= 1) {  // merge within the warp
        const float other_m = __shfl_xor_sync(0xffffffffu, m, offset);
        const float other_s = __shfl_xor_sync(0xffffffffu, s, offset);
        merge(m, s, other_m, other_s);
    }
    const int warp = threadIdx.x / 32;
    if (threadIdx.x % 32 == 0) {
        m_s[warp] = m;
        s_s[warp] = s;
    }
    __syncthreads();
    if (threadIdx.x == 0) {
        float block_m = m_s[0], block_s = s_s[0];
        for (int w = 1; w < THREADS / 32; w++) merge(block_m, block_s, m_s[w], s_s[w]);
        const float row_lse = block_m + logf(block_s);
        const long long target = targets[row];
        lse[row] = row_lse;
        losses[row] = target == ignore_index ? 0.0f : row_lse - to_float(x[target]);
    }
}

template <typename T>
__device__ void cross_entropy_backward(T* dlogits, const T* logits, const float* lse, const long long* targets,
                                       const float* dloss, const float* n_valid, int V, long long ignore_index) {
    const long long row = blockIdx.x;
    const long long target = targets[row];
    const float factor = target == ignore_index ? 0.0f : dloss[0] / n_valid[0];
    const float row_lse = lse[row];
    for (int v = threadIdx.x; v < V; v += THREADS) {
        const float p = expf(to_float(logits[row * V + v]) - row_lse);
        store_float(dlogits + row * V + v, (p - (v == target ? 1.0f : 0.0f)) * factor);
    }
}

extern "C" __global__ void __launch_bounds__(THREADS) cross_entropy_rows_f32(
        float* losses, float* lse, const float* logits, const long long* targets, int V, long long ignore_index) {
    __shared__ float m_s[THREADS / 32];
    __shared__ float s_s[THREADS / 32];
    cross_entropy_rows(losses, lse, logits, targets, V, ignore_index, m_s, s_s);
}

extern "C" __global__ void __launch_bounds__(THREADS) cross_entropy_rows_f16(
        float* losses, float* lse, const __half* logits, const long long* targets, int V, long long ignore_index) {
    __shared__ float m_s[THREADS / 32];
    __shared__ float s_s[THREADS / 32];
    cross_entropy_rows(losses, lse, logits, targets, V, ignore_index, m_s, s_s);
}

extern "C" __global__ void __launch_bounds__(THREADS) cross_entropy_mean(
        float* loss, float* n_valid, const float* losses, const long long* targets, int N, long long ignore_index) {
    __shared__ float sum_s[THREADS];
    __shared__ float count_s[THREADS];
    float sum = 0.0f, count = 0.0f;
    for (int row = threadIdx.x; row < N; row += THREADS) {
        sum += losses[row];
        count += targets[row] == ignore_index ? 0.0f : 1.0f;
    }
    sum_s[threadIdx.x] = sum;
    count_s[threadIdx.x] = count;
    for (int half = THREADS / 2; half > 0; half /= 2) {  // a tree over shared memory, fixed order
        __syncthreads();
        if (threadIdx.x < half) {
            sum_s[threadIdx.x] += sum_s[threadIdx.x + half];
            count_s[threadIdx.x] += count_s[threadIdx.x + half];
        }
    }
    if (threadIdx.x == 0) {
        const float valid = fmaxf(count_s[0], 1.0f);
        n_valid[0] = valid;
        loss[0] = sum_s[0] / valid;
    }
}

extern "C" __global__ void __launch_bounds__(THREADS) cross_entropy_backward_f32(
        float* dlogits, const float* logits, const float* lse, const long long* targets,
        const float* dloss, const float* n_valid, int V, long long ignore_index) {
    cross_entropy_backward(dlogits, logits, lse, targets, dloss, n_valid, V, ignore_index);
}

extern "C" __global__ void __launch_bounds__(THREADS) cross_entropy_backward_f16(
        __half* dlogits, const __half* logits, const float* lse, const long long* targets,
        const float* dloss, const float* n_valid, int V, long long ignore_index) {
    cross_entropy_backward(dlogits, logits, lse, targets, dloss, n_valid, V, ignore_index);
}
