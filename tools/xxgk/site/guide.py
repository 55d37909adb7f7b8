"""The 政府信息公开指南 page, written from the registry so it can never drift from it.

Categories and what each holds, how the catalog is arranged and what an 索引号 is made of,
where and how to apply — by every channel of 附件2 第一条 (信函、电报、传真、电子邮件、口头)
and the 在线申请 form, with a paper form to print — the office's address, hours, phone, fax and
e-mail, and the time limits all come from xxgk.yml.
"""

from __future__ import annotations

from typing import Any

from xxgk.model.registry import Registry

APPLY_ANCHOR = "apply"  # the catalog's 依申请公开 rows link here
APPLY_PAGE = "../apply/index.md"  # the 在线申请 form (xxgk.intake.form), from the guide's folder
PAPER_ANCHOR = "paper-form"  # the printable 申请表 at the end of the guide
# What each field of an 索引号 means (model/indexno.py FIELDS)
INDEX_PARTS = {
    "机构代码": "前段码，即发布信息的机关或其所在信息公开平台的组织机构代码",
    "地区编号": "行政区划代码",
    "单位代码": "发布机构在本级的单位代码",
    "分类代码": "信息所属的分类编号（见第一节）",
    "年份": "信息产生的年份",
    "序号": "当年的顺序号，每年从 1 起编",
}


def guide_title(name: str) -> str:
    """鄂托克前旗人民政府 → 鄂托克前旗人民政府信息公开指南 (not “…政府政府…”)."""
    return f"{name}信息公开指南" if name.endswith("政府") else f"{name}政府信息公开指南"


def guide_markdown(registry: Registry) -> str:
    parts = [
        f"---\ntitle: 政府信息公开指南\nhide:\n  - navigation\n---\n\n# {guide_title(registry.name)}\n",
        (
            f"为便于公民、法人和其他组织获取{registry.name}的政府信息，根据《中华人民共和国政府信息"
            "公开条例》编制本指南。本指南内容如有调整，以本栏目最新发布的版本为准。\n"
        ),
        _categories(registry),
        _proactive(registry),
        _arrangement(registry),
        _on_request(registry),
        _office(registry.office),
        (
            "## 五、监督和救济\n\n公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，"
            "可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议"
            "或者提起行政诉讼。\n"
        ),
        _paper_form(),
    ]
    return "\n".join(parts)


def _categories(registry: Registry) -> str:
    rows = "\n".join(f"| {c.code} | {c.name} | {c.description} |" for c in registry.categories)
    return (
        "## 一、主动公开的信息分类\n\n本机关主动公开的政府信息分为以下"
        f"{len(registry.categories)}类：\n\n| 编号 | 类别 | 包含的信息 |\n|---|---|---|\n{rows}\n"
    )


def _proactive(registry: Registry) -> str:
    return (
        "## 二、主动公开的方式\n\n主动公开的政府信息在本网站“[法定主动公开内容](../catalog/index.md)”"
        "栏目按分类、发布机构和年份列出，可在“[信息检索](../search/index.md)”中按信息名称、文件编号、"
        "索引号、关键词检索。每条信息的目录数据项包括索引号、信息名称、文件编号、产生时间、"
        "公开形式、内容描述、公开时限、审核程序和责任部门。\n"
    )


def _on_request(registry: Registry) -> str:
    terms = registry.settings.requests.current
    channels = "、".join(registry.office.get("申请渠道") or [])
    fee = (
        "按照国家规定收取信息处理费。" if terms.fee_enabled else "依申请提供政府信息，不收取费用。"
    )
    lines = [
        f'<a id="{APPLY_ANCHOR}"></a>\n\n## 三、依申请公开\n',
        (
            "公民、法人或者其他组织可以向本机关申请获取主动公开以外的政府信息。目录中标为"
            "“依申请公开”的信息只列出条目，不在网上公开正文，需要的请按本节申请。\n"
        ),
        (
            f"1. **申请方式**：{channels}，以及下表所列的每一种方式（依申请公开制度第一条：信函、电报、"
            "传真、电子邮件等方式或口头）。在网上申请的，请填写本网站的“[在线申请]"
            f"({APPLY_PAGE})”表单，提交后立即得到受理编号和答复期限；书面申请可打印本指南所附的"
            f"“[政府信息公开申请表](#{PAPER_ANCHOR})”填写。各种方式的地址和号码见本节末的表。"
        ),
        (
            "2. **申请内容**：申请人的姓名或者名称、身份证明、联系方式；所需政府信息的名称、文号"
            "或者便于查询的其他特征性描述；获取信息的方式和途径。"
        ),
    ]
    if terms.amend_notice_days:
        lines.append(
            f"3. **补正**：申请内容不明确的，在收到申请之日起{terms.amend_notice_days}"
            "个工作日内一次性告知需要补正的事项。"
        )
    if terms.reply_days:
        extra = (
            f"；需要延长的，经批准可延长，最长不超过{terms.extension_max}个工作日"
            if terms.extension_max
            else ""
        )
        lines.append(
            f"4. **答复期限**：能够当场答复的当场答复；不能当场答复的，自收到申请之日起"
            f"{terms.reply_days}个工作日内答复{extra}。"
        )
    if terms.provide_days:
        lines.append(f"5. **提供信息**：决定公开的，在{terms.provide_days}个工作日内提供。")
    lines.append(f"6. **费用**：{fee}")
    lines.append(f"\n{_channel_table(registry.office)}")
    return "\n".join(lines) + "\n"


