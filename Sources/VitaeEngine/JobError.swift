import VitaeExtraction

/// An error that carries a stable code for machines next to its message for people.
public protocol CodedError: Error {
    var errorCode: String { get }
    var errorMessage: String { get }
}

/// A failure raised by a step; the job fails with this code and message.
public struct JobError: CodedError, Equatable, CustomStringConvertible {
    public var errorCode: String
    public var errorMessage: String

    public init(code: String, message: String) {
        self.errorCode = code
        self.errorMessage = message
    }

    public var description: String { errorMessage }

    public static func cancelled() -> JobError { JobError(code: "cancelled", message: "The job was cancelled") }
}

extension ExtractionError: CodedError {
    public var errorCode: String { code.rawValue }
    public var errorMessage: String { message }
}

extension JobError {
    /// Any error as a coded one: coded errors keep their code, others become `internal_error`.
    public init(_ error: any Error) {
        if let coded = error as? any CodedError {
            self.init(code: coded.errorCode, message: coded.errorMessage)
        } else if error is CancellationError {
            self = .cancelled()
        } else {
            self.init(code: "internal_error", message: String(describing: error))
        }
    }
}
