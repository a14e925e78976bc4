// cudasim: everything CUDA that our kernels use is in cudasim.h, force-included before them.
#pragma once
