"""Generate N realistic catalog entries in a throw-away repository, deterministically.

Every entry passes every rule: units, sections and categories come from the registry,
index numbers are rendered with the registry's own format (one series per year, so at
most 99,999 entries a year), dates lie in the past, and the 文件编号 is in GB/T 9704 form.

Bodies are Chinese government prose built from phrase lists: by default some 3 KB each
(the checker's and the reviews' benchmarks). ``mixed=True`` gives bodies of the sizes real
notices have — most are short, some run to 60 KB (``MIX``) — and a vocabulary that grows
with the catalog as a real one does: the sentences of the repository's own policies
(content/policies/), and sentences naming towns, gacha, amounts, counts and dates, so that
the full-text index sees long and short posting lists of a real shape.

    from xxgk.bench.generate import make_repo
    root = make_repo(Path("/tmp/bench"), 2000, seed=1)
    root = make_repo(Path("/tmp/bench"), 20000, mixed=True)  # the site benchmark
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from xxgk.io.catalog import CATALOG_DIR
from xxgk.io.registry import load_registry
from xxgk.model.dates import today as current_day
from xxgk.model.entry import file_stem, front_matter
from xxgk.model.registry import Registry, Unit

FIRST_YEAR = 2019
# (topic for titles, keyword) — subject matter a county government actually publishes
TOPICS = (
    ("农村牧区人居环境整治", "人居环境"),
    ("城镇老旧小区改造", "老旧小区"),
    ("营商环境优化", "营商环境"),
    ("安全生产专项整治", "安全生产"),
    ("草原生态保护补助奖励", "草原补奖"),
    ("义务教育阶段学生资助", "学生资助"),
    ("城乡居民基本医疗保险", "医疗保险"),
    ("高标准农田建设", "高标准农田"),
    ("森林草原防灭火", "防灭火"),
    ("政务服务“一网通办”", "一网通办"),
    ("就业创业扶持", "就业创业"),
    ("最低生活保障", "低保"),
    ("食品安全监督抽检", "食品安全"),
    ("道路运输安全管理", "道路运输"),
    ("生活垃圾分类", "垃圾分类"),
    ("重点项目建设", "重点项目"),
    ("预算绩效管理", "绩效管理"),
    ("冬春季供暖保障", "供暖保障"),
    ("防汛抗旱", "防汛抗旱"),
    ("政府信息公开", "政府信息公开"),
    ("行政执法公示", "执法公示"),
    ("养老服务体系建设", "养老服务"),
    ("乡村振兴", "乡村振兴"),
    ("耕地保护", "耕地保护"),
)
KINDS = {
    "机构概况": ("关于调整{t}工作领导小组成员的通知", "机构职能"),
    "政策文件": ("关于印发{t}实施方案的通知", "实施方案"),
    "政府决策": ("关于{t}“十四五”规划的批复", "发展规划"),
    "工作信息": ("关于{t}工作进展情况的通报", "工作动态"),
    "人事信息": ("关于{t}岗位公开招聘工作人员的公告", "公开招聘"),
    "行政执法": ("关于{t}行政执法检查结果的公示", "行政执法"),
    "财政信息": ("{y}年{t}专项资金分配情况的公示", "专项资金"),
    "公共服务": ("关于做好{t}公共服务工作的通知", "便民服务"),
    "社会监督": ("关于就{t}公开征求意见的公告", "征求意见"),
}
HEADS = ("一、总体要求", "二、主要任务", "三、工作措施", "四、保障措施", "五、有关要求")
SENTENCES = (
    "坚持以人民为中心的发展思想，把{t}作为保障和改善民生的重要抓手，统筹推进各项工作。",
    "各镇人民政府、旗直各有关部门要高度重视，成立工作专班，明确责任分工，细化工作措施。",
    "要按照“谁主管、谁负责，谁公开、谁审查”的原则，切实做好信息发布前的保密审查工作。",
    "严格落实属地管理责任和行业监管责任，建立工作台账，实行清单化管理、项目化推进。",
    "加强部门协同联动，定期召开联席会议，研究解决{t}工作中遇到的困难和问题。",
    "充分利用政府网站、政务新媒体等渠道，及时发布政策解读，回应社会关切，营造良好氛围。",
    "对工作推进不力、措施落实不到位的单位和个人，依规依纪严肃追究责任。",
    "各单位要于每季度末前将工作进展情况报送牵头部门，牵头部门汇总后报旗人民政府。",
    "资金使用要严格执行财政预算管理规定，专款专用，严禁截留、挤占、挪用。",
    "鼓励社会公众通过政务服务热线、信件和网络等渠道对{t}工作提出意见建议。",
    "进一步规范办事流程，压缩办理时限，推行“最多跑一次”，不断提升群众满意度。",
    "到年底前，全面完成年度目标任务，{t}工作取得明显成效，群众获得感进一步增强。",
)


# Body sizes in bytes of the mixed catalog: (share, smallest, largest). Mean about 10 KB.
MIX = ((0.6, 2_000, 6_000), (0.3, 6_000, 20_000), (0.1, 20_000, 60_000))
TOWNS = ("敖勒召其镇", "城川镇", "上海庙镇", "昂素镇")
GACHA = (
    "查干陶勒盖",
    "巴彦希勒",
    "三段地",
    "大沙头",
    "毛盖图",
    "珠和",
    "哈日根图",
    "布拉格",
    "乌兰胡少",
    "吉拉",
    "巴彦柴达木",
    "陶利",
    "特布德",
    "二道川",
    "额日和图",
    "巴音乌素",
    "芒哈图",
    "呼和陶勒盖",
    "新寨子",
    "玛拉迪",
    "沙日敖楞",
    "道图",
    "伊克乌素",
    "西海子",
)
MEASURES = ("户", "人", "处", "公里", "亩", "个", "家", "项", "座", "人次")
FACTS = (
    "{g}嘎查完成{t}项目{n}个，投入资金{m}万元，惠及农牧民{k}户。",
    "截至{d}，{p}累计排查整改问题{n}处，整改完成率{r}%。",
    "{p}{g}嘎查新建{n}{u}，总投资{m}万元，计划于{d}前完工。",
    "{d}，旗{t}工作领导小组召开第{n}次会议，听取{p}等单位工作汇报。",
    "全年共受理群众来电来信{k}件，办结{n}件，群众满意率{r}%。",
    "对{g}等{n}个嘎查的{t}情况开展专项督查，发现问题{k}个，已全部交办。",
    "{p}将{t}纳入年度考核，权重占{r}%，考核结果于{d}前报送。",
    "下达{y}年{t}专项资金{m}万元，其中{p}{k}万元、{g}嘎查{n}万元。",
)


@dataclass(frozen=True)
class Issuer:
    unit: Unit
    code: str  # 机关代字 for its 文件编号


def county(registry: Registry) -> str:
    return registry.name.removesuffix("人民政府")


def issuers(registry: Registry) -> list[Issuer]:
    """Every registered unit with a 机关代字 made from the registry's names (never typed here)."""
    place = county(registry)
    short = place[0] + place[-2] if len(place) >= 3 else place
    found = []
    for unit in registry.units:
        rest = unit.name.removeprefix(place).removesuffix("人民政府")
        found.append(Issuer(unit, f"{short}{rest[:2] or '政'}发"))
    return found


