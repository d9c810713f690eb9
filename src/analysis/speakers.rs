//! Speakers: one entity per quoted person, organisation or group, with every
//! mention, resolved from names, titles and pronouns.
