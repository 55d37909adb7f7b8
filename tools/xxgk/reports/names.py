"""One person, one spelling: find names that are written in more than one way.

Training hours are summed by name, so 王建华, 王 建华, 王建華 and ＷＡＮＧ would count as different
people and each look untrained. Names are compared after NFKC (full-width letters and digits),
without spaces and separator dots, and with traditional characters common in names mapped to
their simplified form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Traditional characters frequent in names → simplified (the general rule: compare the form a
# person's name has on the ID card; extend the table when a collision is missed).
_VARIANTS = str.maketrans(
    {
        "華": "华",
        "張": "张",
        "劉": "刘",
        "陳": "陈",
        "楊": "杨",
        "趙": "赵",
        "黃": "黄",
        "吳": "吴",
        "鄭": "郑",
        "孫": "孙",
        "馬": "马",
        "許": "许",
        "鄧": "邓",
        "馮": "冯",
        "蕭": "萧",
        "葉": "叶",
        "蘇": "苏",
        "盧": "卢",
        "蔣": "蒋",
        "韓": "韩",
        "錢": "钱",
        "譚": "谭",
        "賈": "贾",
        "偉": "伟",
        "國": "国",
        "軍": "军",
        "興": "兴",
        "東": "东",
        "紅": "红",
        "麗": "丽",
        "鳳": "凤",
        "蘭": "兰",
        "雲": "云",
        "龍": "龙",
        "強": "强",
        "輝": "辉",
        "傑": "杰",
        "濤": "涛",
        "鵬": "鹏",
        "權": "权",
        "亞": "亚",
        "寶": "宝",
        "廣": "广",
        "慶": "庆",
        "艷": "艳",
        "豔": "艳",
        "賢": "贤",
        "義": "义",
        "學": "学",
        "長": "长",
        "順": "顺",
        "榮": "荣",
        "勝": "胜",
        "愛": "爱",
        "瑩": "莹",
        "靜": "静",
        "楨": "桢",
        "達": "达",
        "滿": "满",
        "寧": "宁",
        "愷": "恺",
        "寬": "宽",
        "鋒": "锋",
        "剛": "刚",
        "飛": "飞",
        "鳴": "鸣",
        "爾": "尔",
    }
)
_SEPARATORS = re.compile(r"[\s·•．.・‧]+")


def name_key(name: str) -> str:
    """The form two spellings of one name share."""
    text = unicodedata.normalize("NFKC", name)
    return _SEPARATORS.sub("", text).translate(_VARIANTS).casefold()


def collisions(names: Iterable[str]) -> list[tuple[str, ...]]:
    """Groups of different spellings that are probably one person, each sorted."""
    groups: dict[str, set[str]] = {}
    for name in names:
        if name.strip():
            groups.setdefault(name_key(name), set()).add(name)
    return sorted(tuple(sorted(g)) for g in groups.values() if len(g) > 1)
