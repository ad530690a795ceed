"""The words: sentences, the normaliser, the lexicon and the narration, with per-language rules."""
