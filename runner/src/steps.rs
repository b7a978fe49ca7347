//! A kata is worked in steps, and a test proves each: `stepN_what` in
//! `tests/name.rs` is a test of step N.
//!
//! `hint` starts from the step of the first failing test.

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
}
