"""langdetect's profiles, loaded in a twentieth of the time.

Reading langdetect's 55 JSON profiles costs a third of a second. Their n-gram table
is kept with the derived data in a plain binary form (`NgramTable`: strings, bytes and
float64s, no pickle or marshal, so a planted file can do no more than fail to load)
that loads in 20 ms and gives the detector the very same numbers.

(Rewriting the detector's inner loops as list operations was tried and measured
slower than langdetect's own index loops on Python 3.11.)

Imported only when a segment needs langdetect.
"""

from __future__ import annotations

import json
import sys
from array import array
from itertools import accumulate
from pathlib import Path
from typing import Any

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory


def load_factory(folder: Path | None) -> Any:
    """langdetect's factory with its profiles, from `folder` when they were stored
    there before (and stored there now if not); seeded, so answers repeat."""
    factory = DetectorFactory()
    path = _table_path(folder)
    stored = NgramTable.load(path) if path is not None else None
    if stored is not None:
        factory.langlist = list(stored.languages)
        factory.word_lang_prob_map = stored
    else:
        # The detector reads the sparse table from here on, as later runs do: the
        # profiles' own map would hold about 70 MB to the end of the run.
        try:
            table = NgramTable.from_profiles(PROFILES_DIRECTORY)
        except (OSError, ValueError, KeyError, TypeError, IndexError, ZeroDivisionError):
            factory.load_profile(PROFILES_DIRECTORY)  # raises what langdetect finds wrong
            table = NgramTable.from_factory(factory)
        factory.langlist = list(table.languages)
        factory.word_lang_prob_map = table
        if path is not None:
            table.save(path)
    factory.set_seed(0)
    return factory


def _table_path(folder: Path | None) -> Path | None:
    from culturelint import installed

    release = installed.version("langdetect")
    if folder is None or release is None:
        return None
    return folder / f"langdetect-{release}-{sys.byteorder}.bin"


_MAGIC = b"culturelint langdetect table 1\n"


class NgramTable:
    """langdetect's n-gram -> per-language probability list, kept sparse (an n-gram
    occurs in two of the 55 languages on average) and expanded when the detector first
    asks for an n-gram. The detector only tests membership and indexes.

    n-gram k has `counts[k]` entries from `starts[k]` on in `indexes` (language
    numbers) and `values` (their probabilities).
    """

    def __init__(
        self, languages: list[str], names: list[str], counts: bytes, indexes: bytes, values: Any
    ) -> None:
        self.languages = languages
        self._names = names
        self._counts = counts
        self._number = dict(zip(names, range(len(names)), strict=True))
        self._starts = list(accumulate(counts, initial=0))
        self._indexes = indexes
        self._values = values
        self._expanded: dict[str, list[float]] = {}

    @classmethod
    def from_profiles(cls, directory: str) -> NgramTable:
        """The table of langdetect's profiles in `directory`, read as
        `DetectorFactory.load_profile` reads them (the same files in the same order,
        each probability the same expression) without its dense map: 87,598 lists of
        55 floats, which `from_factory` then scans for the few that are not zero. A
        first run that needed langdetect spent 0.9 s on the two; this takes a fraction.
        ValueError (and the like) for profiles langdetect would refuse."""
        import os

        languages: list[str] = []
        found: dict[str, list[float]] = {}  # n-gram -> language number, probability, ...
        for filename in os.listdir(directory):
            if filename.startswith("."):
                continue
            file = os.path.join(directory, filename)
            if not os.path.isfile(file):
                continue
            with open(file, encoding="utf-8") as handle:
                profile = json.load(handle)
            name, freq, n_words = profile["name"], profile["freq"], profile["n_words"]
            if name in languages:
                raise ValueError(f"two profiles for {name!r}")
            index = len(languages)
            languages.append(name)
            get = found.get
            for ngram, count in freq.items():
                entry = get(ngram)
                if entry is None:
                    found[ngram] = entry = []
                length = len(ngram)
                if 1 <= length <= 3:
                    probability = 1.0 * count / n_words[length - 1]
                    if probability:
                        entry += (index, probability)
        counts = bytearray()
        indexes = bytearray()
        values = array("d")
        for entry in found.values():
            counts.append(len(entry) // 2)
            indexes.extend(entry[0::2])  # type: ignore[arg-type]
            values.extend(entry[1::2])
        return cls(languages, list(found), bytes(counts), bytes(indexes), values)

    @classmethod
    def from_factory(cls, factory: Any) -> NgramTable:
        names: list[str] = []
        counts = bytearray()
        indexes = bytearray()
        values = array("d")
        for ngram, probabilities in factory.word_lang_prob_map.items():
            used = [i for i, p in enumerate(probabilities) if p]
            names.append(ngram)
            counts.append(len(used))
            indexes.extend(used)
            values.extend(probabilities[i] for i in used)
        return cls(list(factory.langlist), names, bytes(counts), bytes(indexes), values)

    def __contains__(self, ngram: object) -> bool:
        return ngram in self._number

    def __getitem__(self, ngram: str) -> list[float]:
        found = self._expanded.get(ngram)
        if found is None:
            k = self._number[ngram]
            start, end = self._starts[k], self._starts[k + 1]
            found = [0.0] * len(self.languages)
            for i, probability in zip(
                self._indexes[start:end], self._values[start:end], strict=True
            ):
                found[i] = probability
            self._expanded[ngram] = found
        return found

    def save(self, path: Path) -> None:
        """Written all or nothing; a folder that cannot be written means no copy."""
        from culturelint.atomic import write_atomic
        from culturelint.profiles import validcache

        names = "\x00".join(self._names).encode("utf-8")
        header = {
            "languages": self.languages,
            "ngrams": len(self._names),
            "entries": len(self._indexes),
            "names": len(names),
        }
        data = b"".join(
            [
                _MAGIC,
                json.dumps(header).encode("utf-8") + b"\n",
                names,
                self._counts,
                self._indexes,
                self._values.tobytes(),
            ]
        )
        try:
            validcache.ensure_folder(path.parent)
            write_atomic(path, data)
        except (OSError, ValueError):
            pass

    @classmethod
    def load(cls, path: Path) -> NgramTable | None:
        """The stored table, or None when the file is missing or not exactly one."""
        try:
            data = path.read_bytes()
            if not data.startswith(_MAGIC):
                return None
            line_end = data.index(b"\n", len(_MAGIC))
            header = json.loads(data[len(_MAGIC) : line_end])
            languages, count = list(header["languages"]), int(header["ngrams"])
            entries, names_size = int(header["entries"]), int(header["names"])
            pos = line_end + 1
            names = data[pos : pos + names_size].decode("utf-8").split("\x00")
            pos += names_size
            counts = data[pos : pos + count]
            pos += count
            indexes = data[pos : pos + entries]
            pos += entries
            values = array("d")
            values.frombytes(data[pos:])
        except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
            return None
        if (
            not all(isinstance(lang, str) for lang in languages)
            or len(names) != count
            or len(counts) != count
            or sum(counts) != entries
            or len(indexes) != entries
            or len(values) != entries
            or (entries and max(indexes) >= len(languages))
        ):
            return None
        return cls(languages, names, counts, indexes, values)
