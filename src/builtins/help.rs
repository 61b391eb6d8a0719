//! `help` pages built from the registry (functions and commands alike), and
//! "did you mean" suggestions.

use super::Doc;
use crate::error::{break_before, wrap};

/// `help WORDS` for words that name no page, and `lookfor WORDS`: every page
/// whose name, signature, summary or math holds all the words, listed one
/// line each as Octave's `lookfor` does: `name  first sentence of its
/// summary`, shortened to fit `width`.
pub fn search(words: &[String], width: usize) -> Option<String> {
    let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut hits: Vec<(&str, &str)> = super::docs()
        .filter(|(name, d)| {
            let text =
                format!("{name} {} {} {}", d.signature, d.summary, d.math.join(" ")).to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .map(|(name, d)| (name, first_sentence(d.summary)))
        .collect();
    if hits.is_empty() {
        return None;
    }
    hits.sort();
    let col = hits.iter().map(|(n, _)| n.len()).max().unwrap_or(0) + 2;
    let mut out = String::new();
    for (name, summary) in hits {
        let room = width.saturating_sub(col).max(20);
        out.push_str(&format!("{name:<col$}{}\n", shorten(summary, room)));
    }
    Some(out)
}

/// `text` whole when it fits in `room` characters, else cut with `...` at
/// the last point where `wrap` could break the line, so a formula like
/// `det(lambda I - A)` is kept whole or left out.
fn shorten(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        return text.to_string();
    }
    // One long word: cut it where the room ends.
    let end = break_before(text, room.saturating_sub(3)).unwrap_or_else(|| {
        text.char_indices()
            .nth(room.saturating_sub(3))
            .map_or(text.len(), |(k, _)| k)
    });
    let kept = text[..end].trim_end().trim_end_matches([',', ';', ':']);
    // A formula's own ellipsis (`A_11 + A_22 + ...`) already says "more".
    match kept.ends_with("...") {
        true => kept.to_string(),
        false => format!("{kept}..."),
    }
}

/// Up to the first full stop followed by a space; the dots of an ellipsis
/// (`A_11 + A_22 + ... (of`) end no sentence.
fn first_sentence(s: &str) -> &str {
    let end = s
        .match_indices(". ")
        .map(|(k, _)| k)
        .find(|&k| !s[..k].ends_with('.'));
    end.map_or(s, |k| &s[..=k])
}

/// The overview: every function and command grouped by topic.
pub fn overview() -> String {
    let mut all: Vec<(&str, &Doc)> = super::docs().collect();
    all.sort_by_key(|(name, d)| (d.topic, *name));
    let mut out = String::from(
        "la: linear algebra with Octave syntax. Type `help NAME` for one function.\n\
         Homework: steps rref(A) / steps det(A) / ... shows the working; latex(x) prints LaTeX.\n",
    );
    let mut current = None;
    let mut line = String::new();
    for (name, d) in all {
        if current != Some(d.topic) {
            flush(&mut out, &mut line);
            out.push_str(&format!("\n{}:\n", d.topic.title()));
            current = Some(d.topic);
        }
        if line.len() + name.len() > 72 {
            flush(&mut out, &mut line);
        }
        line.push_str(&format!("{name} "));
    }
    flush(&mut out, &mut line);
    out
}

fn flush(out: &mut String, line: &mut String) {
    if !line.is_empty() {
        out.push_str(&format!("  {}\n", line.trim_end()));
        line.clear();
    }
}

/// `help NAME`: signature, what it computes, the math, an example, related
/// names; the prose wrapped to `width` (the math and the example never are).
pub fn page(name: &str, width: usize) -> Option<String> {
    let d = super::doc(name)?;
    let mut out = wrap(&format!("{}\n\n  {}\n", d.signature, d.summary), width);
    if !d.math.is_empty() {
        out.push_str("\nMath:\n");
        for l in d.math {
            out.push_str(&format!("  {l}\n"));
        }
    }
    if !d.example.is_empty() {
        out.push_str("\nExample:\n");
        for l in d.example {
            out.push_str(&format!("  {l}\n"));
        }
    }
    if !d.related.is_empty() {
        let see = format!("\nSee also: {}\n", d.related.join(", "));
        out.push_str(&wrap(&see, width));
    }
    Some(out)
}

/// The closest known name within a small edit distance, for "did you mean".
pub fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    // Long names are not typos of short ones (and comparing them would be slow).
    if name.len() > 40 {
        return None;
    }
    let limit = (name.len() / 4).clamp(1, 2);
    known
        .map(|k| (edit_distance(&name.to_lowercase(), &k.to_lowercase()), k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k)
}

/// Optimal string alignment distance: edits, with a swap of neighbours counting once (`nrom` -> `norm`).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}
