// Name pools for accounts and contacts, in English and Chinese. Combinations, not lists, so 100k accounts stay
// mostly distinct while every name still reads like a real one.
import type { Rng } from "./prng";

/** A pool from one string: compact to read, and the file stays short. */
function words(list: string, sep = " "): readonly string[] {
  return list.split(sep);
}

const EN_PREFIX = words(
  "Northwind|Blue Harbor|Silver Oak|Granite|Redwood|Summit|Evergreen|Lakeside|Ironbridge|Golden Gate|Maple|Cedar|Pioneer|Riverside|Atlas|Beacon|Crescent|Harbor|Highland|Keystone|Meridian|Orchard|Pinnacle|Prairie|Sterling|Westfield|Brightwater|Copperfield|Fairview|Horizon|Liberty|Oakridge|Bayview|Stonegate|Sunrise|Windmill|Clearwater|Fox Valley|Greenleaf|Hillcrest",
  "|",
);
const EN_CORE = words(
  "Trading Foods Supply Logistics Hotels Clinic Medical Engineering Textiles Retail Hospitality Academy Labs Industries Components Distribution Catering Outfitters Manufacturing Services Wholesale Health Market Systems Fabrication",
);
const EN_SUFFIX = words("Ltd|Inc.|LLC|Co.|Group|GmbH|Pty Ltd|plc|& Sons|Partners", "|");
/** The words of the legal suffixes, left out of a company's mail domain. */
const EN_SUFFIX_WORDS = new Set(EN_SUFFIX.flatMap((s) => s.split(" ")));

const ZH_CITY = words(
  "上海 北京 广州 深圳 杭州 南京 苏州 成都 武汉 天津 重庆 西安 青岛 厦门 宁波 长沙 郑州 济南 大连 合肥 福州 昆明 沈阳 无锡 佛山 东莞",
);
const ZH_BRAND = words(
  "华联 东方 恒通 金桥 瑞丰 宏达 新元 永盛 天成 汇丰 长城 博远 嘉禾 鼎盛 海纳 信达 万达 中鑫 明辉 盛世 远航 锦程 同创 安泰 德润 星河 润华 泰和 百川 凯旋 联创 华美 宝利 富源 合众 正泰 启明 诚信 和信 佳美",
);
const ZH_TRADE = words(
  "贸易 食品 商贸 物流 酒店管理 医疗器械 机械制造 纺织 电子科技 餐饮管理 教育科技 建材 包装材料 汽车配件 化工 实业 供应链管理 健康管理",
);
const ZH_FORM = words("有限公司 有限公司 有限公司 股份有限公司 集团有限公司");

const EN_FIRST = words(
  "James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah Daniel Karen Matthew Nancy Anthony Lisa Mark Emily Paul Olivia Steven Grace Andrew Chloe Kevin Hannah Brian Laura George Rachel Oliver Sophie Amir Priya Kwame Fatima Lucas Ingrid Mateo Yuki Noah Aisha",
);
const EN_LAST = words(
  "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Okafor Patel Nakamura Schmidt Rossi Novak Haddad Mensah Lindqvist Garcia",
);

const ZH_SURNAME = words(
  "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 萧 田 董 潘 袁 蒋 蔡 余",
);
const ZH_GIVEN = words(
  "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 建华 志强 晓东 海燕 玉兰 文博 子涵 欣怡 浩然 思远 雨萱 俊杰 嘉怡 梓轩 婷 鹏 红 斌",
);

const EN_TITLES = words(
  "Purchasing manager|Operations director|Owner|Procurement lead|CFO|Office manager",
  "|",
);
const ZH_TITLES = words("采购经理 运营总监 总经理 采购主管 财务总监 行政经理");

export type Language = "en" | "zh";
export type PersonName = { name: string; emailLocal: string };

const PINYIN_SURNAME: Record<string, string> = {
  王: "wang",
  李: "li",
  张: "zhang",
  刘: "liu",
  陈: "chen",
  杨: "yang",
  黄: "huang",
  赵: "zhao",
  吴: "wu",
  周: "zhou",
  徐: "xu",
  孙: "sun",
  马: "ma",
  朱: "zhu",
  胡: "hu",
  郭: "guo",
  何: "he",
  林: "lin",
  罗: "luo",
  高: "gao",
  郑: "zheng",
  梁: "liang",
  谢: "xie",
  宋: "song",
  唐: "tang",
  许: "xu",
  韩: "han",
  冯: "feng",
  邓: "deng",
  曹: "cao",
  彭: "peng",
  曾: "zeng",
  萧: "xiao",
  田: "tian",
  董: "dong",
  潘: "pan",
  袁: "yuan",
  蒋: "jiang",
  蔡: "cai",
  余: "yu",
};

