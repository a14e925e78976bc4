// cudasim.h: just enough of CUDA to run our kernels on the CPU, for tests on machines without a GPU.
//
// Force-included (g++ -include cudasim.h) before a kernel file from tinygrad_guppy/engine/kernels/. Each GPU
// thread becomes a fiber (its own stack); the threads of one block run on one OS thread, switching only
// at __syncthreads(), __syncwarp() and warp shuffles, and blocks run one after another. This is
// slow (fine for small test shapes) but exact about what our kernels rely on, and stricter than a
// GPU in ways that catch real bugs:
// - __shared__ memory is refilled with 0xFF bytes (a NaN as float or half) before every block, so
//   reading shared memory nobody wrote gives NaN instead of a stale plausible value;
// - a __syncthreads() that some thread of the block never reaches (or reaches after others
//   exited), and a warp shuffle that some lane of the warp never reaches, are reported as errors
//   instead of hanging or being undefined;
// - WMMA loads and stores check the 32-byte pointer alignment and the ldm rules of real hardware.
// Blocks must be a whole number of warps (ours always are). Floating point is the host's (no FMA
// contraction, no flush-to-zero), so results differ from a GPU's in the last bits only.
#pragma once

#include <ucontext.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

// ---- qualifiers ----------------------------------------------------------------------------------
#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __launch_bounds__(...)
#define __align__(n) __attribute__((aligned(n)))
// Every __shared__ variable is a static local placed in one linker section, so the simulator can
// find all of them (between __start_ and __stop_cudasim_shared) and poison them before each block.
#define __shared__ __attribute__((section("cudasim_shared"))) static

struct uint3 { unsigned int x, y, z; };
struct dim3 {
    unsigned int x, y, z;
    constexpr dim3(unsigned int x_ = 1, unsigned int y_ = 1, unsigned int z_ = 1) : x(x_), y(y_), z(z_) {}
};

