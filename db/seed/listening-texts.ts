// Words for the demo's feedback and survey answers, in English and Chinese: what customers say about each
// theme, by sentiment, and what staff did about it. Pure data.
import type { Sentiment } from "../schema";

type Bank = Record<string, Record<Sentiment, readonly string[]>>;

export const FEEDBACK_WORDS: { en: Bank; zh: Bank } = {
  en: {
    product_quality: {
      praise: [
        "The last batch was flawless, not a single return this quarter.",
        "Your parts outlast the competitor's by months. Our technicians noticed.",
        "Build quality has really improved since the spring.",
      ],
      suggestion: [
        "Could you offer the housing in stainless steel as well?",
        "A longer warranty on the motors would make the decision easy for us.",
        "Please print the batch number on the outer box too.",
      ],
      problem: [
        "Three units from the last delivery leak at the seal.",
        "The coating peels after a few weeks outdoors.",
        "Two of the sensors arrived dead on arrival, again.",
        "The new valves leak after a week, this is the second batch.",
      ],
    },
    service_attitude: {
      praise: [
        "Your service desk was patient and knew exactly what to do.",
        "The engineer who came on Saturday was excellent, please thank him.",
        "Whenever we call, someone actually listens. That is rare.",
      ],
      suggestion: [
        "It would help if the same person handled our account each time.",
        "A short call after each delivery would be appreciated.",
      ],
      problem: [
        "The person on the hotline was rude and hung up on me.",
        "Nobody called back although it was promised twice.",
        "We were told it was our fault before anyone looked at the problem.",
      ],
    },
    response_speed: {
      praise: [
        "You answered our quote request within the hour. Impressive.",
        "The replacement arrived the next morning, exactly as promised.",
      ],
      suggestion: [
        "A tracking link for urgent orders would save us many calls.",
        "Could quotes come the same day for repeat items?",
      ],
      problem: [
        "We waited nine days for an answer to a simple question.",
        "Delivery slipped by two weeks without any notice.",
        "The invoice correction took a month.",
      ],
    },
    price: {
      praise: [
        "Fair pricing and no surprises on the invoice.",
        "The volume discount made a real difference this year.",
      ],
      suggestion: [
        "A yearly price agreement would help our budgeting.",
        "Could you quote delivery separately so we can compare?",
      ],
      problem: [
        "The price went up 12% without warning.",
        "A competitor offered the same item for much less.",
        "Shipping charges are higher than the goods on small orders.",
      ],
    },
    innovation: {
      praise: [
        "The new app for reordering is a big time saver.",
        "Your online configurator is the best in the market.",
      ],
      suggestion: [
        "An API for stock levels would let us automate purchasing.",
        "Could the devices report their status remotely?",
        "We would pilot a subscription model if you offered one.",
      ],
      problem: [
        "The new portal logs us out every few minutes.",
        "The firmware update broke our integration.",
      ],
    },
  },
  zh: {
    product_quality: {
      praise: [
        "上一批货质量非常好，这个季度一件退货都没有。",
        "你们的零件比竞争对手的耐用好几个月，技术员都注意到了。",
        "从春天开始，做工明显提高了。",
      ],
      suggestion: [
        "外壳能不能也提供不锈钢的？",
        "电机保修期如果更长，我们就很好决定了。",
        "请在外箱上也印上批号。",
      ],
      problem: [
        "上次到货有三台在密封处漏水。",
        "涂层在户外几周后就脱落了。",
        "又有两个传感器到货就坏了。",
        "新阀门用一周就漏，这已经是第二批了。",
      ],
    },
    service_attitude: {
      praise: [
        "你们的客服很有耐心，知道该怎么做。",
        "周六来的工程师非常好，请替我们谢谢他。",
        "每次打电话都有人认真听，这很难得。",
      ],
      suggestion: ["如果每次都由同一个人负责我们的账户会更好。", "每次送货后打个电话回访就更好了。"],
      problem: [
        "热线那位态度很差，还挂了我的电话。",
        "答应回电两次都没人回。",
        "还没人看问题，就说是我们的错。",
      ],
    },
    response_speed: {
      praise: ["一个小时内就回复了报价，很厉害。", "换货第二天早上就到了，和承诺的一样。"],
      suggestion: ["加急订单如果有物流跟踪链接，能省我们很多电话。", "重复订购的产品能当天报价吗？"],
      problem: ["一个简单的问题等了九天才有答复。", "交货推迟了两周，没有任何通知。", "发票更正花了一个月。"],
    },
    price: {
      praise: ["价格公道，发票上没有意外。", "今年的批量折扣帮了大忙。"],
      suggestion: ["签年度价格协议会方便我们做预算。", "运费能不能单独报价，方便我们比较？"],
      problem: ["价格没有通知就涨了12%。", "竞争对手同样的产品便宜很多。", "小订单的运费比货还贵。"],
    },
    innovation: {
      praise: ["新的补货应用节省了大量时间。", "你们的在线配置器是市场上最好的。"],
      suggestion: [
        "如果有库存接口，我们就能自动采购。",
        "设备能不能远程报告状态？",
        "如果你们提供订阅模式，我们愿意试点。",
      ],
      problem: ["新门户每隔几分钟就把我们登出。", "固件更新后我们的系统对接出问题了。"],
    },
  },
};

