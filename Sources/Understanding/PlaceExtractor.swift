/// Finds where a message says the matter is, and any case numbers.
public enum PlaceExtractor {
    /// The place and case numbers written in normalised `text`.
    public static func extract(from text: String) -> (place: Place, caseNumbers: [String]) {
        (Place(), [])
    }
}
