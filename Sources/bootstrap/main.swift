import CarbonTrack
import LambdaRuntime

await LambdaRuntimeMain.run { try await CarbonTrackFunction.makeRegistry($0) }
