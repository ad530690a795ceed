"""Speech engines: the protocol, pyttsx3 (espeak-ng) and its worker, and Piper."""
