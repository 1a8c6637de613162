"""Recognising an article the corpus already has, exactly or nearly.

* **Exact duplicates** (refused unless ``--update``): the same URL after normalising it
  (:func:`url_key`) or the same text after normalising whitespace (:func:`text_key`).
* **Near-duplicates** (flagged, never refused): mostly the same words under two outlets, typically
  syndicated wire copy. Texts are cut into overlapping four-word shingles; a 64-value MinHash
  signature per text (one-permutation hashing) estimates the Jaccard similarity of two shingle sets, and from it how much of
  the shorter text the longer one contains. Candidate pairs come from locality-sensitive hashing
  (21 bands of 3 values), so a corpus of 40,000 articles is compared in seconds, not by all pairs.

Everything here is deterministic (no salted ``hash()``): the same corpus gives the same flags.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

__all__ = [
    "url_key",
    "text_key",
    "normalise_whitespace",
    "minhash_signature",
    "NearDuplicates",
    "NearDuplicate",
    "SIGNATURE_SIZE",
]

# --- exact duplicates ----------------------------------------------------------------------------

_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|smid|smtyp|_r|ref|"
    r"referrer|wt\.\w+|action|pgtype|clicksource|module|region|partner|emc|hp|"
    r"ito|at_medium|at_campaign|share|amp)$",
    re.I,
)


def url_key(url: str) -> str:
    """The form of a URL used to recognise the same page: scheme, ``www.``, default port,
    fragment, trailing slash and tracking parameters do not count.

    >>> url_key("HTTP://www.Example.com:80/news/story/?utm_source=x&id=7#comments")
    'example.com/news/story?id=7'
    >>> url_key("https://example.com/news/story?id=7") == url_key("http://example.com/news/story/?id=7")
    True
    >>> url_key("")
    ''

    Not courlan's ``normalize_url``: the keys of the URLs in users' corpora would change (courlan
    keeps the scheme, ``www.`` and fragments, keeps parameters dropped here such as ``smid`` and
    ``share``, and drops identifying ones such as ``cid``); tests/ingest/test_outlets.py pins them.
    """
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        port = parts.port
    except ValueError:  # an unparseable URL is compared as it is
        return url
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        )
    )
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("", host, path, query, "")).removeprefix("//")


def normalise_whitespace(text: str) -> str:
    """NFC-normalised text with every run of whitespace made one space.

    >>> normalise_whitespace("  Troops\\n\\n left\\u00a0Kabul. ")
    'Troops left Kabul.'
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_key(text: str) -> str:
    """A short digest of the whitespace-normalised text (equal texts give equal keys).

    >>> text_key("Troops left.\\n") == text_key("  Troops   left.")
    True
    """
    return hashlib.blake2b(normalise_whitespace(text).encode("utf-8"), digest_size=16).hexdigest()


# --- near-duplicates -----------------------------------------------------------------------------

SIGNATURE_SIZE = 64
_BANDS, _ROWS = 21, 3  # 21 bands of 3 values: pairs with Jaccard ≥ ~0.35 become candidates
_SHINGLE = 4
_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
_P = np.uint64(0x100000001B3)  # FNV prime: odd, so invertible modulo 2**64
_BIN_STARTS = np.arange(SIGNATURE_SIZE, dtype=np.uint64) << np.uint64(58)
_SHINGLE_MULT = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
    dtype=np.uint64,
)
_powers = np.ones(1, dtype=np.uint64)
_inverse_powers = np.ones(1, dtype=np.uint64)
_WORD_BYTE = np.zeros(256, dtype=bool)
for _c in b"abcdefghijklmnopqrstuvwxyz0123456789":
    _WORD_BYTE[_c] = True
_WORD_BYTE[128:] = True  # bytes of non-ASCII UTF-8 letters


def _ensure_powers(n: int) -> None:
    global _powers, _inverse_powers
    if len(_powers) >= n:
        return
    size = max(n, 2 * len(_powers), 1 << 16)
    with np.errstate(over="ignore"):
        _powers = np.cumprod(
            np.concatenate([[np.uint64(1)], np.full(size - 1, _P, np.uint64)]), dtype=np.uint64
        )
        inv = np.uint64(pow(int(_P), -1, 2**64))
        _inverse_powers = np.cumprod(
            np.concatenate([[np.uint64(1)], np.full(size - 1, inv, np.uint64)]), dtype=np.uint64
        )


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads polynomial hashes over all 64 bits."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def _shingles(text: str) -> np.ndarray:
    """Hashes of the distinct four-word shingles of a lower-cased text (words: runs of letters
    and digits), computed with prefix sums so a long text costs a few array passes."""
    data = np.frombuffer(text.lower().encode("utf-8"), dtype=np.uint8)
    if data.size == 0:
        return np.empty(0, np.uint64)
    is_word = _WORD_BYTE[data]
    edges = np.flatnonzero(np.diff(np.concatenate([[False], is_word, [False]]).astype(np.int8)))
    starts, ends = edges[0::2], edges[1::2]
    if len(starts) < _SHINGLE:
        return np.empty(0, np.uint64)
    _ensure_powers(data.size + 1)
    with np.errstate(over="ignore"):
        prefix = np.concatenate(
            [
                [np.uint64(0)],
                np.cumsum(
                    (data.astype(np.uint64) + np.uint64(1)) * _powers[: data.size], dtype=np.uint64
                ),
            ]
        )
        words = (prefix[ends] - prefix[starts]) * _inverse_powers[starts]
        words = _mix(words)
        n = len(words) - _SHINGLE + 1
        sh = words[:n] * _SHINGLE_MULT[0]
        for i in range(1, _SHINGLE):
            sh = sh + words[i : i + n] * _SHINGLE_MULT[i]
    sh = np.sort(_mix(sh))
    return sh[np.concatenate([[True], sh[1:] != sh[:-1]])]  # distinct (faster than np.unique)


