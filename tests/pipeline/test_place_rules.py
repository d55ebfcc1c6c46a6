"""Place rules, at least one table row each: (page, the mention, place, rule that gives it).

Pages are written for these tests from the patterns of Chinese reporting, not taken from the seeds.
"""
import re
from pathlib import Path

import pytest

from service.pipeline import extract_text
from service.pipeline.resolve import PLACE_REFINEMENTS, PLACE_RULES

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")

PLACES = [
    ("临汾市扶贫\n\n本报讯 省里对洪洞县、浮山县、古县三个县开展了验收。", "三个", "临汾市", "listed_places"),
    ("临汾市扶贫\n\n本报讯 省里对洪洞县、浮山县等5个县开展了验收。", "5个", "临汾市", "listed_places"),
    ("脱贫摘帽\n\n本报讯 11月23日,贵州宣布紫云县等最后9个贫困县退出贫困县序列。", "9个", "贵州省", "listed_places"),
    ("脱贫摘帽\n\n本报讯 贵州省宣布纳雍县等9个县退出,这标志着国务院确定的全国832个贫困县全部摘帽。", "832个", None,
     "nationwide"),
    ("贫困发生率下降\n\n本报讯 宁夏贫困发生率降至3%以下,这样的省份有5个,包括北京、天津、河北、内蒙古、宁夏。", "5个", None,
     "nationwide"),
    ("吕梁市扶贫\n\n本报讯 省里对临县等5个县开展了验收。", "5个", "吕梁市", "listed_places"),
    # the central and natural villages a village governs are its parts
    ("赤溪村\n\n本报讯 福鼎市磻溪镇赤溪村辖1个中心村和2个自然村。", "1个", "赤溪村", "named_in_clause_before"),
    # a count of divisions is of the deepest place named above them with room for them all
    ("陕西摘帽\n\n本报讯 陕西省政府发布公告，包括陕西省铜川市印台区等在内的总计29个县(区)脱贫退出贫困县序列。", "29个",
     "陕西省", "above_the_divisions_counted"),
    # one example's holder, or the nearest place above it with room for them all
    ("西藏摘帽\n\n本报讯 经研究，批准日喀则市谢通门县等19个县(区)退出贫困县(区)。", "19个", "西藏自治区", "listed_places"),
    # examples of more than they name, inside a place named before them: that place, not the examples' parent
    ("黑龙江扶贫\n\n本报讯 2018年黑龙江省龙江、克东等10个国贫县申请脱贫摘帽。", "10个", "黑龙江省", "listed_places"),
    # a count of more than the list right before it names: things inside all of them, the place that holds them
    ("藏区\n\n本报讯 四川藏区包含甘孜州、阿坝州和凉山州木里县32个贫困县。", "32个", "四川省", "listed_places"),
    # one example and 等: the place named earlier in the sentence that holds it, even in an earlier clause
    ("摘帽\n\n新华社南宁5月11日电 记者从广西壮族自治区政府获悉,龙胜各族自治县等14个贫困县近日脱贫摘帽。", "14个",
     "广西壮族自治区", "listed_places"),
    # a list goes on through short names nothing else supports (富川, 金秀): its count is the region's
    ("摘帽\n\n本报讯 龙胜各族自治县等地脱贫摘帽。龙胜、富川、金秀3个县为国家扶贫开发工作重点县。", "3个", "广西壮族自治区",
     "listed_places"),
    ("吉林省摘帽\n\n本报讯 此次摘帽的4个县(市)包括靖宇县、大安市、通榆县和白城市洮北区。", "4个", "吉林省", "listed_places"),
    ("甘孜州扶贫\n\n本报讯 甘孜州农村扶贫对象在3万人以上的县有2个，依次为石渠县和德格县。", "2个", "甘孜藏族自治州",
     "listed_places"),
    ("吕梁市扶贫\n\n本报讯 兴县、岚县、石楼县分别投入资金800万元、600万元、500万元。", "600万元", "岚县", "paired_list"),
    ("吕梁市扶贫\n\n本报讯 今年兴县、岚县的贫困发生率依次降至1.2%和0.8%。", "0.8%", "岚县", "paired_list"),
    ("太谷区扶贫\n\n本报讯 太谷区向昔阳县捐赠物资价值80万元。", "80万元", "昔阳县", "help_receiver"),
    # help to villages listed together goes to their town; 支持 marks the place helped as 帮助 does
    ("红寺堡区助学\n\n本报讯 新庄集乡康庄村召开会议。资助康庄村、巴庄村、豹子滩村本科学生每人2000元。", "2000元", "新庄集乡",
     "help_receiver"),
    ("晋江市协作\n\n本报讯 晋江市先后支持红寺堡区建成中学，累计筹资178万元。", "178万元", "红寺堡区", "help_receiver"),
    ("灵石县扶贫\n\n本报讯 今年,灵石县静升镇新建大棚40座。", "40座", "静升镇", "named_in_clause_before"),
    ("灵石县扶贫\n\n本报讯 今年新建大棚40座分布在静升镇。", "40座", "静升镇", "named_in_clause"),
    ("晋中市扶贫\n\n本报讯 平遥县大力发展养殖,新建圈舍200间。", "200间", "平遥县", "sentence_subject"),
    ("湖南扶贫\n\n本报讯 宁远、新田、江华等3个县过亿元,共建立服务站9个。", "9个", "永州市", "sentence_subject"),
    ("怒江州护林员\n\n本报讯 近日,泸水市选聘护林员,每人每年获得补助1万元。", "1万元", "泸水市", "sentence_subject"),
    ("吕梁市扶贫\n\n本报讯 吕梁市山区面积广,地处黄河东岸的临县有贫困村300个,建成光伏电站20座。", "20座", "临县",
     "clause_subject"),
    ("海南民生\n\n本报讯 昌江黎族自治县的经验在全省推广，海南教育扶贫移民工程累计投入近14亿元，建设24所思源实校。", "24所",
     "海南省", "clause_subject"),  # a clause opening with the place above the sentence's subject takes over too
    ("和顺县扶贫\n\n本报讯 晋中市召开现场会,和顺县县长介绍,全县共有贫困村80个,已建成大棚500座。", "500座", "和顺县",
     "clause_subject"),
    # …or beside it: parallel clauses each open with a subject of their own
    ("乡村旅游\n\n本报讯 目前，山西省政府已拨款2000万元，贵州省集中打造100个旅游村寨，四川省则提出打造示范带，带动上千个乡村旅游项目升级。",
     "上千个", "四川省", "clause_subject"),
    # 位于…的 before a subject says where it lies; 讯 after any outlet's name, and 据…消息, open a lead
    ("河北光伏\n\n本报讯 位于太行山东麓的临城县发展光伏扶贫。建设光伏电站24座。", "24座", "临城县", "earlier_subject"),
    ("大理州扶贫\n\n洱源信息港讯 记者张三 洱源县今年投入资金,新建大棚500座。", "500座", "洱源县", "sentence_subject"),
    ("大理州扶贫\n\n本报讯 据洱源县扶贫办消息,洱源县今年投入资金,新建大棚500座。", "500座", "洱源县", "sentence_subject"),
    ("安徽省脱贫\n\n本报讯 安徽省脱贫任务较重,涉及16个省辖市、70个县。", "16个", "安徽省", "sentence_subject"),
    ("灵石县扶贫\n\n本报讯 今年在静升镇加大投入,新建大棚40座。", "40座", "静升镇", "named_in_sentence_before"),
    ("灵石县扶贫\n\n本报讯 全年新建大棚40座,为静升镇带来新收入。", "40座", "静升镇", "named_in_sentence"),
    # items of a list with no place of their own, summed up by a clause after them that names one
    ("新疆扶贫\n\n本报讯 10个贫困县摘帽、800个贫困村退出、59万人脱贫，这是新疆维吾尔自治区确定的年度任务。", "800个",
     "新疆维吾尔自治区", "named_in_sentence"),
    ("洛南扶贫\n\n本报讯 我们到达洛南县三要镇调研。然后我们又来到了沙河川村，该村距离县城60公里，总户数510户。", "510户",
     "沙河川村", "named_in_sentence_before"),
    # 这里 opening a sentence (after 记者了解到) is the place just named; unless places before 的 say where it is
    ("贵州：易地扶贫搬迁让百姓过上好日子\n\n记者来到毕节市七星关区，调研柏杨林街道安置点。\n\n"
     "记者了解到，这里是贵州单体规模最大的安置点，共建安置房148栋。", "148栋", "柏杨林街道", "sentence_subject"),
    ("渠县扶贫\n\n本报讯 四川已搬迁58万人。这里是四川渠县渠南乡大山村的集中安置点，规划搬迁的54户已入住。", "54户",
     "大山村", "named_in_sentence_before"),
    # a village learned after its town, not a place whose name is inside it (喀什 in 英乃喀什村)
    ("新疆扶贫\n\n本报讯 喀什市英吾斯坦乡英乃喀什村是区级贫困村，全村有1027户。", "1027户", "英乃喀什村",
     "named_in_clause_before"),
    # a list of amounts and what each is for: each amount takes the place of its own item, a total before it none of theirs
    ("沿河县扶贫\n\n据悉,该公司投入的1500万元由县政府统筹安排,800万元用于玫瑰产业园建设、300万元用于淇滩镇三壶瓶村蔬菜基地建设、"
     "200万元用于官舟镇黄龙村食用菌基地建设。", "300万元", "三壶瓶村", "named_in_clause"),
    ("沿河县扶贫\n\n据悉,该公司投入的1500万元由县政府统筹安排,800万元用于玫瑰产业园建设、300万元用于淇滩镇三壶瓶村蔬菜基地建设、"
     "200万元用于官舟镇黄龙村食用菌基地建设。", "200万元", "黄龙村", "named_in_clause"),
    ("沿河县扶贫\n\n据悉,该公司投入的1500万元由县政府统筹安排,800万元用于玫瑰产业园建设、300万元用于淇滩镇三壶瓶村蔬菜基地建设。",
     "1500万元", "沿河土家族自治县", "article_place"),
    # 因此, 为此, 首先… may stand before the subject a sentence opens with
    ("永宁县扶贫\n\n因此,永宁县将闽宁镇作为主战场,截至2016年年底,全县6个贫困村脱贫销号,91户410人全部退出。", "91户", "永宁县",
     "sentence_subject"),
    # a count of counties is never in one of the counties named after it
    ("广西扶贫\n\n本报讯 龙胜各族自治县等地脱贫摘帽。14个脱贫摘帽县区中,龙胜、西林、大新3个县为国家扶贫开发工作重点县。", "14个",
     "广西壮族自治区", "article_place"),
    # where people came from is not where the homes are: 他们来自… names their old villages
    # (这里 is the place just named: 静升镇, where the homes were built)
    ("安置点建成\n\n本报讯 灵石县静升镇建成安置点。\n\n据介绍,这里共有120套新房,搬迁群众来自夏门镇。", "120套", "静升镇",
     "sentence_subject"),
    ("晋中市扶贫\n\n本报讯 平遥县大力发展养殖。新建圈舍200间。", "200间", "平遥县", "earlier_subject"),
    ("晋中市扶贫\n\n本报讯 今年在平遥县召开现场会。新建圈舍200间。", "200间", "平遥县", "paragraph_opening"),
    # a paragraph that opens by counting a whole and then its parts (其中…) is about the whole
    ("银川市扶贫\n\n2014年按照识别要求,永宁县识别出贫困户1623户,其中闽宁镇1539户,胜利乡84户。经过2年努力,1601户实现脱贫。",
     "1601户", "永宁县", "paragraph_opening"),
    ("南疆\n\n本报讯 南疆四地州是阿克苏地区、喀什地区、和田地区和克孜勒苏柯尔克孜自治州的合称。有3247个贫困村。", "3247个",
     "新疆维吾尔自治区", "paragraph_opening"),
    # a web page's paragraph on the line under another goes on with its place; after a blank line it does not
    ("含山县茶产业\n\n本报讯 清溪镇白衣村共种植茶叶2491亩。\n“今年我们将关注六类重点人群。”虞伟说。", "六类", "白衣村",
     "earlier_paragraph"),
    ("含山县茶产业\n\n本报讯 清溪镇白衣村共种植茶叶2491亩。\n\n“今年我们将关注六类重点人群。”虞伟说。", "六类", "含山县",
     "article_place"),
    # …but not after a paragraph that ends on the country's or several provinces' figures
    ("小额信贷\n\n本报讯 日前，全国扶贫小额信贷工作现场会在广西壮族自治区柳州市三江县召开。截至2020年8月底，"
     "28个省(市、区)累计发放资金6747.2亿元。\n据了解，扶贫小额信贷为贫困户提供5万元以下的信用贷款。", "5万元", None, None),
    ("平遥县扶贫\n\n本报讯 今年新建圈舍200间。", "200间", "平遥县", "article_place"),
    ("新闻\n\n本报讯 今年新建圈舍200间。", "200间", None, None),
    # 全市 opening the clause is the whole city, even in a story about one of its counties
    ("平遥县扶贫\n\n本报讯 晋中市在平遥县召开现场会。全市新建圈舍200间。", "200间", "晋中市", "named_in_clause_before"),
    ("平遥县扶贫\n\n本报讯 平遥县新建圈舍200间。今年，全市新建圈舍5000间。", "5000间", "晋中市", "named_in_clause_before"),
    # 全国最大的…基地 ranks a place among the country's: its figures are the place's
    ("牡丹区扶贫\n\n在牡丹区高庄镇,一处产业园区交出了答卷:全国最大的构树种植基地,带动650多户农民走上致富路。", "650多户", "高庄镇",
     "named_in_sentence_before"),
    # 全省 points back to a 省, not to 北京 named after it
    ("张北县扶贫\n\n张北县是河北省和北京周边贫困人口最为集中的县区之一,被确定为全省十个深度贫困县之一。", "十个", "河北省",
     "named_right_before"),
    ("平遥县扶贫\n\n本报讯 2016年全市新建圈舍5000间，面积2万平方米。", "2万平方米", "晋中市", "sentence_subject"),
    # a year before the subject, with no comma (or a space before 年), still opens the sentence before it
    ("澜沧孟连\n\n本报讯 2020 年澜沧县完成地区生产总值 120.07 亿元。2020 年孟连县完成地区生产总值 51.68 亿元。其中：第一产业产值"
     " 17.26 亿元。", "17.26 亿元", "孟连傣族拉祜族佤族自治县", "earlier_subject"),
    # a place listed with others earlier in the sentence and named again alone before the number is no list's member
    ("澜沧产业\n\n本报讯 拉祜族主要聚居在普洱市澜沧县和孟连县，2020 年澜沧县完成地区生产总值 120.07 亿元，比上年增长 2.6%。",
     "2.6%", "澜沧拉祜族自治县", "named_in_sentence_before"),
    ("布拖县搬迁\n\n本报讯 截至目前，凉山州“十三五”期间7.44万户搬迁任务完成，涉及安置点1492个。", "1492个", "凉山彝族自治州",
     "sentence_subject"),
    ("助学\n\n本报讯 为冕宁县学生发放奖学金，一等奖600元/人；二等奖550元/人。", "550元", "冕宁县", "named_in_earlier_part"),
    # only the sentence's first part sets the scene: a village a later part worked on is that part's
    ("西营镇\n\n本报讯 襄垣县西营镇大力推进人居环境整治。完成饮水改造工程；投资20万元完成西营镇东营村养老院改造工程；"
     "投资270余万元完成7个行政村活动场所提档升级工程。", "270余万元", "西营镇", "earlier_subject"),
    # the village a town is named after (下党乡 → 下党村), learned without its town written before it
    ("下党乡茶产业\n\n本报讯 寿宁县下党乡大力发展茶产业。2014年，下党村建设起1600多平方米的标准化厂房。", "1600多平方米",
     "下党村", "named_in_clause_before"),
    # …or a count closes (乙圩乡移民新村 is a kind of village, no name); not a place the list opens with, which holds them all
    ("大化搬迁\n\n本报讯 大化瑶族自治县规划建设新城。同时，实施贡川乡凤凰新区、乙圩乡移民新村、羌圩乡羌桂新区三个集中安置点，"
     "计划安置搬迁1800多户。", "1800多户", "大化瑶族自治县", "examples_in_a_list"),
    ("离石光伏\n\n本报讯 离石区建设光伏电站。在2016年完成信义镇归化、小神头、新山湾三个村300千瓦村级光伏扶贫电站建设。",
     "300千瓦", "信义镇", "named_in_clause_before"),
    # places within the items of a list that 等 closes are where examples lie
    ("西营镇产业\n\n本报讯 襄垣县西营镇建起养老院。依托寨子村传统铸造业、大营钢材市场、西营村商贸物流等解决了322户贫困人口就业。",
     "322户", "西营镇", "examples_in_a_list"),
    # 和县 in 中心和县教育基金会 is 和 and the story's 县; 巫山脆李、奉节脐橙等 are products
    ("绥宁县助学\n\n本报讯 绥宁县成立了资助中心和县教育基金会，绥宁公司和县慈善会每年安排20万元。", "20万元", "绥宁县",
     "named_in_clause_before"),
    ("消费扶贫\n\n本报讯 我市累计认定巫山脆李、奉节脐橙、涪陵榨菜等扶贫产品11636个。", "11636个", None, None),
    ("援疆\n\n本报讯 会上介绍，新疆南部四地州(喀什地区、和田地区、阿克苏地区)累计实施项目4092个，落实项目资金840亿元。",
     "840亿元", "新疆维吾尔自治区", "shared_by_places_listed_together"),
    ("生态护林\n\n本报讯 昆明市海口林场有护林员30人。截至目前，全国已选聘生态护林员37万余人。", "37万余人", None, "nationwide"),
    ("生态护林\n\n本报讯 昆明市选聘生态护林员3000人，占全国的1%。", "1%", "昆明市", "sentence_subject"),
    # parts of a sentence that each open with a place of their own are examples: the paragraph's subject goes on after them
    ("永州扶贫\n\n本报讯 今年以来，我市坚持把小额贷款作为抓手。宁远县通过分贷统还模式，让多家银行参与；江华县推行自贷自用模式。"
     "同时，11个领域的80余家扶贫经济组织参与了小额信贷。", "80余家", "永州市", "earlier_subject"),
    # a wire's dateline (贵阳9月27日电) is where the story was filed from, not its subject
    ("贵州搬迁\n\n贵阳9月27日电 (冷桂玉)截至8月31日，贵州易地扶贫搬迁累计建成安置点943个，住房45.6万套。", "45.6万套",
     "贵州省", "sentence_subject"),
    # a ministry or agency of the central government acting in the number's own clause, no place between
    ("生态护林\n\n本报讯 昆明市海口林场有护林员30人。2016年，国家林业局利用中央财政补助资金45亿元选聘护林员。", "45亿元",
     None, "nationwide"),
    ("生态护林\n\n本报讯 昆明市海口林场有护林员30人。2016年，财政部门投入资金45亿元选聘护林员。", "45亿元", "昆明市",
     "earlier_subject"),
    ("生态护林\n\n本报讯 云南省扶贫办介绍，国家发改委下达我省资金45亿元。", "45亿元", "云南省", "named_in_clause_before"),
    ("晴隆扶贫\n\n本报讯 晴隆县是中国592个扶贫开发工作重点县之一。", "592个", None, "nationwide"),
    ("布拖搬迁\n\n本报讯 四川凉山彝族自治州布拖县，是国家挂牌督战的52个贫困县之一。", "52个", None, "nationwide"),
    # 在 before the place a clause opens with: it is that clause's, not a wider place the story lies within
    ("大关头村种土豆\n\n本报讯 祥符区范村乡大关头村土豆种植面积达到1000多亩。在范村乡，像这样的专业合作社有30多个。",
     "30多个", "范村乡", "named_in_sentence_before"),
    # several provinces together, or a region of them, as the subject of the clause
    ("东西部扶贫协作\n\n本报讯 在广东举办的博览会上，截至8月底，东部9省市已拨付财政援助资金208.9亿元。", "208.9亿元", None,
     "nationwide"),
    ("东西部扶贫协作\n\n本报讯 在广东举办的博览会上，截至8月底，今年东部地区采购农产品共计84.36亿元。", "84.36亿元", None,
     "nationwide"),
    # 全区 in a story of an autonomous region is the region (not a district), and the story's own place
    # wins over another named as far in the clause (广东企业: where the firms come from)
    ("宁夏扶贫\n\n本报讯 全区有9个贫困县，今年全部摘帽。", "9个", "宁夏回族自治区", "named_in_clause_before"),
    ("广西扶贫\n\n本报讯 2019年，广西销售农产品196亿元。\n\n同年，全区各结对市县引进广东企业281家。", "281家",
     "广西壮族自治区", "named_in_clause_before"),
    ("兴庆区扶贫\n\n本报讯 银川市兴庆区全区有贫困户300户。", "300户", "兴庆区", "named_in_clause_before"),
    # after a sentence that opens with the whole country, a sentence of no place of its own is the country's too
    ("探脱贫\n\n本报讯 重庆巫溪县天元乡新田村村民清扫蜂巢。\n\n2018年，全国有125个贫困县脱贫。2019年，“农村1000多万贫困人口"
     "的脱贫任务要如期完成。”", "1000多万", None, "earlier_subject"),
    # 中央 deciding is the country; a line that ends on the whole country leaves no place for the next
    ("扶贫标准\n\n本报讯 2011年，中央决定将农民人均纯收入2300元作为国家扶贫标准。", "2300元", None, "nationwide"),
    ("率先摘帽\n\n本报讯 井冈山率先脱贫摘帽。国家制定的脱贫标准是贫困发生率低于2%，井冈山已降至1.6%。", "2%", None,
     "nationwide"),  # the country's own standard, not the county's
    # a count of provinces belongs to the whole country (not 22个省定贫困县)
    ("摘帽\n\n本报讯 继去年底西藏宣布所有贫困县退出后，河北、山西、陕西等8个省市的所有贫困县已宣布脱贫摘帽。", "8个", None,
     "nationwide"),
    ("摘帽\n\n本报讯 山西省有36个国定贫困县、22个省定贫困县。", "22个", "山西省", "sentence_subject"),
    ("衔接资金\n\n本报讯 聊城市乡村振兴局拨付资金6.66亿元。我市对4个省乡村振兴重点帮扶县予以倾斜支持。", "4个", "聊城市",
     "named_in_clause_before"),
    ("协作\n\n本报讯 江苏省召开会议。全国8个东部省(市)结对帮扶西部10个省(区、市)。", "8个", None, "nationwide"),
    ("贵州摘帽\n\n本报讯 贵州省66个贫困县已脱贫摘帽。至此，全国832个贫困县全部摘帽。\n国定贫困县曾有592个。", "592个", "贵州省",
     "article_place"),
    # the frame of a report before the subject: 记者从…了解到，截至9月底，皋兰县…
    ("扶贫贷款\n\n本报讯 记者从县扶贫办了解到，截至9月底，皋兰县通过兰州银行向820户发放贷款3200万元。其中，对707户发放贷款2689万元。",
     "2689万元", "皋兰县", "earlier_subject"),
    # a quotation opening a paragraph: the sentence after it says who spoke, and where
    ("鹤峰县茶叶\n\n本报讯 “一年下来，茶叶的纯收入能达到4万元左右。” 58岁的李兴国是鹤峰县走马镇的村民。", "4万元", "走马镇",
     "paragraph_opening"),
    # 湖北巴东: a county's short name right after its province
    ("湖北巴东发放扶贫小额信贷\n\n本报讯 截至1月21日，累计发放小额信贷14521笔。", "14521笔", "巴东县", "article_place"),
    ("河北赤城发展蔬菜 脱贫攻坚取得显著成效\n\n2014年，赤城有贫困村272个。", "272个", "赤城县", "article_place"),
    ("助学\n\n本报讯 平利县各界为贫困大学生发放助学金；县新华书店为凤凰寨村也为6名学生送去助学金。", "6名", "凤凰寨村",
     "help_receiver"),
    # 成县 in 组成县联合社 is the end of 组成 and 县; 全村 after a village named in the sentences before is that village
    ("宕昌县合作社\n\n本报讯 宕昌县将336个村办合作社组成乡镇联合社，再将乡镇联合社组成县联合社2个。", "2个",
     "宕昌县", "sentence_subject"),
    ("宕昌县合作社\n\n本报讯 走进理川镇上马龙村的食用菌合作社，贫困户正忙活着。\n驻村干部一家一户摸情况。全村119户都成了合作社成员。",
     "119户", "上马龙村", "named_right_before"),
    # 湖南日报4月12日讯: the paper's name is no place, and the sentence's subject comes after it
    ("洞口柑橘\n\n湖南日报4月12日讯(记者 肖霄)4月11日，洞口县竹市镇曲塘村山坡上，3200亩柑橘树迎风而立。", "3200亩", "曲塘村",
     "sentence_subject"),
    ("崇阳大岭村\n\n湖北日报讯 6月6日，崇阳县铜钟乡大岭村易地搬迁安置点，33户出列贫困户入住新房。", "33户", "大岭村",
     "sentence_subject"),
    ("昭觉县会议\n\n本报讯 全省易地搬迁劳动力就业51.9万人。其中，安置区搬迁劳动力就业4.94万人。", "4.94万人", "四川省",
     "earlier_subject"),
    # a short name the page also writes in full (修水县 … 修水共建设…) is that place
    ("江西省修水县\n\n本报讯 黄沙镇汤桥村建成安置点。“十三五”期间，修水共建设易地搬迁安置点141个。", "141个", "修水县",
     "named_in_clause_before"),
    # a quotation of two sentences opening a paragraph: the sentence after it says where
    ("含山茶产业\n\n“26亩的黄金叶茶今年进入丰产期。茶叶成为香饽饽!”5月25日，在含山县清溪镇白衣村，村党总支书记万磊说。",
     "26亩", "白衣村", "paragraph_opening"),
    # X村位于…: a village said to lie in a town is a village under it, and 全村 after it is that village
    ("怒江扶贫\n\n本报讯 记者从泸水市出发。金满村位于泸水市洛本卓白族乡，海拔在1200米之上。全村90%的耕地坡度在25度以上。",
     "90%", "金满村", "named_right_before"),
    ("压油沟旅游\n\n本报讯 压油沟是省定扶贫重点村，坐落于兰陵县西北部的大山深处。全村共有76户、276人。", "76户", "压油沟村",
     "named_in_clause_before"),  # a name said to be a village, without 村, in a county named after it
    # X县的 and a village's name of three characters or more: a village under it (not 全县的特色村)
    ("悬崖村\n\n本报讯 四川凉山州昭觉县的阿土列尔村又被叫做悬崖村，全村84户贫困户开始搬迁。", "84户", "阿土列尔村",
     "named_right_before"),
    ("特色村\n\n本报讯 昭觉县的特色村有12个，全县共建成安置点20个。", "12个", "昭觉县", "named_in_clause_before"),
    # X县的 and a name of three characters (ahead of one of four); after a town's 的, a name of two the segmenter
    # knows as a name or not at all (not 复兴镇的特色村)
    ("分红\n\n本报讯 昭觉县的阿土列村，去年全村分红200万元。", "200万元", "阿土列村", "named_in_clause_before"),
    ("分红\n\n本报讯 冕宁县复兴镇的大庄村，去年全村分红2000万元。", "2000万元", "大庄村", "named_in_clause_before"),
    ("分红\n\n本报讯 冕宁县复兴镇的特色村，去年全村分红2000万元。", "2000万元", "复兴镇", "sentence_subject"),
    # …村隶属于/属于 a county, its county named up to 30 characters on in the sentence (after a province between)
    ("十八洞村\n\n本报讯 十八洞村位于湖南省湘西土家族苗族自治州，具体属于花垣县管辖。全村共有225户939人。",
     "225户", "十八洞村", "named_in_clause_before"),
    # 占全省的四分之一, 山西老农民食品有限公司: an area that opens no clause still yields to the story's place
    ("交口县食用菌\n\n本报讯 交口县食用菌规模达到3000万棒，占全省的四分之一。", "四分之一", "交口县", "story_within_area"),
    ("压油沟旅游\n\n本报讯 压油沟村发展乡村旅游。临沂市是革命老区，是山东省脱贫攻坚两个主战场之一。", "两个", "山东省",
     "named_in_clause_before"),  # …but not a count of its own things one of which is the subject
    # 全县 before the number says the whole county, even in a story about one of its villages
    ("西乡回龙村\n\n本报讯 西乡县骆家坝镇回龙村委会发放分红。回龙村距县城45公里，是全县117个贫困村之一。", "117个", "西乡县",
     "named_right_before"),
    ("西乡回龙村\n\n本报讯 西乡县骆家坝镇回龙村委会发放分红。回龙村距县城45公里，是全县117个贫困村之一。", "45公里", "回龙村",
     "named_in_clause_before"),
    ("平遥县扶贫\n\n本报讯 今年，晋中市提出对原5个贫困县加大帮扶力度。平遥县新建圈舍200间。", "5个", "晋中市",
     "named_in_clause_before"),
    # a province written right before the number keeps it, and help allocated (下达) goes to the place named after it
    ("独山县护林员\n\n本报讯 独山县麻万镇新任护林员上岗。中央财政每年下达贵州省2.5万名护林员2.5亿元专项资金。", "2.5万名",
     "贵州省", "named_right_before"),
    ("独山县护林员\n\n本报讯 独山县麻万镇新任护林员上岗。中央财政每年下达贵州省2.5万名护林员2.5亿元专项资金。", "2.5亿元",
     "贵州省", "help_receiver"),
    # a count of the named area's own divisions stays with it, even in a story about one of them
    ("乡宁县脱贫\n\n本报讯 乡宁县召开大会。作为山西省2017年14个首批脱贫摘帽贫困县之一，乡宁县成效明显。", "14个", "山西省",
     "named_in_clause_before"),
    ("晋中市养殖\n\n本报讯 在平遥县、祁县两县，养殖业从业人员占两县农村人口的三成。", "三成", "晋中市",
     "shared_by_listed_places"),
    ("晋中市养殖\n\n本报讯 以平遥县、祁县两县为例，养殖户新建圈舍800间。", "800间", "晋中市", "shared_by_listed_places"),
    ("晋中市养殖\n\n本报讯 使平遥县和祁县两县2000户增收。", "2000户", "晋中市", "help_receiver"),
    ("晋中市养殖\n\n本报讯 平遥县投资300万元，祁县、太谷区两地新建圈舍200间。", "300万元", "平遥县",
     "named_in_clause_before"),
    ("太谷篇\n\n本报讯 太谷区投入资金500万元,帮助昔阳县发展产业,使昔阳县300户增收。工作队帮助解决难题120个。", "120个", "昔阳县",
     "help_given_elsewhere"),
    # those its clause says benefit, after the helper's money was said to go to work there
    ("东莞帮扶\n\n本报讯 东莞市向河池市捐赠1000万元扶贫款。东莞市连续18年对口帮扶河池市。东莞的帮扶资金主要用于易地安置。"
     "通过实施危房改造等工程，3万多户13.6万人直接受益。", "13.6万人", "河池市", "help_given_elsewhere"),
    ("长治市扶贫\n\n本报讯 2018年武乡县与沁县31个贫困村结对帮扶。", "31个", "沁县", "named_right_before"),
    ("平利县助学\n\n本报讯 县审计局为东山寨村和磨沟村7名大学生每人送去3000元。", "7名", "平利县",
     "shared_by_places_listed_together"),
    # a count of divisions is of the place above them (襄垣县…涉及15个县直单位: offices of the county, not counties)
    ("瑞金扶贫\n\n本报讯 瑞金市黄柏乡龙湖村建起脐橙基地，基地已带动5个村912户贫困户脱贫。", "5个", "黄柏乡",
     "above_the_divisions_counted"),
    ("阜平扶贫\n\n本报讯 保定市阜平县是我省10个深度贫困县之一。", "10个", "河北省", "named_right_before"),
    # …but a count right after the deictic of its place is that place's, whatever room the gazetteer, written after
    # towns were merged, has for them (南江县 holds 32 towns today)
    ("南江教育\n\n本报讯 南江县完成教育扶贫投资6550万元。全县48个乡镇乡乡有标准化中心校。", "48个", "南江县",
     "named_right_before"),
    # …and none where the place found above them has no room for so many
    ("以工代赈\n\n本报讯 以工代赈中央资金主要投向832个脱贫县等欠发达地区，并向甘肃省予以倾斜。", "832个", None,
     "above_the_divisions_counted"),
    ("绿春摘帽\n\n本报讯 云南省政府16日正式批准包括绿春县在内的31个县退出贫困县序列。", "31个", "云南省",
     "above_the_divisions_counted"),  # the place above them that the sentence names, not the county's prefecture
    ("电商消贫\n\n本报讯 蕲春县入选电商消贫十佳县。\n报告显示，2016年，网络零售额超过1000万元的国家级贫困县有280多个。",
     "280多个", None, "above_the_divisions_counted"),  # counties named before their count: more than a province holds
    ("西藏脱贫\n\n本报讯 脱贫攻坚中，西藏自治区坚持扶贫搬迁向城镇聚集，对包括木协乡在内的“三岩片区”7个乡、45个行政村实施跨地市易地扶贫搬迁。", "45个",
     "西藏自治区", "above_the_divisions_counted"),  # a member the count includes holds none of its villages
    # a place named after a later number that a list joins to this one is that item's
    ("河北脱贫\n\n本报讯 我省将确保33万人脱贫、1448个贫困村出列、剩余13个贫困县和涿鹿县赵家蓬区全部摘帽。", "1448个",
     "河北省", "sentence_subject"),
    ("瑞金扶贫\n\n本报讯 瑞金市黄柏乡龙湖村建起脐橙基地，基地已带动5个自然村912户贫困户脱贫。", "5个", "龙湖村",
     "sentence_subject"),
    ("襄垣帮扶\n\n本报讯 襄垣县抽调91名干部，分为30个工作队，涉及15个县直单位。", "15个", "襄垣县", "sentence_subject"),
    ("互助电商\n\n本报讯 互助县已建成18个镇级物流中心、232个村级服务点和县外到县级运营中心的渠道。", "232个", "互助土族自治县",
     "sentence_subject"),  # a count does not reach past 和 to a division's noun (县外)
    ("晋中市扶贫\n\n本报讯 平遥县、祁县共投资500万元建设冷库。", "500万元", "晋中市", "shared_by_places_listed_together"),
    ("闽宁协作\n\n本报讯 泉州市对口帮扶盐池县。今年，泉州市及洛江、永春、德化，市县两级共落实资金5857.5万元。", "5857.5万元",
     "泉州市", "shared_by_places_listed_together"),  # a place listed with its own parts: the one that holds them
    # a town of the list written with its county (…木协乡和芒康县戈波乡) is one item of it
    ("三岩片区\n\n本报讯 片区包括昌都市贡觉县克日乡、罗麦乡、木协乡和芒康县戈波乡的45个行政村。", "45个", "昌都市",
     "shared_by_places_listed_together"),
    ("沁县扶贫\n\n本报讯 定昌镇的田地里梨树挂满果实；郭村镇的广场上干干净净；投资3000万元援建的学校已经选址。", "3000万元",
     "沁县", "sentence_subject"),
    ("平利县助学\n\n本报讯 县民政局为城关镇20名学生发放助学金；大贵镇慈善协会为15名大学生资助资金6万元。", "6万元", "大贵镇",
     "named_in_clause_before"),
    ("平利县助学\n\n本报讯 县审计局为水田河村6名学生发放助学金；县工会为东山寨村8名学生发放助学金；"
     "县慈善协会为凤凰寨村9名学生发放助学金。", "9名", "凤凰寨村", "named_right_before"),
    # places listed together count once, for the place that holds them, in finding the article's place
    ("南疆报告\n\n本报讯 喀什、和田、阿克苏地区等四地州是深度贫困地区。\n\n仅仅五年，新疆231.47万人摆脱贫困。"
     "同期，南疆四地州交出188.95万人脱贫的答卷。\n\n他的家在新疆喀什地区塔什库尔干塔吉克自治县。", "188.95万人",
     "新疆维吾尔自治区", "paragraph_opening"),
    # provinces listed together: their figures are of no one place
    ("边境地区\n\n本报讯 我国南部边境位于广西、云南、西藏三个省，三省边境线总长9080公里。", "9080公里", None,
     "shared_by_places_listed_together"),
    # …also in an earlier part of the sentence, or after the number (分别为…)
    ("援疆进展\n\n本报讯 截至9月底，19个援疆省市资金到疆已达110.1亿元，其中：湖南、浙江资金到疆已超额完成年初计划；援疆项目已开工1076个。",
     "1076个", None, "shared_by_places_listed_together"),
    ("援疆进展\n\n本报讯 援疆资金到疆率达到80%以上的有6个省市，分别为黑龙江省、山西省、上海市、吉林省、天津市。", "80%", None,
     "shared_by_places_listed_together"),
    # …and so are places of several provinces listed together (a prefecture of one, another province)
    ("光彩事业\n\n本报讯 自2017年以来，工商联先后组织了光彩事业怒江、宁夏行，总投资500多个承包项目。", "500多个", None,
     "shared_by_places_listed_together"),
    # a sentence of no subject whose later clause turns to a place inside the one carried hands that place on
    ("保康县扶贫\n\n本报讯 保康县县委书记、洪家院村第一书记等领导参加入住仪式。易地扶贫搬迁工程是重中之重，洪家院村安置点自6月开工建设以来，"
     "如期完工。此次建成的安置点安置52户。", "52户", "洪家院村", "earlier_subject"),
    # a quotation naming no place speaks for the place of the speaker the next sentence names
    ("伊川县光伏\n\n本报讯 在伊川县高山镇谷瑶村，老支书冯北方说：“俺村建设光伏电站。”“建设85个光伏发电站，相当于一支工作队。”"
     "伊川县委书记李新红表示。", "85个", "伊川县", "earlier_subject"),
    # …in each of its sentences, a quotation opened after the paragraph's first sentence too
    ("奉节中药材\n\n本报讯 奉节县适合中药材生长。“我们这里处于山区，大家只能跑出去打工。今年我种了中药材18亩，"
     "收入七八万元。”奉节县长安乡五坝村的村民丁敬明说。", "18亩", "五坝村", "earlier_subject"),
    # …but not where its later clauses open with several places (examples)
    ("临汾市扶贫\n\n本报讯 临汾市建立帮扶机制。同时，建立协作机制，永和县与尧都区结对，大宁县与侯马市结对。"
     "三年内将提供就业岗位900余个。", "900余个", "临汾市", "earlier_subject"),
    # …and so to the paragraph typed under it, when its subject helps a place inside the story's own
    ("四川藏区脱贫\n\n本报讯 四川藏区脱贫攻坚取得进展。\n2015年，四川省食药监局开始对口帮扶红原县，派出10余名干部。\n"
     "瓦桑初说，去年牦牛奶卖了8000多元。", "8000多元", "红原县", "earlier_paragraph"),
    # where people were moved from, even in the number's own clause, is not where they are
    ("紫丘村\n\n本报讯 大姚县赵家店镇紫丘村是一个集中安置点，90户贫困户300多人都是从铁锁乡七棵树村搬迁出来的。", "300多人",
     "紫丘村", "sentence_subject"),
    ("紫丘村\n\n本报讯 大姚县赵家店镇紫丘村是一个集中安置点，村里90户贫困户300多人都是从铁锁乡七棵树村搬迁出来的。", "300多人",
     "紫丘村", "named_in_clause_before"),  # 村里: the village just named
    # 这两天, 如今, 连日来 … open a sentence before its subject (here with the doubled comma of a badly converted page)
    ("夜力坪村西瓜\n\n本报讯 这两天,,重庆市丰都县三建乡夜力坪村的西瓜丰收了。当年,2亩西瓜,亩产达6000斤。", "6000斤", "夜力坪村",
     "earlier_subject"),
    # 中国 before its rural population, its farmers or residents is the whole country
    ("精准扶贫\n\n本报讯 记者在贵州省正安县庙塘镇宝山村驻点。过去的5年,中国农村贫困人口减少5000多万人。", "5000多万人", None,
     "nationwide"),
    # 像X这样: an example of the villages counted, not the place they are counted in
    ("汪清木耳\n\n本报讯 近年来，汪清县把黑木耳作为主攻方向。几年下来，像大北沟村这样建起了百万袋规模农场的村就达65个。", "65个",
     "汪清县", "earlier_subject"),
    # a central agency opening an earlier clause of the sentence, no place named since, speaks for the country
    ("营养午餐\n\n本报讯 6月6日，广西上林县学生享用营养午餐。中国国务院于2011年10月启动营养改善计划，每年拨款160多亿元。", "160多亿元",
     None, "nationwide"),
    # the places of a breakdown in brackets speak only for the figures inside them
    ("贺兰县扶贫\n\n本报讯 贺兰县共有贫困户1662户。2020年上半年新识别49户197人，下半年新识别贫困户12户55人（洪广镇11户53人，"
     "隆源村1户2人），2020年计划脱贫261户1233人。", "261户", "贺兰县", "earlier_subject"),
    ("贺兰县扶贫\n\n本报讯 贺兰县共有贫困户1662户。2020年上半年新识别49户197人（洪广镇11户53人，隆源村1户2人）。", "49户", "贺兰县",
     "earlier_subject"),
    ("贺兰县扶贫\n\n本报讯 贺兰县共有贫困户1662户。2020年上半年新识别49户197人（洪广镇11户53人，隆源村1户2人）。", "1户", "隆源村",
     "named_right_before"),
    # a clause that opens with the world is about no one place
    ("四川藏区脱贫\n\n本报讯 据统计，全世界藏族人口约750万人，其次是四川。", "750万人", None, "nationwide"),
    # where a meeting is held is not the place of what it reports, when the sentence names another
    ("湖南扶贫\n\n本报讯 27日，湖南省人民代表大会在长沙开幕，省长在报告中说，2019年湖南省计划减少贫困人口50万人，12个县摘帽。",
     "12个", "湖南省", "named_in_sentence_before"),
    # the place a figure is compared with is not the place it is about
    ("鲁奎地村\n\n本报讯 在怒江州泸水市鲁奎地村，群众的贫困发生率为49%，比全州高出11个百分点。", "11个百分点", "鲁奎地村",
     "named_in_sentence_before"),
    # where goods go (北上北京，南下深圳) is not where they are grown
    ("兰考蜜瓜\n\n本报讯 兰考县葡萄架乡杜寨村的蜜瓜一年两熟。这些蜜瓜北上北京，南下深圳，一个能卖到30元。", "30元", "杜寨村",
     "earlier_subject"),
    # a place's short name that opens a headline before a colon is the place, wherever else it is written short
    ("井冈山：红色引领绿色崛起\n\n本报讯 井冈山境内有100多处革命旧居。", "100多处", "井冈山市", "named_in_clause_before"),
    # a count of divisions more than any place above its own holds is the country's
    ("井冈山：率先摘帽\n\n本报讯 井冈山是592个国定贫困县中第一个脱贫摘帽的县。", "592个", None, "above_the_divisions_counted"),
    # 全市 points back to a county-level city named earlier in its sentence, not to the prefecture above it
    ("南雄电商\n\n本报讯 南雄市电子商务中心提供的数据显示，2018年全市电子商务交易额达18.67亿元。", "18.67亿元", "南雄市",
     "named_in_clause_before"),
    # and, in a story about a county-level city, to that city from the sentences after it
    ("介休扶贫\n\n本报讯 介休市委书记介绍，几年来，介休市坚持精准扶贫。全市贫困人口从2016年的12000人减少到900人。", "12000人",
     "介休市", "named_in_clause_before"),
    # …unless the text just before it turned to the prefecture above that city
    ("椒花新村电商\n\n本报讯 浏阳市达浒镇椒花新村与全村62户贫困户签订协议。\n\n这是长沙市电商扶贫的一个缩影。目前，全市建成"
     "4个电商服务中心，培育示范网店118余家。", "118余家", "长沙市", "sentence_subject"),
    # a cooperative named after its county, in a story about one of its villages, is the village's
    ("南陈村合作社\n\n本报讯 汶上县苑庄镇南陈村过去是集体经济薄弱村。汶上县鑫众种植农民专业合作社成立后，盘活120亩闲散土地。",
     "120亩", "南陈村", "sentence_subject"),
    # the place among whose kind something ranks is not where its figures are
    ("东院头村合作社\n\n本报讯 栖霞市蛇窝泊镇东院头村共319户。2013年，村党支部领办成立栖霞市首家土地股份制合作社，"
     "先后建设5处苹果示范园。", "5处", "东院头村", "earlier_subject"),
    ("交口香菇\n\n本报讯 记者从山西省扶贫办了解到，山西省交口县首批50万棒香菇菌棒近日陆续输往韩国。", "50万棒", "交口县",
     "named_in_clause_before"),  # but a place's own first batch, with its count, is the place's
    # in a story about a place another province's places help, a helper's figure is about the place helped
    ("临洮扶贫协作\n\n本报讯 临洮县与福州市仓山区携手攻坚。三年来，仓山区累计投入帮扶资金1.83亿元，带动5791户贫困群众增收。",
     "1.83亿元", "临洮县", "helped_from_another_province"),
    # the eight provinces of the minority peoples, and the country after 而, speak for no one place; a clause after
    # 其中 breaks the whole into its parts and does not govern the whole's figure
    ("民族地区\n\n本报讯 四川省农科院发布报告。截止到2016年底，中国民族八省(区)共有农村贫困人口1411万人。", "1411万人", None,
     "nationwide"),
    ("民族地区\n\n本报讯 怒江州的贫困发生率高达38%，而全国平均的贫困发生率已经降到了3.1%。", "3.1%", None, "nationwide"),
    ("东西协作\n\n本报讯 福建、宁夏两省区建立协作关系。据统计，1996年至2014年，东部各省市共向西部贫困地区投入财政援助资金"
     "118.2亿元。", "118.2亿元", None, "nationwide"),  # all the provinces of a region
    ("民族地区\n\n本报讯 云南省召开会议。深度贫困地区的贫困发生率均超过了18%，其中怒江州的贫困发生率高达38%。", "18%",
     "云南省", "earlier_subject"),
    # a list's next item that opens with a place of its own is that item's subject, not the number's
    ("萍乡脱贫\n\n本报讯 萍乡市召开新闻发布会。2018年全市有望实现32个贫困村退出销号、莲花县脱贫摘帽。", "32个", "萍乡市",
     "named_in_clause_before"),
    # a paragraph naming no place under a sub-heading that opens with one is about it, until the next sub-heading
    ("修文山村\n\n本报讯 修文县有5个村曾是特别困难村。\n\n修文县三合村：“空壳村”念好“养猪经”\n\n"
     "2012年，在外创业的村民返乡创业，先后投资2000万元。\n\n产业扎根\n\n全县又新建养殖场3个。",
     "2000万元", "三合村", "section_place"),
    ("修文山村\n\n本报讯 修文县有5个村曾是特别困难村。\n\n修文县三合村：“空壳村”念好“养猪经”\n\n"
     "2012年，在外创业的村民返乡创业，先后投资2000万元。\n\n产业扎根\n\n他又新建养殖场3个。",
     "3个", "修文县", "article_place"),
    ("张北食用菌\n\n本报讯 张北县郝家营乡有100多个食用菌大棚。张北打造食用菌产业示范园区。\n\n河北：食用菌鼓起张北农民“钱袋子”\n\n"
     "今年他们家一口气种了9个食用菌大棚。", "9个", "张北县", "article_place"),  # not a section of the story's province
    # 援藏 names the province helped: a helper's figure in a story about a place of it is that place's
    ("日喀则援藏\n\n本报讯 日喀则市累计接受对口援藏项目3842个。1994年以来，上海市对口援藏项目1582个、援藏资金45.18亿元。",
     "45.18亿元", "日喀则市", "helped_from_another_province"),
    # …but not in a story its headline gives to the helper
    ("杭州帮扶恩施州\n\n本报讯 杭州市对口帮扶恩施州。杭州市累计引导204家企业到恩施州投资。", "204家", "杭州市",
     "named_in_clause_before"),
    # where workers go to work is not a place of their figures
    ("山泽村杜仲\n\n本报讯 沁水县山泽村发展杜仲产业。村干部先后5次赴山东招商引资，成功引进一家公司。", "5次", "山泽村",
     "earlier_subject"),  # where officials travel is no place of their trips either
    ("大姚县劳务协作\n\n本报讯 大姚县完成转移就业494人，其中转移贫困劳动力到上海市务工就业24人。", "24人", "大姚县",
     "sentence_subject"),
    # 全县 points back to a 县 named before it, never to a district
    ("临洮县扶贫\n\n本报讯 临洮县各项工作扎实推进。仓山区累计投入资金1.83亿元，全县贫困发生率下降到0.7%。", "0.7%", "临洮县",
     "named_in_clause_before"),
    # a part after a semicolon, in a sentence whose subject helps another place, goes on with the place helped
    ("大姚县协作\n\n本报讯 大姚县深化东西部协作。上海市对口帮扶大姚县投入项目资金3244万元；已实际拨付使用资金2405.4万元。",
     "2405.4万元", "大姚县", "sentence_subject"),
    # a list's next item begins about the paragraph's place again
    ("大姚县协作\n\n本报讯 大姚县深化东西部协作，一是抓实项目建设。四是深化互动交流。嘉定区选派干部2人。五是狠抓产业合作。"
     "实现消费帮扶金额7845.8万元。", "7845.8万元", "大姚县", "paragraph_opening"),
    # 中国 opening a clause with what it has done (已建成, 累计…) is the whole country, and a ministry's 我部 acts for it
    ("乡村旅游\n\n本报讯 山西省政府已拨款2000万元支持500个乡村旅游点。据国家旅游局预测，到2020年，中国将形成15万个乡村旅游特色村。",
     "15万个", None, "nationwide"),
    ("高标准农田\n\n本报讯 江西省290万亩高标准农田已陆续开工。据统计，中国已建成高标准农田约5.6亿亩。", "5.6亿亩", None,
     "nationwide"),
    ("高标准农田\n\n本报讯 江西省290万亩高标准农田已陆续开工。2021年，我部下达各地高标准农田建设任务1亿亩。", "1亿亩", None,
     "nationwide"),
    # the story is about the one place inside the most named that is named but once less (its chains name both)
    ("合作社见成效\n\n本报讯 驻五台县豆村镇香峪村工作队传来喜讯：合作社实现收入2.2万元。\n\n驻五台县豆村镇香峪村工作队"
     "依托豆村镇的自然优势成立合作社。\n\n合作社共种植台芪近400亩。", "400亩", "香峪村", "article_place"),
    # a story whose first paragraph speaks for the country, naming no place twice, has no place of its own
    ("普查公报发布\n\n本报讯 国家统计局公布普查公报，客观反映了我国脱贫攻坚成效。\n\n国家贫困县98.94%的建档立卡户随时能吃肉蛋奶。"
     "\n\n普查范围还覆盖享受片区政策的新疆阿克苏地区7个市县。", "98.94%", None, None),
    # a clause that adds another item (以及…) speaks not for the number before it
    ("普查公报\n\n本报讯 国家统计局公布普查公报，反映了我国脱贫攻坚成效。\n\n据了解，这是首次大型专项普查。普查范围覆盖全部"
     "832个国家扶贫开发工作重点县，以及享受片区政策的新疆阿克苏地区7个市县。", "832个", None, None),
    # a headline's prefecture yields to the place inside it the body names more often (the village of the story)
    ("临夏：特色养殖铺富路\n\n本报讯 布楞沟村曾经是东乡县最贫困的山村之一。东乡县高山乡布楞沟村养殖合作社举行分红大会。"
     "\n\n合作社带动25户农户脱贫致富。", "25户", "布楞沟村", "article_place"),
    # a headline's place before 等 and a count is an example of a group: the story is the place the body names that holds it
    ("龙江等6个县退出贫困县序列\n\n本报讯 经审议，黑龙江省的龙江、克东、泰来、汤原、明水、兰西6个县退出贫困县序列。\n\n"
     "记者从黑龙江省扶贫办获悉，截至2018年底，这6个县累计完成8.2万人口脱贫。", "8.2万人", "黑龙江省", "named_in_sentence_before"),
    # and a sentence that opens with such examples is about the story's place that holds them
    ("黑龙江摘帽\n\n本报讯 黑龙江省共有28个贫困县。按照要求，龙江、克东等六个县完成了评估检查。4月29日，领导小组同意6个国贫县退出。",
     "6个", "黑龙江省", "earlier_subject"),
    # a clause that gives one of what the number counts as an example speaks not for the number
    ("五莲县扶贫\n\n本报讯 五莲县共建成扶贫车间40多个。5家企业入选全国就业扶贫基地，叩官镇某工艺品公司就是其中之一。", "5家",
     "五莲县", "earlier_subject"),
    # a count of provinces with a word between the count and 省市 (援疆, 对口) is still the country's
    ("上海援疆\n\n本报讯 五年来上海市财政累计投入援疆资金90亿元，在19个援疆省市中位列第一。", "19个", None, "nationwide"),
    # a region of several provinces after 按照 opens the clause of their standard (按照东中部地区人均7000元…的标准)
    ("易地搬迁投资\n\n本报讯 按照东中部地区人均7000元，西部地区人均8000元，新疆、西藏人均10000元的标准，国家发改委下达投资189亿元。",
     "7000元", None, "nationwide"),
    # …or a clause ending in 的 (两个仍然有贫困县的省份)
    ("最后脱贫\n\n本报讯 内地最后两个仍然有贫困县的省份，贵州和甘肃今天宣布脱贫。", "两个", None, "nationwide"),
    # …but a count larger than the country's 34 provinces is of something else (省、市重点项目)
    ("莆田项目\n\n本报讯 记者从莆田市发改委获悉，一季度，全市330个省、市重点项目累计完成投资227.6亿元。", "330个", "莆田市",
     "named_right_before"),
    # a speaker's titles name no subject: what the speaker says names its own (该县), for every clause after it
    ("金秀旅游\n\n本报讯 来宾市委常委、金秀瑶族自治县县委书记韦德斌说，2016年，该县地区生产总值28.19亿元，"
     "其中农林牧渔业增速排名全市第一；农村居民人均可支配收入8490元。", "8490元", "金秀瑶族自治县", "sentence_subject"),
    # 县里 (the county, its offices) points back to the story's county, as 全县 does
    ("渠县柠檬\n\n本报讯 渠县大山村安置点靠近万亩柠檬产业基地。县里通过合作社带动搬迁户户均种植柠檬树20株以上。", "20株",
     "渠县", "named_in_clause_before"),
    # one of a set a central agency names (国务院扶贫办挂牌督战的52个贫困县) is the country's, as one of the country's is
    ("都安脱贫\n\n本报讯 目前，都安县还有65个村、1.75万人未脱贫摘帽，是国务院扶贫办挂牌督战的52个贫困县之一。", "52个", None,
     "nationwide"),
    # a count right after 全县 is the county's, whatever village the clause named before (one of the county's 8)
    ("岢岚搬迁\n\n本报讯 2017年，岢岚县把易地扶贫搬迁作为关键之举，宋家沟村成为全县8个中心安置村之一，吸纳了145户贫困户。", "8个",
     "岢岚县", "named_right_before"),
    # the province a sentence says is aided (援疆) is no helper of the story's place: its places' figures stay theirs
    ("上海援疆\n\n本报讯 五年来上海市财政累计投入援疆资金92亿元。2014年7月上海市与喀什行署签订了合作纪要，进一步加大了上海支援援疆工作"
     "的力度。在四个对口省市的推动下，2014年喀什地区实现国内生产总值688亿元。", "688亿元", "喀什地区", "named_in_clause_before"),
    # a news site's name before 消息 is the outlet, not the story's subject
    ("首章村\n\n宁德网消息（兰林兴） 近日，笔者走进周宁县玛坑乡首章村，村集体茶园里，十几名农妇在采茶。", "十几名", "首章村",
     "named_in_sentence_before"),
    # a place a distance is measured from (距离织金县城16公里的阿作村) is not the place of the distance
    ("阿作村\n\n本报讯 距离织金县城16公里的阿作村，全村有516户，其中建档立卡贫困户239户。", "16公里", "阿作村", "named_in_clause"),
    # a place the subject is compared with (与朱岗村一样，全省…) is not the place its figures are about
    ("朱岗村\n\n本报讯 走进清远连州市丰阳镇朱岗村，村口小溪潺潺流过。与朱岗村一样，全省2277个相对贫困村变得越来越美，村庄规划完成率"
     "达100%，生活垃圾得到有效处理的行政村比例达99%以上。", "99%", "广东省", "named_in_sentence_before"),
    # the parts of a whole listed after 其中： are examples: the first of them is not handed on as the subject
    ("张家川搬迁\n\n本报讯 张家川县易地扶贫搬迁工程共涉及13个村911户。此次审查为第二批，涉及6个村368户，其中：大阳乡陈阳村58户、"
     "恭门镇天河村69户。工程总投资5223万元。", "5223万元", "张家川回族自治县", "earlier_subject"),
    # a sentence whose subject helps another place hands on the place helped to the sentences after it
    ("粤桂协作\n\n本报讯 广东江门市对口帮扶广西龙州县，为当地企业提供1000万元援助款。公司目前有240多名员工。", "240多名",
     "龙州县", "earlier_subject"),
]


