"""Place mentions and attribution, table-driven from the patterns of Chinese reporting."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.pipeline import extract_text
from service.pipeline.places import DICTIONARY_SCAN_LIMIT, Gazetteer, PlaceResolver, load_gazetteer, short_names
from service.pipeline.resolve import PlaceAttribution
from service.pipeline.years import page_year, resolve_year

SHORT_NAMES = [
    ("吕梁市", "prefecture", ["吕梁"]), ("孝义市", "county", ["孝义"]), ("离石区", "county", ["离石"]),
    ("乡宁县", "county", ["乡宁"]), ("临县", "county", []), ("山西省", "province", ["山西"]),
    ("内蒙古自治区", "province", ["内蒙古"]), ("新疆维吾尔自治区", "province", ["新疆"]), ("广西壮族自治区", "province", ["广西"]),
    ("延边朝鲜族自治州", "prefecture", ["延边", "延边州"]),
    ("贡山独龙族怒族自治县", "county", ["贡山", "贡山县"]), ("鄂伦春自治旗", "county", ["鄂伦春", "鄂伦春旗"]),
    ("西营镇", "town", []), ("城区", "county", []),
]


@pytest.mark.parametrize("name,level,expected", SHORT_NAMES, ids=[s[0] for s in SHORT_NAMES])
def test_short_names(name, level, expected):
    assert short_names(name, level) == expected


def places(text):
    return [(m.surface, m.division.name, m.division.level) for m in PlaceResolver(text).mentions]


def test_a_shared_town_before_a_village_is_placed_under_no_county():
    resolver = PlaceResolver("宝丰镇东河村全村6个组、521户")
    town, village = (m.division for m in resolver.mentions)
    assert (town.code, town.parent, village.parent) == ("0-宝丰镇", "", "0-宝丰镇")
    assert resolver.path(village) == "/0-宝丰镇/0-宝丰镇-东河村/"


MENTIONS = [
    ("吕梁市临县召开大会", [("吕梁市", "吕梁市", "prefecture"), ("临县", "临县", "county")]),
    # an administrative village written as such is the village
    ("合作市那吾镇格河行政村牧民", [("合作市", "合作市", "county"), ("那吾镇", "那吾镇", "town"),
                                 ("格河行政村", "格河村", "village")]),
    # a short name that is an everyday word, heading a longer word (合作社), is that word, on a page naming 合作市 too
    ("合作市那吾镇牧民成立奶牛养殖合作社", [("合作市", "合作市", "county"), ("那吾镇", "那吾镇", "town")]),
    # any short name heading a longer everyday word of the dictionary is that word (朝阳产业, 长治久安)
    ("东方市乐妹村把目光投向兰花这一朝阳产业", [("东方市", "东方市", "county"), ("乐妹村", "乐妹村", "village")]),
    ("长治市群众盼望长治久安", [("长治市", "长治市", "prefecture")]),
    ("孝义与临县举行结对帮扶活动", [("孝义", "孝义市", "county"), ("临县", "临县", "county")]),
    ("山西吕梁离石区信义镇", [("山西", "山西省", "province"), ("吕梁", "吕梁市", "prefecture"),
                              ("离石区", "离石区", "county"), ("信义镇", "信义镇", "town")]),
    ("交口县桃红坡镇西交子村贫困户", [("交口县", "交口县", "county"), ("桃红坡镇", "桃红坡镇", "town"),
                                    ("西交子村", "西交子村", "village")]),
    ("交城县王村:六个梦。王村的红薯", [("交城县", "交城县", "county"), ("王村", "王村", "village"),
                                      ("王村", "王村", "village")]),
    ("临县兔坂镇如意洼自然村的照片。记者前往如意洼村", [("临县", "临县", "county"), ("兔坂镇", "兔坂镇", "town"),
                                                      ("如意洼自然村", "如意洼村", "village"),
                                                      ("如意洼村", "如意洼村", "village")]),
    ("长治市襄垣县古韩镇大庄村村民", [("长治市", "长治市", "prefecture"), ("襄垣县", "襄垣县", "county"),
                                     ("古韩镇", "古韩镇", "town"), ("大庄村", "大庄村", "village")]),
    ("汾阳市向阳乡田村的枣林。田村今年丰收", [("汾阳市", "汾阳市", "county"), ("向阳乡", "向阳乡", "town"),
                                               ("田村", "田村", "village"), ("田村", "田村", "village")]),
    ("柳林县各乡镇村干部", [("柳林县", "柳林县", "county")]),  # 各乡 is no town, 镇村干部 no village
    ("原州区三营镇三营村", [("原州区", "原州区", "county"), ("三营镇", "三营镇", "town"), ("三营村", "三营村", "village")]),
    ("冕宁县沙坝镇二村沟小学", [("冕宁县", "冕宁县", "county")]),
    ("桐城市龙眠街道办事处黄燕村", [("桐城市", "桐城市", "county"), ("龙眠街道", "龙眠街道", "town"),
                                  ("黄燕村", "黄燕村", "village")]),  # an office between a town and its village  # a town the gazetteer lacks is no village's name
    ("原州区三营镇三个村", [("原州区", "原州区", "county"), ("三营镇", "三营镇", "town")]),
    ("泾川县王村镇二十里铺村", [("泾川县", "泾川县", "county"), ("王村镇", "王村镇", "town"), ("二十里铺村", "二十里铺村", "village")]),
    # a town made a 镇 or a 街道 since is still found by its former name
    ("汾阳市栗家庄乡", [("汾阳市", "汾阳市", "county"), ("栗家庄乡", "栗家庄镇", "town")]),
    ("兰考县东坝头乡张庄村", [("兰考县", "兰考县", "county"), ("东坝头乡", "东坝头镇", "town"),
                            ("张庄村", "张庄村", "village")]),
    # a county made a city or a district since is still found by its former name
    ("安庆市潜山县水吼镇梅寨村", [("安庆市", "安庆市", "prefecture"), ("潜山县", "潜山市", "county"),
                              ("水吼镇", "水吼镇", "town"), ("梅寨村", "梅寨村", "village")]),
    ("抚州市东乡县", [("抚州市", "抚州市", "prefecture"), ("东乡县", "东乡区", "county")]),
    ("怒江州贡山县独龙江乡", [("怒江州", "怒江傈僳族自治州", "prefecture"), ("贡山县", "贡山独龙族怒族自治县", "county"),
                            ("独龙江乡", "独龙江乡", "town")]),
    ("新华社北京3月7日电 全国农村贫困人口减少", []),  # filed from Beijing: not a place the story is about
    ("本报太原讯 吕梁市临县召开大会", [("吕梁市", "吕梁市", "prefecture"), ("临县", "临县", "county")]),
    ("積極響應縣委號召", []),  # 应县 inside 响应县委 is a word, not Ying County
    ("年日照时数在2000小时以上", []),  # 日照 the city is not 日照 the sunshine
    # a prefecture's short name that the segmenter knows as a place needs nothing else on the page
    ("去年沈阳共投入扶贫资金1.29亿元", [("沈阳", "沈阳市", "prefecture")]),
    ("东营村修路", []),  # …but not at the head of a village's name
    ("林庄村黄山组挨着这座名山", []),  # …nor of a villagers' group's (组)
    # an autonomous prefecture's short name ends where the peoples it is named for begin (黔东南, not 黔东)
    ("黔东南州从江县加勉乡党扭村", [("黔东南州", "黔东南苗族侗族自治州", "prefecture"), ("从江县", "从江县", "county"),
                                 ("加勉乡", "加勉乡", "town"), ("党扭村", "党扭村", "village")]),
    # a town's name several counties' towns share, right before a village, is a town of a county the page does not say
    ("宝丰镇东河村全村6个组、521户", [("宝丰镇", "宝丰镇", "town"), ("东河村", "东河村", "village")]),
    ("推进中心镇新村建设，新城镇新村", []),  # …not an everyday word before 镇 (中心, 新城), nor a village of one character
    # a town right after a county that does not hold it is none the gazetteer knows (not 广西's 东安乡)
    ("重庆市城口县东安乡亢谷片区", [("重庆市", "重庆市", "province"), ("城口县", "城口县", "county")]),
    ("孝义市西营镇东营村修路", [("孝义市", "孝义市", "county"), ("西营镇", "西营镇", "town"), ("东营村", "东营村", "village")]),
    ("位于太行山东麓的临城县", [("临城县", "临城县", "county")]),  # 太行山 / 东麓: no 山东 in it
    # a province's short name in a list with 天津 is the province, not 天津's 河北区
    ("降至3%的有北京、天津、河北、内蒙古", [("北京", "北京市", "province"), ("天津", "天津市", "province"),
                                        ("河北", "河北省", "province"), ("内蒙古", "内蒙古自治区", "province")]),
    ("天津河北区召开大会", [("天津", "天津市", "province"), ("河北区", "河北区", "county")]),
    ("泸溪县建设新农村", [("泸溪县", "泸溪县", "county")]),  # 农村 after a verb names no village
    ("一个在赣北湖区,一个在赣南山区", []),  # 赣北 / 湖区, 赣南 / 山区: no 北湖区 or 南山区 with nothing near them
    # a short name shared by a prefecture and its own county: the prefecture named in full does not make it the county
    ("吉安的艾草。位于吉安市青原区的农场", [("吉安", "吉安市", "prefecture"), ("吉安市", "吉安市", "prefecture"),
                                        ("青原区", "青原区", "county")]),
    ("央广网吉安3月9日消息 吉安市青原区值夏镇的农场", [("吉安市", "吉安市", "prefecture"), ("青原区", "青原区", "county"),
                                                ("值夏镇", "值夏镇", "town")]),  # filed from 吉安
    # an outlet's name before 讯 at a line's start is not a place the story is about
    ("洱源信息港讯 记者张三 大理州洱源县召开大会", [("大理州", "大理白族自治州", "prefecture"), ("洱源县", "洱源县", "county")]),
    # an everyday word that is also a county's short name names it only beside the county's parents
    ("怒江州泸水市选聘护林员。全州已累计选聘护林员。加强森林资源管护", [("怒江州", "怒江傈僳族自治州", "prefecture"),
                                                            ("泸水市", "泸水市", "county")]),
    ("桂林市资源县召开大会。资源的红提", [("桂林市", "桂林市", "prefecture"), ("资源县", "资源县", "county"),
                                        ("资源", "资源县", "county")]),
    ("全县贫困村、行政村和自然村全覆盖", []),
    ("记者下乡采访", []),
    # a company's, a group's or a university's place prefix (a province's or a prefecture's) names the organisation, not a place
    ("天津华兴建材公司向吕梁市临县捐款", [("吕梁市", "吕梁市", "prefecture"), ("临县", "临县", "county")]),
    # a county or town opening a company's name is where the company is
    ("占地50亩的天等县龙茗镇扬翔公司养猪基地", [("天等县", "天等县", "county"), ("龙茗镇", "龙茗镇", "town")]),
    ("重庆市农业农村委帮扶集团组织展销", []),
    ("通过和广州企业合作，厂里年订单100多万件", []),  # companies from Guangzhou
    ("人民日报社湖北分社记者住进村", []),  # a paper's office in the province
    ("一处占地333.3公顷的现代农业产业园区", []),  # a zone's name any zone could bear, its county unnamed
    ("福建宁德福鼎市磻溪镇辖村", [("福建", "福建省", "province"), ("宁德", "宁德市", "prefecture"),
                              ("福鼎市", "福鼎市", "county"), ("磻溪镇", "磻溪镇", "town")]),  # 辖: governs
    # places listed as examples before 等地 are where goods go, not the story's places
    ("吕梁市临县的红枣销往北京、上海、广州等地", [("吕梁市", "吕梁市", "prefecture"), ("临县", "临县", "county")]),
    # where goods or people go, right after 销往, 北上, 南下 … and those listed with them
    ("兰考县的蜜瓜北上北京，南下深圳", [("兰考县", "兰考县", "county")]),
    ("吕梁市临县的红枣远销上海、广州和天津", [("吕梁市", "吕梁市", "prefecture"), ("临县", "临县", "county")]),
    # a short name that nothing else supports is a place when it opens a headline before a colon, and wherever else
    # the page writes it short
    ("井冈山：红色引领绿色崛起\n井冈山境内有100多处革命旧居", [("井冈山", "井冈山市", "county"), ("井冈山", "井冈山市", "county")]),
    ("井冈山境内有100多处革命旧居", []),
    # a province opening the name of a credit union, an association or a company is where the body comes from
    ("在丹江口市均县镇蔡方沟村，蔡光美在湖北省农村信用社联合社申请到10万元贷款",
     [("丹江口市", "丹江口市", "county"), ("均县镇", "均县镇", "town"), ("蔡方沟村", "蔡方沟村", "village")]),
    # where someone spoke is not a place of what they said
    ("公路局局长21日在北京透露，兰考县农村公路总里程达到1500公里", [("兰考县", "兰考县", "county")]),
    # a village said to be of a county or town is a village under it
    ("磨盘村，是三台县金鼓乡的一个偏僻小山村", [("磨盘村", "磨盘村", "village"), ("三台县", "三台县", "county")]),
    # a county that became a city keeps being written by its old name (横县, now 横州市)
    ("在广西横县，电子商务越来越成为引擎", [("广西", "广西壮族自治区", "province"), ("横县", "横州市", "county")]),
    ("河北、内蒙古等10余个省份已全面完成搬迁", []),
    ("途经江西、湖南、贵州等六省", []),
    ("吕梁市的红枣与北京、广州等十余个大城市实现对接", [("吕梁市", "吕梁市", "prefecture")]),
    ("吕梁市临县第一中学新建教室", [("吕梁市", "吕梁市", "prefecture"), ("临县", "临县", "county")]),
    # a village named on its own before the people it counts, under the county named last before it
    ("平利县各界捐资助学。县审计局为水田河村6名学生发放助学金", [("平利县", "平利县", "county"),
                                                             ("水田河村", "水田河村", "village")]),
    ("平利县各界捐资助学。市监局为东山寨村和磨沟村7名学生送去现金", [
        ("平利县", "平利县", "county"), ("东山寨村", "东山寨村", "village"), ("磨沟村", "磨沟村", "village")]),
    ("采访方山县贫困户。相隔的里村贫困户一家", [("方山县", "方山县", "county"), ("里村", "里村", "village")]),
    # or before 有 and the households or people it has
    ("宁蒗县发展旅游。\n洛水村有1176户，其中贫困户102户。", [("宁蒗县", "宁蒗彝族自治县", "county"),
                                                       ("洛水村", "洛水村", "village")]),
    ("平利县各界捐资助学，全村有229户村民", [("平利县", "平利县", "county")]),  # 全村 is no name
    # or before its own per-capita income, after a time too (not an everyday word: 提高村人均收入)
    ("在商水县帮扶。2015年西王楼村人均纯收入突破8000元", [("商水县", "商水县", "county"), ("西王楼村", "西王楼村", "village")]),
    ("确山县扶贫，提高村人均收入，今年新村人均收入", [("确山县", "确山县", "county")]),
    ("平利县各界捐资助学，保证了全村229户村民饮水", [("平利县", "平利县", "county")]),  # 全村 is no name
    ("平利县各界捐资助学，为发挥村两委作用", [("平利县", "平利县", "county")]),  # no people counted after it
    # villages listed right after a known one are its siblings, under the same town
    ("新庄集乡康庄村召开会议。为康庄村、巴庄村和豹子滩村学生发放助学金", [
        ("新庄集乡", "新庄集乡", "town"), ("康庄村", "康庄村", "village"), ("康庄村", "康庄村", "village"),
        ("巴庄村", "巴庄村", "village"), ("豹子滩村", "豹子滩村", "village")]),
    # a village written on its own twice, under the county named first after it (none before); not a slogan
    ("洪家院村安置点举行入住仪式。保康县领导、洪家院村第一书记参加", [
        ("洪家院村", "洪家院村", "village"), ("保康县", "保康县", "county"), ("洪家院村", "洪家院村", "village")]),
    ("临汾市开展“百企帮百村”行动，“百企帮百村”带动增收", [("临汾市", "临汾市", "prefecture")]),
    ("洪家院村安置点举行入住仪式。洪家院村第一书记参加", []),  # no county or town on the page
    # a short name ending a word of the dictionary (高黎贡山, a mountain) is not the county (贡山县)
    ("高黎贡山云雾缭绕。云南怒江州贡山县独龙江乡的乡亲们", [
        ("云南", "云南省", "province"), ("怒江州", "怒江傈僳族自治州", "prefecture"),
        ("贡山县", "贡山独龙族怒族自治县", "county"), ("独龙江乡", "独龙江乡", "town")]),
    # a village named on its own that the next clause points back to (…沙河川村，该村…), under the town named before
    ("我们到达洛南县三要镇调研。然后又来到了沙河川村，该村距离县城60公里", [
        ("洛南县", "洛南县", "county"), ("三要镇", "三要镇", "town"), ("沙河川村", "沙河川村", "village")]),
    ("我们到达洛南县三要镇调研。三要镇有贫困村，该村距离县城60公里", [
        ("洛南县", "洛南县", "county"), ("三要镇", "三要镇", "town"), ("三要镇", "三要镇", "town")]),  # 贫困村 is no name
    # a name the simplified view changes (乾 reads 干 after t2s) is still found, under its own name
    ("咸阳市乾县召开现场会", [("咸阳市", "咸阳市", "prefecture"), ("干县", "乾县", "county")]),
]


@pytest.mark.parametrize("text,expected", MENTIONS, ids=[m[0] for m in MENTIONS])
def test_place_mentions(text, expected):
    from service.pipeline.normalise import to_simplified

    assert places(to_simplified(text)) == expected


def test_a_shared_town_name_is_settled_by_the_county_on_the_page():
    resolver = PlaceResolver("交城县西营镇召开大会。西营镇党委书记说")
    assert {m.division.code for m in resolver.mentions if m.surface == "西营镇"} == {"141122102"}
    resolver = PlaceResolver("襄垣县西营镇召开大会。西营镇党委书记说")
    assert {m.division.code for m in resolver.mentions if m.surface == "西营镇"} == {"140423105"}


ATTRIBUTION = [
    # (page, mention, expected place)
    ("村新闻\n\n本报讯 这里是深度贫困村，位于兰陵县。全村共有76户。", "76户", "兰陵县"),  # 这里 names no village
    ("临县扶贫\n\n本报讯 孝义市政府向临县捐资1000万元。", "1000万元", "临县"),
    ("临县扶贫\n\n本报讯 临县脱贫攻坚取得成效。全县投资3000万元。", "3000万元", "临县"),
    ("离石区光伏扶贫\n\n本报讯 坪头乡李家山村建设容量为600千瓦的电站。", "600千瓦", "李家山村"),
    ("交口县做足脱贫成色\n\n本报讯 食用菌规模达到3000万棒,占全省的四分之一。", "3000万棒", "交口县"),
    ("交口县做足脱贫成色\n\n本报讯 规模达到3000万棒,占全省的四分之一。", "四分之一", "交口县"),
    ("某县新闻\n\n本报讯 吕梁市离石区投资200万元,方山县投资300万元。", "300万元", "方山县"),
    ("孝义帮扶临县\n\n本报讯 孝义市已投入800万元帮助临县结对帮扶村发展产业,提供每村5万元的启动资金。", "5万元", "临县"),
    ("孝义帮扶临县\n\n本报讯 孝义市派出工作队精准帮扶,使临县3个乡镇的500户脱贫。", "500户", "临县"),
    ("孝义帮扶临县\n\n本报讯 孝义市今年投资900万元,帮助临县发展产业。", "900万元", "孝义市"),
    ("大井头村脱贫\n\n本报讯 泽州县大井头村修路。2016年,工作队向泽州县财政局申报项目补助资金5万元,为村民扩建道路。",
     "5万元", "大井头村"),  # an office asked for money is not the place helped
    ("安康搬迁\n\n本报讯 作为陕西易地搬迁政策的源发地,安康市累计搬迁群众93.78万人。", "93.78万人", "安康市"),  # 作为 is no 为
    ("离石区光伏扶贫\n\n本报讯 坪头乡李家山村建成600千瓦的电站。离石区光伏扶贫惠及93个贫困村。", "93个", "离石区"),
    ("离石区光伏扶贫\n\n本报讯 坪头乡李家山村建成600千瓦的电站。全村光伏扶贫惠及93户。", "93户", "李家山村"),
    ("光伏扶贫\n\n7月3日，在巡店镇顾李村3组的光伏项目现场，工人们正在安装组件。该镇共建设光伏电站5个。", "5个", "巡店镇"),
    ("离石区光伏扶贫\n\n本报讯 全省光伏扶贫惠及93个贫困村。", "93个", "山西省"),  # 全省 as subject: the whole province
    ("离石区光伏扶贫\n\n本报讯 离石区光伏扶贫惠及93个贫困村，占全省的四分之一。", "四分之一", "离石区"),
    ("孝义篇\n\n本报讯 孝义市投入资金帮助临县发展产业,使临县500户脱贫。驻村工作队帮助解决实际困难300余个。孝义市今年新建学校3所。", "300余个", "临县"),
    ("孝义篇\n\n本报讯 孝义市投入资金帮助临县发展产业,使临县500户脱贫。驻村工作队挑选了91名干部作为驻村帮扶队员。", "91名",
     "孝义市"),  # the helper's own people: no help has been given before the number
    # a sentence's subject governs its clauses that name no place, and the sentences after it
    ("临汾市扶贫\n\n本报讯 我市推进产业扶贫。汾西县发展特色产业,全县实施项目57个。带动贫困户4391户。我市完成信贷5亿元。",
     "4391户", "汾西县"),
    ("临汾市扶贫\n\n本报讯 我市推进产业扶贫。汾西县发展特色产业,全县实施项目57个。带动贫困户4391户。我市完成信贷5亿元。",
     "5亿元", "临汾市"),
    ("临汾市扶贫\n\n本报讯 我市立足吉县苹果、隰县玉露香等产业基础,到年底468个贫困村将形成主导产业。", "468个", "临汾市"),
    ("临汾市扶贫\n\n本报讯 同时,我市在吉县建设光伏电站,吉县电站装机10兆瓦。", "10兆瓦", "吉县"),
    ("威宁县搬迁\n\n本报讯 该县五里岗街道安置点共安置搬迁群众1.3万余人,配套建设幼儿园3所。", "3所", "五里岗街道"),
    ("威宁县搬迁\n\n本报讯（记者 王明）该县五里岗街道安置点共安置群众1.3万余人。全县贫困发生率降至1.2%。", "1.2%",
     "威宁彝族回族苗族自治县"),
    ("忻州市扶贫\n\n本报讯 其中,岢岚县发展杂粮20万亩;静乐县新建加工厂3座,年加工能力2万吨;五寨县建成基地5万亩。", "2万吨",
     "静乐县"),  # parts of a sentence split by semicolons have subjects of their own
    # a count of the places listed before it is about their common parent
    ("临汾市扶贫\n\n本报讯 市里对吉县、乡宁、安泽三个今年摘帽的县进行了评估。", "三个", "临汾市"),
    ("临汾市扶贫\n\n本报讯 还有吉县10兆瓦、汾西20兆瓦两个电站正在建设。", "20兆瓦", "汾西县"),
    ("临汾市扶贫\n\n本报讯 还有吉县10兆瓦、汾西20兆瓦两个电站正在建设。", "两个", "临汾市"),
    # the places of a 在…的基础上 clause are background: they govern only the numbers inside it
    ("离石区光伏扶贫\n\n本报讯 在2016年完成信义镇三个村300千瓦电站的基础上,2017年对全区93个村进行了摸底。", "93个", "离石区"),
    ("离石区光伏扶贫\n\n本报讯 在2016年完成信义镇三个村300千瓦电站的基础上,2017年对全区93个村进行了摸底。", "300千瓦",
     "信义镇"),
    # a headline that names only the province: the story is about the place its body names most
    ("甘肃:花椒成了致富树\n\n本报讯 武都区安化镇去年种植花椒3万亩。\n\n全年花椒收入达到2亿元。", "2亿元", "安化镇"),
    # a place naming an outlet is the outlet's name
    ("残疾人扶贫\n\n本报讯 中原网-郑州日报报道：建立100个残疾人扶贫基地。", "100个", None),
    # a headline listing provinces, one after another, is the country's story
    ("川藏及河北江西 26县脱贫\n\n本报讯 内地去年有28个贫困县提出脱贫申请，其中江西井冈山已宣布脱贫。", "28个", None),
    # …but not to a place named once, further on (a district rewarded among others)
    ("广东下达3亿元资金推进乡村振兴\n\n本报讯 省财政下达补助资金，共计3亿元，覆盖全省16个地市。\n\n"
     "同时，对广州市增城区进行奖励。", "3亿元", "广东省"),
    # an organisation's place prefix does not govern: the story's place does
    ("彭水消费帮扶\n\n本报讯 市商务委工作队在彭水县举办农产品展销,成交金额达52万元。", "52万元", "彭水苗族土家族自治县"),
    # a national story has no place of its own: only what a sentence names
    ("全国农村贫困人口减少1386万人\n\n新华社北京3月7日电 2018年末,全国农村贫困人口1660万人。贵州省贫困人口减少148万人。",
     "1660万人", None),
    ("全国农村贫困人口减少1386万人\n\n新华社北京3月7日电 2018年末,全国农村贫困人口1660万人。贵州省贫困人口减少148万人。",
     "148万人", "贵州省"),
    # 全村 points back to the village just named, not to the story's village
    ("离石区光伏扶贫\n\n本报讯 坪头乡李家山村建成电站。\n\n信义镇归化村共有农户310户,全村共350户。", "350户", "归化村"),
    ("兴县扶贫\n\n本报讯 兴县东会乡槐林村有贫困户80户,全村贫困发生率降至2%。", "2%", "槐林村"),
    ("孝义篇\n\n本报讯 孝义市投入资金帮助临县发展产业,使临县500户脱贫。驻村工作队帮助解决实际困难300余个。孝义市今年新建学校3所。", "3所", "孝义市"),
    # a sentence that opens with a year still opens with its subject, which the next sentences inherit
    ("定西马铃薯\n\n本报讯 记者从定西市获悉。2020年,定西市安定区马铃薯面积达到100万亩。全年共外销鲜薯70万吨。",
     "70万吨", "安定区"),
    # 全县 points back to the county named earlier in its sentence, not to the county of the paragraph above
    ("于都电商\n\n本报讯 兴国县杰村乡含田村村民参加电商培训。\n\n作为革命老区,于都县建设了85个服务站,覆盖了全县123个贫困村。",
     "123个", "于都县"),
    # 这个州, 这个村: "this" and a level stand for the place of that level the story is about, or named last
    ("湘西的茶\n\n本报讯 他是吉首市马颈坳镇隘口村村民。\n\n这个州推进脱贫计划,政府提供茶苗2500株。", "2500株",
     "湘西土家族苗族自治州"),
    ("湘西的茶\n\n本报讯 他是吉首市马颈坳镇隘口村村民。吉首市召开大会。这个村有贫困户56户。", "56户", "隘口村"),
    ("湘西的茶\n\n本报讯 吉首市马颈坳镇召开大会。这个市场年交易额3000万元。", "3000万元", "马颈坳镇"),
    # 该县 points back to the county named last, even in a story filed under the province
    ("河北:光伏增收\n\n本报讯 近年来,位于太行山东麓的河北省邢台市临城县发展光伏扶贫。目前,该县已建设电站24座。", "24座",
     "临城县"),
    # 向 before a market labour goes to (向广东输出劳务) marks no place helped
    ("河池市劳务\n\n本报讯 河池市通过向广东输出劳务人员,目前有10万左右农民工在东莞务工,占外出务工农民的1/6。", "1/6",
     "河池市"),
    # a count of the divisions of a place named around a story (吕梁市的8个县) stays with that place
    ("晋能光伏\n\n本报讯 晋能集团在吕梁市的8个县设有分公司,并且在文水县建有工厂。", "8个", "吕梁市"),
    # of two places in no one province named as often, the story is about the one named first
    ("残疾人脱贫\n\n本报讯 甘肃省残联加大投入。天津市残联对接帮扶。\n\n全省改造危房2199户。天津市残联投入500万元,帮扶甘肃省34个贫困县。",
     "2199户", "甘肃省"),
    # three or more provinces named as often leave the story no place of its own
    ("贫困发生率普遍下降\n\n本报讯 降至3%的有北京、天津、河北、内蒙古。东部地区贫困人口147万人。", "147万人", None),
    # a headline province yields only to a place inside it that the body names more often than the province
    ("云南省下达以工代赈资金\n\n本报讯 据云南省发展改革委消息,省里下达资金3亿元,支持57个项目县。对受灾的德宏州也给予倾斜支持。", "3亿元",
     "云南省"),
    # a headline that counts provinces is about no one place, however often the body names one of them
    ("又有5省份贫困县全部摘帽\n\n本报讯 截至2月底,河北、山西等5个省份的贫困县已全部摘帽。中部地区贫困发生率降至2%以下。"
     "\n\n海南省宣布五指山市、临高县退出贫困县序列。", "2%", None),
]


@pytest.mark.parametrize("page,mention,expected", ATTRIBUTION, ids=[a[0].split("\n")[-1] for a in ATTRIBUTION])
def test_attribution(page, mention, expected):
    facts = {f.text: f for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert facts[mention].place == expected


YEARS = [
    ("2016年全县投资3000万元", "3000万元", None, 2016),
    ("本报讯（记者 王明）2019年，全县投入资金12.6亿元", "12.6亿元", None, 2019),
    ("上年全县脱贫300户", "300户", 2019, 2018),
    ("森林覆盖率达到42.5%，比2015年提高3个百分点", "42.5%", 2019, 2019),
    ("森林覆盖率达到42.5%，比2015年提高3个百分点", "3个百分点", 2019, 2019),
    ("预计到2020年，全县光伏装机达到50兆瓦", "50兆瓦", 2019, 2020),
    ("全县贫困发生率由2014年的10.3%降至1.27%", "10.3%", 2019, 2014),
    ("全县贫困发生率由2014年的10.3%降至1.27%", "1.27%", 2019, 2019),
    ("贫困发生率从2014年的56.24%下降到2018年底的10.09%", "10.09%", 2020, 2018),
    ("从2016年到2018年,全县累计投资3亿元", "3亿元", 2020, 2018),
    ("全县农民人均收入8560元，比去年增长10.2%", "10.2%", 2019, 2019),  # compared with last year, as of this one
    ("去年全县投资3亿元，较前年增长20%", "20%", 2019, 2018),
    ("村民三年前开始养鸽子，去年卖了2万元，现在已经繁殖了100多只", "100多只", 2019, 2019),
    ("村民三年前开始养鸽子，去年卖了2万元，现在已经繁殖了100多只", "2万元", 2019, 2018),
    ("新华社贵阳5月6日电（记者 李华）2019年，全省减少贫困人口30万人", "30万人", None, 2019),
    ("去年全县投资3000万元", "3000万元", 2017, 2016),
    ("今年全县投资3000万元", "3000万元", 2017, 2017),
    ("明年将投资3000万元", "3000万元", 2019, 2020),
    ("全县投资3000万元", "3000万元", 2017, 2017),
    ("全县投资3000万元", "3000万元", None, None),
    ("到2018年底,全县累计退出贫困户47个,退出率95.9%", "47个", None, 2018),
    ("截至2018年9月底,累计发电66.2万度", "66.2万度", None, 2018),
    ("在2016年完成三个电站的基础上,2017年年初对全区93个村进行了摸底", "93个", None, 2017),
    ("2016年以来,全县搬迁4万人", "4万人", 2020, 2020),
    ("2015年全县脱贫324户", "324户", 2019, 2015),
    ("去年以来,全县搬迁1200户", "1200户", 2017, 2017),
    ("去年全县搬迁1200户,今年以来又搬迁300户", "1200户", 2017, 2016),
    ("将500万元2015年以前的结余资金入股", "500万元", 2017, 2017),
    ("刚刚过去的2018年是全县的脱贫摘帽年,年内6000名贫困人口实现减贫", "6000名", 2019, 2018),
    ("“2014年,我村有贫困户45户", "45户", 2019, 2014),
    ("全县2017年工作总结显示:全年新增就业300人,培训1000人次", "1000人次", 2018, 2017),
    ("全县工作总结显示:全年新增就业300人,2016年培训1000人次", "300人", 2018, 2016),
]


@pytest.mark.parametrize("sentence,mention,page,expected", YEARS, ids=[y[0] for y in YEARS])
def test_years(sentence, mention, page, expected):
    assert resolve_year(sentence, sentence.index(mention), page) == expected


PAGE_YEARS = [
    ("标题\n\n本报讯 孝义市提出2020年脱贫攻坚总体思路、今年重点工作。", None, 2020),
    ("标题\n\n刚刚过去的2018年是方山县的脱贫摘帽年,该县认真贯彻落实中央和省委的部署要求。", None, 2019),
    ("标题\n\n本报讯 党员干部与贫困群众紧密相连、党性民心在攻坚克难中锤炼凝聚。", None, None),
    ("标题\n\n本报讯 今年全县投资3000万元。", "2017-10-17", 2017),
    ("标题\n\n本报讯（记者 王明）2019年，威宁彝族回族苗族自治县共投入资金12.6亿元，完成安置点建设23个。", None, 2019),
]


@pytest.mark.parametrize("text,printed,expected", PAGE_YEARS, ids=[p[0][4:20] for p in PAGE_YEARS])
def test_page_years(text, printed, expected):
    assert page_year(text, printed) == expected


def test_gazetteer_is_complete_and_consistent():
    gazetteer = load_gazetteer()
    levels = [d.level for d in gazetteer.divisions.values()]
    assert levels.count("province") == 31 and levels.count("county") > 2800 and levels.count("town") > 40000
    for division in list(gazetteer.divisions.values())[::97]:
        chain = gazetteer.ancestors(division.code)
        assert chain[0].level == "province" and chain[-1] is division
    assert PlaceAttribution  # the attribution works over this same gazetteer


BENEFICIARIES = [
    ("孝义临县帮扶\n\n本报讯 孝义市政府向临县捐资1000万元。孝义市与临县签约。", "1000万元", "临县"),
    ("襄垣沁县帮扶\n\n本报讯 襄垣县已投入857万元帮助沁县结对帮扶村发展产业。襄垣县和沁县签约。", "857万元", "沁县"),
]


@pytest.mark.parametrize("page,mention,expected", BENEFICIARIES, ids=[b[1] for b in BENEFICIARIES])
def test_the_place_help_goes_to_governs(page, mention, expected):
    facts = {f.text: f for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert facts[mention].place == expected


def test_an_article_is_filed_under_its_county_and_its_facts_keep_the_village():
    [article] = extract_text("交城县野则河村抓三基建设\n\n本报讯 野则河村全村157户462人,集体经济增收6万元。")
    assert article.place.name == "交城县"
    assert {f.place for p in article.paragraphs for f in p.facts} == {"野则河村"}


def test_a_story_is_about_the_area_its_first_paragraph_names_over_an_example_inside_it_named_as_often():
    page = ("10个贫困县摘帽、59万人脱贫，这是新疆维吾尔自治区确定的年度扶贫任务。\n"
            "“我刚到厂里上班，月收入800元。”喀什市英吾斯坦乡英乃喀什村的妇女告诉记者。\n"
            "英乃喀什村是新疆的贫困村，全村有1027户。工作队进驻英乃喀什村后，帮助新疆的贫困家庭增收。\n")
    [article] = extract_text(page, "2018")
    assert article.place.name == "新疆维吾尔自治区"
    assert {f.text: f.place for p in article.paragraphs for f in p.facts}["1027户"] == "英乃喀什村"


PAGE_PIECES = ["临汾市扶贫", "本报讯（记者 王明）2019年,", "我市", "汾西县", "全县", "该县五里岗街道", "交城县会立乡岔口村",
               "投资3000万元", "帮助临县", "吉县、乡宁、安泽三个县", "在2016年完成信义镇三个村电站的基础上,", "由2014年的10.3%降至",
               "1.27%", "比去年增长15%", "现在", ";", ",", "。", "\n\n", "新华社北京3月7日电", "全国", "怒江州", "上年",
               "湖南:", "山西省", "宁远县", "新田县", "、", "等9个县", "9个县包括", "位于太行山东麓的", "据县扶贫办消息,",
               "昆明信息港讯 记者李丽朱 ", "二〇一九年", "县十六届人大二次会议", "又有8省市", "吉安", "吉安市", "佛坪",
               "大河坝镇", "河南新县、沈丘县、新蔡县退出贫困县\n\n", "深圳特区报2019年1月20日讯 ", "(昆明日报 记者吴洁)",
               "东部9省市", "\n新闻推荐\n", "邓大庆", "5个村", "15个县直单位"]


@given(st.lists(st.sampled_from(PAGE_PIECES), max_size=40))
def test_any_page_of_these_parts_resolves_without_error_and_spans_quote_the_text(pieces):
    page = "".join(pieces)
    for article in extract_text(page):
        for paragraph in article.paragraphs:
            for fact in paragraph.facts:
                assert page[fact.start:fact.end] == fact.text
                assert fact.place is None or fact.place_chain[-1][:2] == (fact.place_code, fact.place)
                assert fact.year is None or 1900 < fact.year < 2100


@pytest.mark.parametrize("page", ["贵州省大方县三元乡双元村安置点建成,搬迁入住5449户。", "三门峡市卢氏县搬迁入住5449户。"])
def test_a_number_inside_a_place_s_name_is_part_of_the_name(page):
    facts = [f.text for a in extract_text(page) for p in a.paragraphs for f in p.facts]
    assert facts == ["5449户"]


def test_a_province_headline_yields_to_the_parent_of_places_its_body_names_once_each():
    page = "湖南:小额信贷助增收\n\n本报讯 宁远县投放扶贫贷款1亿元。\n\n新田县投放扶贫贷款2亿元。"
    [article] = extract_text(page)
    assert article.place.name == "永州市"


def test_a_headline_that_lists_places_is_about_the_place_that_holds_them():
    page = "河南新县、沈丘县、新蔡县退出贫困县\n\n本报讯 3个县的贫困发生率均降至2%以下，共投入资金1亿元。"
    [article] = extract_text(page)
    assert article.place.name == "河南省"


def test_a_short_county_name_is_supported_by_a_town_of_it_that_other_counties_share_a_name_with():
    page = "发展村集体经济，成了佛坪脱贫的必然选择。2016年佛坪为每个村注入30万元。地处大河坝镇的三河口村整村动迁。"
    facts = {f.text: f.place for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert facts == {"30万元": "佛坪县"}


def test_the_paper_of_a_dateline_that_prints_its_year_is_no_place_of_the_story():
    page = "深圳特区报2019年1月20日讯 1月20日，钟某心里暖乎乎的。当天，集团为他送来种鸽120对。"
    facts = {f.text: (f.place, f.year) for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert facts == {"120对": (None, 2019)}


def test_the_paper_in_the_byline_after_a_lead_is_no_place_of_the_story():
    page = "昆明信息港讯(昆明日报 记者吴洁)据云南省财政厅公布的信息,小额信贷已覆盖全省16个州(市);目前贷款余额188.66亿元。"
    facts = {f.text: f.place for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert facts == {"16个": "云南省", "188.66亿元": "云南省"}


def test_a_short_name_after_a_surname_is_a_person_s_given_name():
    page = "赣州瑞金市黄柏乡龙湖村邓大庆说，他种了10亩脐橙。邓大庆所在的基地现有1.5万亩脐橙。像邓大庆这样的有912户。"
    places = {f.text: f.place for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert "大庆市" not in places.values() and places["1.5万亩"] is not None


def test_a_town_written_in_full_by_a_name_no_other_place_has_needs_no_support():
    page = "乡镇脱贫攻坚工作总结\n\n木棠镇下辖25个村委会,全镇13951户68202人。各地推进小城镇建设,投资300万元。"
    facts = {f.text: f.place for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert facts == {"25个": "木棠镇", "13951户": "木棠镇", "68202人": "木棠镇", "300万元": "木棠镇"}


@pytest.mark.parametrize("page, mention, place", [
    ("湖北省保康县马桥镇和平村有贫困户35户。", "35户", "和平村"),
    ("湖北省保康县马桥镇回龙村种植300亩。", "300亩", "回龙村"),
    ("凉山州普格县耶底乡各洛村的23户村民。", "23户", "各洛村"),  # after a town the gazetteer lacks
    ("湖北省保康县马桥镇下辖12个村。", "12个", "马桥镇"),  # a verb
    ("湖北省保康县马桥镇和各村签订协议5份。", "5份", "马桥镇"),  # and each village
    ("湖北省保康县马桥镇出台村规民约3条。", "3条", "马桥镇"),
])
def test_a_village_right_after_its_town_may_open_with_a_character_that_is_a_word_elsewhere(page, mention, place):
    facts = {f.text: f.place for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert facts[mention] == place


@pytest.mark.parametrize("text, named", [
    ("百坭村建成那赖、那洋、株洲、那坤4条通屯硬化路。", False),  # a hamlet listed among hamlets
    ("长沙、株洲、湘潭三市共投资3亿元。", True),
])
def test_a_short_name_listed_between_two_names_that_are_no_places_is_a_name_like_theirs(text, named):
    assert ("株洲" in [m.surface for m in PlaceResolver(text).mentions]) is named


def test_a_gacha_right_after_its_banner_is_a_village_of_it():
    page = "内蒙古东乌珠穆沁旗巴音图嘎嘎查\n\n巴音图嘎嘎查土地总面积104万亩。全嘎查共有176个牧户。"
    facts = {f.text: (f.place, f.place_chain[-2][1]) for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert facts == {"104万亩": ("巴音图嘎嘎查", "东乌珠穆沁旗"), "176个": ("巴音图嘎嘎查", "东乌珠穆沁旗")}


def test_the_gazetteer_counts_the_divisions_a_place_holds():
    from service.pipeline.places import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.holds("6102", "county") == 4  # 铜川市: 王益区, 印台区, 耀州区, 宜君县
    assert gazetteer.holds("61", "county") > 100 and gazetteer.holds("61", "prefecture") == 10  # 陕西省
    assert gazetteer.holds("610202", "county") == 0 and gazetteer.holds("610202", "town") > 0


def _fresh_gazetteer() -> Gazetteer:
    shared = load_gazetteer()
    return Gazetteer(list(shared.divisions.values()), (shared.by_surface, shared.short))


def _found(mentions) -> list[tuple]:
    return [(m.start, m.end, m.surface, m.candidates) for m in mentions]


SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NOISE = "县市村镇乡区省州旗的和与、，。 1２三\n"


WITH_AUTOMATON = _fresh_gazetteer()
WITH_AUTOMATON.build_automaton()


@settings(deadline=None)
@given(st.lists(st.one_of(st.sampled_from(sorted(load_gazetteer().by_surface)), st.text(NOISE, max_size=3)), max_size=30))
def test_the_dictionary_finds_the_names_the_automaton_finds(pieces):
    text = "".join(pieces)
    assert _found(WITH_AUTOMATON._find_by_dictionary(text)) == _found(WITH_AUTOMATON.find(text))


def test_the_dictionary_and_the_automaton_agree_on_the_seeds():
    for page in sorted(SEEDS.glob("*.txt")):
        text = page.read_text(encoding="utf-8")
        assert _found(WITH_AUTOMATON._find_by_dictionary(text)) == _found(WITH_AUTOMATON.find(text)), page.name


def test_a_process_builds_the_automaton_only_once_it_has_read_enough_text():
    gazetteer = _fresh_gazetteer()
    page = "临县投资1000万元，吕梁市新建西营镇安置点。" * 100
    while gazetteer.scanned + len(page) <= DICTIONARY_SCAN_LIMIT:
        gazetteer.find(page)
        assert gazetteer.automaton is None  # a run of a few pages never pays for it
    assert _found(gazetteer.find(page)) == _found(gazetteer._find_by_dictionary(page))
    assert gazetteer.automaton is not None


def test_warming_up_before_a_fork_builds_the_automaton():
    from service.pipeline import warm_up

    warm_up()
    assert load_gazetteer().automaton is not None
