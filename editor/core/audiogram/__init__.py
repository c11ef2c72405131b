"""Social clips: a clip's words and captions timed from its start, and its audiogram video.

``clip_words`` finds the words a clip speaks and their times; ``clip_captions`` writes them as
SRT or WebVTT through the caption exporters and cuts the video's cues. For the video:
``layout`` (where things sit, per shape), ``timeline`` (what each frame shows), ``clip_audio``
(the sound and its levels), ``frames`` (yuv420p buffers), ``mp4`` (the file) and ``render``
(all of it). Only drawing text needs Qt: the caller hands ``render`` a painter that does it
(``editor.media.audiogram``).
"""
