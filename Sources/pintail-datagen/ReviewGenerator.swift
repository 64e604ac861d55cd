import Foundation
import PintailCore

/// Generates the reviews of one category, batch by batch, deterministically from (seed, category).
struct ReviewGenerator {
    let category: ReviewCategory
    let categoryIndex: Int
    private var random: SplitMix
    private let seed: UInt64
    private var produced = 0
    /// Customers are shared by all categories (so joins across categories find them); products are per category.
    private let customerCount: Int
    private let productCount: Int
    /// count^(1 - exponent) of the two Zipf laws, computed once (pow is the costliest call per row).
    private let customerZipfTop: Double
    private let productZipfTop: Double
    private let nouns: WordPool
    private let capitalizedNouns: WordPool
    /// The sentences of each star's tone (one to five) with this category's nouns, and the neutral fillers.
    private let oneStarSentences: SentenceTable
    private let twoStarSentences: SentenceTable
    private let threeStarSentences: SentenceTable
    private let fourStarSentences: SentenceTable
    private let fiveStarSentences: SentenceTable
    private let fillerSentences: SentenceTable
    /// Cumulative probabilities of the years firstYear...2015.
    private let yearCumulative: [Double]
    private let isBookLike: Bool
    /// First and last day (days since 1970) of each year firstYear...2015.
    private let yearFirstDay: [Int]
    private let yearLastDay: [Int]
    /// The number of days of each year firstYear...2015, for drawing a day without a division instruction.
    private let yearDays: [FixedDivisor]

    static let lastYear = 2015
    static let customerExponent = 1.15
    static let productExponent = 1.05
    /// The HTML line break the public review bodies contain.
    static let lineBreak: [UInt8] = Array("<br />".utf8)
    /// The public dataset ends on 2015-08-31.
    static let lastDay = CivilDate.days(year: 2015, month: 8, day: 31)

    /// Generates part `part` of the category, whose first row is row `firstRow` of the category. Each part has its
    /// own random stream (part 0's is the category's own), so parts can be generated on different threads.
    init(category: ReviewCategory, index: Int, seed: UInt64, categoryRows: Int, totalRows: Int, part: Int = 0,
         firstRow: Int = 0) {
        self.category = category
        categoryIndex = index
        self.seed = seed
        random = SplitMix(seed: seed, stream: UInt64(index) | UInt64(part) << 32)
        produced = firstRow
        customerCount = max(50, totalRows / 4)
        productCount = max(10, categoryRows / 6)
        customerZipfTop = pow(Double(customerCount), 1 - Self.customerExponent)
        productZipfTop = pow(Double(productCount), 1 - Self.productExponent)
        nouns = WordPool(category.nouns)
        capitalizedNouns = WordPool(category.nouns.map { $0.prefix(1).uppercased() + $0.dropFirst() })
        let words = ReviewVocabulary.sentimentWords
        oneStarSentences = SentenceTable(ReviewVocabulary.negativeTemplates, nouns: nouns, words: words[0])
        twoStarSentences = SentenceTable(ReviewVocabulary.negativeTemplates, nouns: nouns, words: words[1])
        threeStarSentences = SentenceTable(ReviewVocabulary.mixedTemplates, nouns: nouns, words: words[2])
        fourStarSentences = SentenceTable(ReviewVocabulary.positiveTemplates, nouns: nouns, words: words[3])
        fiveStarSentences = SentenceTable(ReviewVocabulary.positiveTemplates, nouns: nouns, words: words[4])
        fillerSentences = SentenceTable(ReviewVocabulary.fillerTemplates, nouns: nouns, words: nouns)
        isBookLike = category.name == "Books"
        // Reviews grow about 45% a year; 2015 covers eight months.
        var weights: [Double] = []
        for year in category.firstYear...Self.lastYear {
            weights.append(pow(1.45, Double(year - 1995)) * (year == 2015 ? 0.66 : 1))
        }
        let sum = weights.reduce(0, +)
        var running = 0.0
        yearCumulative = weights.map { running += $0 / sum; return running }
        yearFirstDay = (category.firstYear...Self.lastYear).map { CivilDate.days(year: $0, month: 1, day: 1) }
        yearLastDay = (category.firstYear...Self.lastYear).map {
            $0 == Self.lastYear ? Self.lastDay : CivilDate.days(year: $0 + 1, month: 1, day: 1) - 1
        }
        yearDays = zip(yearFirstDay, yearLastDay).map { FixedDivisor($1 - $0 + 1) }
    }

