"""Personal names that open a clause: a story's cast, told from a news page's own people by where else they occur.

A novel names its people at the head of a clause (``。叶玄盘膝而坐``, ``”沈遙回頭``);
so does a feature (``孙桂兰说``), but a news page introduces its people with a role
(``环卫工人孙桂兰``) and names them again elsewhere on the page. A name that heads
a clause in a stretch and occurs nowhere else on the page outside the stretches is
a stranger to the host: a spliced story's cast.

A name here is a common surname (both scripts; two-character ones too) followed by a
Han character that is neither a function word nor the start of a form of address
(林太太, 何师傅), at a clause head, where the pair (and the pair with the next
character) is no dictionary word. Only the surname and the first character of the
given name are kept (``叶玄``, ``慕容雪``): enough to find the name again.

>>> page = "全市开展宣讲活动，覆盖职工群众。叶玄盘膝而坐，体内灵力如江河奔涌。活动共计三百余场。"
>>> s = page.index("叶玄")
>>> clause_names(page, s - 1, s + 12)
[(16, '叶玄')]
>>> stranger_names(page, s - 1, s + 12, bytearray(len(page)))
['叶玄']
"""

from __future__ import annotations

import re

from .._resources import host_words
from .injection import to_simplified

#: common Chinese surnames, Simplified and Traditional (a fact list: the most frequent family names)
SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭肖蕭"
    "田董袁潘蒋蔣蔡杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范廖贾賈夏韦韋方白邹鄒孟熊秦邱江尹薛"
    "闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵严嚴覃戴孔温溫康施牛樊葛邢齐齊乔喬庞龐颜顏倪庄莊聂聶"
    "鲁魯岳翟殷詹欧歐耿焦俞柳祝宁寧舒阮柯纪紀梅童凌毕畢裴霍涂苗谷盛翁冉骆駱蓝藍辛靳柴鲍鮑喻祁蒲滕屈饶饒"
    "艾尤穆卓简簡项項麦麥褚娄婁窦竇岑宫宮费費柏瞿佟臧闵閔卞姬栾欒隋刁荣榮巫寇桑甄虞敖巩鞏佘池"
    "麻苑迟遲邝鄺谈談匡鞠荆荊冀郁胥楚鄢谌諶奚粟冼蔺藺楼樓厉厲仝郜阚闞帅帥屠禹"
)
#: two-character surnames (慕容, 歐陽): the name is kept as the surname and the first given character
COMPOUND_SURNAMES = frozenset(
    "欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 慕容 东方 東方 南宫 南宮 西门 西門 令狐 皇甫 公孙 公孫 独孤 獨孤 端木 夏侯 尉迟 尉遲"
    " 长孙 長孫 宇文 轩辕 軒轅 司徒 百里 呼延 澹台 澹臺 赫连 赫連 拓跋 钟离 鍾離 闻人 聞人 万俟 萬俟 申屠 太史 东郭 東郭".split()
)
#: characters that end a clause: a name after one heads the next
_CLAUSE_HEAD = frozenset("。！？!?”」』…，,、：:；;—\n　 ")
#: characters that are not the first character of a given name (function words, verbs a surname-like
#: character often precedes: 戴着, 白了, 高的; quantity words: 宁多勿少 is no 宁多)
_NOT_GIVEN = frozenset(
    "的了着著过過在是把被和与與也都就还還又不没沒很更最这這那个個们們上下里裡中来來去说說到得地对對向从從"
    "为為以于於及或而且但所之其如若即便并並则則已再才只些每各该該此您你我他她它谁誰么麼吗嗎呢吧啊呀某男女阿太总總老家氏姐哥嫂叔伯婶嬸姨"
    "多少几幾"
)
#: forms of address after a surname (林先生, 何师傅): a role, not a given name
_TITLES = frozenset(
    "先生 小姐 女士 老师 老師 师傅 師傅 医生 醫生 大爷 大爺 大娘 大姐 大哥 大叔 大婶 大嬸 阿姨 奶奶 爷爷 爺爺 婆婆 伯伯 叔叔"
    " 经理 經理 主任 书记 書記 局长 局長 队长 隊長 老板 老闆 同学 同學 校长 校長 教授 律师 律師 师父 師父".split()
)
_HAN = re.compile(r"[\u3400-\u9fff]")


def clause_names(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Name-like pairs (surname + first given character) heading a clause in ``text[start:end]``."""
    words = host_words()[1]
    out: list[tuple[int, str]] = []
    for i in range(max(start, 0), min(end, len(text)) - 1):
        if i > 0 and text[i - 1] not in _CLAUSE_HEAD:
            continue
        if text[i : i + 2] in COMPOUND_SURNAMES and i + 2 < min(end, len(text)):
            given = text[i + 2]
            words_here = {to_simplified(text[i : i + k]) for k in (3, 4)}
            if given not in _NOT_GIVEN and _HAN.match(given) is not None and text[i + 2 : i + 4] not in _TITLES and not words_here & words:
                out.append((i, text[i : i + 3]))
            continue
        if text[i] not in SURNAMES:
            continue
        given = text[i + 1]
        if given in _NOT_GIVEN or _HAN.match(given) is None:
            continue
        if text[i + 1 : i + 3] in _TITLES:
            continue
        pair = to_simplified(text[i : i + 2])
        if pair in words or to_simplified(text[i : i + 3]) in words or to_simplified(text[i : i + 4]) in words:
            continue
        out.append((i, text[i : i + 2]))
    return out


def stranger_names(text: str, start: int, end: int, elsewhere_ok: bytearray) -> list[str]:
    """Names heading a clause in ``text[start:end]`` that occur nowhere else on the page, except where
    ``elsewhere_ok`` is set (other stretches: a story's fragments share its cast)."""
    out: list[str] = []
    for _i, name in clause_names(text, start, end):
        if name in out:
            continue
        k = text.find(name)
        while k >= 0 and (start <= k < end or elsewhere_ok[k]):
            k = text.find(name, k + 1)
        if k < 0:
            out.append(name)
    return out
