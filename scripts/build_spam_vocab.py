"""Build ``src/cnnewsclean/data/spam_vocab.tsv``: the vocabulary of SEO spam lines and casino brands.

The lists below were compiled by the cnnewsclean developers from public
knowledge of Chinese porn/gambling SEO spam (the words such pages stuff into
headers, footers and titles) and of gambling brand names that appear in hijacked
page titles. They are not copied from any word list. Each term is written in
Simplified and in Traditional (OpenCC s2t, s2tw, s2hk); ASCII terms are matched
case-insensitively by the loader.

Columns: ``category`` (porn, gambling, brand, suffix, ascii), ``weight`` (how
much one hit counts towards a spam decision; ordinary words like 欧美 or 美女
weigh little, so they never decide alone), ``term``.

Usage (dev only)::

    .venv/bin/python scripts/build_spam_vocab.py
"""

from __future__ import annotations

from pathlib import Path

import opencc

OUT = Path(__file__).resolve().parent.parent / "src" / "cnnewsclean" / "data" / "spam_vocab.tsv"

#: (category, weight, terms). Strong terms (3) are rare outside spam; weak ones (0.5-1) only add up.
VOCAB: list[tuple[str, float, str]] = [
    (
        "porn",
        3,
        "一区二区 二区三区 三区四区 一区二区三区 无码 有码 手机看片 超碰 东京热 亚洲色图 色图 国产精品 国产不卡 "
        "麻豆 偷拍 自拍偷拍 伦理片 三级片 一级片 一级毛片 毛片 人妻 熟女 巨乳 乱伦 乱交 大乱交 中文字幕 日韩av 欧美av "
        "亚洲天堂 天堂网 色欲 色综合 久久精品 久久爱 啪啪 午夜福利 福利视频 福利社 秋霞 番号 成人网 成人视频 成人影院 "
        "黄色网站 黄色视频 黄片 草榴 蜜桃视频 香蕉视频 丝袜美腿 制服丝袜 波多野 苍井空 精品视频 在线播放 看片 裸聊 约炮 "
        "少妇 一本道 加勒比 av在线 在线av 情色 色情 骚 屌 高潮 潮吹 美女福利 福利 国语在线 日韩 欧美一级 一级高清 "
        "性爱 欧美性爱 av网站 黄网 色站 精品乱码 国产成人 成人免费 亚洲av 天天综合",
    ),
    (
        "porn",
        1,
        "在线观看 在线视频 视频在线 免费视频 高清视频 首页 第一页 不卡 精品 国产 在线 视频 午夜 亚洲 综合 性感 "
        "激情 一级 天堂 影院 网址 导航 国语 区区 生活片 情侣 乱码",
    ),
    ("porn", 0.5, "欧美 美女 日本 韩国 免费 高清 最新 电影 大全 排行"),
    (
        "gambling",
        3,
        "百家乐 博彩 赌场 娱乐城 时时彩 六合彩 老虎机 真人娱乐 棋牌游戏 体育投注 彩票网 彩金 注册送 开户送 首存 "
        "返水 线上赌场 网上赌场 澳门赌场 电子游艺 买球 赌球 足球投注 网投 真人视讯 电子竞技投注 娱乐平台 博彩网站 "
        "赌博网站 彩票平台 下注 盘口 赔率 体育平台 娱乐官网 娱乐场 真人荷官 现金网 赌博网址 网上娱乐",
    ),
    ("gambling", 1, "棋牌 彩票 赌博 娱乐 真人 体育 投注 捕鱼 电竞 竞彩 信誉"),
    # Casino/betting brands seen in hijacked titles. Weight 3: unambiguous; weight 1: also an ordinary word or
    # another company (欧宝 Opel, 乐虎 a drink, 开云 Kering, 皇冠 crown,
    # the licensed Macau resorts 威尼斯人, 银河, 金沙, 永利), so it needs a suffix word beside it.
    (
        "brand",
        3,
        "m6米乐 米乐m6 华体会 欧宝体育 欧宝娱乐 必威 乐虎国际 开云体育 开云kaiyun 星空体育 爱游戏体育 九游会 雷竞技 "
        "威廉希尔 皇冠体育 金宝博 沙巴体育 乐鱼体育 米兰体育 "
        "江南体育 亿博体育 凯发娱乐 尊龙凯时 伟德国际 博天堂 新利体育 千亿体育 天博体育 "
        "斗球体育 球速体育 金年会 开元棋牌 必一运动 火狐体育 优德体育 乐天堂 龙8国际 利来国际 金博宝 万博体育 "
        "博亚体育 安博体育 bob体育 ob体育 hth华体会 kok体育 ng南宫 leyu乐鱼 ayx爱游戏 pg电子 pg娱乐 "
        "ag真人 ag亚游 k8凯发 bet365体育 亚博体育 亚博娱乐 yabo亚博 大发快三 大发娱乐",
    ),
    (
        "brand",
        1,
        "澳门新葡京 新葡京 威尼斯人 澳门金沙 金沙娱乐 太阳城集团 澳门银河 银河娱乐 澳门永利 亚洲城 南宫体育 环球体育 "
        "中欧体育 半岛体育 米乐 欧宝 乐虎 开云 星空 爱游戏 九游 亚博 立博 葡京 皇冠 太阳城 乐鱼 亿博 大发 凯发 凯时 伟德 宝博 新利 "
        "韦德 必发 天博 南宫 斗球 优德 龙8 永利 美高梅 环亚 亚游 利来 万博",
    ),
    # Latin-letter brands and porn markers, matched case-insensitively on letter boundaries.
    ("ascii", 3, "betway bet365 365bet 188bet 12bet 18luck w88 fun88 long8 w66 manbetx raybet sbobet dafabet vwin 1xbet bwin ng28"),
    ("ascii", 1, "m6 hth kaiyun yabo leyu milan jiangnan ayx bob kok pg ag8 j9 mgm stake"),
    ("ascii", 2, "av xxx porn sex jav"),
    ("ascii", 1, "tv .com .net .cc .vip .top .xyz app"),
    # Words that close a hijacked title suffix (网页版, 官网 ...): they mark a brand, never decide alone.
    (
        "suffix",
        1,
        "网页版 官网 官方网站 官方 app app下载 下载 登录 登陆 平台 入口 中文版 手机版 电脑版 注册 客户端 登录器 "
        "登录器下载 网址 在线 官方入口 登录入口 网站 最新版 安卓版 苹果版 ios版 官方版 首页 网页 网页登录 官网入口 官网登录",
    ),
]


def main() -> int:
    converters = [opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk")]
    rows: dict[tuple[str, str], float] = {}
    for category, weight, terms in VOCAB:
        for term in terms.split():
            variants = [term] if category == "ascii" else [term, *(c.convert(term) for c in converters)]
            for v in variants:
                key = (category, v.lower())
                rows[key] = max(rows.get(key, 0.0), weight)
    lines = [
        "# Spam-line and casino-brand vocabulary, Simplified and Traditional.",
        "# Compiled by the cnnewsclean developers from public knowledge; built by scripts/build_spam_vocab.py.",
        "# category\tweight\tterm",
    ]
    lines += [f"{cat}\t{w:g}\t{t}" for (cat, t), w in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} terms to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
