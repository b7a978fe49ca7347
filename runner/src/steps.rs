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

/// The attribute every step test goes through: it runs the whole test under
/// the world's real-time watchdog (see `world/macros`).
pub const STEP_ATTRIBUTE: &str = "#[world::step]";

/// The test functions of a test file, in order: every `fn` (or `async fn`)
/// under a `#[world::step]`, `#[test]` or `#[tokio::test...]` attribute.
pub fn tests_in(source: &str) -> Vec<String> {
    functions(source)
        .into_iter()
        .filter(|f| f.step || f.test)
        .map(|f| f.name)
        .collect()
}

/// The step tests of a test file (`fn stepN_...`, tested or not) that do
/// not go through [`STEP_ATTRIBUTE`]: `#[test]` and `#[tokio::test]` watch
/// nothing, so the learner's code could hang in them for ever, and a step
/// function with no test attribute never runs at all.
pub fn unwatched_steps(source: &str) -> Vec<String> {
    functions(source)
        .into_iter()
        .filter(|f| step_of(&f.name).is_some() && !f.step)
        .map(|f| f.name)
        .collect()
}

/// A function of a test file and what its attributes say.
struct Function {
    name: String,
    /// Under `#[world::step]`.
    step: bool,
    /// Under `#[test]` or `#[tokio::test...]`.
    test: bool,
}

/// Every free `fn` (or `async fn`) of a test file, in order.
///
/// This reads lines, not Rust, as `splice.rs` does: rustfmt puts the
/// attributes on lines of their own above the function, and a test file is
/// rustfmt-formatted.
fn functions(source: &str) -> Vec<Function> {
    let mut functions = Vec::new();
    let (mut step, mut test) = (false, false);
    for line in source.lines().map(str::trim) {
        if line.starts_with(STEP_ATTRIBUTE) {
            step = true;
        } else if line.starts_with("#[test]") || line.starts_with("#[tokio::test") {
            test = true;
        } else if line.starts_with("#[") || line.starts_with("//") {
            // Another attribute (`#[ignore]`), or a comment: still above it.
        } else {
            let signature = line.trim_start_matches("pub ").trim_start_matches("async ");
            if let Some(rest) = signature.strip_prefix("fn ") {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                functions.push(Function {
                    name: rest[..end].to_string(),
                    step,
                    test,
                });
            }
            (step, test) = (false, false);
        }
    }
    functions
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

    #[test]
    fn a_step_test_goes_through_the_step_attribute() {
        let source = "
#[world::step]
async fn step1_watched() {}

#[world::step]
#[ignore = \"slow\"]
fn step2_watched_sync() {}

#[tokio::test(flavor = \"current_thread\", start_paused = true)]
async fn step3_unwatched() {}

#[test]
fn step4_unwatched_sync() {}

fn step5_not_a_test_at_all() {}

/// Helpers and tests of the test file itself need no watchdog.
#[test]
fn the_scenario_is_sound() {}

fn ms(millis: u64) -> u64 {
    millis
}
";
        assert_eq!(
            tests_in(source),
            [
                "step1_watched",
                "step2_watched_sync",
                "step3_unwatched",
                "step4_unwatched_sync",
                "the_scenario_is_sound"
            ]
        );
        assert_eq!(
            unwatched_steps(source),
            [
                "step3_unwatched",
                "step4_unwatched_sync",
                "step5_not_a_test_at_all"
            ]
        );
    }
}
