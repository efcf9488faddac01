"""The command line: one module per command, all thin shells over library calls."""
