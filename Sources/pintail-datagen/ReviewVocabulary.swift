/// The words and templates review texts are made of. Sentiment words and templates follow the star rating, so a
/// sentiment model can tell a one-star text from a five-star one.
enum ReviewVocabulary {
    /// Sentiment words by star rating (index 0 = one star).
    static let sentimentWords: [WordPool] = [
        WordPool(["terrible", "awful", "horrible", "useless", "broken", "the worst", "a waste of money", "junk",
                  "defective", "garbage", "a total disappointment", "cheaply made", "a complete rip-off"]),
        WordPool(["disappointing", "poor", "flimsy", "weak", "cheap", "annoying", "below average", "not worth it",
                  "overpriced", "unreliable", "mediocre at best"]),
        WordPool(["okay", "average", "mediocre", "so-so", "fair", "ordinary", "acceptable", "nothing special",
                  "alright", "middle of the road"]),
        WordPool(["good", "nice", "solid", "pleasant", "useful", "decent", "well made", "pretty good", "reliable",
                  "worth the price", "enjoyable"]),
        WordPool(["excellent", "amazing", "wonderful", "perfect", "fantastic", "great", "outstanding", "superb",
                  "awesome", "beautiful", "the best", "absolutely fantastic", "a delight", "brilliant"]),
    ]

    static let negativeTemplates = SentenceTemplates([
        "This {n} is {a}. ", "The {n} broke after two weeks, {a}. ", "Do not buy this {n}, it is {a}. ",
        "{A} quality and the {n} stopped working. ", "I want a refund, this {n} is {a}. ",
        "Returned it because the {n} was {a}. ", "Honestly {a}, I regret buying it. ",
        "Very disappointed, the {n} is {a}. ",
    ])
    static let mixedTemplates = SentenceTemplates([
        "The {n} is {a}. ", "It does the job but the {n} is {a}. ", "The {n} is {a} for the price. ",
        "Some parts are {a}, others are fine. ", "Not bad, not great, just {a}. ", "{A} overall. ",
    ])
    static let positiveTemplates = SentenceTemplates([
        "This {n} is {a}. ", "I love this {n}, it is {a}. ", "{A} {n} and great quality. ",
        "Would buy again, {a} value. ", "My family thinks the {n} is {a}. ", "Highly recommend this {n}, {a}! ",
        "The {n} works great and looks {a}. ", "Five stars, {a}. ",
    ])
    static let fillerTemplates = SentenceTemplates([
        "It arrived on time. ", "I bought this {n} for my son. ", "The {n} came in a plain box. ",
        "I have used it for about a month. ", "Shipping took a week. ", "I ordered the {n} as a gift. ",
        "We compared it with another {n} first. ", "The instructions were short. ",
    ])

    /// Headlines by star rating; "N Stars" headlines are as common as in the real data.
    static let headlines: [WordPool] = [
        WordPool(["One Star", "Terrible", "Waste of money", "Broke quickly", "Do not buy", "Awful", "Junk"]),
        WordPool(["Two Stars", "Disappointed", "Not great", "Meh", "Could be better", "Poor quality"]),
        WordPool(["Three Stars", "OK", "Average", "It's okay", "Not bad", "Decent but not great"]),
        WordPool(["Four Stars", "Good", "Pretty good", "Works well", "Nice", "Solid product"]),
        WordPool(["Five Stars", "Great", "Love it!", "Excellent", "Perfect", "Awesome", "Highly recommend"]),
    ]

    /// The HTML line break the public review bodies contain.
    static let lineBreak = WordPool(["<br />"])

    static let brands = WordPool(["Acme", "Northwind", "Bluebird", "Everline", "Kestrel", "Maple & Co", "Zentro",
                                  "Orbitek", "Sunward", "Pioneer Lane", "Vantage", "Hollis", "Brightly", "Cobalt",
                                  "Redfern", "Lumora", "Tidewater", "Quill", "Granite", "Willow"])
    static let titleAdjectives = WordPool(["Premium", "Classic", "Deluxe", "Portable", "Compact", "Ultra",
                                           "Professional", "Original", "Essential", "Heavy Duty", "Smart", "Mini"])
    static let qualifiers = WordPool(["Black", "2 Pack", "Large", "Set of 3", "Blue", "Stainless Steel", "Paperback",
                                      "Hardcover", "Kindle Edition", "Deluxe Edition", "White", "Value Pack"])
}