    /// Replaces `batch`'s rows with the next `rows` reviews.
    mutating func fill(_ batch: inout ReviewBatch, rows: Int) {
        batch.removeAll()
        for _ in 0..<rows { appendRow(to: &batch) }
    }

    private mutating func appendRow(to batch: inout ReviewBatch) {
        let (year, day) = reviewDate()
        let star = starRating(year: year)
        let votes = votes(year: year, star: star)

        let customerRank = zipf(count: customerCount, exponent: Self.customerExponent, top: customerZipfTop)
        batch.customerId.bytes.appendDecimal(10_000_000 + (customerRank * 7919 + 12_345) % 89_999_999)
        batch.customerId.endValue()

        let reviewKey = key(produced, salt: 0)
        batch.reviewId.bytes.append(0x52)  // "R"
        appendBase36(reviewKey, width: 13, to: &batch.reviewId.bytes)
        batch.reviewId.endValue()

        let productRank = zipf(count: productCount, exponent: Self.productExponent, top: productZipfTop)
        let productKey = key(productRank, salt: 1)
        if isBookLike {
            batch.productId.bytes.append(0x30)
            batch.productId.bytes.appendDigits(Int(productKey % 1_000_000_000), width: 9)
        } else {
            batch.productId.bytes.append(0x42)  // "B0"
            batch.productId.bytes.append(0x30)
            appendBase36(productKey, width: 8, to: &batch.productId.bytes)
        }
        batch.productId.endValue()
        let parentKey = key(productRank / 3, salt: 2)
        batch.productParent.bytes.appendDecimal(100_000_000 + Int(parentKey % 899_999_999))
        batch.productParent.endValue()
        appendTitle(productKey, to: &batch.productTitle.bytes)
        batch.productTitle.endValue()

        batch.starRating.append(Int32(star))
        batch.helpfulVotes.append(Int32(votes.helpful))
        batch.totalVotes.append(Int32(votes.total))
        let vine = year >= 2007 && random.chance(0.004)
        batch.vine.append(vine ? 0x59 : 0x4E)
        let verifiedShare = min(0.9, max(0.1, 0.1 + Double(year - 2000) * 0.06))
        batch.verifiedPurchase.append(random.chance(verifiedShare) ? 0x59 : 0x4E)

        let headlines = ReviewVocabulary.headlines[star - 1]
        headlines.append(random.chance(0.4) ? 0 : random.below(headlines.countDivisor), to: &batch.reviewHeadline.bytes)
        batch.reviewHeadline.endValue()
        appendBody(star: star, to: &batch.reviewBody.bytes)
        batch.reviewBody.endValue()

        batch.year.append(Int32(year))
        batch.reviewDate.append(Int32(day))
        produced += 1
    }

