"""langdetect's detector with its two innermost loops written as list operations.

langdetect multiplies a 55-item probability list by a 55-item n-gram list a few
thousand times per text, index by index in Python; that loop is most of CL101's
time. The versions here do the very same float operations in the same order (so the
probabilities are bit-for-bit those of langdetect) in about a third of the time.
Imported only when a segment needs langdetect.
"""

from __future__ import annotations

from typing import Any

from langdetect.detector import Detector


class FastDetector(Detector):  # type: ignore[misc]
    def _update_lang_prob(self, prob: list[float], word: Any, alpha: float) -> bool:
        if word is None or word not in self.word_lang_prob_map:
            return False
        weight = alpha / self.BASE_FREQ
        lang_prob_map = self.word_lang_prob_map[word]
        prob[:] = [p * (weight + q) for p, q in zip(prob, lang_prob_map, strict=True)]
        return True

    def _normalize_prob(self, prob: list[float]) -> float:
        total = sum(prob)
        prob[:] = [p / total for p in prob]
        return max(prob)
