"""``guide play``: a chapter player for built guides that works with a screen reader.

* :mod:`.mpv`: mpv driven over its JSON IPC socket.
* :mod:`.keys`: single key presses from a terminal in cbreak mode.
* :mod:`.state`: the listener's place in each guide, kept between runs.
* :mod:`.timeline`: which chapter and sentence a position falls in.
* :mod:`.lines`: everything the player says.
* :mod:`.session`: the player's logic, testable with a fake backend.
* :mod:`.cli`: the click command ``play``.
"""
