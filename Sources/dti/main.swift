import DTICommands
import Foundation

// `dti`: everything is in DTICommands, so that tests, benchmarks and fuzzers run the commands in
// process; the binary is this line.
exit(DTICommand.execute(Array(CommandLine.arguments.dropFirst()), on: .standard()))