def minhash_signature(text: str) -> tuple[np.ndarray, int] | None:
    """``(signature, number of distinct shingles)``, or None for a text too short to compare.

    >>> a = minhash_signature("Troops left Kabul on Monday after twenty years, officials said. " * 3)
    >>> b = minhash_signature("Troops left Kabul on Monday after twenty years, officials said today.")
    >>> float((a[0] == b[0]).mean()) > 0.5, minhash_signature("Too short.") is None
    (True, True)
    """
    sh = _shingles(text)
    if sh.size < 8:  # fewer than ~11 words: too short to call anything a copy
        return None
    # One-permutation hashing: the hash space is cut into 64 bins by the top six bits and each
    # bin keeps its smallest hash. The shingle hashes are sorted, so a bin's minimum is its first
    # element: one binary search instead of 64 hash functions over every shingle.
    starts = np.searchsorted(sh, _BIN_STARTS)
    ends = np.append(starts[1:], sh.size)
    filled = np.flatnonzero(starts < ends)
    signature = np.empty(SIGNATURE_SIZE, np.uint64)
    signature[filled] = sh[starts[filled]]
    empty = np.flatnonzero(starts >= ends)
    if empty.size:
        # densification: an empty bin borrows the next filled bin's value (circularly), shifted
        # by the distance so that borrowed values only match where the same borrowing happens
        pos = np.searchsorted(filled, empty) % filled.size
        distance = (filled[pos] - empty) % SIGNATURE_SIZE
        with np.errstate(over="ignore"):
            signature[empty] = sh[starts[filled[pos]]] + distance.astype(np.uint64) * _P
    return signature, int(sh.size)


@dataclass(frozen=True)
class NearDuplicate:
    """Two articles under different outlets that share most of their text."""

    first: str  # article path or id
    second: str
    similarity: float  # estimated Jaccard similarity of the shingle sets
    containment: float  # estimated share of the shorter text found in the longer one


class NearDuplicates:
    """Collects signatures, then finds near-duplicate pairs across outlets.

    >>> nd = NearDuplicates()
    >>> wire = "The central bank raised interest rates by a quarter point on Wednesday, citing inflation. "
    >>> nd.add("a.md", "paper-a", wire * 2 + "Local reaction was muted.")
    >>> nd.add("b.md", "paper-b", wire * 2)
    >>> nd.add("c.md", "paper-c", "Something entirely different happened at the harbour this week, police said.")
    >>> [(p.first, p.second) for p in nd.pairs()]
    [('a.md', 'b.md')]
    """

    def __init__(self, *, threshold: float = 0.8):
        self.threshold = threshold
        self._keys: list[str] = []
        self._outlets: list[str] = []
        self._sizes: list[int] = []
        self._signatures: list[np.ndarray] = []
        self._new: list[bool] = []

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str, outlet: str, text: str, *, new: bool = True) -> None:
        signature = minhash_signature(text)
        if signature is not None:
            self.add_signature(key, outlet, signature, new=new)

    def add_signature(
        self, key: str, outlet: str, signature: tuple[np.ndarray, int], *, new: bool = True
    ) -> None:
        self._keys.append(key)
        self._outlets.append(outlet)
        self._signatures.append(signature[0])
        self._sizes.append(signature[1])
        self._new.append(new)

    def pairs(self, *, only_new: bool = False) -> list[NearDuplicate]:
        """Near-duplicate pairs across outlets, most similar first; with ``only_new``, only pairs
        involving an article added with ``new=True``."""
        n = len(self._keys)
        if n < 2:
            return []
        sig = np.vstack(self._signatures)
        outlets = np.array(self._outlets, dtype=object)
        sizes = np.array(self._sizes, dtype=np.float64)
        new = np.array(self._new)
        candidates: set[tuple[int, int]] = set()
        ids = np.arange(n)
        for band in range(_BANDS):
            cols = sig[:, band * _ROWS : (band + 1) * _ROWS]
            with np.errstate(over="ignore"):
                keys = _mix(cols[:, 0] ^ _mix(cols[:, 1] ^ _mix(cols[:, 2])))
            order = np.argsort(keys, kind="stable")
            sorted_keys = keys[order]
            boundaries = np.flatnonzero(np.diff(sorted_keys)) + 1
            for group in np.split(ids[order], boundaries):
                if len(group) < 2:
                    continue
                if len(group) > 200:  # boilerplate shared by hundreds: not a copy of one story
                    continue
                group = np.sort(group)
                for i_pos, i in enumerate(group[:-1]):
                    for j in group[i_pos + 1 :]:
                        candidates.add((int(i), int(j)))
        found, seen = [], set()
        for i, j in sorted(candidates):
            if outlets[i] == outlets[j] or (only_new and not (new[i] or new[j])):
                continue
            pair = tuple(sorted((self._keys[i], self._keys[j])))
            if pair[0] == pair[1] or pair in seen:
                continue  # a replaced (--update) article is recorded twice under one key
            seen.add(pair)
            jaccard = float((sig[i] == sig[j]).mean())
            # |A ∩ B| = J (|A| + |B|) / (1 + J); containment = |A ∩ B| / min(|A|, |B|)
            overlap = jaccard * (sizes[i] + sizes[j]) / (1 + jaccard)
            containment = float(min(1.0, overlap / min(sizes[i], sizes[j])))
            if containment >= self.threshold:
                found.append(
                    NearDuplicate(
                        self._keys[i], self._keys[j], round(jaccard, 3), round(containment, 3)
                    )
                )
        found.sort(key=lambda p: (-p.containment, -p.similarity, p.first, p.second))
        return found
