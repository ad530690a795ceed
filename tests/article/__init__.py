"""Tests of guide.article: reading plain text, Markdown and HTML articles."""