namespace cudasim {

enum State { READY, AT_BLOCK_BARRIER, AT_WARP_BARRIER, DONE };

// Switching between fibers. On x86-64 a few instructions save the callee-saved registers on the
// old stack and pop them from the new one (glibc's swapcontext also saves the signal mask with a
// system call, which made the simulator 10x slower); elsewhere, ucontext.
#if defined(__x86_64__)
extern "C" void cudasim_switch(void** save_sp, void* load_sp);
asm(R"(
    .text
    .globl cudasim_switch
    .hidden cudasim_switch
    .type cudasim_switch, @function
cudasim_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
)");
struct Context {
    void* sp = nullptr;
};
inline void switch_context(Context& save, Context& load) { cudasim_switch(&save.sp, load.sp); }
inline void make_context(Context& c, char* stack, size_t size, void (*entry)()) {
    uintptr_t top = ((uintptr_t)(stack + size)) & ~(uintptr_t)15;
    void** sp = (void**)top;
    *--sp = nullptr;             // where entry's return address would be: entry never returns
    *--sp = (void*)entry;        // popped by cudasim_switch's ret
    for (int i = 0; i < 6; i++) *--sp = nullptr;  // rbp rbx r12 r13 r14 r15
    c.sp = sp;
}
#else
struct Context {
    ucontext_t uc;
};
inline void switch_context(Context& save, Context& load) { swapcontext(&save.uc, &load.uc); }
inline void make_context(Context& c, char* stack, size_t size, void (*entry)()) {
    getcontext(&c.uc);
    c.uc.uc_stack.ss_sp = stack;
    c.uc.uc_stack.ss_size = size;
    c.uc.uc_link = nullptr;
    makecontext(&c.uc, entry, 0);
}
#endif

struct Fiber {
    Context context;
    uint3 thread_idx;
    int warp, lane;
    State state;
};

struct Launch {
    dim3 grid, block;
    uint3 block_idx;
    std::function<void()> body;
    std::vector<Fiber> fibers;
    int current = -1;
    Context scheduler;
    int block_arrived = 0, exited = 0;
    std::vector<int> warp_arrived;
    std::vector<uint64_t> warp_slots;  // 32 per warp, for shuffles
    std::string error;
};

inline Launch* launch_state = nullptr;
constexpr size_t kStackBytes = 64 * 1024;

inline Fiber& current_fiber() { return launch_state->fibers[launch_state->current]; }

inline void yield_to_scheduler() {
    switch_context(current_fiber().context, launch_state->scheduler);
}

// Report the first error and stop this fiber for good (the scheduler never resumes it).
inline void fail(const std::string& message) {
    Launch& L = *launch_state;
    if (L.error.empty()) {
        const Fiber& f = current_fiber();
        char where[160];
        snprintf(where, sizeof where, " (block %u,%u,%u thread %u,%u,%u)", L.block_idx.x, L.block_idx.y,
                 L.block_idx.z, f.thread_idx.x, f.thread_idx.y, f.thread_idx.z);
        L.error = message + where;
    }
    for (;;) yield_to_scheduler();
}

inline void syncthreads() {
    Launch& L = *launch_state;
    if (L.exited > 0) fail("__syncthreads() after some threads of the block returned");
    Fiber& f = current_fiber();
    f.state = AT_BLOCK_BARRIER;
    if (++L.block_arrived == (int)L.fibers.size()) {
        L.block_arrived = 0;
        for (Fiber& other : L.fibers) other.state = READY;
    }
    yield_to_scheduler();
}

inline void warp_barrier() {
    Launch& L = *launch_state;
    Fiber& f = current_fiber();
    f.state = AT_WARP_BARRIER;
    if (++L.warp_arrived[f.warp] == 32) {
        L.warp_arrived[f.warp] = 0;
        for (int i = 0; i < 32; i++) L.fibers[f.warp * 32 + i].state = READY;
    }
    yield_to_scheduler();
}

// A shuffle: every lane publishes its value, waits for the whole warp, reads lane `source`'s value,
// and waits again so that no lane overwrites its slot before all have read.
template <typename T>
T shuffle(unsigned int mask, T value, int source) {
    static_assert(sizeof(T) <= 8, "shuffle of a type wider than 8 bytes");
    if (mask != 0xffffffffu) fail("cudasim supports only full-warp shuffles (mask 0xffffffff)");
    Launch& L = *launch_state;
    Fiber& f = current_fiber();
    uint64_t* slots = &L.warp_slots[f.warp * 32];
    uint64_t bits = 0;
    memcpy(&bits, &value, sizeof(T));
    slots[f.lane] = bits;
    warp_barrier();
    T out;
    uint64_t read = slots[source & 31];
    memcpy(&out, &read, sizeof(T));
    warp_barrier();
    return out;
}

inline void fiber_main() {
    Launch& L = *launch_state;
    L.body();
    Fiber& f = current_fiber();
    f.state = DONE;
    L.exited++;
    if (L.block_arrived > 0) fail("a thread returned while others wait at __syncthreads()");
    if (L.warp_arrived[f.warp] > 0) fail("a lane returned while its warp waits at a shuffle or __syncwarp()");
    for (;;) yield_to_scheduler();
}

}  // namespace cudasim

extern "C" char __start_cudasim_shared[] __attribute__((weak));
extern "C" char __stop_cudasim_shared[] __attribute__((weak));