@pytest.mark.parametrize("page,mention,place,rule", PLACES, ids=[p[0].split("\n")[-1] for p in PLACES])
def test_place_rules(page, mention, place, rule):
    fact = next(f for a in extract_text(page) for p in a.paragraphs for f in p.facts if f.text == mention)
    assert (fact.place, fact.place_rule) == (place, rule)


def test_every_rule_has_a_docstring_and_a_table_row():
    rules = [*PLACE_RULES, *PLACE_REFINEMENTS]
    for rule in rules:
        assert rule.__doc__ and rule.__doc__.strip(), rule.__name__
    assert {r.__name__ for r in rules} == {row[3] for row in PLACES if row[3]}


def rules_markdown() -> str:
    rules = "\n".join(f"{i}. `{r.__name__}`: {r.__doc__.strip()}" for i, r in enumerate(PLACE_RULES, 1))
    refinements = "\n".join(f"- `{r.__name__}`: {' '.join(r.__doc__.split())}" for r in PLACE_REFINEMENTS)
    return f"{rules}\n\nThen, in turn, each of these may put another place in its stead:\n\n{refinements}"


def test_the_readme_lists_the_place_rules_in_order():
    block = re.search(r"<!-- place rules:.*?-->\n(.*?)\n<!-- /place rules -->", README, re.S)
    expected = rules_markdown()
    assert block is not None and block.group(1) == expected, "README's place rules differ; paste:\n" + expected
