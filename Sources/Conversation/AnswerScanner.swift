/// Finds the answers to the dialogue's questions in a (normalised) message: since when, how many
/// households, a spot, "I don't know". Plain substring and character scanning, no regex: it runs
/// on every answer and must stay cheap.
public enum AnswerScanner {
    /// Words that say "since when" wherever they appear.
    static let sinceWords = [
        "好几天", "好几个月", "好几年", "好几个星期", "好几周", "昨天", "前天", "最近", "这几天", "这两天", "前几天",
        "前段时间", "上周", "上星期", "上礼拜", "上个月", "去年", "一直", "很久", "好久", "好长时间", "很长时间",
        "一阵子", "以来", "年初", "月初", "入冬以来", "入夏以来", "春节后", "国庆后",
    ]
    /// Words that answer "since when" only when that was asked (elsewhere they say when it
    /// happens: 半夜跺脚, 晚上不在岗).
    static let weakSinceWords = [
        "今天", "今早", "今晚", "昨晚", "刚才", "刚刚", "早上", "上午", "中午", "下午", "晚上", "半夜", "凌晨", "开始",
        "这个月", "本月", "今年", "月底", "夏天", "冬天", "春节", "国庆",
    ]
    static let timeUnits = ["个多小时", "个小时", "小时", "天", "个星期", "星期", "个礼拜", "礼拜", "周", "个多月", "个月", "月", "年"]
    static let householdWords = [
        "全楼", "整栋", "整幢", "整个单元", "整单元", "全单元", "全小区", "整个小区", "所有", "大家", "好多户", "好多家",
        "很多户", "很多家", "不少户", "不少家", "就我", "只有我", "只我", "我家", "我们家", "一家", "一户", "几户", "几家",
        "邻居们", "上下楼", "整层", "一层楼",
    ]
    static let householdUnits = ["户人家", "户", "家人家", "家"]
    /// Places that are the same for the whole estate: naming one is enough of a place.
    static let landmarkWords = [
        "东门", "西门", "南门", "北门", "大门", "正门", "后门", "车库", "地下室", "停车场", "广场", "花园", "绿化带", "草坪",
        "活动室", "活动中心", "垃圾站", "垃圾房", "健身区", "健身器材", "篮球场", "院子", "门卫", "岗亭", "配电房", "水泵房",
        "充电棚", "车棚", "自行车棚", "地库", "幼儿园", "菜市场", "超市", "食堂", "大厅", "主干道", "小区门口", "物业办公室",
        "凉亭", "游乐场", "儿童乐园", "中心花园",
    ]
    /// Spots inside a building: recorded, but the building is still asked for.
    static let buildingSpotWords = [
        "楼道", "门口", "电梯", "楼下", "楼上", "楼梯", "走廊", "路边", "路口", "单元门", "消防通道", "楼前", "楼后",
        "屋顶", "楼顶", "天台", "过道", "一楼", "家里", "隔壁", "对门",
    ]
    static let spotWords = landmarkWords + buildingSpotWords

