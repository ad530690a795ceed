"""English rules: the tables, numbers, web addresses."""
