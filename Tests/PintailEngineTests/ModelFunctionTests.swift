import PintailCore
import PintailEngine
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// USING FUNCTION end to end on the fetched built-in model (Scripts/setup.sh fetches it into ~/.pintail).
struct ModelFunctionTests {
    static var modelFetched: Bool {
        let home = String(cString: getenv("HOME"))
        return access(home + "/.pintail/models/all-MiniLM-L6-v2/sentiment-head.safetensors", R_OK) == 0
    }

    static let declaration = """
        USING FUNCTION predict_sentiment(review_body VARCHAR(65535))
        RETURNS VARCHAR(10) TYPE
        SAGEMAKER_INVOKE_ENDPOINT WITH (sagemaker_endpoint = 'sentiment')
        """

    /// A session with the fixture reviews (R1 "Great book, loved it", R2 "Terrible binding", ...) as `reviews`.
    static func reviewsSession(home: String) throws -> Session {
        let session = try Engine(options: EngineOptions(home: home)).makeSession()
        let fixtures = SQLLogicRunner.testsFolder + "/Fixtures/lake/reviews"
        _ = try session.execute("""
            CREATE EXTERNAL TABLE reviews (review_id string, category string, star_rating int, helpful_votes int,
              review_body string, review_date date)
            ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '\(fixtures)'
            TBLPROPERTIES ('skip.header.line.count'='1')
            """)
        return session
    }

    @Test func createTableAsWritesModelPredictions() throws {
        guard Self.modelFetched else { return }
        let home = makeTemporaryFolder()
        defer { removeTree(home) }
        let session = try Self.reviewsSession(home: home)
        _ = try session.execute("""
            CREATE TABLE scored WITH (format = 'PARQUET', external_location = '\(home)/scored') AS
            \(Self.declaration)
            SELECT review_id, predict_sentiment(review_body) AS sentiment FROM reviews
            """)
        let rows = try session.execute("SELECT review_id, sentiment FROM scored ORDER BY review_id")[0].rows()
        #expect(rows.count == 7)
        #expect(rows.first == [.string("R1"), .string("POSITIVE")])
        #expect(rows.contains([.string("R2"), .string("NEGATIVE")]))
        // The declaration belonged to the CTAS query only.
        #expect(throws: (any Error).self) { try session.execute("SELECT predict_sentiment('x')") }
    }

    @Test func modelFunctionsWorkInsideSubqueries() throws {
        guard Self.modelFetched else { return }
        let home = makeTemporaryFolder()
        defer { removeTree(home) }
        let session = try Self.reviewsSession(home: home)
        let derived = try session.execute("""
            \(Self.declaration)
            SELECT sentiment, count(*) FROM (SELECT predict_sentiment(review_body) AS sentiment FROM reviews)
            WHERE sentiment = 'NEGATIVE' GROUP BY sentiment
            """)[0].rows()
        #expect(derived.count == 1)
        #expect(derived.first?.first == .string("NEGATIVE"))
        let inList = try session.execute("""
            \(Self.declaration)
            SELECT review_id FROM reviews
            WHERE review_id IN (SELECT review_id FROM reviews WHERE predict_sentiment(review_body) = 'POSITIVE')
            ORDER BY review_id
            """)[0].rows()
        #expect(inList.contains([.string("R1")]))
        #expect(!inList.contains([.string("R2")]))
    }

    /// Plan-time checks need no model weights: they run everywhere, also where the model is not fetched.
    @Test func createTableAsChecksTheDeclarationAtPlanTime() throws {
        let home = makeTemporaryFolder()
        defer { removeTree(home) }
        let session = try Self.reviewsSession(home: home)
        do {
            _ = try session.execute("""
                CREATE TABLE t AS USING EXTERNAL FUNCTION f(x VARCHAR) RETURNS VARCHAR SAGEMAKER 'nope'
                SELECT f(review_body) AS s FROM reviews
                """)
            Issue.record("an unknown endpoint was accepted")
        } catch {
            #expect("\(error)".contains("Unknown endpoint 'nope'"))
            #expect("\(error)".contains("sentiment"))
        }
        do {
            _ = try session.execute("""
                CREATE TABLE t AS USING EXTERNAL FUNCTION f(x VARCHAR) RETURNS VARCHAR LAMBDA 'fn'
                SELECT f(review_body) AS s FROM reviews
                """)
            Issue.record("a Lambda function was accepted")
        } catch {
            #expect("\(error)".contains("Lambda functions are not supported"))
        }
        #expect(try session.execute("SHOW TABLES")[0].rows().count == 1)
    }

    @Test func theBooksSentimentQueryRunsInline() throws {
        guard Self.modelFetched else {
            print("ModelFunctionTests skipped: the built-in model is not fetched (run Scripts/setup.sh)")
            return
        }
        let home = makeTemporaryFolder()
        defer { removeTree(home) }
        let session = try Engine(options: EngineOptions(home: home)).makeSession()
        let fixtures = SQLLogicRunner.testsFolder + "/Fixtures/lake/reviews"
        _ = try session.execute("""
            CREATE EXTERNAL TABLE reviews (review_id string, category string, star_rating int, helpful_votes int,
              review_body string, review_date date)
            ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '\(fixtures)'
            TBLPROPERTIES ('skip.header.line.count'='1')
            """)
        let results = try session.execute("""
            USING FUNCTION predict_sentiment(review_body VARCHAR(65535))
            RETURNS VARCHAR(10) TYPE
            SAGEMAKER_INVOKE_ENDPOINT WITH (sagemaker_endpoint = 'sentiment')
            SELECT review_id, predict_sentiment(review_body) AS sentiment
            FROM reviews
            WHERE predict_sentiment(review_body) IN ('POSITIVE', 'NEGATIVE', 'NEUTRAL')
            ORDER BY review_id
            """)
        let rows = results[0].rows()
        #expect(rows.count == 7)
        let label = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) })
        #expect(label[.string("R1")] == .string("POSITIVE"))   // "Great book, loved it"
        #expect(label[.string("R2")] == .string("NEGATIVE"))   // "Terrible binding"

        let stars = try session.execute("""
            USING EXTERNAL FUNCTION stars(t VARCHAR) RETURNS INTEGER SAGEMAKER 'star_rating'
            SELECT stars(review_body), stars(NULL) FROM reviews WHERE review_id = 'R1'
            """)[0].rows()
        #expect(stars.count == 1)
        if case .int(let s) = stars[0][0] { #expect(s >= 4) } else { Issue.record("stars() did not return an integer") }
        #expect(stars[0][1] == .null)
    }
}