    static let dontKnowWords = ["不知道", "不清楚", "不记得", "记不清", "说不清", "不确定", "不晓得", "忘了", "不太清楚", "没注意", "不好说"]
    static let numerals: Set<Unicode.Scalar> = ["一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "几", "半", "多", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
    static let fillers: Set<Unicode.Scalar> = ["多", "来", "几", "余", "个"]

    // The word lists as UTF-8, made once (the scanners run on every answer).
    static let haojiSinceList = WordList(sinceWords.filter { $0.hasPrefix("好几") })
    static let sinceList = WordList(sinceWords)
    static let weakSinceList = WordList(weakSinceWords)
    static let timeUnitScalars = timeUnits.map { Array($0.unicodeScalars) }
    static let householdUnitScalars = householdUnits.map { Array($0.unicodeScalars) }
    static let householdList = WordList(householdWords)
    /// Unless asked, `我家` (usually a place: 漏水到我家) does not count.
    static let householdListUnasked = WordList(householdWords.filter { !["我家", "我们家", "一家"].contains($0) })
    static let spotList = WordList(spotWords)
    static let dontKnowList = WordList(dontKnowWords)
    static let proposalList = WordList([
        "建议", "希望", "最好", "应该", "可以", "能不能", "能否", "要求", "尽快", "方案", "办法", "麻烦", "请", "让", "装", "换", "加",
        "就行", "就好", "借给", "安排", "改成", "弄个", "搞个",
    ])

    /// Whether `scalar` is in `numerals` (a switch: the set's hashing showed in profiles).
    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "几", "半", "多": true
        default: false
        }
    }

    /// Whether `scalar` is in `fillers`.
    static func isFiller(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "多", "来", "几", "余", "个": true
        default: false
        }
    }

    /// "Since when" in `text`: the matched expression (e.g. `三天`, `上周`), or nil.
    /// - Parameter asked: whether "since when" was the question (weaker words count then).
    public static func since(in text: String, asked: Bool = false) -> String? {
        if let word = haojiSinceList.first(in: text) { return word }
        if let run = numberBefore(units: timeUnitScalars, in: text) { return run }
        if let word = sinceList.first(in: text) { return word }
        return asked ? weakSinceList.first(in: text) : nil
    }

    /// "How many households" in `text` (e.g. `二十多户`, `整栋`), or nil.
    /// - Parameter asked: whether it was the question; otherwise `我家` (usually a place:
    ///   漏水到我家) does not count.
    public static func households(in text: String, asked: Bool = false) -> String? {
        if let run = numberBefore(units: householdUnitScalars, in: text) { return run }
        return (asked ? householdList : householdListUnasked).first(in: text)
    }

    /// The text as residents should read it back: half-width punctuation (from normalisation)
    /// turned back into Chinese full-width punctuation.
    public static func display(_ text: String) -> String {
        // Most texts hold none of these: returned as they are.
        let needsChange = text.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"): true
            default: false
            }
        }
        guard needsChange else { return text }
        var out = ""
        for ch in text {
            switch ch {
            case ",": out += "，"
            case "!": out += "！"
            case "?": out += "？"
            case ";": out += "；"
            case ":": out += "："
            case "(": out += "（"
            case ")": out += "）"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A spot word in `text` (楼道, 东门, 车库 ...), or nil.
    public static func spot(in text: String) -> String? {
        spotList.first(in: text)
    }

    /// Whether a spot names a place of the whole estate (东门, 车库), enough to route by.
    public static func isLandmark(_ spot: String) -> Bool {
        landmarkWords.contains { spot.includes($0) }
    }

    /// Whether the resident says they do not know.
    public static func saysDontKnow(_ text: String) -> Bool {
        dontKnowList.first(in: text) != nil
    }

    /// Whether the message proposes a solution rather than starting a new matter.
    public static func soundsLikeProposal(_ text: String) -> Bool {
        proposalList.first(in: text) != nil
    }

    /// Finds a run of digits or Chinese numerals (with 多/来/几 fillers) right before one of
    /// `units`, and returns the run and the unit: `3天`, `二十多户`.
    static func numberBefore(units: [[Unicode.Scalar]], in text: String) -> String? {
        // Most texts hold no numeral at all.
        guard text.unicodeScalars.contains(where: isNumeral) else { return nil }
        // Chinese characters and digits are single scalars: no grapheme breaking needed.
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard isNumeral(scalars[index]), !isFiller(scalars[index]) || scalars[index] == "几" else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isNumeral(scalars[end]) || isFiller(scalars[end]) { end += 1 }
            for unitScalars in units {
                if end + unitScalars.count <= scalars.count, scalars[end..<end + unitScalars.count].elementsEqual(unitScalars) {
                    var run = String.UnicodeScalarView()
                    run.append(contentsOf: scalars[index..<end])
                    run.append(contentsOf: unitScalars)
                    return String(run)
                }
            }
            index = end
        }
        return nil
    }

}
