"""Deterministic test material for the lexicon benchmark: ~10,000 plausible terms and pages of
Chinese text with a Zipf-like word distribution, a few terms and whitelisted words mixed in.

Words come from pypinyin's phrase dictionary (a textcheck dependency), so nothing is fetched.
"""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from collections.abc import Iterator

from pypinyin.phrases_dict import phrases_dict

from govsite.textcheck import Lexicon, Term

SEED = 20261121
PLACE_CHARS = "东西南北中江河湖山海平安宁康泰和丰华阳阴城州原林溪桥台门口坪湾岭塘田庄"
LEVELS = "省市县区"
BODIES = (
    "工商行政管理局", "国土资源局", "环境保护局", "农业局", "质量技术监督局", "安全生产监督管理局",
    "食品药品监督管理局", "卫生和计划生育局", "文化广电新闻出版局", "旅游局", "人民政府办公室",
)  # fmt: skip
FUNCTION_WORDS = list("的了是在和与及对为等将把被从向于以按并或")
PUNCTUATION = list("，，，，。。、、；：“”（）")


def vocabulary() -> list[str]:
    """All phrases, most "common" first: words of characters that occur in many phrases, and
    short words, rank high, so the Zipf draw below favours everyday characters."""
    popularity = Counter(char for word in phrases_dict for char in word)

    def score(word: str) -> float:
        common = sum(math.log(popularity[char]) for char in word) / len(word)
        return common - 0.8 * max(len(word) - 2, 0)

    return sorted(phrases_dict, key=lambda word: (-score(word), word))


def terms(count: int = 10_000) -> list[Term]:
    """Outdated local body names (青阳县国土资源局) and 4-8 character wrong expressions."""
    rnd = random.Random(SEED + 1)  # noqa: S311 - reproducible data, not crypto
    words = vocabulary()
    found: dict[str, Term] = {}
    while len(found) < count * 3 // 10:
        place = "".join(rnd.sample(PLACE_CHARS, 2)) + rnd.choice(LEVELS)
        body = rnd.choice(BODIES)
        found[place + body] = Term(place + body, "过时机构名称", place + "新机构")
    while len(found) < count:
        expression = (rnd.choice(words) + rnd.choice(words))[:8]
        if len(expression) >= 4:
            found[expression] = Term(expression, "错误表述", expression[::-1])
    return list(found.values())


def lexicon(count: int = 10_000) -> Lexicon:
    whitelist = [f"原{t.term}" for t in terms(count)[:200]]
    return Lexicon.from_terms(terms(count), whitelist)


def pages(total_bytes: int, page_bytes: int = 20_000, hit_every: int = 5_000) -> Iterator[str]:
    """Pages of text summing to about ``total_bytes`` of UTF-8; a term about every
    ``hit_every`` characters, some of them in their whitelisted ``原…`` form."""
    rnd = random.Random(SEED + 2)  # noqa: S311 - reproducible data, not crypto
    words = vocabulary()
    weights = list(itertools.accumulate(1 / (rank + 1) ** 1.05 for rank in range(len(words))))
    term_list = [t.term for t in terms()]
    produced = 0
    while produced < total_bytes:
        page = _page(rnd, words, weights, term_list, page_bytes // 3, hit_every)
        produced += len(page.encode("utf-8"))
        yield page


def _page(rnd, words, weights, term_list, chars: int, hit_every: int) -> str:
    parts, size = [], 0
    while size < chars:
        for word in rnd.choices(words, cum_weights=weights, k=256):
            roll = rnd.random()
            if roll < 0.25:
                word += rnd.choice(FUNCTION_WORDS)
            elif roll < 0.40:
                word += rnd.choice(PUNCTUATION)
            elif roll < 0.41:
                word += f"{rnd.randint(2000, 2026)}年{rnd.randint(1, 12)}月{rnd.randint(1, 28)}日"
            if rnd.random() < len(word) / hit_every:
                word += ("原" if rnd.random() < 0.1 else "") + rnd.choice(term_list)
            parts.append(word)
            size += len(word)
    return "".join(parts)
