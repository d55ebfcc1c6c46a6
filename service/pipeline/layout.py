"""A newspaper page → articles → paragraphs → sentences, as spans of the normalised view.

Blocks are runs of non-blank lines; a block's paragraphs end at line ends that end a sentence. Each
block is classed by its shape (headline, subtitle, byline, dateline, banner, caption, body); a headline,
or a lead such as 本报讯 after a finished story, opens a new article. Headings printed under or inside their own story are given back to it, and a
story that jumps (（下转第二版）) picks up at its （上接第一版） block. Layout is heuristic and only
decides structure; it never edits text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import CLAUSE_MARKS, CLOSING_QUOTES, FULL_STOPS, LIST_MARK, SEMICOLONS, SENTENCE_MAX
from .normalise import HAN

CLOSING = FULL_STOPS + CLAUSE_MARKS + LIST_MARK + "…"  # a line ending in one of these is not a headline
SENTENCE_MARKS = re.compile(rf"[{FULL_STOPS}{CLAUSE_MARKS}{LIST_MARK}]")
LEADS = re.compile(r"^(本报讯|新华社|中新社|[\u4e00-\u9fff]{2,8}(?:网|日报|晚报|早报|报|客户端)讯|据[\u4e00-\u9fff]{2,8}报道)")
# 2017-10-17 09:07:20 来源:临汾新闻网, 2019年3月8日 星期五 来源：人民日报, and a web page's
# 发布时间：2019-05-06 10:21:33  来源：河南日报  作者：张伟: a line of facts about the page and nothing else
# (an empty 来源:, a counter 浏览(10)人次 and buttons 投稿 收藏 included)
# 重庆日报, 安徽日报农村版, 乡村干部报网, 《小康》: the name of an outlet
OUTLET = (r"[\u4e00-\u9fff]{1,10}(?:日报|晚报|早报|时报|报|新闻网|网|在线|通讯社|社|电视台|客户端|财经|新闻)"
          r"(?:[\u4e00-\u9fff]{1,4}版)?|《\s*[^》\s]{1,12}\s*》")
OUTLET_LINE = re.compile(rf"\s*(?:{OUTLET})\s*")
RECORD_LABEL = r"(?:索\s*引\s*号|公文目录|发文机关|发文机构|发布机构|主\s*题\s*词|文\s*号|标\s*题|分\s*类)"
META_FIELD = re.compile(
    r"(?:(?:发布|发表|更新|出版|刊发)?(?:时间|日期)\s*[:：]\s*|(?:发布|发表|更新|出版|刊发)(?:时间|日期|于)[:：]?\s*)?(?P<date>\d{4}(?:-|/|\.|年| )\d{1,2}(?:-|/|\.|月)\d{1,2}日?"
    r"|\d{1,2}\.\d{1,2}\.\d{4}(?!\d))"
    r"(?:\s*(?:星期[一二三四五六日天]?|周[一二三四五六日天]))?(?:/?\s*\d{1,2}:\d{2}(?::\d{2})?|\s*\d{1,2}时\d{1,2}分(?:\d{1,2}秒)?)?"  # 2020/10/13/ 18:25, 08时09分
    r"|(?:本文|文章|信息|稿件)?(?:来源|稿源|出处)\s*[:：]\s*(?P<source>(?!(?:浏览|点击|阅读|作者|记者|编辑|责任编辑|责编)[:：])(?:(?!(?:发布|发表|更新)?(?:时间|日期)[:：])[^\s|丨])+)?"
    r"(?:\s*[>＞»›]\s*[^\s|丨>＞»›]*)*"  # 来源: 新闻联播 > 热点新闻 >: the section it was filed under
    rf"|(?P<reporter>[{HAN}]{{2,4}})发自[{HAN}]{{2,10}}"  # 张笛扬发自河南兰考: a reporter and where the story was filed
    rf"|(?:通讯员|记者|实习生)\s*(?P<correspondent>[{HAN}]{{2,4}}(?:[ 、][{HAN}]{{2,4}}){{0,3}})(?=[\s|丨]|$)"  # 通讯员周光耀
    r"|(?:作者|记者|文)[:：/]\s*(?:(?=(?:来源|稿源|出处|编辑|责任编辑|浏览|点击|阅读|(?:发布|发表|更新)?(?:时间|日期)|发布)[:：])|(?=[|丨])|$|(?P<author>[^\s|丨:：]{1,20}+(?:[ 、](?!\d)[^\s|丨:：]{1,20}+(?![:：])){0,3}))"
    r"|(?:审核)?(?:编辑|责任编辑|责编)[:：]\s*(?:[^\s|丨:：]{1,20}+(?:[ 、][^\s|丨:：]{1,20}+(?![:：])){0,3})?"  # 编辑:于永春 王小兰
    r"|(?:点击|浏览|阅读|热度)(?:次数|数|量)?[:：]\s*(?:(?!(?:发布|发表|更新)?(?:时间|日期)[:：])\S+)?"  # 浏览数: (empty)
    r"|(?:点击|浏览|阅读)[(（]\d*[)）](?:人次|次)?"  # 浏览(10)人次: a counter without a colon
    rf"|[{HAN}]{{1,8}}整理(?=[\s|丨]|$)"  # 老盐城整理: who put the page together
    r"|\d+次(?:浏览|阅读|点击)"  # 0次浏览
    # 索 引 号:dyx025-/2023-1023009 公文目录:… 发文机构:… 主 题 词: 文  号: 标  题:…: a government page's record of a document
    rf"|{RECORD_LABEL}[:：](?:\s*(?!{RECORD_LABEL}|[^\s|丨]{{1,8}}[:：])[^\s|丨]+)?"
    r"|第?\s*\d{1,3}\s*版(?:[:：][^\s|丨]{0,8})?|字数[:：]\s*\d+"  # 第06版:六版, 14 版, 字数:478: a paper's page, a word count
    r"|当前[:：]\s*[A-Z]?\d{1,3}(?=[\s(（])|上一版\s*\d{0,3}|\d{0,3}\s*下一版"  # 当前:A2(…) 上一版3  4下一版: an e-paper's
    r"|(?:投稿|收藏|打印|关闭|分享|大字|中字|小字|放大字体|缩小字体|二维码|A-A\+|给编辑写信|语音阅读[:：]?|放大|缩小|默认)+(?=[\s|丨]|$)"  # the page's buttons
    r"|(?:只看楼主|只看该作者|倒序阅读|复制链接|电梯直达)(?=[\s|丨\]】]|$)"  # a forum's: 只看楼主 倒序阅读 0 发表于: 2018-10-23
    r"|IP属地\s*[\u4e00-\u9fff]{2,8}?(?:\d{1,7}|(?=[\s|丨]|$))"  # 2017-12-02 09:59IP属地 陕西渭南5790西部网
    # a forum post's header: 查看: 3934|回复: 36, 发表于 2020-2-21 09:45 | 显示全部楼层 来自: 四川省 移动数据上网公共出口
    r"|(?:查看|回复)[:：]\s*\d+|UID\s*\d+|显示全部楼层|来自[:：]\s*\S+(?:\s+\S+)?$"
    r"|(?:字体|字号)[:：](?:[\s|丨]*(?:[大中小T]|默认|超大)(?=[\s|丨]|$))*"  # 字体: 大 中 小, 字号:T|T
    r"|(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|net|org|gov)(?:/\S*)?(?=[\s|丨]|$)"  # www.chinagate.cn
    r"|[^\s|丨]{0,12}小编(?=[\s|丨]|$)|[A-Za-z][A-Za-z0-9_]{1,19}(?=\s)"  # 147小编, admin: a user's handle
    # 申琳、袁泉、徐驭尧 发布时间:…: the names of those who wrote it, listed without 作者
    rf"|(?P<names>[{HAN}]{{2,4}}(?:、[{HAN}]{{2,4}})+)(?=[\s|丨]|$)"
    # 2020-04-29 重庆日报 182 0, 新华财经|2023年03月21日: an outlet named without 来源, its counters
    rf"|(?P<outlet>{OUTLET})(?=[\s|丨●(（]|$|\d{{4}}(?:-|/|\.|年))"  # 甘孜日报2019年12月12日: its date may follow
    # 范存宝    2020-04-26 18:48:48    央广网, 中国网 · 汪杰菲 | 发布时间…: one writer's name, then the date or a bar
    rf"|(?P<writer>[{HAN}]{{2,4}})(?=\s+\d{{4}}(?:-|/|\.|年)\d|\s*[|丨])"
    r"|\d{1,7}(?=[\s|丨]|$)")
# 时间:2023-05-17 理论教育 版权反馈: after a date its label names, the page's section and buttons
LABELLED_DATE = re.compile(r"(?:发布|发表|更新|出版|刊发)?(?:时间|日期)[:：]")
SECTION = re.compile(rf"[{HAN}]{{2,4}}(?=[\s|丨]|$)")
# (来源:网站编辑 2020-04-12 17:20): a meta line in parentheses; - 发布时间:…: a list's dash; 《人民日报》(2018年7月25日,第13版):
# a comma before the paper's page
META_FILLER = re.compile(r"(?:[\s|丨/()（）\[\]【】•●·]|-\s|[,，](?=\s*第?\s*\d{1,3}\s*版))*")
AUTHOR_NAMES = re.compile(rf"[{HAN}]{{2,4}}(?:[ 、][{HAN}]{{2,4}}){{0,3}}")
# ——2019年1月4日在宿松县第十六届人民代表大会第三次会议上, ——在陇县…会议上 县长赵甲宏(2020年1月8日): the day a
# report or a speech was delivered, on a line of its own under its title
DELIVERED = re.compile(rf"[\s(（—–-]*(?:(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)\s*在[^\n。，,]{{2,40}}?(?:会议|大会|全会)上"
                       rf"|在[^\n。，,]{{2,40}}?(?:会议|大会|全会)上[{HAN}\s]{{0,16}}[(（](?P<after>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)[)）])"
                       rf"(?:的(?:讲话|报告))?[\s)）]*")
# 2019年陇县人民政府工作报告(全文)——在陇县…会议上县长赵甲宏(2020年1月8日)各位代表:…: the same after a title's
# dash, where a page flattened its lines into one
DELIVERED_AFTER_TITLE = re.compile("——" + DELIVERED.pattern)
DELIVERED_REACH = 200
META_LINE_MAX = 200  # a government page's record of a document (索引号 … 标题:…) runs long
DIGIT = re.compile(r"[0-9０-９]")


def delivered_on(line: str) -> str | None:
    """The day a report or speech was delivered, from the line under its title that says so.

    >>> delivered_on("  ——2019年1月4日在宿松县第十六届人民代表大会第三次会议上")
    '2019-01-04'
    >>> delivered_on("——在陇县第十七届人民代表大会第四次会议上县长赵甲宏(2020年1月8日)")
    '2020-01-08'
    >>> delivered_on("2019年1月4日在宿松县召开会议，会上…") is None
    True
    >>> delivered_on("2019年陇县人民政府工作报告(全文)——在陇县第十七届人民代表大会第四次会议上县长赵甲宏(2020年1月8日)各位代表:现在")
    '2020-01-08'
    """
    m = DELIVERED.fullmatch(line) or DELIVERED_AFTER_TITLE.search(line, 0, DELIVERED_REACH)
    if m is None:
        return None
    y, mo, d = (int(n) for n in re.findall(r"\d+", m.group("date") or m.group("after")))
    return f"{y}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def meta_line(line: str) -> dict | None:
    """The date, source and byline of a line that holds nothing else (a web page's meta line).

    >>> meta_line("发布时间：2019-05-06 10:21:33  来源：河南日报  作者：张伟")
    {'date': '2019-05-06', 'source': '河南日报', 'byline': '张伟'}
    >>> meta_line("2019年5月6日，记者来到兰考县") is None
    True
    >>> meta_line("19.12.2017  09:29"), meta_line("2021-02-28 13:03:58热度:147°C")["date"]
    ({'date': '2017-12-19', 'source': None, 'byline': None}, '2021-02-28')
    >>> meta_line("2020-12-03 15:22:53 作者: 十三五易地扶贫")
    {'date': '2020-12-03', 'source': None, 'byline': None}
    >>> meta_line("来源: 发布日期:2020-06-26浏览(10)人次 投稿收藏")
    {'date': '2020-06-26', 'source': None, 'byline': None}
    >>> meta_line("2020-04-29 重庆日报 182 0"), meta_line("新华财经|2023年03月21日")["source"]
    ({'date': '2020-04-29', 'source': '重庆日报', 'byline': None}, '新华财经')
    >>> meta_line("安徽日报农村版 2017-05-23 12:00 大字")["source"]
    '安徽日报农村版'
    >>> meta_line("重庆日报") is None, meta_line("2019年5月6日 2000户") is None
    (True, True)
    >>> meta_line("147小编 156 2025-10-05"), meta_line("大英新闻 发表于 2025-10-11 15:14:16")["source"]
    ({'date': '2025-10-05', 'source': None, 'byline': None}, '大英新闻')
    >>> meta_line("申琳、袁泉 发布时间:2020-11-09 10:38:00来源: 人民网")["byline"]
    '申琳、袁泉'
    >>> meta_line("范存宝    2020-04-26 18:48:48    央广网")
    {'date': '2020-04-26', 'source': '央广网', 'byline': '范存宝'}
    >>> meta_line("时间 : 2023-05-26 09:35:15 来源 : 南方日报网络版")["date"], meta_line("2024 11-05 06:30:13")["date"]
    ('2023-05-26', '2024-11-05')
    >>> meta_line("时间:2020-12-09 12:20 来源: 新闻联播 > 热点新闻 >")
    {'date': '2020-12-09', 'source': '新闻联播', 'byline': None}
    >>> meta_line("刊发日期:2011-11-18 阅读次数: 作者:lxxwzx  语音阅读:")["date"]
    '2011-11-18'
    >>> meta_line("中国网 · 汪杰菲 | 发布时间2022-04-19 14:19:58")
    {'date': '2022-04-19', 'source': '中国网', 'byline': '汪杰菲'}
    >>> meta_line("2012年06月25日 00时00分")["date"]
    '2012-06-25'
    >>> meta_line("当前:A2(2019年01月22日) 上一版 下一版")["date"], meta_line("上一版3  4下一版 2017年7月27日 星期 放大 缩小 默认")["date"]
    ('2019-01-22', '2017-07-27')
    >>> meta_line("作者:恋你如初 2020-08-03 09:48:02 老盐城整理")["date"]
    '2020-08-03'
    >>> meta_line("荆楚在线 2024-05-10 00:02:16 来源: 原创")
    {'date': '2024-05-10', 'source': '原创', 'byline': None}
    >>> meta_line("放大字体  缩小字体 发布日期:2017-12-23  来源:人民网")["date"]
    '2017-12-23'
    >>> meta_line("吕梁、临汾两市") is None, meta_line("2019-01-27 14:48 来源:互联网整理 责任编辑:WB001 字体:")["date"]
    (True, '2019-01-27')
    >>> meta_line("admin 发表于:2021-06-01")["date"]
    '2021-06-01'
    >>> meta_line("甘孜日报2019年12月12日")["source"]
    '甘孜日报'
    >>> meta_line("0次浏览     发布时间:2025-02-28 18:49:00")["date"]
    '2025-02-28'
    >>> meta_line("发布时间:2016-09-08 12:00:48 作者: 出处: 浏览:546次")
    {'date': '2016-09-08', 'source': None, 'byline': None}
    >>> meta_line("2010年10月15日14:53 | 中国发展门户网 www.chinagate.cn | 给编辑写信 字号:T|T")["source"]
    '中国发展门户网'
    >>> meta_line("2019-02-12 第06版:六版")["date"], meta_line("来源:中华工商时报 字数:478 |")["source"]
    ('2019-02-12', '中华工商时报')
    >>> meta_line("出版日期:2001年02月27日")["date"]
    '2001-02-27'
    >>> meta_line("只看楼主 倒序阅读 0 发表于: 2018-10-23")["date"]
    '2018-10-23'
    >>> meta_line("《小康》 ● 中国小康网   2018-07-16 10:51:22")
    {'date': '2018-07-16', 'source': '中国小康网', 'byline': None}
    >>> meta_line("2017-12-02 09:59IP属地 陕西渭南5790西部网")
    {'date': '2017-12-02', 'source': '西部网', 'byline': None}
    >>> meta_line("发表于 2020-2-21 09:45 | 显示全部楼层 来自: 四川省 移动数据上网公共出口")["date"]
    '2020-02-21'
    >>> meta_line("(来源:网站编辑 2020-04-12 17:20)")
    {'date': '2020-04-12', 'source': '网站编辑', 'byline': None}
    >>> meta_line("发布时间:2019-09-29 22:10来源: 作者:")["date"]
    '2019-09-29'
    >>> meta_line("- 发布时间:2014-08-25 01:31:22 来源:科技日报 责任编辑:罗伯特")["date"]
    '2014-08-25'
    >>> meta_line("作者:袁青     发布时间:2021-07-28 15:49     信息来源: 县统计局     浏览数:")["date"]
    '2021-07-28'
    >>> meta_line("来源:每日甘肃网-甘肃农民报 编辑:于永春 王小兰 点击数:时间:2020-05-09")["date"]
    '2020-05-09'
    >>> meta_line("2020-05-21张笛扬发自河南兰考"), meta_line("时间:2023-05-17 理论教育 版权反馈")["date"]
    ({'date': '2020-05-21', 'source': None, 'byline': '张笛扬'}, '2023-05-17')
    >>> meta_line("2023-05-17 理论教育") is None
    True
    >>> meta_line("索 引 号:dyx025-/2023-1023009 公文目录:乡村振兴成果 发文机构:大姚县乡村振兴局 主 题 词: 发布日期:2023年10月23日 文  号: 标  题:大姚县深化协作")
    {'date': '2023-10-23', 'source': None, 'byline': None}
    >>> meta_line("作者: 发布时间:2016年08月11日08时09分 |")["date"]
    '2016-08-11'
    >>> meta_line("发布时间:2018-11-22 10:33:14 | 来源:新华网 | 作者: | 责任编辑:孔令瑶")["date"]
    '2018-11-22'
    >>> meta_line("2020/10/13/ 18:25 来源:武威日报 通讯员周光耀")
    {'date': '2020-10-13', 'source': '武威日报', 'byline': '周光耀'}
    >>> meta_line("《人民日报》(2018年7月25日,第13版)"), meta_line("《 人民日报 》( 2022年01月05日 14 版)")["date"]
    ({'date': '2018-07-25', 'source': '《人民日报》', 'byline': None}, '2022-01-05')
    >>> meta_line("2019年5月6日，第3版块") is None
    True
    """
    found, pos = {}, 0
    while pos < len(line):
        pos = META_FILLER.match(line, pos).end()
        m = META_FIELD.match(line, pos)
        if pos >= len(line):
            break
        if (not m or m.end() == pos) and "date" in found and LABELLED_DATE.match(line, 0) and SECTION.match(line, pos):
            pos = SECTION.match(line, pos).end()
            continue
        if not m or m.end() == pos:
            return None
        for key, value in m.groupdict().items():
            if value:
                found[key] = value
        pos = m.end()
    outlet = found.pop("outlet", None)
    if "date" not in found and "source" not in found:
        return None  # an outlet's name or a number on a line of its own may be a headline
    found.setdefault("source", outlet and re.sub(r"\s+", "", outlet))  # 《 人民日报 》: the name, not its padding
    author = found.pop("author", None) or found.pop("names", None) or found.pop("reporter", None) \
        or found.pop("correspondent", None) or found.pop("writer", None)  # a site may credit anything (作者：十三五易地扶)
    if author and AUTHOR_NAMES.fullmatch(author):
        found["byline"] = author
    if "date" in found:
        numbers = re.findall(r"\d+", found["date"])
        y, mo, d = numbers if len(numbers[0]) == 4 else numbers[::-1]  # 19.12.2017 is day, month, year
        if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
            return None
        found["date"] = f"{y}-{int(mo):02d}-{int(d):02d}"
    return {key: found.get(key) for key in ("date", "source", "byline")}
BYLINE_PARENS = re.compile(rf"[(（]\s*(?:记者\s*)?([{HAN}]{{2,4}}(?:\s+[{HAN}]{{2,4}}){{0,3}})\s*[)）]\s*$")
# □ 杨应平, □ 新华社记者 柴海亮 吕梦琦, 本报记者 马丽, 文/图 王强: a line that only names who wrote it; a
# two-character name may be spaced out to the width of three (本报记者  张  晔  刘佳华)
BYLINE_NAME = rf"(?:[{HAN}][ \u3000]{{1,3}}[{HAN}](?![{HAN}])|[{HAN}]{{2,4}})"
BYLINE_BOX = re.compile(rf"^(?:[□◎●■]\s*(?:[{HAN}]{{0,4}}记者\s*)?|[{HAN}]{{0,8}}记者\s*[:：]?\s*|文\s*/\s*图\s*[:：]?\s*"
                        rf"|(?:文|图|摄影)\s*/\s*)"  # 文/何天文 李凡 汪军, ◎李 彬(本刊记者), 湖北日报全媒记者 彭磊
                        rf"({BYLINE_NAME}(?:\s+{BYLINE_NAME}){{0,3}})\s*(?:[(（][{HAN}]{{0,4}}(?:记者|通讯员)[)）])?"
                        rf"(?:\s*(?:通讯员|实习生)\s*{BYLINE_NAME}(?:[\s、]+{BYLINE_NAME}){{0,3}})?"  # … 通讯员 李理
                        rf"(?:发自[{HAN}]{{2,10}})?\s*$")  # 南方周末记者 张笛扬发自河南兰考: and where they filed from
# 王庆芳 席秀琴 毛雷 枉源 于新怡: four names or more and nothing else on a line are its writers (three short words
# may be a slogan's headline: 产业兴 百姓富 乡村美)
BYLINE_LIST = re.compile(rf"([{HAN}]{{2,3}}(?:[ \u3000]+[{HAN}]{{2,3}}){{3,7}})")
CAPTION_CREDIT = re.compile(rf"([{HAN}]{{2,4}}(?:\s+[{HAN}]{{2,4}}){{0,3}})\s+摄\s*$")
# …站在村里的一处空地上(3月25日摄)。, …安置区(8月19日无人机拍摄)。: a photo's date in brackets ends its caption
# …(8月16日摄)。新华社记者丁磊摄: and the agency's credit after it
CAPTION_DATED = re.compile(rf"[(（]\d{{1,2}}月\d{{1,2}}日[{HAN}]{{0,6}}?摄[)）]。?\s*"
                           rf"(?:[{HAN}]{{0,6}}记者\s*[{HAN}]{{2,4}}(?:[ 、]+[{HAN}]{{2,4}}){{0,3}}\s*摄\s*)?$")
# 上图：…, 拼版照片上图：…, 组图：…: a line that opens by pointing at a picture; …新华社发, …（刘生锋 摄）。: one
# that ends with the picture's credit
PHOTO_OPENING = re.compile(r"(?:[上下左右]图[:：为]|拼版照片|组图[:：])")
PHOTO_CREDIT_END = re.compile(r"(?:新华社发|中新社发)(?:[(（][^()（）\n]{0,24}[)）])?。?\s*$|[(（][^()（）\n]{0,30}?摄[)）]。?\s*$")
ROLES = r"记者|通讯员|实习生|见习记者|摄影"
NAMES = rf"(?!{ROLES})[{HAN}]{{2,4}}(?:\s+(?!{ROLES})[{HAN}]{{2,4}})*"
# 本报讯（记者 赵磊 通讯员 钱鹏）: the reporters named in a lead
LEAD_BYLINE = re.compile(rf"^\S{{0,20}}?[(（]\s*(?:本报)?记者\s*(?P<reporters>{NAMES})"
                         rf"(?:\s*(?:通讯员|实习生|见习记者)\s*(?P<others>{NAMES}))?\s*[)）]")
# （下转第二版） … （上接第一版）: a story jumps to another column or page and picks up there
JUMP_OUT = re.compile(r"[(（]\s*(?:下)?转(?:第)?[\d一二三四五六七八九十]+版\s*[)）]\s*$")
JUMP_IN = re.compile(r"^[(（]\s*(?:上)?接(?:第)?[\d一二三四五六七八九十]+版\s*[)）]")
PARAGRAPH_END = re.compile(rf"([{FULL_STOPS}][{CLOSING_QUOTES}]?)[ \t\u3000]*\n[ \t\u3000]*")
# 。！？ and their closing quotes; a half-width full stop between words where a page types one (种植历史.近年来)
SENTENCE_END = re.compile(rf"[{FULL_STOPS}]+[{CLOSING_QUOTES}]?|(?<=[{HAN}{CLOSING_QUOTES}])\.(?=[{HAN}“‘「\s]|$)|\n")
HEADLINE_MAX = 40
HEADLINE_PARTS = re.compile(r"[！？!?]|\s+")  # where a long headline's parts meet
CLAUSE_MARK = re.compile(rf"[{CLAUSE_MARKS}{LIST_MARK}\s]+")  # where a run-on sentence may be cut


@dataclass
class Block:
    start: int
    end: int
    text: str
    kind: str = "body"
    meta: dict | None = None  # the date, source and byline of a meta line


@dataclass
class Paragraph:
    start: int
    end: int
    sentences: list[tuple[int, int]] = field(default_factory=list)
    follows_on: bool = False  # typed on the line under the paragraph before it, no blank line between


@dataclass
class Article:
    start: int
    end: int
    body_start: int
    title: str | None = None
    title_span: tuple[int, int] | None = None
    heading_spans: list[tuple[int, int]] = field(default_factory=list)  # title, subtitle, kicker
    subtitle: str | None = None
    kicker: str | None = None
    byline: str | None = None
    date: str | None = None
    dated_by: str | None = None  # page (a date line it prints) | dateline (新华社成都9月15日电 and a known year)
    source_name: str | None = None
    fragment: bool = False
    closed: bool = False
    jumps: bool = False  # ends with （下转第二版）: its rest is further on
    continued_at: list[int] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    captions: list[Paragraph] = field(default_factory=list)  # 图为…，全村建成大棚200座。王强 摄: figures, not body text


def photo_credited(line: str) -> bool:
    """Whether a line reads as a photo's caption by its credit or its opening.

    >>> photo_credited("拼版照片上图：独龙族群众通过藤篾桥（资料照片）；下图：独龙江乡大桥（10月29日摄）。新华社发")
    True
    >>> photo_credited("村民在采摘茶叶。（刘生锋 摄）"), photo_credited("上图为村里新建的安置点。")
    (True, True)
    >>> photo_credited("新华社发布消息，全县投资3000万元。"), photo_credited("他拍摄了300张照片。")
    (False, False)
    """
    return bool(CAPTION_CREDIT.search(line) or CAPTION_DATED.search(line) or PHOTO_OPENING.match(line)
                or PHOTO_CREDIT_END.search(line))


def split_blocks(text: str) -> list[Block]:
    """Blank-line separated blocks, stripped of surrounding whitespace, with their spans.

    A web page's meta line (发布时间：… 来源：…), credit line (责任编辑：…), byline (湖北日报全媒记者 彭磊 通讯员 李理),
    chrome (当前位置：首页 > …) or a photo caption line (图为…, …王某 摄) is a block of its own even without blank
    lines around it, and so is the headline above it: the story under it is not lost with it.
    """
    blocks = []
    for m in re.finditer(r"[^\n]+(?:\n[ \t\u3000]*[^\n \t\u3000][^\n]*)*", text):
        pieces, start = [], m.start()
        for line in re.finditer(r"[^\n]+", m.group(0)):
            stripped = line.group(0).strip()
            meta = meta_line(stripped) if len(stripped) <= META_LINE_MAX else None
            photo = (photo_credited(stripped) or stripped.startswith("图为")) and len(stripped) < 120
            if meta or photo or CREDIT_LINE.fullmatch(stripped) or CHROME_LINE.fullmatch(stripped) \
                    or RELATED_LINE.fullmatch(stripped) or BYLINE_BOX.match(stripped):
                line_start, line_end = m.start() + line.start(), m.start() + line.end()
                pieces += [(start, line_start, None), (line_start, line_end, meta)]
                start = line_end
        pieces.append((start, m.end(), None))
        pieces = [part for piece in pieces for part in _headline_apart(text, *piece)]
        for piece_start, piece_end, meta in pieces:
            chunk = text[piece_start:piece_end]
            stripped = chunk.strip()
            if stripped:
                block_start = piece_start + len(chunk) - len(chunk.lstrip())
                blocks.append(Block(block_start, block_start + len(stripped), stripped, meta=meta))
    return blocks


def _headline_apart(text: str, start: int, end: int, meta: dict | None) -> list[tuple[int, int, dict | None]]:
    """A web page's headline typed on the line right above its first paragraph (西藏启动易地扶贫搬迁 /
    记者从官方获悉,…): the headline line apart, when what follows is a paragraph of full sentences."""
    first = re.match(r"\s*([^\n]+)\n", text[start:end])
    if meta is not None or first is None or not first.group(1).strip():  # a line of spaces heads nothing
        return [(start, end, meta)]
    line, rest = first.group(1).strip(), text[start + first.end():end]
    below = rest.strip().split("\n", 1)[0].strip()
    # a hard-wrapped paragraph's first line is its longest; a headline is shorter than the line under it,
    # and holds no mark of a sentence but one comma between its halves (37万人带上袖标,带动130万人脱贫增收)
    marks = SENTENCE_MARKS.findall(line)
    short = len(line) <= HEADLINE_MAX and line[-1] not in CLOSING and (not marks or marks in ([","], ["，"])) \
        and not LEADS.match(line)
    if (short or two_part_headline(line)) and re.search("[。！？!?]", rest) and len(below) > len(line):
        return [(start, start + first.end(), None), (start + first.end(), end, None)]
    return [(start, end, meta)]


def two_part_headline(line: str) -> bool:
    """A headline of two parts or more, each of a headline's length, meeting at a ！ or a space and holding no
    other mark of a sentence (财政厅提前下达乡村振兴补助资金172.94亿元！四川50个重点帮扶县获单独补助).

    >>> two_part_headline("财政厅提前下达乡村振兴补助资金172.94亿元！四川50个重点帮扶县获单独补助")
    True
    >>> two_part_headline("全县共投入资金3000万元，建成大棚200座，带动贫困户500户增收，户均增收3000元以上")
    False
    """
    parts = [part for part in HEADLINE_PARTS.split(line) if part]
    return len(line) <= 2 * HEADLINE_MAX and len(parts) >= 2 \
        and all(len(part) <= HEADLINE_MAX for part in parts) and line[-1] not in CLOSING \
        and not LEADS.match(line) and not NOT_IN_A_HEADLINE.search(line)


NOT_IN_A_HEADLINE = re.compile(rf"[。{CLAUSE_MARKS}]")
CREDIT = re.compile(r"^(责任编辑|编辑|组稿|校对|审核)[、:：\s]")
# 责任编辑：张三, （责任编辑：李四 王五）: a line that only credits the page's editors
CREDIT_ITEM = (rf"(?:责任编辑|编辑|责编|组稿|校对|审核|审校)\s*[:：、]\s*"
               rf"[{HAN}A-Za-z·]{{1,12}}(?:[\s、,，]+[{HAN}A-Za-z·]{{1,12}}){{0,3}}")
CREDIT_LINE = re.compile(rf"[(（【\[]?{CREDIT_ITEM}(?:\s+{CREDIT_ITEM})*\s*[)）】\]]?")
PLACE_LABEL = re.compile(rf"^[{HAN}]{{1,4}}[县市区镇乡旗]$")
# A web page's chrome saved with its text: a breadcrumb (当前位置：首页 > 资讯 > 正文, 首页>国内), a toolbar
# (字号：默认 超大 | 打印 |, 扫一扫在手机打开当前页), a menu: a line of its own that is never a headline
CHROME_LINE = re.compile(r"(?:当前位置|您的位置|你的位置|您现在的位置)\s*[:：].*|首页\s*[>＞»›].*|.*[>＞»›]\s*正文"
                         r"|(?:[^>＞»›\s]{1,10}\s*[>＞»›]\s*){2,}.*"  # 今日穆棱>新闻>贵州…: a breadcrumb down to the story
                         r"|(?:字号|分享到|(?:热门|相关|文章)?(?:关键词|关键字|标签))\s*[:：].*|打印本页|关闭窗口|返回顶部|扫一扫在手机\S*|文章正文"
                         # a menu (资讯|滚动| 上海| 社会| 国内): three or more short items between bars
                         r"|[^\s|丨]{1,8}(?:\s*[|丨]\s*[^\s|丨]{1,8}){2,}\s*[|丨]?"
                         # buttons (字号变大| 字号变小, 【打印文本】) and an empty label (来源:, 附件:)
                         r"|(?:\s*[|丨]?\s*(?:字号变大|字号变小|放大字体|缩小字体|【(?:打印文本|打印|关闭|关闭窗口|我要纠错|纠错)】))+"
                         r"|(?:来源|附件|分享到|编辑)\s*[:：]\s*|[|丨]+"
                         r"|本篇文章\s*\d+\s*字[，,]\s*读完约?\s*\d+\s*分钟"  # 本篇文章465字,读完约1分钟
                         # a comment box's counter: 已有0人发表了评论, 已有0条评论,共321人参与, 我来说两句
                         r"|已有\s*\d+\s*(?:人|条)(?:发表了?)?评论(?:[，,]\s*共\s*\d+\s*人参与)?|我来说两句|发表评论"
                         # a comment box: 评论一下, 评论 0人参与,0条评论, 还没有评论,快来抢沙发吧!
                         r"|评论一下|发表评论|我来说两句|最热评论|最新评论|评论\s*\d+\s*人参与.*|[|丨\s]*\S{0,6}(?:已有|共有)\s*\d+\s*(?:人参与|条评论).*|还没有评论.*"
                         r"|查看(?:详细|详情|全文|更多)\s*[>》]*"
                         # a forum's: 切换到宽版, • 1752阅读, • 4回复, 上一主题 下一主题, 离线admin, 快速回复 限200 字节
                         r"|切换到宽版|上一(?:主题|个|篇|页)\s*下一(?:主题|个|篇|页)|•?\s*\d+\s*(?:阅读|回复)"
                         r"|(?:离线|在线)\s*[A-Za-z0-9_]{1,20}|快速回复|限\s*\d+\s*字节|专栏\s*[:：]"
                         # share buttons (官方微博, 二维码) and a widget's word left on a line (close, arrow)
                         r"|官方微博|官方微信|微信扫一扫|二维码|导读|广告|[a-z]{2,10}"
                         # 扫一扫关注, X扫一扫,关注吃喝微信订阅号; 微信公众号, …官方微信服务号:; an image's file name (….jpg)
                         r"|X?扫一扫[,，]?\s*关注\S*|\S{0,12}微信(?:订阅号|服务号|公众号)[:：]?|[\w-]+\.(?:jpg|jpeg|png|gif)"
                         r"|(?:查看|回复)[:：]\s*\d+(?:\s*[|丨]\s*(?:查看|回复)[:：]\s*\d+)*|UID\s*\d+"  # a forum's counters
                         # contact lines: 电话:(香港)852-2564 0768, (深圳)86-755-83518792 83518734, 地址:香港九龙…
                         r"|(?:联系|咨询|服务|举报)?(?:电话|传真|地址|邮编|邮箱|电子邮箱|热线|手机)\s*[:：].*"
                         r"|(?:[(（][\u4e00-\u9fff]{1,6}[)）])?\s*\+?\d[\d\- ]{6,}"
                         r"|\d{1,7}")  # 5034: a counter on a line of its own

# 新闻推荐, 相关阅读, 相关链接:, 最新新闻, | 24小时新闻排行榜 | 更多>> |, 更多 24小时排行榜: a web page's list of
# other stories, which ends the one above it
RELATED_LINE = re.compile(r"[|丨\s]*(?:更多\s*)?(?:新闻推荐|推荐阅读|相关阅读|延伸阅读|相关新闻|相关链接|相关文章|热点推荐|热门推荐|精彩推荐"
                          r"|为你推荐|猜你喜欢|最新新闻|新闻热点|更多新闻|(?:\d+小时|一周|本周|今日)?(?:新闻)?排行榜?)"
                          r"[|丨\s]*[:：]?[|丨\s]*(?:更多\s*[>》]*)?[|丨\s]*")


def classify(block: Block) -> str:
    """Name the role of a block on the page by its shape."""
    t = block.text
    if block.meta:
        return "dateline"
    if CREDIT.match(t) or CREDIT_LINE.fullmatch(t):  # 责任编辑：张三, （责任编辑：李四 王五）: not article text
        return "caption"
    if RELATED_LINE.fullmatch(t):
        return "related"
    if CHROME_LINE.fullmatch(t):
        return "banner"
    if BYLINE_BOX.match(t) or BYLINE_PARENS.fullmatch(t) or BYLINE_LIST.fullmatch(t):
        return "byline"
    if photo_credited(t) and len(t) < 120 or t.startswith("图为"):
        return "caption"
    if t.startswith(("——", "—— ")) and len(t) <= HEADLINE_MAX + 10:
        return "subtitle"
    if len(t) > HEADLINE_MAX and len(t) <= 3 * HEADLINE_MAX and not SENTENCE_MARKS.search(t) and not DIGIT.search(t):
        return "banner"  # 在习近平新时代…指引下 ——新时代新作为新篇章 弘扬吕梁精神: a column's slogan, no sentence, no figure
    if len(t) <= HEADLINE_MAX and t[-1] not in CLOSING and not LEADS.match(t) and t.count(",") + t.count("，") < 2 \
            and "。" not in t:  # 捐赠仪式上,11家企业举行签约。(刘生锋): a short last paragraph and its byline
        return "headline"
    if two_part_headline(t):
        return "headline"
    return "body"


def paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    r"""A block's paragraphs: a web page types one paragraph a line with no blank line between, so a
    line that ends a sentence (。！？ and a closing quote) ends its paragraph; a line cut mid-sentence (a
    hard-wrapped column, a list of items ending in ；) runs on into the next.

    >>> text = "甲县投资5万元。\n乙县投资\n6万元。"
    >>> [text[s:e] for s, e in paragraph_spans(text, 0, len(text))]
    ['甲县投资5万元。', '乙县投资\n6万元。']
    """
    spans, pos = [], start
    for m in PARAGRAPH_END.finditer(text, start, end):
        spans.append((pos, m.start() + len(m.group(1))))
        pos = m.end()
    spans.append((pos, end))
    return [part for s, e in spans if text[s:e].strip() for part in _subheading_apart(text, s, e)]


SUBHEADING_MAX = 30
WEB_PARAGRAPH_MIN = 20


def _subheading_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """“小木耳”带动1万多人脱贫 / 在汪清县鸡冠乡大北沟村，…: a short line with no mark of a sentence over one long line
    that is a paragraph of its own is a web page's sub-heading, not a line of a hard-wrapped column."""
    first = text.find("\n", start, end)
    if first < 0:
        return [(start, end)]
    line, below = text[start:first], text[first + 1:end]
    heading, rest = line.strip(), below.strip()
    if 0 < len(heading) <= SUBHEADING_MAX and not SENTENCE_MARKS.search(heading) and "\n" not in rest \
            and len(rest) >= max(WEB_PARAGRAPH_MIN, 2 * len(heading)) and rest[-1] in FULL_STOPS + CLOSING_QUOTES:
        return [(start, start + len(line.rstrip())), (end - len(below.lstrip()), end)]
    return [(start, end)]


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within [start, end): split after 。！？ and their closing quotes, and after a
    half-width full stop between words (种植历史.近年来), never inside a number (3.5万) or a quotation.

    A run-on "sentence" longer than SENTENCE_MAX (a page with no full stops) is cut at clause
    marks, so the work done for each number stays bounded by its sentence, not by the page.
    """
    spans = []
    pos = start
    for m in SENTENCE_END.finditer(text, start, end):
        if m.group(0) == "." and text.count("“", pos, m.start()) > text.count("”", pos, m.start()):
            continue  # “一主.六副.五谷开花”: a full stop inside a quotation does not end the sentence
        if m.end() > pos and text[pos:m.end()].strip():
            spans.extend(_bounded(text, pos, m.end()))
        pos = m.end()
    if pos < end and text[pos:end].strip():
        spans.extend(_bounded(text, pos, end))
    return spans


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) in pieces of at most SENTENCE_MAX characters, each ending after a clause mark if it can."""
    pieces = []
    while end - start > SENTENCE_MAX:
        limit = start + SENTENCE_MAX
        marks = [m.end() for m in CLAUSE_MARK.finditer(text, start + SENTENCE_MAX // 2, limit)]
        cut = marks[-1] if marks else limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def layout(text: str) -> list[Article]:
    """Split a page into articles with paragraphs and sentences."""
    articles: list[Article] = []
    current: Article | None = None
    pending: list[Block] = []
    captions: list[Block] = []  # photo captions not yet given to a story: the next one to take text takes them
    page_date = page_source = meta_byline = None
    for block in split_blocks(text):
        block.kind = classify(block)
        if block.kind == "dateline":
            meta = block.meta
            page_date, page_source = meta["date"] or page_date, meta["source"] or page_source
            if pending or current is None:
                meta_byline = meta["byline"]  # under a headline: the story about to open is by them
            elif current.date is None:
                current.date, current.source_name = page_date, page_source
                current.dated_by = "page" if page_date else None
                current.byline = current.byline or meta["byline"]
            continue
        if block.kind in ("headline", "subtitle"):
            pending.append(block)
            continue
        if block.kind == "banner":
            continue
        if block.kind == "related":
            if current is not None:
                current.closed = True  # what follows are other stories' teasers, each a fragment of its own
            pending = []
            continue
        if block.kind == "caption":
            credit = CAPTION_CREDIT.fullmatch(block.text)
            if credit and current is not None and current.paragraphs and current.byline is None and not pending:
                current.byline, current.closed = credit.group(1), True  # photo news: text, then 陈平 摄
            if not credit:  # a caption that says something: the story it stands in, else the next one, holds it
                captions.append(block)
                if current is not None and not pending:
                    _add_captions(current, captions, text)
            continue
        if block.kind == "byline":
            name = (BYLINE_BOX.match(block.text) or BYLINE_PARENS.search(block.text)
                    or BYLINE_LIST.fullmatch(block.text)).group(1)
            if pending and _cut_by_its_heading(current, text):
                _title_after_body(current, pending)
                current.byline, pending = name, []
                continue  # …住院不用像以前那样不压钱不让看,而 / “好政策让我们脱了贫” / □ 杨应平 / 且报销…
            if pending:
                current = _open(articles, pending, block.start, fragment=False)
                pending = []
            if current is not None:
                current.byline = current.byline or name
                current.end = max(current.end, block.end)
                # A byline under the headline (□ 杨应平) opens the story; one after the body ends it.
                current.closed = bool(current.paragraphs)
            continue
        jumped = next((a for a in reversed(articles) if a.jumps), None) if JUMP_IN.match(block.text) else None
        if jumped is not None:
            current, jumped.jumps, jumped.closed = jumped, False, False  # （上接第一版）: the rest of that story
            current.continued_at.append(block.start)
            current.heading_spans += [(h.start, h.end) for h in pending]  # its headline repeated over the rest
            pending = []
        elif pending and _opens_article(current, pending, block):
            if len(pending) >= 2 and pending[0].kind == "headline" and current is not None and current.closed \
                    and current.title is None and current.byline:
                _title_after_body(current, [pending.pop(0)])  # (任建忠 郭雪梅) 离石区:光伏产业… then the next story
            current = _open(articles, pending, block.start, fragment=False)
            current.byline, meta_byline = meta_byline, None
            pending = []
        elif pending:
            for head in pending:  # a sub-head or a photo title inside the running story
                _add_paragraph(current, Paragraph(head.start, head.end, [(head.start, head.end)]))
            pending = []
        elif current is None or (LEADS.match(block.text) and current.paragraphs) or current.closed:
            lead = bool(LEADS.match(block.text))
            cut = None if lead else _story_cut_mid_sentence(articles, text)
            if cut is not None:
                current = cut  # the rest of a story cut off higher on the page
                current.continued_at.append(block.start)
                current.closed = False
            else:
                current = _open(articles, [], block.start, fragment=not lead and bool(articles))
        trailing = BYLINE_PARENS.search(block.text)
        if trailing:
            current.byline = current.byline or trailing.group(1)
            current.closed = True
        reporters = LEAD_BYLINE.match(block.text) if LEADS.match(block.text) else None
        if reporters and current.byline is None:
            current.byline = " ".join(n for n in reporters.group("reporters", "others") if n)
        if JUMP_OUT.search(block.text):
            current.jumps = current.closed = True
        for index, (start, end) in enumerate(paragraph_spans(text, block.start, block.end)):
            _add_paragraph(current, Paragraph(start, end, split_sentences(text, start, end), follows_on=index > 0))
        _add_captions(current, captions, text)
        current.end = block.end
    for before, article in zip(articles, articles[1:]):
        if not article.paragraphs and article.title:
            _take_body_from_above(text, before, article)
    for article in articles:
        if article.date is None:
            near_top = [*article.heading_spans, *((p.start, p.end) for p in article.paragraphs[:1])]
            article.date = next((day for s, e in near_top for line in text[s:e].splitlines()
                                 if (day := delivered_on(line))), None)
            article.dated_by = "page" if article.date else None
        if article.date is None:
            article.date, article.source_name = page_date, page_source
            article.dated_by = "page" if page_date else None
    if pending:  # headings at the foot of the page with no story under them: an article of headings alone
        _open(articles, pending, pending[-1].end, fragment=False).dated_by = "page" if page_date else None
        articles[-1].date, articles[-1].source_name = page_date, page_source
    if captions:  # captions under the last story's headings, or on a page of pictures alone
        _add_captions(articles[-1] if articles else _open(articles, [], captions[0].start, fragment=True), captions, text)
    return [a for a in articles if a.paragraphs or a.heading_spans or a.captions]


def _add_captions(article: Article, captions: list[Block], text: str) -> None:
    """Give the captions waiting to an article, each a paragraph of its own sentences."""
    article.captions += [Paragraph(c.start, c.end, split_sentences(text, c.start, c.end)) for c in captions]
    captions.clear()


def _take_body_from_above(text: str, above: Article, article: Article) -> None:
    """A headline block (为平凡的坚守点赞 / ——记…岔口村第一书记郭建功 / □ 郭晋) printed under its own story,
    which layout ran into the story above: its story starts at the paragraph where what its headings
    name first turns up (at least two three-character pieces of them, 郭建功 and 岔口村)."""
    heading = "".join(text[s:e] for s, e in article.heading_spans)
    grams = {heading[i:i + 3] for i in range(len(heading) - 2) if re.fullmatch(f"[{HAN}]{{3}}", heading[i:i + 3])}
    seen: set[str] = set()
    best, best_count = None, 1
    for index, paragraph in enumerate(above.paragraphs):
        here = {g for g in grams if g in text[paragraph.start:paragraph.end]}
        new = here - seen
        if index > 0 and len(new) >= best_count:
            best, best_count = index, len(new)
        seen |= here
    if best is None:
        return
    article.paragraphs, above.paragraphs = above.paragraphs[best:], above.paragraphs[:best]
    article.body_start = article.paragraphs[0].start
    above.end = above.paragraphs[-1].end
    above.continued_at = [at for at in above.continued_at if at < article.body_start]


SENTENCE_CLOSERS = FULL_STOPS + SEMICOLONS + "…" + CLOSING_QUOTES + ")）"


def _story_cut_mid_sentence(articles: list[Article], text: str) -> Article | None:
    """The latest story on the page whose last paragraph stops mid-sentence and has not been continued."""
    for article in reversed(articles):
        if article.continued_at or not article.paragraphs:
            continue
        last = article.paragraphs[-1]
        if text[last.start:last.end].rstrip()[-1:] not in SENTENCE_CLOSERS:
            return article
    return None


def _opens_article(current: Article | None, heads: list[Block], body: Block) -> bool:
    """Headlines open a new story unless they are a lone sub-head inside a story still running."""
    if current is None or current.closed:
        return True
    lines = [h for h in heads if h.kind == "headline"]
    if any(h.kind == "subtitle" for h in heads) or (len(lines) >= 2 and PLACE_LABEL.match(lines[0].text)):
        return True
    return bool(LEADS.match(body.text))


def _add_paragraph(article: Article, paragraph: Paragraph) -> None:
    if not article.paragraphs:
        article.body_start = paragraph.start  # after a byline or caption under the headline
    article.paragraphs.append(paragraph)


def _cut_by_its_heading(current: Article | None, text: str) -> bool:
    """An untitled story stopped mid-sentence right above a headline and byline: they are its own,
    set into the middle of it."""
    if current is None or current.title is not None or current.closed or not current.paragraphs:
        return False
    last = current.paragraphs[-1]
    return text[last.start:last.end].rstrip()[-1:] not in SENTENCE_CLOSERS


def _title_after_body(article: Article, heads: list[Block]) -> None:
    """Headings printed under or inside the story they belong to: the story takes them."""
    heading = _heading(heads, article.body_start)
    article.title, article.title_span = heading["title"], heading["title_span"]
    article.subtitle, article.kicker = heading["subtitle"] or article.subtitle, heading["kicker"] or article.kicker
    article.heading_spans += heading["heading_spans"]
    article.start, article.fragment = heading["start"], False
    article.end = max(article.end, *(end for _, end in heading["heading_spans"]))


def _heading(heads: list[Block], body_start: int) -> dict:
    """Title, kicker and subtitle from the headline blocks of a story."""
    lines = [b for b in heads if b.kind == "headline"]
    if len(lines) >= 2 and PLACE_LABEL.match(lines[0].text):
        title_block = lines[1]  # 吉县 / 依托“三色品牌”… / a photo title: the label is a kicker
        kicker = [lines[0]]
    else:
        # 乡村干部报网 on a line of its own between the headline and the story is the site's name, not the title
        titles = [b for b in lines if not OUTLET_LINE.fullmatch(b.text)] or lines
        title_block = titles[-1] if titles else None
        kicker = lines[:lines.index(title_block)][-1:] if title_block else []
    subtitle = next((b for b in heads if b.kind == "subtitle"), None)
    return {
        "start": title_block.start if title_block is not None else body_start,
        "title": title_block.text if title_block else None,
        "title_span": (title_block.start, title_block.end) if title_block else None,
        "subtitle": subtitle.text.lstrip("—— ").strip() if subtitle else None,
        "kicker": kicker[-1].text if kicker else None,
        # every heading line, also those above the kicker or a second subtitle: their figures are facts too
        "heading_spans": [(b.start, b.end) for b in heads if b.kind in ("headline", "subtitle")
                          and not OUTLET_LINE.fullmatch(b.text)],  # 成都吃喝玩乐网: the site's name, no heading
    }


def _open(articles: list[Article], heads: list[Block], body_start: int, fragment: bool) -> Article:
    """Start an article from the headline blocks above its body."""
    article = Article(end=body_start, body_start=body_start, fragment=fragment, **_heading(heads, body_start))
    articles.append(article)
    return article
