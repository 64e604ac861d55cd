import Foundation
import PintailCore

/// Generates the reviews of one category, batch by batch, deterministically from (seed, category). Each random
/// 64-bit value serves several choices (its bit fields), and every small distribution is a table drawn with
/// `DiscreteSampler`, every power one of `FixedPower`: about eight random values per row plus one per sentence.
struct ReviewGenerator {
    let category: ReviewCategory
    private var random: SplitMix
    private var produced = 0
    /// Customers are shared by all categories (so joins across categories find them); products are per category.
    private let customerCount: Int
    private let productCount: Int
    /// count^(1 - exponent) of the two Zipf laws, computed once, and their inverse CDFs' powers 1 / (1 - exponent).
    private let customerZipfTop: Double
    private let productZipfTop: Double
    private let customerZipfPower = FixedPower(exponent: 1 / (1 - ReviewGenerator.customerExponent))
    private let productZipfPower = FixedPower(exponent: 1 / (1 - ReviewGenerator.productExponent))
    /// The Pareto law of vote counts and the helpful share's curve.
    private let votePower = FixedPower(exponent: -1 / 1.15)
    private let sharePower = FixedPower(exponent: 0.4)
    private let capitalizedNouns: WordPool
    /// Sets 0-4: the sentences of each star's tone (one to five) with this category's nouns; set 5: neutral fillers.
    private let sentences: SentenceBank
    /// Which set a sentence comes from: row 2 * (star - 1) for a review's first sentence, the next row for the others.
    private let tones: DiscreteSampler
    /// Sentences per review body, 1...80 (outcome k is k + 1 sentences).
    private let sentenceCounts: DiscreteSampler
    /// Years firstYear...2015, by the category's growth curve.
    private let years: DiscreteSampler
    /// Stars by year (row: year - firstYear; outcome k is k + 1 stars).
    private let stars: DiscreteSampler
    private let isBookLike: Bool
    /// Per year (index year - firstYear): its first day (days since 1970) and number of days, 16-bit thresholds of
    /// "no votes" and of a verified purchase.
    private let yearFirstDay: UnsafeMutablePointer<Int32>
    private let yearDays: UnsafeMutablePointer<Int32>
    private let noVotesBelow: UnsafeMutablePointer<UInt16>
    private let verifiedBelow: UnsafeMutablePointer<UInt16>
    /// Frees the per-year tables with the last copy of the generator.
    private let yearTables: YearTables
    /// The shared word lists and digit tables, read once here: a global's every use costs a `swift_once` check.
    private let headlines = ReviewVocabulary.headlines
    private let brands = ReviewVocabulary.brands
    private let titleAdjectives = ReviewVocabulary.titleAdjectives
    private let qualifiers = ReviewVocabulary.qualifiers
    private let lineBreak = ReviewVocabulary.lineBreak
    private let base36Pairs = Base36Pairs.table
    private let decimalPairs = DecimalPairs.table
    /// The text of the most popular products, formatted once.
    private let productTexts = ProductTextCache()
    /// `key`'s inner mixes for its salts 0 (review ids), 1 (products) and 2 (product parents).
    private let keyBases: SIMD3<UInt64>

    static let lastYear = 2015
    static let customerExponent = 1.15
    static let productExponent = 1.05
    /// The public dataset ends on 2015-08-31.
    static let lastDay = CivilDate.days(year: 2015, month: 8, day: 31)
    static let fillerSet = 5

    private final class YearTables {
        let firstDay: UnsafeMutablePointer<Int32>
        let days: UnsafeMutablePointer<Int32>
        let noVotes: UnsafeMutablePointer<UInt16>
        let verified: UnsafeMutablePointer<UInt16>

        init(count: Int) {
            firstDay = .allocate(capacity: count)
            days = .allocate(capacity: count)
            noVotes = .allocate(capacity: count)
            verified = .allocate(capacity: count)
        }

        deinit {
            firstDay.deallocate()
            days.deallocate()
            noVotes.deallocate()
            verified.deallocate()
        }
    }

