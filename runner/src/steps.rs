//! A kata is worked in steps, and a test proves each: `stepN_what` in
//! `tests/name.rs` is a test of step N.
//!
//! `hint` starts from the step of the first failing test, `verify` asks for
//! hints and a snapshot for every step that has a test, and `check` names
//! the tests a stopped test binary never ran. All of them go by these names.

/// `step2_gather` is a test of step 2.
pub fn step_of(test: &str) -> Option<u32> {
    let rest = test.strip_prefix("step")?;
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    match rest[digits..].chars().next() {
        None | Some('_') => rest[..digits].parse().ok(),
        Some(_) => None,
    }
}

/// The test functions of a test file, in order: every `fn` (or `async fn`)
/// under a `#[test]` or `#[tokio::test...]` attribute.
///
/// This reads lines, not Rust, as `splice.rs` does: rustfmt puts the
/// attributes on lines of their own above the function, and a test file is
/// rustfmt-formatted.
pub fn tests_in(source: &str) -> Vec<String> {
    let mut tests = Vec::new();
    let mut under_test_attribute = false;
    for line in source.lines().map(str::trim) {
        if line.starts_with("#[test]") || line.starts_with("#[tokio::test") {
            under_test_attribute = true;
        } else if line.starts_with("#[") || line.starts_with("//") {
            // Another attribute (`#[ignore]`), or a comment: still above it.
        } else if under_test_attribute {
            under_test_attribute = false;
            let signature = line.trim_start_matches("pub ").trim_start_matches("async ");
            if let Some(rest) = signature.strip_prefix("fn ") {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                tests.push(rest[..end].to_string());
            }
        }
    }
    tests
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_test_names_its_step() {
        assert_eq!(step_of("step2_gather"), Some(2));
        assert_eq!(step_of("step12_x"), Some(12));
        assert_eq!(step_of("step3"), Some(3));
        assert_eq!(step_of("stepwise"), None);
        assert_eq!(step_of("step2x"), None);
        assert_eq!(step_of("helper"), None);
    }

    #[test]
    fn finds_the_test_functions_only() {
        let source = "
fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

#[tokio::test(flavor = \"current_thread\", start_paused = true)]
async fn step1_one_after_another() {
    let world = World::start();
}

#[test]
#[ignore = \"slow\"]
// why it is ignored
fn step2_plain() {}

/// A helper with an attribute that is not a test.
#[track_caller]
fn helper() {}
";
        assert_eq!(tests_in(source), ["step1_one_after_another", "step2_plain"]);
    }
}