def _arrangement(registry: Registry) -> str:
    """How the catalog is arranged (编排体系) and what an 索引号 is made of."""
    fmt = registry.index_format
    names = sorted(fmt.fields, key=lambda name: fmt.template.index("{" + name))
    parts = "；".join(f"“{name}”是{INDEX_PARTS[name]}" for name in names)
    example = fmt.example()
    return (
        "### 目录的编排体系和索引号\n\n"
        f"政府信息公开目录按“分类—发布机构—年份”编排：先分为第一节的{len(registry.categories)}类，"
        "每类之下按发布机构、再按信息产生的年份排列。每条信息有一个"
        "索引号，是信息在目录中的唯一编号，由系统分配，一经公开不再改变（发布机构变更也不改）。\n\n"
        f"索引号的结构是 `{fmt.template}`：{parts}。例如 `{example}`。"
        "按索引号检索可以直接找到这条信息。\n"
    )


def _channel_table(office: dict[str, Any]) -> str:
    """Every channel of 附件2 第一条, with where to send it (from the registry)."""
    name, address = office.get("名称", "政府信息公开工作机构"), office.get("地址", "")
    post = f"，邮政编码 {office['邮政编码']}" if office.get("邮政编码") else ""
    rows = [
        ("网络（在线申请）", f"本网站“[在线申请]({APPLY_PAGE})”表单，提交后当即给出受理编号"),
        ("信函", f"寄至{address}{post}，{name}收，信封注明“政府信息公开申请”"),
        ("电报", f"发至{address}，收报人{name}"),
        ("传真", f"{office.get('传真', '')}，请注明“政府信息公开申请”并留下联系方式"),
        ("电子邮件", f"{office.get('电子邮箱', '')}，邮件主题写“政府信息公开申请”"),
        (
            "口头（当面或电话）",
            f"{office.get('办公时间', '办公时间')}到{address}，或致电 "
            f"{office.get('电话', '')}；工作人员当场记录并请申请人确认",
        ),
    ]
    return "| 方式 | 怎样提出 |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)


def _paper_form() -> str:
    """A paper 申请表 to print: the fields an application must hold (条例第二十九条)."""
    fields = (
        "申请人类型（公民 / 法人或者其他组织）",
        "姓名或者名称",
        "证件类型和号码（或统一社会信用代码）",
        "联系人",
        "联系电话",
        "通信地址和邮政编码",
        "电子邮箱",
        "所需政府信息的名称、文号或者便于查询的其他特征性描述",
        "获取信息的方式（纸质 / 电子邮件 / 光盘；邮寄 / 自行领取 / 传真）",
        "申请人签名或者盖章",
        "申请日期",
    )
    rows = "\n".join(f"| {f} | |" for f in fields)
    return (
        f'<a id="{PAPER_ANCHOR}"></a>\n\n## 附：政府信息公开申请表（纸质）\n\n'
        "打印本表填写后，以信函、传真或当面方式提交；也可以把填写后的扫描件作为电子邮件的附件发送。\n\n"
        f"| 项目 | 填写 |\n|---|---|\n{rows}\n"
    )


def _office(office: dict[str, Any]) -> str:
    labels = ("名称", "地址", "邮政编码", "办公时间", "电话", "传真", "电子邮箱")
    rows = "\n".join(f"| {k} | {office[k]} |" for k in labels if office.get(k))
    return f"## 四、政府信息公开工作机构\n\n| 项目 | 内容 |\n|---|---|\n{rows}\n"
