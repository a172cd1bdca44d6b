import Testing
import Understanding

@Suite struct PlaceExtractorTests {
    /// Extracts from text after normalisation, as the classifier does.
    func place(_ text: String) -> Place {
        PlaceExtractor.extract(from: TextNormalizer().normalize(text).text).place
    }

    @Test(arguments: [
        ("3栋门口", 3), ("三号楼楼下", 3), ("3#楼道", 3), ("3# 楼道", 3), ("3幢", 3), ("3号楼", 3),
        ("十二栋", 12), ("二十三号楼", 23), ("二栋", 2), ("十栋", 10), ("第7栋", 7), ("12幢后面", 12),
        ("１５栋", 15), ("１５号楼", 15), ("3 栋", 3), ("一百零五号楼", 105), ("8座", 8), ("5號樓", 5),
    ])
    func buildingForms(text: String, building: Int) {
        #expect(place(text).building == building)
    }

    @Test func buildingUnitRoomWithDashes() {
        #expect(place("我住3-2-501") == Place(building: 3, unit: 2, room: "501"))
        #expect(place("2-1-302漏水") == Place(building: 2, unit: 1, room: "302"))
        #expect(place("１２－３－１１０２") == Place(building: 12, unit: 3, room: "1102"))
        #expect(place("12-301门口") == Place(building: 12, room: "301"))
    }

    @Test func buildingUnitRoomInWords() {
        #expect(place("3栋2单元501") == Place(building: 3, unit: 2, room: "501"))
        #expect(place("三号楼五单元") == Place(building: 3, unit: 5))
        #expect(place("五单元门口") == Place(unit: 5))
        #expect(place("东区7幢") == Place(area: "东区", building: 7))
        #expect(place("北苑十二栋三单元") == Place(area: "北苑", building: 12, unit: 3))
        #expect(place("a区3栋") == Place(area: "A区", building: 3))
        #expect(place("1502室") == Place(room: "1502"))
    }

    @Test func notBuildings() {
        #expect(place("3楼漏水").building == nil)  // a floor
        #expect(place("三楼的邻居").building == nil)
        #expect(place("3号车位").building == nil)
        #expect(place("小区东边又盖了两栋楼").building == nil)  // a count
        #expect(place("你知道他住哪一栋").building == nil)  // a question
        #expect(place("这一栋的电梯").building == nil)
        #expect(place("几栋楼都停水").building == nil)
        #expect(place("每栋楼下都有垃圾桶").building == nil)
        #expect(place("一个红色管家管五栋楼根本忙不过来").building == nil)  // a count after 管
        #expect(place("小区一共有六栋楼").building == nil)
        #expect(place("谁管五栋的卫生").building == 5)  // a building after all: no 楼
        #expect(place("物业管5栋楼的电梯吗").building == 5)  // digits name a building
        #expect(place("有三栋二单元的住户反映").building == 3)
        #expect(place("两号楼").building == 2)
        #expect(place("小区门口").area == nil)
        #expect(place("社区活动").area == nil)
        #expect(place("电梯坏了三天").isEmpty)
        #expect(place("").isEmpty)
        #expect(place("2026-11-27").isEmpty)
        #expect(place("13812345678").isEmpty)
    }

    @Test func caseNumbersAreNotPlaces() {
        let result = PlaceExtractor.extract(from: "我的2026-0012进度怎么样")
        #expect(result.caseNumbers == ["2026-0012"])
        #expect(result.place.isEmpty)
        let both = PlaceExtractor.extract(from: "3-2-501报的2026-0012和2025-1234")
        #expect(both.caseNumbers == ["2026-0012", "2025-1234"])
        #expect(both.place == Place(building: 3, unit: 2, room: "501"))
        #expect(PlaceExtractor.extract(from: "3-2-501").caseNumbers.isEmpty)
    }
}

@Suite struct ChineseNumberTests {
    @Test(arguments: [
        ("3", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百", 100), ("一百零五", 105),
        ("两", 2), ("三〇一", 301), ("九十九", 99), ("一千二百", 1200),
    ])
    func values(text: String, value: Int) {
        #expect(ChineseNumber.value(of: text) == value)
    }

    @Test func rejectsOtherText() {
        #expect(ChineseNumber.value(of: "") == nil)
        #expect(ChineseNumber.value(of: "三个") == nil)
        #expect(ChineseNumber.value(of: "abc") == nil)
    }
}