    /// Year by the category's growth curve, day uniform within it (2015 ends on August 31).
    private mutating func reviewDate() -> (year: Int, day: Int) {
        let u = random.unit()
        // The first year whose cumulative share reaches u (the last year if rounding leaves u above them all), by
        // binary search: most reviews fall in the late years, at the end of a linear scan.
        var low = 0, high = yearCumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if yearCumulative[middle] < u { low = middle + 1 } else { high = middle }
        }
        return (category.firstYear + low, yearFirstDay[low] + random.below(yearDays[low]))
    }

    /// About 62% five stars overall, shifted by the category's mood and a dip in the mid-2000s.
    private mutating func starRating(year: Int) -> Int {
        let era = year < 2000 ? 0.02 : year <= 2008 ? -0.06 : year <= 2011 ? -0.02 : 0
        let five = min(0.9, max(0.3, 0.62 + category.mood + era))
        let rest = (1 - five) / 0.38
        let u = random.unit()
        if u < five { return 5 }
        var edge = five + 0.16 * rest
        if u < edge { return 4 }
        edge += 0.08 * rest
        if u < edge { return 3 }
        edge += 0.05 * rest
        return u < edge ? 2 : 1
    }

    /// Heavy-tailed votes: most reviews get none; the rest follow a Pareto law. Older reviews collected more.
    private mutating func votes(year: Int, star: Int) -> (helpful: Int, total: Int) {
        let none = 0.45 + Double(year - 1995) * 0.015
        guard !random.chance(none) else { return (0, 0) }
        let total = min(25_000, Int(1 / pow(1 - random.unit(), 1 / 1.15)))
        let share = (star == 1 || star == 5 ? 0.85 : 0.65) * pow(random.unit(), 0.4)
        return (min(total, Int((Double(total) * share).rounded())), total)
    }

    /// A random-looking key, unique per (seed, category, salt, n): mixing is bijective and n < 2^40.
    private func key(_ n: Int, salt: UInt64) -> UInt64 {
        SplitMix.mix(SplitMix.mix(seed ^ (salt << 56) ^ (UInt64(categoryIndex) << 48)) ^ UInt64(n))
    }

    /// A rank in 1...count with probability proportional to rank^-exponent (continuous inverse CDF).
    /// `top` is count^(1 - exponent).
    private mutating func zipf(count: Int, exponent: Double, top: Double) -> Int {
        let a = 1 - exponent
        let x = pow((top - 1) * random.unit() + 1, 1 / a)
        return min(count, max(1, Int(x)))
    }

    /// Brand, adjective, noun and sometimes a qualifier, all chosen by the product (same product, same title).
    private func appendTitle(_ productKey: UInt64, to out: inout GrowableBuffer<UInt8>) {
        var r = SplitMix(seed: productKey)
        ReviewVocabulary.brands.appendRandom(&r, to: &out)
        out.append(0x20)
        ReviewVocabulary.titleAdjectives.appendRandom(&r, to: &out)
        out.append(0x20)
        capitalizedNouns.appendRandom(&r, to: &out)
        if r.chance(0.5) {
            out.append(0x2C)
            out.append(0x20)
            ReviewVocabulary.qualifiers.appendRandom(&r, to: &out)
        }
    }

    /// Sentences whose sentiment words follow the stars, mixed with neutral ones; log-normal sentence count.
    private mutating func appendBody(star: Int, to out: inout GrowableBuffer<UInt8>) {
        let gaussian = sqrt(-2 * log(1 - random.unit())) * cos(2 * Double.pi * random.unit())
        let sentences = min(80, max(1, Int(exp(0.9 + 0.85 * gaussian))))
        let start = out.count
        for s in 0..<sentences {
            if s > 0 && random.chance(0.04) { out.append(Self.lineBreak) }
            if s > 0 && random.chance(0.3) {
                fillerSentences.appendRandom(&random, to: &out)
                continue
            }
            // Mostly the star's own words, sometimes a neighbour's (a four-star review may say "excellent").
            var tone = star
            if random.chance(0.2) { tone = min(5, max(1, star + (random.chance(0.5) ? 1 : -1))) }
            switch tone {
            case 5: fiveStarSentences.appendRandom(&random, to: &out)
            case 4: fourStarSentences.appendRandom(&random, to: &out)
            case 3: threeStarSentences.appendRandom(&random, to: &out)
            case 2: twoStarSentences.appendRandom(&random, to: &out)
            default: oneStarSentences.appendRandom(&random, to: &out)
            }
        }
        if out.count > start && out.last == 0x20 { out.removeLast() }
    }

    /// Digits 0-9 then A-Z, `width` of them, most significant first; two digits per division (pair table).
    private func appendBase36(_ value: UInt64, width: Int, to out: inout GrowableBuffer<UInt8>) {
        var v = value
        out.reserve(width)
        let chars = UnsafeMutableRawPointer(out.base + out.count)
        let pairs = Base36Pairs.table
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