    /// Generates part `part` of the category, whose first row is row `firstRow` of the category. Each part has its
    /// own random stream (part 0's is the category's own), so parts can be generated on different threads.
    init(category: ReviewCategory, index: Int, seed: UInt64, categoryRows: Int, totalRows: Int, part: Int = 0,
         firstRow: Int = 0) {
        self.category = category
        random = SplitMix(seed: seed, stream: UInt64(index) | UInt64(part) << 32)
        keyBases = SIMD3((0..<3).map { Self.keyBase(seed: seed, salt: UInt64($0), category: index) })
        produced = firstRow
        customerCount = max(50, totalRows / 4)
        productCount = max(10, categoryRows / 6)
        customerZipfTop = Foundation.pow(Double(customerCount), 1 - Self.customerExponent)
        productZipfTop = Foundation.pow(Double(productCount), 1 - Self.productExponent)
        let nouns = WordPool(category.nouns)
        capitalizedNouns = WordPool(category.nouns.map { $0.prefix(1).uppercased() + $0.dropFirst() })
        let words = ReviewVocabulary.sentimentWords
        sentences = SentenceBank([
            (ReviewVocabulary.negativeTemplates, nouns, words[0]),
            (ReviewVocabulary.negativeTemplates, nouns, words[1]),
            (ReviewVocabulary.mixedTemplates, nouns, words[2]),
            (ReviewVocabulary.positiveTemplates, nouns, words[3]),
            (ReviewVocabulary.positiveTemplates, nouns, words[4]),
            (ReviewVocabulary.fillerTemplates, nouns, nouns),
        ])
        tones = DiscreteSampler(rows: Self.toneRows())
        sentenceCounts = DiscreteSampler(weights: Self.sentenceCountWeights())
        isBookLike = category.name == "Books"
        // Reviews grow about 45% a year; 2015 covers eight months.
        let yearRange = category.firstYear...Self.lastYear
        years = DiscreteSampler(weights: yearRange.map { pow(1.45, Double($0 - 1995)) * ($0 == 2015 ? 0.66 : 1) })
        stars = DiscreteSampler(rows: yearRange.map { Self.starWeights(year: $0, mood: category.mood) })
        yearTables = YearTables(count: yearRange.count)
        yearFirstDay = yearTables.firstDay
        yearDays = yearTables.days
        noVotesBelow = yearTables.noVotes
        verifiedBelow = yearTables.verified
        for (i, year) in yearRange.enumerated() {
            let first = CivilDate.days(year: year, month: 1, day: 1)
            let last = year == Self.lastYear ? Self.lastDay : CivilDate.days(year: year + 1, month: 1, day: 1) - 1
            yearFirstDay[i] = Int32(first)
            yearDays[i] = Int32(last - first + 1)
            noVotesBelow[i] = Self.threshold16(0.45 + Double(year - 1995) * 0.015)
            verifiedBelow[i] = Self.threshold16(min(0.9, max(0.1, 0.1 + Double(year - 2000) * 0.06)))
        }
    }

    /// `p` as a threshold for 16 random bits.
    static func threshold16(_ p: Double) -> UInt16 { UInt16(min(65_535, max(0, (p * 65_536).rounded()))) }

    /// About 62% five stars overall, shifted by the category's mood and a dip in the mid-2000s (outcome k: k + 1 stars).
    static func starWeights(year: Int, mood: Double) -> [Double] {
        let era = year < 2000 ? 0.02 : year <= 2008 ? -0.06 : year <= 2011 ? -0.02 : 0
        let five = min(0.9, max(0.3, 0.62 + mood + era))
        let rest = (1 - five) / 0.38
        return [0.09 * rest, 0.05 * rest, 0.08 * rest, 0.16 * rest, five]
    }

    /// Log-normal sentence counts: floor(exp(0.9 + 0.85 z)) for a standard normal z, kept within 1...80.
    static func sentenceCountWeights() -> [Double] {
        func below(_ k: Double) -> Double { 0.5 * erfc(-(Foundation.log(k) - 0.9) / 0.85 / 2.0.squareRoot()) }
        return (1...80).map { k in
            let low = k == 1 ? 0 : below(Double(k)), high = k == 80 ? 1 : below(Double(k + 1))
            return high - low
        }
    }

    /// Rows 2 * (star - 1) and 2 * (star - 1) + 1: the sentence sets of a review's first and later sentences. Mostly
    /// the star's own words, sometimes a neighbour's (a four-star review may say "excellent"); 30% of the later
    /// sentences are neutral.
    static func toneRows() -> [[Double]] {
        var rows: [[Double]] = []
        for star in 1...5 {
            var first = [Double](repeating: 0, count: 6)
            first[star - 1] += 0.8
            first[min(5, star + 1) - 1] += 0.1
            first[max(1, star - 1) - 1] += 0.1
            rows.append(first)
            var later = first.map { $0 * 0.7 }
            later[fillerSet] = 0.3
            rows.append(later)
        }
        return rows
    }

    /// Replaces `batch`'s rows with the next `rows` reviews.
    mutating func fill(_ batch: inout ReviewBatch, rows: Int) {
        batch.removeAll()
        append(rows: rows, to: &batch)
    }

