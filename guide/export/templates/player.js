/* The web player. Works from file:// with no server: the timings are in the page.
   Without JavaScript the page still has the transcript and an audio player per chapter. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("guide-data").textContent);
  var chapters = data.chapters;
  var TEXT = data.text;  /* every word the player says, in the guide's language */
  var root = document.documentElement;
  var audio = document.getElementById("audio");
  var nowPlaying = document.getElementById("now-playing");
  var status = document.getElementById("status");
  var playButton = document.getElementById("play-button");
  var contrastButton = document.querySelector('[data-action="contrast"]');
  var SIZES = [100, 125, 150, 175, 200, 250, 300];
  var RATES = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.75, 2];
  var current = 0;
  var lit = null;
  var settings = { size: 125, contrast: false };

  function say(text) { status.textContent = text; }

  /* The message "name" of data.text, its {fields} filled in from values. */
  function fill(name, values) {
    return TEXT[name].replace(/\{(\w+)\}/g, function (all, field) {
      return Object.prototype.hasOwnProperty.call(values || {}, field) ? String(values[field]) : all;
    });
  }

  function store() {
    try { window.localStorage.setItem("guide-player", JSON.stringify(settings)); } catch (e) { /* private mode */ }
  }

  function restore() {
    try {
      var saved = JSON.parse(window.localStorage.getItem("guide-player") || "{}");
      if (SIZES.indexOf(saved.size) >= 0) { settings.size = saved.size; }
      settings.contrast = saved.contrast === true;
    } catch (e) { /* nothing saved */ }
  }

  function applyDisplay() {
    root.style.fontSize = settings.size + "%";
    root.classList.toggle("contrast", settings.contrast);
    contrastButton.setAttribute("aria-pressed", settings.contrast ? "true" : "false");
  }

  function label(index) { return chapters[index].label; }

  function load(index, play) {
    current = Math.max(0, Math.min(chapters.length - 1, index));
    var rate = audio.playbackRate;
    audio.src = chapters[current].file;
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
    nowPlaying.textContent = label(current);
    say(label(current));
    highlight(-1);
    if (play) { audio.play().catch(function () { say(fill("press_play", { label: label(current) })); }); }
  }

  function sentenceAt(time) {
    var list = chapters[current].sentences;
    var found = -1;
    for (var i = 0; i < list.length; i += 1) {
      if (list[i][0] <= time + 0.05) { found = i; } else { break; }
    }
    return found;
  }

  function highlight(index) {
    var span = index >= 0 ? document.getElementById("c" + chapters[current].number + "-s" + index) : null;
    if (span === lit) { return; }
    if (lit) { lit.classList.remove("current"); lit.removeAttribute("aria-current"); }
    lit = span;
    if (!span) { return; }
    span.classList.add("current");
    span.setAttribute("aria-current", "true");
    if (!audio.paused) { span.scrollIntoView({ block: "nearest" }); }
  }

  function togglePlay() {
    if (audio.paused) {
      audio.play().catch(function () { say(fill("cannot_play")); });
    } else {
      audio.pause();
    }
  }

  function seek(seconds) {
    var end = isFinite(audio.duration) ? audio.duration : chapters[current].duration;
    audio.currentTime = Math.max(0, Math.min(end, audio.currentTime + seconds));
    say(fill(seconds < 0 ? "back" : "forward"));
  }

  function repeatSentence() {
    var index = Math.max(0, sentenceAt(audio.currentTime));
    audio.currentTime = chapters[current].sentences[index][0];
    highlight(index);
    if (audio.paused) { togglePlay(); }
  }

  /* A time as the terminal player says it (guide/durations.py), in the guide's language. */
  function amount(count, unit) {
    return count === 1 ? fill("duration_" + unit + "_one") : fill("duration_" + unit + "s", { count: count });
  }

  function spoken(seconds) {
    var total = Math.max(0, Math.round(seconds));
    var hours = Math.floor(total / 3600);
    var minutes = Math.floor((total % 3600) / 60);
    var secs = total % 60;
    var larger, smaller;
    if (hours) {
      larger = amount(hours, "hour");
      smaller = minutes ? amount(minutes, "minute") : "";
    } else if (minutes) {
      larger = amount(minutes, "minute");
      smaller = secs ? amount(secs, "second") : "";
    } else {
      return amount(secs, "second");
    }
    return smaller ? fill("duration_pair", { larger: larger, smaller: smaller }) : larger;
  }

  function where() {
    var left = chapters[current].duration - audio.currentTime;
    for (var i = current + 1; i < chapters.length; i += 1) { left += chapters[i].duration; }
    return fill("where", { label: label(current), position: spoken(audio.currentTime),
      length: spoken(chapters[current].duration), left: spoken(left) });
  }

  function setRate(rate) {
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
    say(rate === 1 ? fill("normal_speed") : fill("speed", { rate: rate }));
  }

  function stepRate(step) {
    var at = RATES.indexOf(audio.playbackRate);
    if (at < 0) { at = RATES.indexOf(1); }
    setRate(RATES[Math.max(0, Math.min(RATES.length - 1, at + step))]);
  }

  function stepSize(step) {
    var at = SIZES.indexOf(settings.size);
    settings.size = SIZES[Math.max(0, Math.min(SIZES.length - 1, at + step))];
    applyDisplay();
    store();
    say(fill("text_size", { size: settings.size }));
  }

  function toggleContrast() {
    settings.contrast = !settings.contrast;
    applyDisplay();
    store();
    say(fill(settings.contrast ? "contrast_on" : "contrast_off"));
  }

  var actions = {
    play: togglePlay,
    previous: function () { load(current - 1, !audio.paused); },
    next: function () { load(current + 1, !audio.paused); },
    back: function () { seek(-10); },
    forward: function () { seek(10); },
    repeat: repeatSentence,
    slower: function () { stepRate(-1); },
    faster: function () { stepRate(1); },
    normal: function () { setRate(1); },
    smaller: function () { stepSize(-1); },
    larger: function () { stepSize(1); },
    contrast: toggleContrast,
    restart: function () { audio.currentTime = 0; say(fill("start_of", { label: label(current) })); },
    where: function () { say(where()); }
  };

  var KEYS = { " ": "play", "p": "play", "n": "next", "b": "previous", "arrowleft": "back",
    "arrowright": "forward", "r": "repeat", "R": "restart", "[": "slower", "]": "faster",
    "backspace": "normal", "t": "where" };
  var NATIVE = { BUTTON: true, SUMMARY: true, AUDIO: true, VIDEO: true };

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
    var target = event.target;
    var tag = target.tagName || "";
    if (target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    var key = event.key === "R" ? "R" : event.key.toLowerCase();
    if (/^[1-9]$/.test(key)) {
      if (Number(key) <= chapters.length) { event.preventDefault(); load(Number(key) - 1, !audio.paused); }
      return;
    }
    var name = KEYS[key];
    if (!name) { return; }
    var nativeKey = key === " " || key === "arrowleft" || key === "arrowright";
    if (nativeKey && NATIVE[tag]) { return; }  /* Space presses buttons; the audio bar seeks itself */
    event.preventDefault();
    actions[name]();
  }

  document.addEventListener("keydown", onKey);
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    if (button.hasAttribute("data-action")) { actions[button.getAttribute("data-action")](); }
    if (button.hasAttribute("data-chapter")) { load(Number(button.getAttribute("data-chapter")), true); }
  });
  audio.addEventListener("timeupdate", function () { highlight(sentenceAt(audio.currentTime)); });
  audio.addEventListener("seeked", function () { highlight(sentenceAt(audio.currentTime)); });
  audio.addEventListener("play", function () { playButton.textContent = fill("pause"); });
  audio.addEventListener("pause", function () { playButton.textContent = fill("play"); });
  audio.addEventListener("ended", function () {
    if (current < chapters.length - 1) { load(current + 1, true); } else { say(fill("end")); }
  });
  audio.addEventListener("error", function () { say(fill("file_error", { file: chapters[current].file })); });

  /* With JavaScript on, the one player above replaces the player of each chapter. */
  Array.prototype.forEach.call(document.querySelectorAll(".chapter-audio audio"), function (el) { el.hidden = true; });
  Array.prototype.forEach.call(document.querySelectorAll("[data-chapter]"), function (el) { el.hidden = false; });
  document.getElementById("player").hidden = false;
  restore();
  applyDisplay();
})();
