/// The 43 product categories of the public Amazon Customer Reviews dataset (names as in its file names), with
/// their approximate size in millions of reviews, the first year with reviews and a mood shift of their ratings.
struct ReviewCategory: Sendable {
    var name: String
    var millions: Double
    var firstYear: Int
    /// Added to the five-star probability (negative: harsher reviewers, e.g. apps and software).
    var mood: Double
    /// Nouns that product titles and review texts of the category use.
    var nouns: [String]

    static let all: [ReviewCategory] = [
        .init(name: "Apparel", millions: 5.9, firstYear: 2001, mood: -0.03, nouns: ["shirt", "dress", "jacket", "hoodie", "jeans"]),
        .init(name: "Automotive", millions: 3.5, firstYear: 1999, mood: 0.02, nouns: ["wiper", "charger", "mat", "filter", "light"]),
        .init(name: "Baby", millions: 1.75, firstYear: 1999, mood: 0.0, nouns: ["stroller", "bottle", "blanket", "monitor", "seat"]),
        .init(name: "Beauty", millions: 5.1, firstYear: 2000, mood: 0.0, nouns: ["lotion", "serum", "brush", "shampoo", "palette"]),
        .init(name: "Books", millions: 10.3, firstYear: 1995, mood: 0.03, nouns: ["book", "novel", "story", "author", "edition"]),
        .init(name: "Camera", millions: 1.8, firstYear: 1999, mood: 0.0, nouns: ["camera", "lens", "tripod", "bag", "flash"]),
        .init(name: "Digital_Ebook_Purchase", millions: 17.6, firstYear: 2007, mood: 0.02, nouns: ["book", "story", "series", "author", "read"]),
        .init(name: "Digital_Music_Purchase", millions: 1.7, firstYear: 2007, mood: 0.08, nouns: ["album", "song", "track", "voice", "band"]),
        .init(name: "Digital_Software", millions: 0.1, firstYear: 2008, mood: -0.12, nouns: ["software", "program", "license", "update", "app"]),
        .init(name: "Digital_Video_Download", millions: 4.1, firstYear: 2006, mood: 0.0, nouns: ["movie", "episode", "series", "show", "film"]),
        .init(name: "Digital_Video_Games", millions: 0.14, firstYear: 2008, mood: -0.1, nouns: ["game", "download", "level", "graphics", "play"]),
        .init(name: "Electronics", millions: 3.1, firstYear: 1999, mood: -0.04, nouns: ["speaker", "cable", "remote", "adapter", "headphones"]),
        .init(name: "Furniture", millions: 0.79, firstYear: 2002, mood: -0.02, nouns: ["chair", "desk", "shelf", "table", "drawer"]),
        .init(name: "Gift_Card", millions: 0.15, firstYear: 2004, mood: 0.08, nouns: ["card", "gift", "balance", "design", "present"]),
        .init(name: "Grocery", millions: 2.4, firstYear: 2003, mood: 0.02, nouns: ["coffee", "tea", "snack", "sauce", "flavor"]),
        .init(name: "Health_Personal_Care", millions: 5.3, firstYear: 2000, mood: 0.0, nouns: ["vitamin", "razor", "supplement", "scale", "toothbrush"]),
        .init(name: "Home", millions: 6.2, firstYear: 1999, mood: 0.0, nouns: ["pillow", "curtain", "lamp", "rug", "towel"]),
        .init(name: "Home_Entertainment", millions: 0.7, firstYear: 1999, mood: -0.05, nouns: ["tv", "projector", "receiver", "soundbar", "mount"]),
        .init(name: "Home_Improvement", millions: 2.6, firstYear: 1999, mood: 0.01, nouns: ["drill", "faucet", "bulb", "paint", "hose"]),
        .init(name: "Jewelry", millions: 1.8, firstYear: 2001, mood: -0.01, nouns: ["ring", "necklace", "bracelet", "earrings", "chain"]),
        .init(name: "Kitchen", millions: 4.9, firstYear: 1999, mood: 0.01, nouns: ["pan", "knife", "blender", "mug", "kettle"]),
        .init(name: "Lawn_and_Garden", millions: 2.6, firstYear: 1999, mood: 0.0, nouns: ["mower", "hose", "planter", "seeds", "trimmer"]),
        .init(name: "Luggage", millions: 0.35, firstYear: 2002, mood: 0.0, nouns: ["suitcase", "backpack", "bag", "wheels", "handle"]),
        .init(name: "Major_Appliances", millions: 0.097, firstYear: 2004, mood: -0.1, nouns: ["refrigerator", "washer", "dryer", "freezer", "range"]),
        .init(name: "Mobile_Apps", millions: 5.0, firstYear: 2010, mood: -0.06, nouns: ["app", "game", "level", "update", "ads"]),
        .init(name: "Mobile_Electronics", millions: 0.1, firstYear: 2000, mood: -0.08, nouns: ["radio", "antenna", "mount", "stereo", "receiver"]),
        .init(name: "Music", millions: 4.8, firstYear: 1995, mood: 0.08, nouns: ["album", "cd", "song", "band", "record"]),
        .init(name: "Musical_Instruments", millions: 0.9, firstYear: 2000, mood: 0.04, nouns: ["guitar", "strings", "pedal", "keyboard", "microphone"]),
        .init(name: "Office_Products", millions: 2.6, firstYear: 1999, mood: 0.01, nouns: ["pen", "printer", "paper", "stapler", "ink"]),
        .init(name: "Outdoors", millions: 2.3, firstYear: 2000, mood: 0.02, nouns: ["tent", "knife", "flashlight", "bottle", "chair"]),
        .init(name: "PC", millions: 6.9, firstYear: 1999, mood: -0.04, nouns: ["laptop", "mouse", "keyboard", "drive", "monitor"]),
        .init(name: "Personal_Care_Appliances", millions: 0.085, firstYear: 2002, mood: -0.03, nouns: ["trimmer", "dryer", "shaver", "massager", "iron"]),
        .init(name: "Pet_Products", millions: 2.6, firstYear: 2001, mood: 0.0, nouns: ["leash", "bed", "toy", "food", "collar"]),
        .init(name: "Shoes", millions: 4.4, firstYear: 2002, mood: 0.0, nouns: ["shoes", "boots", "sandals", "sneakers", "heels"]),
        .init(name: "Software", millions: 0.34, firstYear: 1998, mood: -0.12, nouns: ["software", "program", "version", "install", "license"]),
        .init(name: "Sports", millions: 4.9, firstYear: 2000, mood: 0.02, nouns: ["ball", "gloves", "mat", "bottle", "bike"]),
        .init(name: "Tools", millions: 1.7, firstYear: 1999, mood: 0.03, nouns: ["wrench", "saw", "drill", "tape", "level"]),
        .init(name: "Toys", millions: 4.9, firstYear: 1999, mood: 0.01, nouns: ["toy", "puzzle", "doll", "blocks", "game"]),
        .init(name: "Video", millions: 0.38, firstYear: 1996, mood: 0.02, nouns: ["movie", "tape", "film", "vhs", "story"]),
        .init(name: "Video_DVD", millions: 5.1, firstYear: 1997, mood: 0.02, nouns: ["movie", "dvd", "film", "actor", "season"]),
        .init(name: "Video_Games", millions: 1.8, firstYear: 1997, mood: -0.02, nouns: ["game", "controller", "console", "graphics", "level"]),
        .init(name: "Watches", millions: 0.96, firstYear: 2001, mood: 0.0, nouns: ["watch", "band", "strap", "face", "battery"]),
        .init(name: "Wireless", millions: 9.0, firstYear: 2000, mood: -0.05, nouns: ["phone", "case", "charger", "cable", "battery"]),
    ]

    /// Rows per category for `total` rows: proportional to size, at least one each (largest remainders first).
    static func apportion(total: Int) -> [Int] {
        let weights = all.map(\.millions)
        let sum = weights.reduce(0, +)
        let minimum = total >= all.count ? 1 : 0
        let spare = max(0, total - minimum * all.count)
        let exact = weights.map { Double(spare) * $0 / sum }
        var counts = exact.map { Int($0) + minimum }
        var remaining = total - counts.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - exact[$0].rounded(.down)) > (exact[$1] - exact[$1].rounded(.down)) }
        var k = 0
        while remaining > 0 && !order.isEmpty {
            counts[order[k % order.count]] += 1
            remaining -= 1
            k += 1
        }
        return counts
    }
}
