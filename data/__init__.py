"""data: the Guppy persona as data, and the generator that turns it into a dataset."""
