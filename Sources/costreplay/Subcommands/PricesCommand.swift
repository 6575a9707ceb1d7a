import ArgumentParser
import CostReplayKit

struct PricesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices",
        abstract: "Show the price book, or how model names resolve and what they cost."
    )

    @OptionGroup var priceOptions: PriceOptions

    @Argument(help: "Model names as they appear in logs.")
    var models: [String] = []

    func run() throws {
        let book = try priceOptions.load()
        if models.isEmpty {
            print(PriceBookListing.table(book), terminator: "")
            return
        }
        var missing = false
        for model in models {
            guard let text = PriceBookListing.describe(book, loggedName: model) else {
                Diagnostics.error("\(model): not in the price book (calls to it are unpriced)")
                missing = true
                continue
            }
            print(text, terminator: "")
        }
        if missing { throw ExitCode(1) }
    }
}