namespace cudasim {

// Run `body` as the kernel over the grid; returns "" or the first error.
inline std::string launch(dim3 grid, dim3 block, std::function<void()> body) {
    Launch L;
    L.grid = grid;
    L.block = block;
    L.body = std::move(body);
    const size_t n = (size_t)block.x * block.y * block.z;
    if (n == 0 || n > 1024) return "block size must be 1..1024 threads";
    if (n % 32 != 0) return "cudasim needs blocks of whole warps (a multiple of 32 threads)";
    if (grid.x == 0 || grid.y == 0 || grid.z == 0) return "grid dimensions must be positive";
    if (grid.y > 65535 || grid.z > 65535) return "grid.y and grid.z must be at most 65535";
    L.fibers.resize(n);
    // One pool of fiber stacks for all launches (allocated once, never cleared: a stack needs no zeros).
    static std::vector<char*> pool;
    while (pool.size() < n) pool.push_back(new char[kStackBytes]);
    L.warp_arrived.assign(n / 32, 0);
    L.warp_slots.assign(n, 0);
    Launch* previous = launch_state;
    launch_state = &L;
    for (unsigned bz = 0; bz < grid.z && L.error.empty(); bz++)
    for (unsigned by = 0; by < grid.y && L.error.empty(); by++)
    for (unsigned bx = 0; bx < grid.x && L.error.empty(); bx++) {
        L.block_idx = {bx, by, bz};
        if (__start_cudasim_shared != nullptr)
            memset(__start_cudasim_shared, 0xFF, __stop_cudasim_shared - __start_cudasim_shared);
        L.block_arrived = 0;
        L.exited = 0;
        for (size_t i = 0; i < n; i++) {
            Fiber& f = L.fibers[i];
            f.thread_idx = {(unsigned)(i % block.x), (unsigned)(i / block.x % block.y),
                            (unsigned)(i / (block.x * block.y))};
            f.warp = (int)(i / 32);
            f.lane = (int)(i % 32);
            f.state = READY;
            make_context(f.context, pool[i], kStackBytes, fiber_main);
        }
        for (;;) {
            bool ran = false, all_done = true;
            for (size_t i = 0; i < n && L.error.empty(); i++) {
                if (L.fibers[i].state == READY) {
                    L.current = (int)i;
                    switch_context(L.scheduler, L.fibers[i].context);
                    ran = true;
                }
                if (L.fibers[i].state != DONE) all_done = false;
            }
            if (!L.error.empty() || all_done) break;
            if (!ran) {
                char text[200];
                snprintf(text, sizeof text, "deadlock in block %u,%u,%u: threads wait at __syncthreads() "
                         "or a warp shuffle that the others never reach", bx, by, bz);
                L.error = text;
            }
        }
    }
    launch_state = previous;
    return L.error;
}

inline uint3 thread_idx() { return current_fiber().thread_idx; }

}  // namespace cudasim

// ---- built-in variables and functions ------------------------------------------------------------
#define threadIdx (cudasim::thread_idx())
#define blockIdx (cudasim::launch_state->block_idx)
#define blockDim (cudasim::launch_state->block)
#define gridDim (cudasim::launch_state->grid)
#define warpSize 32

inline void __syncthreads() { cudasim::syncthreads(); }
inline void __syncwarp(unsigned int mask = 0xffffffffu) {
    if (mask != 0xffffffffu) cudasim::fail("cudasim supports only __syncwarp() of the full warp");
    cudasim::warp_barrier();
}
inline void __threadfence() {}
inline void __threadfence_block() {}

template <typename T> T __shfl_sync(unsigned int mask, T v, int src, int width = 32) {
    (void)width;
    return cudasim::shuffle(mask, v, src);
}
template <typename T> T __shfl_xor_sync(unsigned int mask, T v, int lane_mask, int width = 32) {
    (void)width;
    return cudasim::shuffle(mask, v, cudasim::current_fiber().lane ^ lane_mask);
}
template <typename T> T __shfl_down_sync(unsigned int mask, T v, unsigned int delta, int width = 32) {
    (void)width;
    int lane = cudasim::current_fiber().lane;
    T other = cudasim::shuffle(mask, v, (lane + (int)delta) & 31);
    return lane + (int)delta < 32 ? other : v;
}

inline float atomicAdd(float* address, float value) { float old = *address; *address = old + value; return old; }
inline unsigned int atomicAdd(unsigned int* address, unsigned int value) {
    unsigned int old = *address; *address = old + value; return old;
}
template <typename T> inline T __ldg(const T* p) { return *p; }

using std::isfinite;
using std::isinf;
using std::isnan;
inline float rsqrtf(float x) { return 1.0f / sqrtf(x); }
inline float __expf(float x) { return expf(x); }
inline float __logf(float x) { return logf(x); }
inline float __fdividef(float a, float b) { return a / b; }
inline float __int_as_float(int i) { float f; memcpy(&f, &i, 4); return f; }
inline float __uint_as_float(unsigned int i) { float f; memcpy(&f, &i, 4); return f; }
inline unsigned int __float_as_uint(float f) { unsigned int i; memcpy(&i, &f, 4); return i; }