def body_size(rng: random.Random) -> int:
    """A body size drawn from ``MIX``."""
    pick = rng.random()
    for share, low, high in MIX:
        if pick < share:
            return rng.randint(low, high)
        pick -= share
    return MIX[-1][2]


def policy_sentences(root: Path) -> tuple[str, ...]:
    """Sentences of the repository's policies, markup removed (real prose, real vocabulary)."""
    found: list[str] = []
    for path in sorted((root / "content" / "policies").glob("*.md")):
        text = re.sub(r"\A---\n.*?\n---\n", "", path.read_text("utf-8"), flags=re.DOTALL)
        for line in text.splitlines():
            if line.startswith(("#", ">", "|")):
                continue
            line = re.sub(r"[*`\[\]<>{}]", "", line).strip()
            found += [s for s in re.split(r"(?<=[。；])", line) if 8 <= len(s) <= 240]
    return tuple(found)


@dataclass
class Prose:
    """Where sentences come from: the fixed list, or (mixed) also policies and facts."""

    extra: tuple[str, ...] = ()
    facts: bool = False

    def sentence(self, rng: random.Random, topic: str, year: int) -> str:
        if not (self.facts or self.extra):  # the default catalog draws as it always did
            return rng.choice(SENTENCES).format(t=topic)
        pick = rng.random()
        if self.facts and pick < 0.25:
            return rng.choice(FACTS).format(
                t=topic,
                g=rng.choice(GACHA),
                p=rng.choice(TOWNS),
                n=rng.randint(2, 60),
                k=rng.randint(10, 3000),
                m=f"{rng.randint(5, 9000)}.{rng.randint(0, 99):02d}",
                r=rng.randint(60, 100),
                y=year,
                u=rng.choice(MEASURES),
                d=f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            )
        if self.extra and pick < 0.6:
            return rng.choice(self.extra)
        return rng.choice(SENTENCES).format(t=topic)


