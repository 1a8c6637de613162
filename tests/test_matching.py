"""The term matcher: inflections, multi-word terms, whole words only."""

from framing.matching import TermMatcher, inflections


def found(matcher, text):
    return [(m.key, text[m.start : m.end]) for m in matcher.finditer(text)]


def test_inflections_of_nouns_and_verbs():
    assert {"occupies", "occupied", "occupying"} <= inflections("occupy")
    assert {"retreats", "retreated", "retreating"} <= inflections("retreat")
    assert {"invades", "invaded", "invading"} <= inflections("invade")
    assert {"withdrew", "withdrawn", "withdrawing"} <= inflections("withdraw")
    assert {"martyred", "martyrs"} <= inflections("martyr")
    assert "occupational" not in inflections("occupation")


def test_multi_word_terms_with_hyphens_and_inflections():
    m = TermMatcher(
        [
            ("occ", "occupying force"),
            ("occ", "occupation"),
            ("emirate", "Islamic Emirate"),
            ("exit", "pull out"),
        ]
    )
    text = (
        "The 20-year occupation ended; occupying forces left the Islamic Emirate after they "
        "pulled out, a pull-out nobody expected."
    )
    assert found(m, text) == [
        ("occ", "occupation"),
        ("occ", "occupying forces"),
        ("emirate", "Islamic Emirate"),
        ("exit", "pulled out"),
        ("exit", "pull-out"),
    ]


def test_no_substring_hits():
    m = TermMatcher([("war", "war"), ("occ", "occupation"), ("mission", "mission")])
    assert found(m, "The warden's preoccupation with commissions and Warsaw's wars.") == [
        ("war", "wars")
    ]


def test_longest_term_wins_within_a_group_and_groups_are_independent():
    m = TermMatcher(
        [("a:x", "occupied territories"), ("a:y", "occupy"), ("b:z", "occupy")],
        group=lambda k: k.split(":")[0],
    )
    text = "the occupied territories"
    assert found(m, text) == [("a:x", "occupied territories"), ("b:z", "occupied")]


def test_exact_terms_are_not_inflected():
    m = TermMatcher([("us", "=US")])
    assert found(m, "US troops; the USS Cole; use us") == [("us", "US"), ("us", "us")]


def test_forms_are_listed_for_documentation():
    m = TermMatcher([("k", "pull out")])
    assert "pulled out" in m.forms("pull out")


def test_abbreviations_with_dots_match_but_sentences_are_not_joined():
    m = TermMatcher([("us", "U.S. forces"), ("wot", "war on terror")])
    text = "U.S. forces left. It was a war. On terror, nothing; the war on terror ended."
    assert found(m, text) == [("us", "U.S. forces"), ("wot", "war on terror")]


def test_a_soft_hyphen_inside_a_word_is_no_word_edge():
    # pages carry U+00AD line-break hints inside words: "ploy" is not in "un-em-ploy-ment"
    m = TermMatcher([("loaded", "ploy"), ("loaded", "cult")])
    text = "The un\xadem\xadploy\xadment study was dif\xadfi\xadcult. A cult's ploy."
    assert [t.term for t in m.finditer(text)] == ["cult", "ploy"]
