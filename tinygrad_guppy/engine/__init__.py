"""The engine: Tensor and autograd, the ops with their derivatives, modules, AdamW, and the two
devices (NumPy on the CPU, CuPy with our CUDA kernels on the GPU). It knows nothing of text, data or
the fish: it never imports bpe/, data/, the model or the application (tests/test_layers.py checks).
"""
