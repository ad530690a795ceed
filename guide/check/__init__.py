"""guide check: every check a guide's scripts and built audio get."""
