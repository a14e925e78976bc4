// adamw.cu: the kernels that run over all parameters at once (one launch per stage, not one per
// tensor): the global gradient norm with clipping and loss-scale unscaling, the AdamW update, the
// dynamic loss-scale update of mixed precision, and the float16 copies of the weights that mixed
// precision multiplies with. Every scalar the stages pass each other stays on the device, so a
// training step never waits for the GPU.
//
// NumPy references: optim.global_grad_norm and optim.clip_scale (norm and clip), optim.AdamW.step
// (the update: the formula in its docstring), amp.GradScaler (the loss-scale rules, in its docstring).
// Tensors: n float32 contiguous arrays given by tables of device pointers: `grads` (n,) for the norm
//   and AdamW; `table` (3, n) for AdamW, rows = params, m, v (the parameters never move, so this
//   table is made once; the gradients' is shared by the two kernels of a step). The work is cut into chunks of CHUNK
//   elements: chunk c covers elements [chunk_start[c], min(chunk_start[c] + CHUNK, sizes[t])) of
//   tensor t = chunk_tensor[c] (both tables are made once on the host). Each chunk is one block.
//
// grad_norm_partial (grid n_chunks, 256 threads):  partial[c] = sum of g^2 over chunk c
// grad_norm_finalize (1 block, 256 threads), in a fixed order (the same bits every run):
//   total = sum(partial);  norm = sqrt(total) / loss_scale  (the gradients are of loss * loss_scale)
//   found_inf = total is not finite (a NaN or inf anywhere makes the sum so)
//   clip = min(1, max_norm / (norm + 1e-6)), or 1 when max_norm <= 0;  multiplier = clip / loss_scale
//   -> out = [norm, multiplier, found_inf (0 or 1)]
// adamw_prepare (1 thread): unless found_inf: t += 1;  bc1 = 1 - beta1^t;  bc2 = 1 - beta2^t
//   -> state = [t, bc1, bc2]   (a skipped step does not count, as with PyTorch's GradScaler)
// adamw_update (grid n_chunks, 256 threads), nothing at all when found_inf:
//   g = grad * multiplier;  m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g^2
//   p = p (1 - lr weight_decay) - lr / bc1 * m / (sqrt(v) / sqrt(bc2) + eps)
// loss_scale_update (1 thread): scaler = [scale, clean_steps, last_scale];  last_scale = scale (the
//   scale this step's gradients hold, for whoever reads them later); then
//   found_inf: scale *= backoff, clean_steps = 0;  else clean_steps += 1, and at growth_interval
//   clean steps in a row: scale *= growth, clean_steps = 0.
// found_inf and loss_scale may be null pointers (no loss scaling: never skip; scale 1).
// cast_to_half (grid n_chunks, 256 threads): `table` (2, n), rows = float32 tensors, their float16
//   copies:  copy = float16(tensor)   (rounded to nearest)
#include <cuda_fp16.h>

#define CHUNK 2048
#define THREADS 256

// The sum over the block of each thread's value, returned to thread 0 (a tree in shared memory).
__device__ float block_sum(float value, float* scratch) {
    scratch[threadIdx.x] = value;
    for (int half = THREADS / 2; half > 0; half /= 2) {
        __syncthreads();
        if (threadIdx.x < half) scratch[threadIdx.x] += scratch[threadIdx.x + half];
    }
    return scratch[0];
}

extern "C" __global__ void __launch_bounds__(THREADS) grad_norm_partial(
        float* partial, const unsigned long long* grads, const int* chunk_tensor,
        const long long* chunk_start, const long long* sizes) {
    __shared__ float scratch[THREADS];
    const int t = chunk_tensor[blockIdx.x];
    const float* g = (const float*)grads[t];
    const long long start = chunk_start[blockIdx.x];
    const long long end = min(sizes[t], start + CHUNK);
    float sum = 0.0f;
    for (long long e = start + threadIdx.x; e < end; e += THREADS) sum += g[e] * g[e];
    const float total = block_sum(sum, scratch);
    if (threadIdx.x == 0) partial[blockIdx.x] = total;
}