    /// Appends the next `rows` reviews to `sink`.
    mutating func append<Sink: ReviewSink>(rows: Int, to sink: inout Sink) {
        for _ in 0..<rows { appendRow(to: &sink) }
    }

    @inline(__always)
    private mutating func appendRow<Sink: ReviewSink>(to sink: inout Sink) {
        // Year (low half) and day within it (high half).
        let dateBits = random.next()
        let yearIndex = years.sample(dateBits)
        let year = category.firstYear + yearIndex
        let day = Int(yearFirstDay[yearIndex]) + Int(((dateBits >> 32) &* UInt64(yearDays[yearIndex])) >> 32)
        // Stars (low half), then 16 bits each for vine and verified purchase.
        let flagBits = random.next()
        let star = stars.sample(flagBits, row: yearIndex) + 1
        let vine = year >= 2007 && (flagBits >> 32) & 0xFFFF < 262  // 0.4%
        let verified = UInt16(truncatingIfNeeded: flagBits >> 48) < verifiedBelow[yearIndex]
        let votes = votes(yearIndex: yearIndex, star: star)
        sink.beginRow()

        let customerRank = zipf(count: customerCount, top: customerZipfTop, power: customerZipfPower)
        // Eight digits, as the dataset's customer ids.
        sink[.customerId].appendFixedDigits(10_000_000 + (customerRank * 7919 + 12_345) % 89_999_999, width: 8,
                                            pairs: decimalPairs)
        sink.end(.customerId)

        let reviewKey = key(produced, salt: 0)
        sink[.reviewId].append(0x52)  // "R"
        appendBase36(reviewKey, width: 13, to: &sink[.reviewId])
        sink.end(.reviewId)

        let productRank = zipf(count: productCount, top: productZipfTop, power: productZipfPower)
        if !productTexts.append(rank: productRank, to: &sink) { appendProduct(rank: productRank, to: &sink) }

        sink.numbers(star: star, helpfulVotes: votes.helpful, totalVotes: votes.total, vine: vine, verified: verified)

        // 40% of headlines are the "N Stars" one (index 0), the rest any of the star's headlines.
        let headlineBits = random.next()
        let headlines = self.headlines[star - 1]
        headlines.append(headlineBits & 0xFFFF < 26_214 ? 0 : Int(((headlineBits >> 32) &* UInt64(headlines.count)) >> 32),
                         to: &sink[.reviewHeadline])
        sink.end(.reviewHeadline)
        appendBody(star: star, to: &sink[.reviewBody])
        sink.end(.reviewBody)
        sink.endRow(year: year, day: day)
        produced += 1
    }

    /// product_id, product_parent and product_title of the product of Zipf rank `rank` (each ended), kept in
    /// `productTexts` when the rank is one it keeps.
    private func appendProduct<Sink: ReviewSink>(rank productRank: Int, to sink: inout Sink) {
        let productKey = key(productRank, salt: 1)
        let idStart = sink[.productId].count
        if isBookLike {
            sink[.productId].append(0x30)
            sink[.productId].appendFixedDigits(Int(productKey % 1_000_000_000), width: 9, pairs: decimalPairs)
        } else {
            sink[.productId].append(0x42)  // "B0"
            sink[.productId].append(0x30)
            appendBase36(productKey, width: 8, to: &sink[.productId])
        }
        let idEnd = sink[.productId].count
        sink.end(.productId)
        let parentKey = key(productRank / 3, salt: 2)
        let parentStart = sink[.productParent].count
        sink[.productParent].appendFixedDigits(100_000_000 + Int(parentKey % 899_999_999), width: 9,
                                               pairs: decimalPairs)
        let parentEnd = sink[.productParent].count
        sink.end(.productParent)
        let titleStart = sink[.productTitle].count
        appendTitle(productKey, to: &sink[.productTitle])
        let titleEnd = sink[.productTitle].count
        if productRank <= ProductTextCache.ranks {
            func text(_ field: ReviewTextField, _ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(start: sink[field].base + start, count: end - start)
            }
            productTexts.keep(rank: productRank, id: text(.productId, idStart, idEnd),
                              parent: text(.productParent, parentStart, parentEnd),
                              title: text(.productTitle, titleStart, titleEnd))
        }
        sink.end(.productTitle)
    }

