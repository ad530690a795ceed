"""The build: the plan, the per-chapter stages, the clip cache, and publishing."""