export const RESOLUTIONS = {
  en: [
    "Called the customer, explained the cause and sent replacements.",
    "Passed to product management; added to the next release plan.",
    "Agreed a fixed price for the next twelve months.",
    "Apologised in person and assigned a named contact.",
    "Changed the delivery slot and confirmed by email.",
    "Credited the shipping charge on the next invoice.",
  ],
  zh: [
    "已致电客户，说明原因并寄出替换件。",
    "已转给产品部门，列入下一版本计划。",
    "约定了未来十二个月的固定价格。",
    "当面道歉，并指定了专门的联系人。",
    "调整了送货时间，并邮件确认。",
    "下一张发票抵扣了运费。",
  ],
} as const;

/** The open question's answers, by class. */
export const COMMENTS = {
  en: {
    promoter: [
      "Keep doing what you are doing.",
      "Reliable products and people who care.",
      "We already recommended you to two partners.",
      "Faster quotes would make it perfect.",
    ],
    passive: [
      "Good overall, but delivery times vary too much.",
      "Prices could be more transparent.",
      "Fine, although the portal is clumsy.",
    ],
    detractor: [
      "Too many late deliveries this year.",
      "Nobody follows up when something goes wrong.",
      "Your prices are no longer competitive.",
      "Quality has slipped since the last redesign.",
    ],
    satisfied: ["Handled quickly and politely.", "Exactly what we needed.", "Thank you for sorting it out."],
    neutral: ["It took a while, but it was solved.", "OK in the end."],
    dissatisfied: [
      "It took far too long.",
      "We had to chase you every step.",
      "The problem is still not solved.",
    ],
  },
  zh: {
    promoter: [
      "请继续保持。",
      "产品可靠，员工用心。",
      "我们已经向两家合作伙伴推荐了你们。",
      "报价再快一点就完美了。",
    ],
    passive: ["总体不错，但交货时间波动太大。", "价格可以更透明一些。", "还行，不过门户网站不好用。"],
    detractor: [
      "今年交货延误太多。",
      "出了问题没人跟进。",
      "你们的价格已经没有竞争力了。",
      "上次改款后质量下降了。",
    ],
    satisfied: ["处理得又快又有礼貌。", "正是我们需要的。", "谢谢你们解决了问题。"],
    neutral: ["花了些时间，但解决了。", "最后还行。"],
    dissatisfied: ["拖得太久了。", "每一步都要我们催。", "问题到现在还没解决。"],
  },
} as const;

export const LOOP_NOTES = {
  en: [
    "Called them, apologised and agreed a delivery plan for the next quarter.",
    "Visited the site with our engineer; replaced the faulty units.",
    "Explained the price change and offered a volume agreement.",
    "Listened, logged the points, and set up a monthly check-in.",
  ],
  zh: [
    "打电话道歉，并约定了下季度的交货计划。",
    "和工程师一起上门，更换了故障设备。",
    "解释了调价原因，并提出批量协议。",
    "认真倾听，记录问题，并安排了每月回访。",
  ],
} as const;
