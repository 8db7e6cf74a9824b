"""Built-in cleaners, one module each; the registry imports them by name."""