extern "C" __global__ void __launch_bounds__(THREADS) grad_norm_finalize(
        float* out, const float* partial, int n_partial, const float* loss_scale, float max_norm) {
    __shared__ float scratch[THREADS];
    float sum = 0.0f;
    for (int i = threadIdx.x; i < n_partial; i += THREADS) sum += partial[i];
    const float total = block_sum(sum, scratch);
    if (threadIdx.x == 0) {
        const float scale = loss_scale == nullptr ? 1.0f : loss_scale[0];
        const float norm = sqrtf(total) / scale;
        const bool found_inf = !isfinite(total);
        const float clip = max_norm > 0.0f ? fminf(1.0f, max_norm / (norm + 1e-6f)) : 1.0f;
        out[0] = norm;
        out[1] = found_inf ? 0.0f : clip / scale;
        out[2] = found_inf ? 1.0f : 0.0f;
    }
}

extern "C" __global__ void adamw_prepare(float* state, const float* found_inf, float beta1, float beta2) {
    if (threadIdx.x != 0 || (found_inf != nullptr && found_inf[0] != 0.0f)) return;
    const float t = state[0] + 1.0f;
    state[0] = t;
    state[1] = 1.0f - powf(beta1, t);
    state[2] = 1.0f - powf(beta2, t);
}

extern "C" __global__ void __launch_bounds__(THREADS) adamw_update(
        const unsigned long long* table, const unsigned long long* grads, const int* chunk_tensor,
        const long long* chunk_start, const long long* sizes, int n, const float* state,
        const float* multiplier, const float* found_inf, float lr, float beta1, float beta2, float eps,
        float weight_decay) {
    if (found_inf != nullptr && found_inf[0] != 0.0f) return;  // the same for every thread
    const int t = chunk_tensor[blockIdx.x];
    float* p = (float*)table[t];
    const float* g = (const float*)grads[t];
    float* m = (float*)table[n + t];
    float* v = (float*)table[2 * n + t];
    const float scale = multiplier[0];
    const float decay = 1.0f - lr * weight_decay;
    const float step_size = lr / state[1];
    const float v_correction = 1.0f / sqrtf(state[2]);
    const long long start = chunk_start[blockIdx.x];
    const long long end = min(sizes[t], start + CHUNK);
    for (long long e = start + threadIdx.x; e < end; e += THREADS) {
        const float grad = g[e] * scale;
        const float m_e = beta1 * m[e] + (1.0f - beta1) * grad;
        const float v_e = beta2 * v[e] + (1.0f - beta2) * grad * grad;
        m[e] = m_e;
        v[e] = v_e;
        p[e] = p[e] * decay - step_size * m_e / (sqrtf(v_e) * v_correction + eps);
    }
}

extern "C" __global__ void loss_scale_update(float* scaler, const float* found_inf, float growth,
                                             float backoff, int growth_interval) {
    if (threadIdx.x != 0) return;
    scaler[2] = scaler[0];
    if (found_inf[0] != 0.0f) {
        scaler[0] *= backoff;
        scaler[1] = 0.0f;
    } else if (scaler[1] + 1.0f >= (float)growth_interval) {
        scaler[0] *= growth;
        scaler[1] = 0.0f;
    } else {
        scaler[1] += 1.0f;
    }
}

extern "C" __global__ void __launch_bounds__(THREADS) cast_to_half(
        const unsigned long long* table, const int* chunk_tensor, const long long* chunk_start,
        const long long* sizes, int n) {
    const int t = chunk_tensor[blockIdx.x];
    const float* x = (const float*)table[t];
    __half* copy = (__half*)table[n + t];
    const long long start = chunk_start[blockIdx.x];
    const long long end = min(sizes[t], start + CHUNK);
    for (long long e = start + threadIdx.x; e < end; e += THREADS) copy[e] = __float2half(x[e]);
}
