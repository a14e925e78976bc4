"""tinygrad_guppy: a small tensor + autograd engine on NumPy (CPU) and CuPy (GPU), and GuppyLM on it."""
