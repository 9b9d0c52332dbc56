import HonsimCore

/// A small, fast, seedable generator: the same seed gives the same store on every machine,
/// which Swift's SystemRandomNumberGenerator cannot promise.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
}

/// Word lists for synthetic people and places. No real person's data: names are drawn from
/// common syllables, and every string a request shares comes from these arrays, so two
/// million requests share a few hundred string buffers instead of owning one each.
enum SyntheticNames {
    static let surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍", "전", "고", "문", "손", "양", "배", "백", "허", "남궁", "선우"]
    static let femaleGiven = ["순", "영", "숙", "자", "희", "옥", "정", "미", "경", "선", "은", "혜", "춘", "복", "말", "금", "지", "민", "서", "연"]
    static let maleGiven = ["수", "철", "호", "석", "영", "진", "민", "성", "동", "기", "준", "현", "재", "상", "태", "광", "병", "용", "우", "식"]

    /// Roots of place names; a gu takes one, dongs take the rest with a number.
    static let placeRoots = [
        "가람", "나루", "다솜", "라온", "마루", "바름", "사랑", "아라", "자람", "차오", "하늘", "새봄", "푸른", "솔빛", "은하",
        "달빛", "별빛", "물길", "한울", "누리", "샘골", "배울", "꽃내", "들빛", "구름", "버들", "매화", "국화", "난초", "대숲",
        "청계", "백운", "수리", "모락", "감투", "덕장", "학의", "오봉", "삼막", "병목", "비봉", "관악", "양지", "석천", "호수",
        "평온", "인덕", "부림", "귀인", "범계", "갈뫼", "신촌", "동편", "서편", "남녘", "북녘", "윗골", "아랫", "안말", "바깥",
        "새말", "옛골", "솔밭", "밤골", "감골", "배골", "능골", "절골", "숯골", "돌골", "연못", "샘내", "큰내", "작은", "너른",
        "고개", "언덕", "벌판", "나무", "바위", "모래", "자갈", "이슬", "노을", "햇살", "바람", "소리", "향기", "기쁨", "보람",
        "슬기", "미리", "가온", "나래", "다온", "로아", "마중", "버금", "시나", "아토",
    ]

    static let roads = ["병목안로", "삼덕로", "장내로", "안양천서로", "만안로", "경수대로", "관악대로", "시민대로", "평촌대로", "귀인로", "흥안대로", "비산로"]
    static let hospitals = [
        "한림대학교성심병원", "안양샘병원", "메트로병원", "안양성모병원", "한가람병원", "서울대학교병원", "세브란스병원",
        "아주대학교병원", "고려대학교안산병원", "새봄내과의원", "푸른신장내과", "라온재활의학과의원", "누리정형외과",
    ]
    static let departments = ["내과", "신장내과", "정형외과", "재활의학과", "영상의학과", "안과", "이비인후과", "신경과", "종양내과", "심장내과", "비뇨의학과"]
    static let pickupPlaces = ["자택", "주민센터 앞", "아파트 정문", "경로당 앞", "버스정류장", "복지관 앞"]
    static let coordinators = ["kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon"]
    static let caseManagers = ["조선영", "이은정", "박미경", "최현숙", "정은희", "강민지"]
    static let outcomes = ["진료 후 귀가", "투석 완료 후 귀가", "검사 완료, 결과 다음 진료 시", "주사 처치 후 귀가", "재활 치료 완료", "약 처방 받음"]
    static let doctorNotes = ["", "", "", "수분 섭취 제한 유지", "다음 진료 2주 후", "혈압약 복용 지속", "투석 전 체중 측정 필요", "낙상 주의"]
    static let cancelReasons = ["본인 취소", "진료 일정 변경", "입원", "보호자 동행", "봉사자 없음", "날씨"]
    static let languages = ["en", "zh", "vi", "ru"]

    static func personName(gender: Gender, rng: inout SplitMix64) -> String {
        let given = gender == .female ? femaleGiven : maleGiven
        return rng.pick(surnames) + rng.pick(given) + rng.pick(given)
    }

    static func phone(rng: inout SplitMix64) -> String {
        "010-\(rng.int(1000...9999))-\(rng.int(1000...9999))"
    }

    /// 500 dongs need 500 distinct names: the roots times a number, e.g. 가람3동.
    static func dongName(_ index: Int) -> String {
        let root = placeRoots[(index / 5) % placeRoots.count]
        let round = index / (5 * placeRoots.count)
        return root + (round == 0 ? "" : "\(round + 1)가") + "\(index % 5 + 1)동"
    }

    static func guName(_ index: Int) -> String {
        let root = placeRoots[(placeRoots.count - 1 - index % placeRoots.count)]
        return root + (index < placeRoots.count ? "" : "\(index / placeRoots.count + 1)") + "구"
    }
}
