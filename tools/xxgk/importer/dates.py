"""产生时间 of an imported page, and what the page's other dates and labels tell staff.

附件1 二(二)4: for a document, 产生时间 is its 签发日期 (the 成文日期). Pages print several
dates: the 成文日期 under the signature, a header table's 成文日期/发文日期 and 生成日期, and a
发布日期 (when the site put it online, often days later). The first of these that is present
is taken, in that order; a 发布日期 or ``PubDate`` alone is used only with a note that asks a
person to confirm it, because it is not the date the document was made.
"""

from __future__ import annotations

from xxgk.importer.cndate import find_date
from xxgk.importer.labels import Stated
from xxgk.importer.reading import Guess, Reading
from xxgk.importer.tail import Tail

ORDER = ("成文日期", "生成日期", "发布日期")


def created(r: Reading, tail: Tail, page: dict[str, Stated]) -> None:
    if tail.date:
        r.fields["产生时间"] = Guess(tail.date.isoformat(), f"落款的成文日期“{tail.date_printed}”")
    else:
        for key in ORDER:
            when = find_date(page[key].value) if key in page else None
            if when:
                r.fields["产生时间"] = Guess(
                    when.isoformat(), f"{page[key].origin}“{page[key].value}”"
                )
                if key == "发布日期":
                    r.notes.append(
                        f"产生时间取自{page[key].origin}，页面没有成文日期：发布日期是上网的日子，"
                        "请核对文件的成文日期（附件1 二(二)4），不同时用 --date 改正"
                    )
                break


def stated_notes(page: dict[str, Stated]) -> list[str]:
    """What the page states that the entry has no field for, but a person should look at."""
    notes = []
    validity = page["有效性"].value if "有效性" in page else ""
    if validity and any(w in validity for w in ("失效", "废止", "无效", "过期")):
        notes.append(
            f"原页面的{page['有效性'].origin}是“{validity}”：请核对是否仍应公开，"
            "规章和规范性文件请填写废止日期"
        )
    return notes
