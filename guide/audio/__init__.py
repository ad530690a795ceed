"""Sound: ffmpeg, assembly of clips into chapters, and tags."""
