//! Rules as data: the word lists and tables in `src/analysis/lexicon/<lang>/`
//! are compiled into the binary and read with [`entries`].
//!
//! File format: one entry per line; `#` starts a comment; blank lines are
//! skipped; surrounding white space is trimmed. Tables separate their
//! columns with a tab or with ` | ` (see each file's header).

/// The entries of a lexicon file, in file order.
pub fn entries(file: &str) -> impl Iterator<Item = &str> {
    file.lines().filter_map(|line| {
        let line = match line.find('#') {
            Some(i) => &line[..i],
            None => line,
        };
        let line = line.trim();
        (!line.is_empty()).then_some(line)
    })
}

/// The rows of a table file: each entry split into its columns (tab or
/// ` | `), each column trimmed.
pub fn rows(file: &str) -> impl Iterator<Item = Vec<&str>> {
    entries(file).map(|line| {
        if line.contains('\t') {
            line.split('\t').map(str::trim).collect()
        } else {
            line.split(" | ").map(str::trim).collect()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_blank_lines() {
        let file = "# header\n\nsaid  # the commonest\n  told \n";
        assert_eq!(entries(file).collect::<Vec<_>>(), ["said", "told"]);
    }

    /// A repeated entry is dead weight at best and, in a table, a second
    /// meaning that silently loses; every file of every language is checked.
    #[test]
    fn no_lexicon_file_repeats_an_entry() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analysis/lexicon");
        let mut files = Vec::new();
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("lexicon directory").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 20, "found only {files:?}");
        for path in files {
            let file = std::fs::read_to_string(&path).expect("read a lexicon file");
            let mut seen = std::collections::HashSet::new();
            for entry in entries(&file) {
                assert!(seen.insert(entry), "{} repeats {entry:?}", path.display());
            }
        }
    }

    #[test]
    fn splits_table_columns() {
        let file = "said | say | past\nadded\tadd\n";
        assert_eq!(rows(file).collect::<Vec<_>>(), [vec!["said", "say", "past"], vec!["added", "add"]]);
    }
}