    /// Heavy-tailed votes: most reviews get none; the rest follow a Pareto law. Older reviews collected more.
    private mutating func votes(yearIndex: Int, star: Int) -> (helpful: Int, total: Int) {
        let bits = random.next()
        guard UInt16(truncatingIfNeeded: bits) >= noVotesBelow[yearIndex] else { return (0, 0) }
        // 1 - u in (0, 1] from the high 48 bits, and the helpful share's u from another value.
        let tail = Double((bits >> 16) &+ 1) * 0x1.0p-48
        let total = min(25_000, Int(votePower(tail)))
        let share = (star == 1 || star == 5 ? 0.85 : 0.65) * sharePower(random.unit() + 0x1.0p-54)
        return (min(total, Int((Double(total) * share).rounded())), total)
    }

    /// A random-looking key, unique per (seed, category, salt, n): mixing is bijective and n < 2^40. The inner mix
    /// of (seed, salt, category) is the same for every row: `keyBases[salt]`.
    @inline(__always)
    private func key(_ n: Int, salt: Int) -> UInt64 {
        SplitMix.mix(keyBases[salt] ^ UInt64(n))
    }

    static func keyBase(seed: UInt64, salt: UInt64, category: Int) -> UInt64 {
        SplitMix.mix(seed ^ (salt << 56) ^ (UInt64(category) << 48))
    }

    /// A rank in 1...count with probability proportional to rank^-exponent (continuous inverse CDF).
    /// `top` is count^(1 - exponent), `power` raises to 1 / (1 - exponent).
    private mutating func zipf(count: Int, top: Double, power: FixedPower) -> Int {
        let x = power((top - 1) * random.unit() + 1)
        return min(count, max(1, Int(x)))
    }

    /// Brand, adjective, noun and sometimes a qualifier, all chosen by the product's key (same product, same
    /// title): 16 bits of one mixed value each.
    private func appendTitle(_ productKey: UInt64, to out: inout GrowableBuffer<UInt8>) {
        let bits = SplitMix.mix(productKey ^ 0x7469_746C_6573)
        brands.appendPick(bits, to: &out)
        out.append(0x20)
        titleAdjectives.appendPick(bits >> 16, to: &out)
        out.append(0x20)
        capitalizedNouns.appendPick(bits >> 32, to: &out)
        if bits >> 63 != 0 {
            out.append(0x2C)
            out.append(0x20)
            qualifiers.appendPick(bits >> 47, to: &out)
        }
    }

    /// Sentences whose sentiment words follow the stars, mixed with neutral ones; log-normal sentence count. One
    /// random value per sentence: 12 bits for a line break before it, 16 for its set, 32 for the sentence.
    private mutating func appendBody(star: Int, to out: inout GrowableBuffer<UInt8>) {
        let count = sentenceCounts.sample(random.next()) + 1
        let start = out.count
        let firstRow = 2 * (star - 1)
        for s in 0..<count {
            let bits = random.next()
            if s > 0 && bits & 0xFFF < 164 { lineBreak.append(0, to: &out) }  // 4%
            let set = tones.sample(((bits >> 12) & 0xFFFF) << 16, row: s == 0 ? firstRow : firstRow + 1)
            sentences.append(set: set, bits: bits >> 32, to: &out)
        }
        if out.count > start && out.last == 0x20 { out.removeLast() }
    }

    /// Digits 0-9 then A-Z, `width` of them, most significant first; two digits per division (pair table).
    private func appendBase36(_ value: UInt64, width: Int, to out: inout GrowableBuffer<UInt8>) {
        var v = value
        out.reserve(width)
        let chars = UnsafeMutableRawPointer(out.base + out.count)
        let pairs = base36Pairs
        var i = width
        while i >= 2 {
            chars.storeBytes(of: pairs[Int(v % 1296)], toByteOffset: i - 2, as: UInt16.self)
            v /= 1296
            i -= 2
        }
        if i == 1 { chars.storeBytes(of: UInt8(truncatingIfNeeded: pairs[Int(v % 36)] >> 8), as: UInt8.self) }
        out.advance(width)
    }
}

/// The 1,296 two-digit base-36 strings as little-endian byte pairs (first digit in the low byte), allocated once.
enum Base36Pairs {
    nonisolated(unsafe) static let table: UnsafeMutablePointer<UInt16> = {
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 1296)
        func digit(_ d: Int) -> UInt16 { UInt16(d < 10 ? 0x30 + d : 0x41 + d - 10) }
        for r in 0..<1296 { table[r] = digit(r / 36) | digit(r % 36) << 8 }
        return table
    }()
}

/// The 100 two-digit decimal strings as little-endian byte pairs (first digit in the low byte), allocated once.
enum DecimalPairs {
    nonisolated(unsafe) static let table: UnsafeMutablePointer<UInt16> = {
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 100)
        for r in 0..<100 { table[r] = UInt16(0x30 + r / 10) | UInt16(0x30 + r % 10) << 8 }
        return table
    }()
}