def body(
    rng: random.Random, topic: str, size: int, prose: Prose | None = None, year: int = 0
) -> str:
    prose = prose or Prose()
    parts: list[str] = []
    length = 0
    while length < size:
        for head in HEADS:
            para = "".join(prose.sentence(rng, topic, year) for _ in range(rng.randint(3, 5)))
            chunk = f"**{head}**\n\n{para}\n"
            parts.append(chunk)
            length += len(chunk.encode("utf-8"))
            if length >= size:
                break
    return "\n".join(parts)


def entry(
    rng: random.Random,
    registry: Registry,
    who: Issuer,
    created: dt.date,
    serial: dict[str, int],
    size: int,
    prose: Prose | None = None,
) -> tuple[str, str]:
    """(index number, file text) of one generated entry."""
    category = rng.choice(registry.categories)
    topic, keyword = rng.choice(TOPICS)
    pattern, kind_word = KINDS.get(category.name, ("关于{t}的通知", "通知"))
    title = who.unit.name + pattern.format(t=topic, y=created.year)
    values = {
        "机构代码": who.unit.org_code,
        "地区编号": registry.region_code,
        "单位代码": who.unit.code,
        "分类代码": category.code,
        "年份": str(created.year),
    }
    series = registry.index_format.render({**values, "序号": 0})
    serial[series] = serial.get(series, 0) + 1
    number = registry.index_format.render({**values, "序号": serial[series]})
    meta = {
        "索引号": number,
        "信息名称": title,
        "文件编号": f"{who.code}〔{created.year}〕{serial[series]}号",
        "产生时间": created.isoformat(),
        "分类": category.name,
        "发布机构": who.unit.name,
        "责任部门": rng.choice(who.unit.sections),
        "公开形式": "主动公开",
        "公开时限": "长期公开",
        "审核程序": "单位内审核后公开",
        "关键词": f"{keyword} {kind_word}",
        "内容描述": f"{who.unit.name}就{topic}工作作出安排，明确目标任务、工作措施和有关要求。",
    }
    return number, front_matter(meta) + "\n" + body(rng, topic, size, prose, created.year)


def generate(
    root: Path,
    count: int,
    seed: int = 1,
    size: int = 3000,
    today: dt.date | None = None,
    mixed: bool = False,
) -> list[Path]:
    """Write ``count`` entries under ``root``/content/catalog/<year>/; return their paths.
    ``mixed``: bodies of the ``MIX`` sizes and the richer prose (``size`` is then ignored)."""
    registry = load_registry(root)
    prose = Prose(policy_sentences(root), facts=True) if mixed else Prose()
    sizes = random.Random(seed + 1)  # a stream of its own: the default catalog stays as it was
    rng = random.Random(seed)
    last = today or current_day()
    span = (last - dt.date(FIRST_YEAR, 1, 1)).days
    who = issuers(registry)
    dates = sorted(
        dt.date(FIRST_YEAR, 1, 1) + dt.timedelta(days=rng.randint(0, span)) for _ in range(count)
    )
    serial: dict[str, int] = {}
    paths = []
    for created in dates:
        length = body_size(sizes) if mixed else size
        number, text = entry(rng, registry, rng.choice(who), created, serial, length, prose)
        path = root / CATALOG_DIR / str(created.year) / f"{file_stem(number)}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def make_repo(
    dest: Path,
    count: int,
    seed: int = 1,
    source: Path | None = None,
    size: int = 3000,
    mixed: bool = False,
) -> Path:
    """A fresh repository at ``dest``: the source's registry, schemas, mkdocs.yml and pages
    (content/ without the catalog), plus ``count`` generated entries."""
    from xxgk.io.registry import find_root

    src = source or find_root(Path(__file__).resolve().parent)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy(src / "xxgk.yml", dest / "xxgk.yml")
    shutil.copytree(src / "schemas", dest / "schemas")
    if (src / "mkdocs.yml").is_file():
        shutil.copy(src / "mkdocs.yml", dest / "mkdocs.yml")
    if (src / "content").is_dir():
        shutil.copytree(
            src / "content",
            dest / "content",
            ignore=lambda d, names: ["catalog"] if Path(d) == src / "content" else [],
        )
    (dest / CATALOG_DIR).mkdir(parents=True, exist_ok=True)
    generate(dest, count, seed, size, mixed=mixed)
    return dest
