"""Records whose every non-public value carries a canary string: none may reach the site."""

from __future__ import annotations

from pathlib import Path

from voice_helpers import opinion, write

CANARY = "CANARY"

PUBLISHED_TITLE = "关于供暖不热问题的回应"
PUBLISHED_TEXT = "经核查，供热管网已完成检修。"
ENTRY = "000014349/2018-01705"


def plant(root: Path) -> None:
    """One published response and one unpublished; evaluations of a published and an
    unpublished year — every internal field marked with the canary."""
    internal = f"""\
原文地址: https://example.invalid/{CANARY}-url
发现人: {CANARY}-发现人-张三
研判:
  结论: 需要回应
  分析: {CANARY}-研判分析
  研判人: {CANARY}-研判人
报送:
  - 时间: 2026-01-05 10:00
    报送至: {CANARY}-报送至
    报送人: {CANARY}-报送人
处置:
  - 时间: 2026-01-05 11:00
    措施: {CANARY}-处置措施
    责任人: {CANARY}-责任人
"""
    responses = f"""\
- 时间: 2026-01-05 16:00
  方式: 网上发布信息
  说明: {CANARY}-回应说明
"""
    path = opinion(
        root,
        "YQ-2026-001",
        "2026-01-05 09:00",
        responses=responses,
        extra=internal
        + f"""\
公开回应:
  公开: 是
  标题: {PUBLISHED_TITLE}
  发布时间: 2026-01-05
  发布单位: 鄂托克前旗住房和城乡建设局
  内容: {PUBLISHED_TEXT}
  相关条目: [{ENTRY}, 000014349/2026-99999]
""",
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace("测试用舆情概要", f"{CANARY}-概要"),
        encoding="utf-8",
    )
    unpublished = opinion(
        root,
        "YQ-2026-002",
        "2026-01-04 09:00",
        responses=responses,
        extra=internal
        + f"""\
公开回应:
  公开: 否
  标题: {CANARY}-未公开标题
  发布时间: 2026-02-06
  发布单位: 鄂托克前旗民政局
  内容: {CANARY}-未公开内容
""",
    )
    unpublished.write_text(
        unpublished.read_text(encoding="utf-8").replace("测试用舆情概要", f"{CANARY}-概要"),
        encoding="utf-8",
    )
    _evaluations(root)


def _evaluations(root: Path) -> None:
    comment = f"""\
意见:
  - 内容: {CANARY}-意见原文-李四
    类型: 批评
    责任单位: 鄂托克前旗财政局
    处理: 解释
    期限: 2025-11-30
    状态: 已办结
    办结日期: 2025-11-20
    解释: {CANARY}-解释
  - 内容: {CANARY}-意见原文二
    类型: 建议
    责任单位: 鄂托克前旗财政局
"""
    for year, public in (("2025", "是"), ("2026", "否")):
        write(
            root,
            f"evaluations/{year}/PY-{year}-001.yml",
            f"""\
编号: PY-{year}-001
渠道: 座谈会
日期: {year}-10-21
被评议单位: 鄂托克前旗财政局
说明: {CANARY}-说明
份数: 4
参加人员: [{CANARY}-参加人员-王五]
结果:
  q1: {{满意: 3, 不满意: 1}}
"""
            + comment,
        )
        write(
            root,
            f"evaluations/{year}/年度结果.yml",
            f"""\
年度: "{year}"
公开: {public}
发布时间: {int(year) + 1}-01-20
综述: {"本年度评议综述。" if public == "是" else CANARY + "-未公开综述"}
""",
        )