inline int min(int a, int b) { return a < b ? a : b; }
inline int max(int a, int b) { return a > b ? a : b; }
inline unsigned int min(unsigned int a, unsigned int b) { return a < b ? a : b; }
inline unsigned int max(unsigned int a, unsigned int b) { return a > b ? a : b; }
inline long long min(long long a, long long b) { return a < b ? a : b; }
inline long long max(long long a, long long b) { return a > b ? a : b; }
inline float min(float a, float b) { return fminf(a, b); }
inline float max(float a, float b) { return fmaxf(a, b); }

// ---- half precision (cuda_fp16.h): storage type plus the conversions our kernels use ------------
struct __half {
    _Float16 value;
};
typedef __half half;
inline __half __float2half(float f) { __half h; h.value = (_Float16)f; return h; }  // round to nearest even
inline __half __float2half_rn(float f) { return __float2half(f); }
inline float __half2float(__half h) { return (float)h.value; }

// ---- WMMA (mma.h): a fragment holds the whole 16x16 tile in every lane --------------------------
namespace nvcuda {
namespace wmma {

struct matrix_a {};
struct matrix_b {};
struct accumulator {};
struct row_major {};
struct col_major {};
enum layout_t { mem_row_major, mem_col_major };

template <typename Use, int M, int N, int K, typename T, typename Layout = void>
struct fragment {
    static_assert(M == 16 && N == 16 && K == 16, "cudasim supports the 16x16x16 WMMA shape only");
    static constexpr int num_elements = 256;
    T x[256];  // element (r, c) at x[r * 16 + c]
};

inline void check_pointer(const void* p, unsigned ldm, int element_bytes) {
    if ((uintptr_t)p % 32 != 0) cudasim::fail("wmma load/store pointer is not 32-byte aligned");
    if ((ldm * element_bytes) % 16 != 0) cudasim::fail("wmma ldm is not a multiple of 16 bytes");
}

template <typename Use, typename Layout>
inline void load_matrix_sync(fragment<Use, 16, 16, 16, __half, Layout>& f, const __half* p, unsigned ldm) {
    check_pointer(p, ldm, 2);
    constexpr bool row = std::is_same<Layout, row_major>::value;
    for (int r = 0; r < 16; r++)
        for (int c = 0; c < 16; c++) f.x[r * 16 + c] = row ? p[r * ldm + c] : p[c * ldm + r];
}

inline void load_matrix_sync(fragment<accumulator, 16, 16, 16, float>& f, const float* p, unsigned ldm,
                             layout_t layout) {
    check_pointer(p, ldm, 4);
    for (int r = 0; r < 16; r++)
        for (int c = 0; c < 16; c++)
            f.x[r * 16 + c] = layout == mem_row_major ? p[r * ldm + c] : p[c * ldm + r];
}

inline void store_matrix_sync(float* p, const fragment<accumulator, 16, 16, 16, float>& f, unsigned ldm,
                              layout_t layout) {
    check_pointer(p, ldm, 4);
    for (int r = 0; r < 16; r++)
        for (int c = 0; c < 16; c++) {
            if (layout == mem_row_major) p[r * ldm + c] = f.x[r * 16 + c];
            else p[c * ldm + r] = f.x[r * 16 + c];
        }
}

template <typename T, typename Use, typename Layout>
inline void fill_fragment(fragment<Use, 16, 16, 16, T, Layout>& f, T value) {
    for (int i = 0; i < 256; i++) f.x[i] = value;
}

template <typename LayoutA, typename LayoutB>
inline void mma_sync(fragment<accumulator, 16, 16, 16, float>& d,
                     const fragment<matrix_a, 16, 16, 16, __half, LayoutA>& a,
                     const fragment<matrix_b, 16, 16, 16, __half, LayoutB>& b,
                     const fragment<accumulator, 16, 16, 16, float>& c) {
    float out[256];
    for (int r = 0; r < 16; r++)
        for (int col = 0; col < 16; col++) {
            float sum = c.x[r * 16 + col];
            for (int k = 0; k < 16; k++) sum += __half2float(a.x[r * 16 + k]) * __half2float(b.x[k * 16 + col]);
            out[r * 16 + col] = sum;
        }
    for (int i = 0; i < 256; i++) d.x[i] = out[i];
}

}  // namespace wmma
}  // namespace nvcuda