export function companyName(rng: Rng, lang: Language): string {
  if (lang === "zh")
    return `${rng.pick(ZH_CITY)}${rng.pick(ZH_BRAND)}${rng.pick(ZH_TRADE)}${rng.pick(ZH_FORM)}`;
  return `${rng.pick(EN_PREFIX)} ${rng.pick(EN_CORE)} ${rng.pick(EN_SUFFIX)}`;
}

export function personName(rng: Rng, lang: Language): PersonName {
  if (lang === "zh") {
    const surname = rng.pick(ZH_SURNAME);
    return {
      name: `${surname}${rng.pick(ZH_GIVEN)}`,
      emailLocal: `${PINYIN_SURNAME[surname] ?? "zh"}${rng.int(1, 999)}`,
    };
  }
  const first = rng.pick(EN_FIRST);
  const last = rng.pick(EN_LAST);
  return { name: `${first} ${last}`, emailLocal: `${first}.${last}`.toLowerCase() };
}

export function contactTitle(rng: Rng, lang: Language): string {
  return rng.pick(lang === "zh" ? ZH_TITLES : EN_TITLES);
}

/** Pinyin of the city and brand that open every Chinese company name, for its mail domain. */
const PINYIN_NAME_PART: Record<string, string> = {
  上海: "shanghai",
  北京: "beijing",
  广州: "guangzhou",
  深圳: "shenzhen",
  杭州: "hangzhou",
  南京: "nanjing",
  苏州: "suzhou",
  成都: "chengdu",
  武汉: "wuhan",
  天津: "tianjin",
  重庆: "chongqing",
  西安: "xian",
  青岛: "qingdao",
  厦门: "xiamen",
  宁波: "ningbo",
  长沙: "changsha",
  郑州: "zhengzhou",
  济南: "jinan",
  大连: "dalian",
  合肥: "hefei",
  福州: "fuzhou",
  昆明: "kunming",
  沈阳: "shenyang",
  无锡: "wuxi",
  佛山: "foshan",
  东莞: "dongguan",
  华联: "hualian",
  东方: "dongfang",
  恒通: "hengtong",
  金桥: "jinqiao",
  瑞丰: "ruifeng",
  宏达: "hongda",
  新元: "xinyuan",
  永盛: "yongsheng",
  天成: "tiancheng",
  汇丰: "huifeng",
  长城: "changcheng",
  博远: "boyuan",
  嘉禾: "jiahe",
  鼎盛: "dingsheng",
  海纳: "haina",
  信达: "xinda",
  万达: "wanda",
  中鑫: "zhongxin",
  明辉: "minghui",
  盛世: "shengshi",
  远航: "yuanhang",
  锦程: "jincheng",
  同创: "tongchuang",
  安泰: "antai",
  德润: "derun",
  星河: "xinghe",
  润华: "runhua",
  泰和: "taihe",
  百川: "baichuan",
  凯旋: "kaixuan",
  联创: "lianchuang",
  华美: "huamei",
  宝利: "baoli",
  富源: "fuyuan",
  合众: "hezhong",
  正泰: "zhengtai",
  启明: "qiming",
  诚信: "chengxin",
  和信: "hexin",
  佳美: "jiamei",
};

/**
 * The company's own mail domain under .example (reserved, never a real company), from its name: "Blue Harbor
 * Trading Ltd" → blueharbortrading.example, "上海华联贸易有限公司" → shanghaihualian.cn.example.
 */
export function companyDomain(name: string, lang: Language): string {
  if (lang === "zh") {
    const parts = [name.slice(0, 2), name.slice(2, 4)].map((p) => PINYIN_NAME_PART[p] ?? "");
    return `${parts.join("") || "company"}.cn.example`;
  }
  const words = name.split(" ");
  const core = words.filter((w) => !EN_SUFFIX_WORDS.has(w)).join("");
  return `${core.toLowerCase().replace(/[^a-z0-9]/g, "") || "company"}.example`;
}

export function phoneNumber(rng: Rng, lang: Language): string {
  if (lang === "zh")
    return `+86 ${rng.pick(["21", "10", "20", "755", "571"])} ${rng.int(5000, 8999)} ${rng.int(1000, 9999)}`;
  return `+1 ${rng.int(201, 989)} 555 ${String(rng.int(100, 199)).padStart(4, "0")}`;
}
