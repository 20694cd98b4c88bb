"""An office's folder: `notice init`, its templates check, its reference ledger and starter decisions."""
