//! Quotes: direct, indirect and mixed statements, each attributed to a
//! speaker entity (see [`super::speakers`]).

use super::{Document, Quote, Speaker};

/// The quotes of a document and the speakers they are attributed to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Speakers; quotes refer to them by index.
    pub speakers: Vec<Speaker>,
}

/// Finds and attributes the quotes of a document.
pub fn extract(doc: &Document<'_>) -> Attribution {
    let _ = doc;
    Attribution::default()
}
